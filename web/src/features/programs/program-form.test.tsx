import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { programFieldOf, ProgramFormView, type ProgramValues } from './program-form';
import { programStatus } from './programs-page';
import { pickDate } from '../../test/date';
import { optionServer } from '../../test/option-server';

// More owners than one page of options: the later ones are found by searching on the server.
const ORGS = [
  { id: 'o-dinsos', name: 'Dinas Sosial', shortName: 'Dinsos' },
  ...Array.from({ length: 25 }, (_, i) => ({ id: `o-kt-${i}`, name: `Kelompok Tani ${i + 1}` })),
  { id: 'o-dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
];
const WAIT = { timeout: 4000 };

/** The form with its owner picker answered by a stand-in server; returns that server. */
function renderForm(props: Omit<Parameters<typeof ProgramFormView>[0], 'today'>) {
  const server = optionServer({ organizations: ORGS });
  renderUi(server.wrap(<ProgramFormView {...props} today="2026-11-20" />));
  return server;
}

const PMT: ProgramValues = {
  ownerId: 'o-dinkes',
  name: 'PMT Balita',
  description: null,
  focusAspects: ['STUNTING'],
  strategy: 'REDUCE_POVERTY_POCKETS',
  needTypes: ['STUNTING'],
  targetUnit: 'PERSON',
  targetSex: null,
  targetMinAgeMonths: 6,
  targetMaxAgeMonths: 59,
  deliveryUnit: 'paket',
  frequency: 'MONTHLY',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  budgetRp: 150_000_000,
  quota: 500,
};

function badInput(field: string, message: string) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });
}

const save = () => screen.getByRole('button', { name: 'Simpan program' });

describe('ProgramFormView', () => {
  it('validates before sending: name, aspects, strategy and unit', async () => {
    const submit = vi.fn(() => Promise.resolve());
    renderForm({ defaultOwnerId: 'o-dinsos', submit });
    fireEvent.change(screen.getByLabelText(/Nama program/), { target: { value: 'X' } });
    fireEvent.change(screen.getAllByLabelText(/Satuan penyaluran/).find((e) => e.tagName === 'INPUT')!, { target: { value: '' } });
    fireEvent.click(save());
    expect(await screen.findByText('Nama 2–200 karakter')).toBeTruthy();
    expect(screen.getByText('Pilih minimal satu aspek')).toBeTruthy();
    expect(screen.getByText('Pilih strategi')).toBeTruthy();
    expect(screen.getByText('Satuan wajib diisi (maksimal 40 karakter)')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('refuses an end before the start and an age range upside down', async () => {
    const submit = vi.fn(() => Promise.resolve());
    renderForm({ program: { ...PMT, targetMinAgeMonths: 24, targetMaxAgeMonths: 12 }, submit });
    await pickDate(screen.getByLabelText(/Selesai/), '2025-06-30');
    fireEvent.click(save());
    expect(await screen.findByText('Tanggal selesai tidak boleh sebelum tanggal mulai')).toBeTruthy();
    expect(screen.getByText('Umur maks. tidak boleh di bawah umur min.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the edited program with cleared optional fields as null', async () => {
    const submit = vi.fn((_: ProgramValues) => Promise.resolve());
    renderForm({ program: PMT, submit });
    fireEvent.click(screen.getByRole('button', { name: 'Kosongkan tanggal' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Rumah tangga' }));
    fireEvent.click(save());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toEqual({
      ...PMT,
      endsOn: null,
      targetUnit: 'HOUSEHOLD',
      // Age and sex criteria belong to per-person programs only.
      targetMinAgeMonths: null,
      targetMaxAgeMonths: null,
      targetSex: null,
    });
  });

  it('searches owners on the server and sends the one chosen, past the first page of options', async () => {
    const submit = vi.fn((_: ProgramValues) => Promise.resolve());
    const server = renderForm({ program: { ...PMT, ownerId: 'o-dinsos' }, submit });
    const owner = screen.getByLabelText(/Organisasi pemilik/, { selector: 'input' }) as HTMLInputElement;
    await waitFor(() => expect(owner.value).toBe('Dinas Sosial (Dinsos)'), WAIT);
    owner.focus();
    fireEvent.change(owner, { target: { value: 'kesehatan' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Dinas Kesehatan (Dinkes)', hidden: true }, WAIT));
    expect(server.searches('OrganizationOptions')).toEqual([null, 'kesehatan']);
    fireEvent.click(save());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0].ownerId).toBe('o-dinkes');
    expect(owner.value).toBe('Dinas Kesehatan (Dinkes)');
  });

  it('shows a server BAD_USER_INPUT error next to its field, and other errors above the form', async () => {
    const submit = vi
      .fn<(v: ProgramValues) => Promise<unknown>>()
      .mockRejectedValueOnce(badInput('input.budgetRp', 'must be between 0 and 1000000000000000'))
      .mockRejectedValueOnce(new CombinedGraphQLErrors({ errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }] }));
    renderForm({ program: PMT, submit });
    fireEvent.click(save());
    const message = await screen.findByText('must be between 0 and 1000000000000000');
    const input = screen.getByLabelText(/Anggaran \(Rp\)/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby') ?? '').toContain(message.id);
    fireEvent.click(save());
    expect((await screen.findByRole('alert')).textContent).toContain('Anda tidak berwenang');
  });
});

describe('programFieldOf', () => {
  it('maps extensions.field paths to form fields', () => {
    expect(programFieldOf('input.endsOn')).toBe('endsOn');
    expect(programFieldOf('input.ownerId')).toBe('ownerId');
    expect(programFieldOf('input.id')).toBeNull();
    expect(programFieldOf(undefined)).toBeNull();
  });
});

describe('programStatus', () => {
  it('derives running, upcoming and ended from the period', () => {
    expect(programStatus({ startsOn: '2026-01-01', endsOn: null }, '2026-11-20')).toBe('RUNNING');
    expect(programStatus({ startsOn: '2026-01-01', endsOn: '2026-11-20' }, '2026-11-20')).toBe('RUNNING');
    expect(programStatus({ startsOn: '2026-12-01' }, '2026-11-20')).toBe('UPCOMING');
    expect(programStatus({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, '2026-11-20')).toBe('ENDED');
  });
});
