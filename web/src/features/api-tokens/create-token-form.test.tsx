import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { CreateTokenView, type CreateTokenInput } from './create-token-form';

const SECRET = 'snt_4f9c2a7e1b_rahasia-sekali';
const create = () => screen.getByRole('button', { name: 'Buat token' });

describe('CreateTokenView', () => {
  it('validates the name before sending', async () => {
    const submit = vi.fn(() => Promise.resolve({ token: SECRET }));
    renderUi(<CreateTokenView submit={submit} />);
    fireEvent.change(screen.getByLabelText(/Nama token/), { target: { value: '   ' } });
    fireEvent.click(create());
    expect(await screen.findByText('Nama 1–100 karakter')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows the new token once, with a warning, until it is dismissed', async () => {
    const submit = vi.fn((_: CreateTokenInput) => Promise.resolve({ token: SECRET }));
    renderUi(<CreateTokenView submit={submit} />);
    fireEvent.change(screen.getByLabelText(/Nama token/), { target: { value: ' ekspor dasbor ' } });
    fireEvent.click(create());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    // Safe defaults: read-only, 90 days.
    expect(submit.mock.calls[0]![0]).toEqual({ name: 'ekspor dasbor', readOnly: true, expiresInDays: 90 });

    expect((await screen.findByTestId('new-token')).textContent).toBe(SECRET);
    expect(screen.getByRole('alert').textContent).toContain('hanya ditampilkan sekali ini');
    expect(screen.getByRole('button', { name: 'Salin' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sudah saya simpan' }));
    expect(screen.queryByTestId('new-token')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    // The form is back, empty, for another token.
    expect((screen.getByLabelText(/Nama token/) as HTMLInputElement).value).toBe('');
  });

  it('sends a shorter lifetime and read-write when chosen', async () => {
    const submit = vi.fn((_: CreateTokenInput) => Promise.resolve({ token: SECRET }));
    renderUi(<CreateTokenView submit={submit} />);
    fireEvent.change(screen.getByLabelText(/Nama token/), { target: { value: 'integrasi SIKS' } });
    fireEvent.click(screen.getByRole('switch', { name: /Baca-saja/ }));
    fireEvent.click(screen.getAllByLabelText(/Berlaku selama/).find((e) => e.tagName === 'INPUT')!);
    // jsdom has no layout: the dropdown hides itself as "detached", its options still answer clicks.
    expect(screen.queryByRole('option', { name: 'Tanpa batas', hidden: true })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: '7 hari', hidden: true }));
    fireEvent.click(create());
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ name: 'integrasi SIKS', readOnly: false, expiresInDays: 7 }));
  });

  it('shows a server error on the name next to the field, and no token', async () => {
    const submit = vi.fn((_: CreateTokenInput) =>
      Promise.reject(new CombinedGraphQLErrors({ errors: [{ message: 'at most 20 active tokens; revoke one first', extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } }] })),
    );
    renderUi(<CreateTokenView submit={submit} />);
    fireEvent.change(screen.getByLabelText(/Nama token/), { target: { value: 'satu lagi' } });
    fireEvent.click(create());
    const message = await screen.findByText('at most 20 active tokens; revoke one first');
    expect(screen.getByLabelText(/Nama token/).getAttribute('aria-describedby') ?? '').toContain(message.id);
    expect(screen.queryByTestId('new-token')).toBeNull();
  });
});
