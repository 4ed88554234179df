import { CombinedGraphQLErrors } from '@apollo/client';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { optionServer } from '../../test/option-server';
import { renderUi } from '../../test/render';
import { ResetPasswordView } from './reset-password';
import { UserFormView, userFieldOf, type UserSubmitValues, type UserValues } from './user-form';

// More organisations than one page of options: the later ones are found by searching on the server.
const ORGS = [...Array.from({ length: 25 }, (_, i) => ({ id: `o-kt-${i}`, name: `Kelompok Tani ${i + 1}` })), { id: 'o-kel', name: 'Kelurahan Menteng' }];
const WAIT = { timeout: 4000 };

/** The form with its organisation picker answered by a stand-in server; returns that server. */
function renderForm(props: Omit<Parameters<typeof UserFormView>[0], 'areas'>) {
  const server = optionServer({ organizations: ORGS });
  renderUi(server.wrap(<UserFormView {...props} areas={AREAS} />));
  return server;
}
const AREAS = [
  { id: 'a-city', code: '62.71', name: 'Palangka Raya', level: 'CITY' as const },
  { id: 'a-jr', code: '62.71.03', name: 'Jekan Raya', level: 'KECAMATAN' as const, parentCode: '62.71' },
  { id: 'a-menteng', code: '62.71.03.1002', name: 'Menteng', level: 'KELURAHAN' as const, parentCode: '62.71.03' },
];
const OFFICER: UserValues = { username: 'lurah.menteng', displayName: 'Petugas Menteng', organizationId: 'o-kel', role: 'KELURAHAN_OFFICER', areaId: 'a-menteng', active: true };

function gqlError(code: string, field: string, message: string) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, field } }] });
}

const save = () => screen.getByRole('button', { name: 'Simpan' });

/**
 * Picks an option of a Mantine Select. jsdom has no layout, so the dropdown soon hides itself as
 * "detached"; its options stay mounted and still answer clicks.
 */
