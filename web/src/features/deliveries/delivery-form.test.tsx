import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { DeliveryFormView, fieldOfServerError, programTargets, type DeliveryInput, type DeliverySubmitResult } from './delivery-form';
import { expectDayDisabled } from '../../test/date';

const PROGRAMS = [
  { id: 'p-hh', name: 'Bantuan Pangan', targetUnit: 'HOUSEHOLD' as const, deliveryUnit: 'paket' },
  { id: 'p-person', name: 'PMT Balita', targetUnit: 'PERSON' as const, deliveryUnit: 'paket' },
];
const MEMBERS = [{ id: 'm1', name: 'Ani' }];

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function submitButton() {
  return screen.getByRole('button', { name: 'Simpan penyaluran' });
}

describe('DeliveryFormView', () => {
  it('sends one request for a double submit, and the same idempotency key on retry and re-render', async () => {
    const pending = deferred<DeliverySubmitResult>();
    const submit = vi.fn<(input: DeliveryInput) => Promise<DeliverySubmitResult>>(() => pending.promise);
    const props = { householdId: 'h1', programs: PROGRAMS, members: MEMBERS, defaultProgramId: 'p-hh', submit, today: '2026-11-20' };
    const { rerender } = renderUi(<DeliveryFormView {...props} />);

    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    fireEvent.submit(submitButton().closest('form')!);
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const first = submit.mock.calls[0]![0];
    expect(first).toMatchObject({ programId: 'p-hh', householdId: 'h1', deliveredAt: '2026-11-20', personId: null });
    expect(first.idempotencyKey.length).toBeGreaterThanOrEqual(8);

    // The network fails: a retry must reuse the key.
    await act(async () => pending.resolve({ ok: false, error: { code: 'NETWORK', message: 'offline' } }));
    expect((await screen.findByRole('alert')).textContent).toContain('Server tidak dapat dihubungi');

    submit.mockImplementation(() => Promise.resolve({ ok: true }));
    rerender(<DeliveryFormView {...props} members={[...MEMBERS]} />);
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit.mock.calls[1]![0].idempotencyKey).toBe(first.idempotencyKey);
  });

  it('gives each form instance its own key', async () => {
    const submit = vi.fn<(input: DeliveryInput) => Promise<DeliverySubmitResult>>(() => Promise.resolve({ ok: true }));
    const props = { householdId: 'h1', programs: PROGRAMS, members: MEMBERS, defaultProgramId: 'p-hh', submit, today: '2026-11-20' };
    const a = renderUi(<DeliveryFormView {...props} />);
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    a.unmount();
    renderUi(<DeliveryFormView {...props} />);
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    expect(submit.mock.calls[0]![0].idempotencyKey).not.toBe(submit.mock.calls[1]![0].idempotencyKey);
  });

  it('validates before sending: program, member for per-person programs, future date', async () => {
    const submit = vi.fn(() => Promise.resolve<DeliverySubmitResult>({ ok: true }));
    renderUi(<DeliveryFormView householdId="h1" programs={PROGRAMS} members={MEMBERS} submit={submit} today="2026-11-20" />);
    // The calendar offers no day after today.
    await expectDayDisabled(screen.getByLabelText(/^Tanggal penyaluran/), '2026-11-21');
    fireEvent.click(submitButton());
    expect(await screen.findByText('Pilih program')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('requires a member for a per-person program', async () => {
    const submit = vi.fn(() => Promise.resolve<DeliverySubmitResult>({ ok: true }));
    renderUi(<DeliveryFormView householdId="h1" programs={PROGRAMS} members={MEMBERS} defaultProgramId="p-person" submit={submit} today="2026-11-20" />);
    fireEvent.click(submitButton());
    expect(await screen.findByText('Pilih anggota untuk program sasaran perorangan')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows a server BAD_USER_INPUT error next to its field, and CONFLICT as a message', async () => {
    const submit = vi
      .fn<(input: DeliveryInput) => Promise<DeliverySubmitResult>>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'BAD_USER_INPUT', field: 'input.deliveredAt', message: 'Sebelum program dimulai' } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'CONFLICT', existingId: 'i9', message: 'already' } });
    renderUi(<DeliveryFormView householdId="h1" programs={PROGRAMS} members={MEMBERS} defaultProgramId="p-hh" submit={submit} today="2026-11-20" />);
    fireEvent.click(submitButton());
    const message = await screen.findByText('Sebelum program dimulai');
    const input = screen.getByLabelText(/^Tanggal penyaluran/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby') ?? '').toContain(message.id);
    fireEvent.click(submitButton());
    expect(await screen.findByText(/sudah disalurkan ke sasaran yang sama/)).toBeTruthy();
  });
});

