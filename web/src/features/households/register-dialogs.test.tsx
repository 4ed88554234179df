import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError, type DocumentNode } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddHouseholdMemberDocument, CorrectKkNumberDocument, RecordAssessmentDocument, RecordMemberExitDocument } from '../../gql/graphql';
import { expectDayDisabled, pickDate } from '../../test/date';
import { renderUi } from '../../test/render';
import { AddMemberDialog, AssessmentDialog, CorrectKkDialog, MemberExitDialog, type RegisterMember } from './register-dialogs';

const HOUSEHOLD = { id: 'h1', version: 3, kkNumber: '6271031405190001' };
const KK = '6271030202210009';

function renderDialog(result: object) {
  const mocks = [{
    request: { query: CorrectKkNumberDocument, variables: { input: { householdId: 'h1', version: 3, kkNumber: KK, reason: 'KK baru' } } },
    result,
  }];
  const onSaved = vi.fn();
  renderUi(<MockedProvider mocks={mocks}><CorrectKkDialog opened onClose={() => undefined} onSaved={onSaved} household={HOUSEHOLD} /></MockedProvider>);
  return onSaved;
}

describe('CorrectKkDialog', () => {
  it('checks the KK number and the reason before sending', async () => {
    const onSaved = renderDialog({ data: null });
    fireEvent.change(screen.getByLabelText(/Nomor KK baru/), { target: { value: '12345' } });
    fireEvent.click(screen.getByTestId('kk-form-submit'));
    expect(await screen.findByText('Nomor KK harus 16 angka')).toBeTruthy();
    expect(screen.getByText('Alasan minimal 3 karakter')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("shows the server's refusal beside the field it names", async () => {
    const onSaved = renderDialog({
      errors: [new GraphQLError('input.kkNumber: KK issue date is in the future', { extensions: { code: 'BAD_USER_INPUT', field: 'input.kkNumber' } })],
    });
    fireEvent.change(screen.getByLabelText(/Nomor KK baru/), { target: { value: KK } });
    fireEvent.change(screen.getByLabelText(/Alasan koreksi/), { target: { value: 'KK baru' } });
    fireEvent.click(screen.getByTestId('kk-form-submit'));
    expect(await screen.findByText('KK issue date is in the future')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText(/Nomor KK baru/).getAttribute('aria-invalid')).toBe('true'));
    // Beside the field, not above the form.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });
});

/** A mutation mock that records the variables it was sent. */
function recording(query: DocumentNode, data: object) {
  const sent: Record<string, unknown>[] = [];
  const mock = {
    request: { query, variables: (v: Record<string, unknown>) => (sent.push(v), true) },
    result: { data },
  };
  return { mock, sent };
}

const choose = async (label: RegExp, option: string) => {
  fireEvent.click(screen.getByLabelText(label, { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
};

describe('register dates', () => {
  // "Today" in WIB is the 20th of November 2026; only Date is faked, so the forms' timers still run.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T03:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('picks a newborn\'s birth date in dd/mm/yyyy, none after today, and sends the ISO day', async () => {
    const { mock, sent } = recording(AddHouseholdMemberDocument, { addHouseholdMember: { __typename: 'Person', id: 'p9' } });
    const onSaved = vi.fn();
    renderUi(<MockedProvider mocks={[mock]}><AddMemberDialog opened householdId="h1" onClose={() => undefined} onSaved={onSaved} /></MockedProvider>);
    const birth = screen.getByTestId('member-birthDate');
    // A new member defaults to born today; a day after it cannot be picked.
    expect(birth.textContent).toBe('20/11/2026');
    await expectDayDisabled(birth, '2026-11-21');
    await pickDate(birth, '2026-11-10');
    expect(birth.textContent).toBe('10/11/2026');
    fireEvent.change(screen.getByTestId('member-name'), { target: { value: 'Bayi Ani' } });
    await choose(/Jenis kelamin/, 'Perempuan');
    fireEvent.click(await screen.findByLabelText(/Belum punya NIK/));
    fireEvent.click(screen.getByTestId('member-form-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({ householdId: 'h1', input: { name: 'Bayi Ani', nik: null, sex: 'FEMALE', birthDate: '2026-11-10', relation: 'CHILD' } });
  });

  it('offers exit days between the birth and today only, and sends the day picked', async () => {
    const member: RegisterMember = {
      id: 'p2', name: 'Siti', version: 4, sex: 'FEMALE', relation: 'SPOUSE', birthDate: '2026-11-03', nik: null, nikPending: true,
      jknStatus: 'NONE', employmentStatus: null, schoolEnrolled: false, pregnant: false,
    };
    const { mock, sent } = recording(RecordMemberExitDocument, { recordMemberExit: { __typename: 'Person', id: 'p2', leftOn: '2026-11-05', leftReason: 'MOVED_OUT' } });
    const onSaved = vi.fn();
    renderUi(<MockedProvider mocks={[mock]}><MemberExitDialog opened member={member} others={[]} onClose={() => undefined} onSaved={onSaved} /></MockedProvider>);
    const day = screen.getByTestId('exit-date');
    await expectDayDisabled(day, '2026-11-02');
    await expectDayDisabled(day, '2026-11-21');
    await pickDate(day, '2026-11-05');
    expect(day.textContent).toBe('05/11/2026');
    await choose(/Keterangan/, 'Pindah');
    fireEvent.click(screen.getByTestId('exit-form-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({ input: { personId: 'p2', version: 4, reason: 'MOVED_OUT', date: '2026-11-05' } });
  });

  it('dates an assessment in dd/mm/yyyy, none after today', async () => {
    const { mock } = recording(RecordAssessmentDocument, { recordPovertyAssessment: { __typename: 'PovertyAssessment', id: 'a1' } });
    renderUi(<MockedProvider mocks={[mock]}><AssessmentDialog opened householdId="h1" onClose={() => undefined} onSaved={() => undefined} /></MockedProvider>);
    const day = screen.getByTestId('assessment-date');
    expect(day.textContent).toBe('20/11/2026');
    await expectDayDisabled(day, '2026-11-21');
    await pickDate(day, '2026-10-31');
    expect(day.textContent).toBe('31/10/2026');
  });
});