async function choose(label: RegExp, option: string) {
  fireEvent.click(screen.getAllByLabelText(label).find((e) => e.tagName === 'INPUT')!);
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('UserFormView', () => {
  it('validates a new user before sending: username pattern, name, role, organisation, password', async () => {
    const submit = vi.fn(() => Promise.resolve());
    renderForm({ submit });
    // A generated initial password is offered.
    expect((screen.getByLabelText(/Kata sandi awal/) as HTMLInputElement).value).toMatch(/^[A-Za-z0-9]{14}$/);
    fireEvent.change(screen.getByLabelText(/^Nama pengguna/), { target: { value: 'Ab' } });
    fireEvent.change(screen.getByLabelText(/Kata sandi awal/), { target: { value: 'pendek' } });
    fireEvent.click(save());
    expect(await screen.findByText(/^Nama pengguna 3–40 huruf kecil/)).toBeTruthy();
    expect(screen.getByText('Nama 1–120 karakter')).toBeTruthy();
    expect(screen.getByText('Pilih peran')).toBeTruthy();
    expect(screen.getByText('Pilih organisasi')).toBeTruthy();
    expect(screen.getByText('Kata sandi 10–200 karakter')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('requires an area for a kelurahan officer', async () => {
    const submit = vi.fn(() => Promise.resolve());
    renderForm({ user: { ...OFFICER, areaId: null }, submit });
    fireEvent.click(save());
    expect(await screen.findByText('Petugas kelurahan memerlukan wilayah tugas')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('edits without a password; an administrator cannot deactivate themselves', async () => {
    const submit = vi.fn((_: UserSubmitValues) => Promise.resolve());
    renderForm({ user: OFFICER, self: true, submit });
    // The user's organisation is on no page of options: the picker names it all the same.
    await waitFor(() => expect((screen.getByTestId('user-organization') as HTMLInputElement).value).toBe('Kelurahan Menteng'), WAIT);
    expect(screen.queryByLabelText(/Kata sandi/)).toBeNull();
    expect((screen.getByRole('switch', { name: /Aktif/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Nama/, { selector: 'input:not([readonly])' }), { target: { value: 'Petugas Kelurahan Menteng' } });
    fireEvent.click(save());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toEqual({ displayName: 'Petugas Kelurahan Menteng', organizationId: 'o-kel', role: 'KELURAHAN_OFFICER', areaId: 'a-menteng', active: true });
  });

  it('shows a server input error next to its field', async () => {
    const submit = vi
      .fn<(v: UserSubmitValues) => Promise<unknown>>()
      .mockRejectedValueOnce(gqlError('BAD_USER_INPUT', 'input.areaId', 'must be a kecamatan or kelurahan'));
    renderForm({ user: OFFICER, submit });
    fireEvent.click(save());
    expect(await screen.findByText('must be a kecamatan or kelurahan')).toBeTruthy();
  });

  it('sends a new user, and shows a taken username next to the field', async () => {
    const create = vi.fn<(v: UserSubmitValues) => Promise<unknown>>().mockRejectedValueOnce(gqlError('CONFLICT', 'input.username', 'Another record already has this username'));
    const server = renderForm({ submit: create });
    fireEvent.change(screen.getByLabelText(/^Nama pengguna/), { target: { value: ' Admin ' } });
    fireEvent.change(screen.getByLabelText(/^Nama/, { selector: 'input:not([autocapitalize])' }), { target: { value: 'Admin Kedua' } });
    await choose(/^Peran/, 'Auditor');
    // Past the first page of options: found by the server's search.
    const org = screen.getByTestId('user-organization');
    org.focus();
    fireEvent.change(org, { target: { value: 'menteng' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Kelurahan Menteng', hidden: true }, WAIT));
    expect(server.searches('OrganizationOptions')).toEqual([null, 'menteng']);
    fireEvent.click(save());
    expect(await screen.findByText('Nama pengguna ini sudah dipakai')).toBeTruthy();
    expect(create.mock.calls[0]![0]).toMatchObject({ username: 'admin', displayName: 'Admin Kedua', role: 'AUDITOR', organizationId: 'o-kel', areaId: null });
  });
});

describe('ResetPasswordView', () => {
  it('validates the new password, then shows it once after the reset', async () => {
    const submit = vi.fn((_: string) => Promise.resolve());
    const onClose = vi.fn();
    renderUi(<ResetPasswordView username="ngo" submit={submit} onClose={onClose} />);
    const input = screen.getByLabelText(/Kata sandi baru/) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'pendek' } });
    fireEvent.click(screen.getByRole('button', { name: 'Atur ulang kata sandi' }));
    expect(await screen.findByText('Kata sandi 10–200 karakter')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'Kahayan-2026-aman' } });
    fireEvent.click(screen.getByRole('button', { name: 'Atur ulang kata sandi' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith('Kahayan-2026-aman'));
    expect((await screen.findByTestId('shown-password')).textContent).toBe('Kahayan-2026-aman');
    expect(screen.getByText(/hanya ditampilkan sekali ini/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sudah saya catat' })));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows a server error on the password next to the field', async () => {
    const submit = vi.fn((_: string) => Promise.reject(gqlError('BAD_USER_INPUT', 'newPassword', 'must be at least 10 characters')));
    renderUi(<ResetPasswordView username="ngo" submit={submit} onClose={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Atur ulang kata sandi' }));
    const message = await screen.findByText('must be at least 10 characters');
    expect(screen.getByLabelText(/Kata sandi baru/).getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect(screen.queryByTestId('shown-password')).toBeNull();
  });
});

describe('userFieldOf', () => {
  it('maps extensions.field paths to form fields', () => {
    expect(userFieldOf('input.username')).toBe('username');
    expect(userFieldOf('input.areaId')).toBe('areaId');
    expect(userFieldOf('input.id')).toBeNull();
  });
});