describe('a delivery form opened from a need', () => {
  const BADUTA = { id: 'p-baduta', name: 'PMT Mingguan Baduta', targetUnit: 'PERSON' as const, deliveryUnit: 'paket', targetMinAgeMonths: 6, targetMaxAgeMonths: 23 };
  const FAMILY = [
    { id: 'm-father', name: 'Rinaldo', sex: 'MALE' as const, age: 34, ageMonths: 410 },
    { id: 'm-baby', name: 'Budi', sex: 'MALE' as const, age: 0, ageMonths: 7 },
    { id: 'm-newborn', name: 'Sari', sex: 'FEMALE' as const, age: 0, ageMonths: 2 },
  ];

  it("pre-selects the need's program and member and lists only the members the program targets, with their age", async () => {
    const submit = vi.fn<(input: DeliveryInput) => Promise<DeliverySubmitResult>>(() => Promise.resolve({ ok: true }));
    renderUi(
      <DeliveryFormView householdId="h1" programs={[...PROGRAMS, BADUTA]} members={FAMILY} defaultProgramId="p-baduta" defaultPersonId="m-baby" needLabel="Risiko gizi · Budi, 7 bln" submit={submit} today="2026-11-20" />,
    );
    expect((screen.getByLabelText(/^Program/, { selector: 'input' }) as HTMLInputElement).value).toBe('PMT Mingguan Baduta');
    const member = screen.getByLabelText(/^Anggota/, { selector: 'input' }) as HTMLInputElement;
    expect(member.value).toBe('Budi, 7 bln');
    fireEvent.click(member);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Budi, 7 bln']);
    expect(screen.getByText('Untuk kebutuhan: Risiko gizi · Budi, 7 bln')).toBeTruthy();
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toMatchObject({ programId: 'p-baduta', personId: 'm-baby' });
  });

  it('leaves a member the program does not target unselected', () => {
    renderUi(<DeliveryFormView householdId="h1" programs={[BADUTA]} members={FAMILY} defaultProgramId="p-baduta" defaultPersonId="m-father" submit={vi.fn()} today="2026-11-20" />);
    expect((screen.getByLabelText(/^Anggota/, { selector: 'input' }) as HTMLInputElement).value).toBe('');
  });

  it('links a CONFLICT to the existing record', async () => {
    const submit = vi.fn(() => Promise.resolve<DeliverySubmitResult>({ ok: false, error: { code: 'CONFLICT', existingId: 'i9', message: 'already' } }));
    renderUi(<DeliveryFormView householdId="h1" programs={[BADUTA]} members={FAMILY} defaultProgramId="p-baduta" defaultPersonId="m-baby" submit={submit} today="2026-11-20" />);
    fireEvent.click(submitButton());
    const link = await screen.findByRole('link', { name: 'Lihat penyaluran yang ada' });
    expect(link.getAttribute('href')).toBe('/rumah-tangga/h1#intervensi-i9');
  });

  it('matches members by age in months and sex, and by age in years where months are masked (partners)', () => {
    const bumil = { id: 'p', name: 'PMT Bumil', targetUnit: 'PERSON' as const, deliveryUnit: 'paket', targetSex: 'FEMALE' as const, targetMinAgeMonths: 180, targetMaxAgeMonths: 588 };
    expect(programTargets(bumil, { id: 'a', name: 'A', sex: 'FEMALE', age: 30, ageMonths: 365 })).toBe(true);
    expect(programTargets(bumil, { id: 'b', name: 'B', sex: 'MALE', age: 30, ageMonths: 365 })).toBe(false);
    expect(programTargets(BADUTA, { id: 'c', name: 'C', age: 1, ageMonths: null })).toBe(true);
    expect(programTargets(BADUTA, { id: 'd', name: 'D', age: 3, ageMonths: null })).toBe(false);
    expect(programTargets(PROGRAMS[0]!, FAMILY[0]!)).toBe(false);
  });
});

describe('fieldOfServerError', () => {
  it('maps extensions.field paths to form fields', () => {
    expect(fieldOfServerError('input.deliveredAt')).toBe('deliveredAt');
    expect(fieldOfServerError('input.valueRp')).toBe('valueRp');
    expect(fieldOfServerError('input.idempotencyKey')).toBeNull();
    expect(fieldOfServerError(undefined)).toBeNull();
  });
});
