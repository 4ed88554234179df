import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { OrganizationFormView, type OrganizationValues } from './organization-form';

const YAYASAN: OrganizationValues = {
  name: 'Yayasan Peduli Kahayan',
  shortName: 'YPK',
  type: 'NGO',
  contactEmail: 'info@peduli-kahayan.example',
  contactPhone: '0536 322110',
  address: null,
};

const save = () => screen.getByRole('button', { name: 'Simpan' });

describe('OrganizationFormView', () => {
  it('validates before sending: name, type, e-mail and phone', async () => {
    const submit = vi.fn(() => Promise.resolve());
    renderUi(<OrganizationFormView submit={submit} />);
    fireEvent.change(screen.getByLabelText(/Email kontak/), { target: { value: 'bukan-email' } });
    fireEvent.change(screen.getByLabelText(/Telepon kontak/), { target: { value: '12' } });
    fireEvent.click(save());
    expect(await screen.findByText('Nama 2–200 karakter')).toBeTruthy();
    expect(screen.getByText('Pilih jenis organisasi')).toBeTruthy();
    expect(screen.getByText('Alamat email tidak valid')).toBeTruthy();
    expect(screen.getByText(/Nomor telepon tidak valid/)).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends trimmed values, an emptied field as null', async () => {
    const submit = vi.fn((_: OrganizationValues) => Promise.resolve());
    renderUi(<OrganizationFormView organization={YAYASAN} submit={submit} />);
    fireEvent.change(screen.getByLabelText(/Nama/, { selector: 'input' }), { target: { value: '  Yayasan Peduli Kahayan Raya ' } });
    fireEvent.change(screen.getByLabelText(/Telepon kontak/), { target: { value: '' } });
    fireEvent.click(save());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toEqual({ ...YAYASAN, name: 'Yayasan Peduli Kahayan Raya', contactPhone: null });
  });

  it('shows server input errors and a name clash next to the field', async () => {
    const submit = vi
      .fn<(v: OrganizationValues) => Promise<unknown>>()
      .mockRejectedValueOnce(new CombinedGraphQLErrors({ errors: [{ message: 'is not an e-mail address', extensions: { code: 'BAD_USER_INPUT', field: 'input.contactEmail' } }] }))
      .mockRejectedValueOnce(new CombinedGraphQLErrors({ errors: [{ message: 'Another record already has this name', extensions: { code: 'CONFLICT', field: 'input.name' } }] }));
    renderUi(<OrganizationFormView organization={YAYASAN} submit={submit} />);
    fireEvent.click(save());
    const message = await screen.findByText('is not an e-mail address');
    const email = screen.getByLabelText(/Email kontak/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby') ?? '').toContain(message.id);
    fireEvent.click(save());
    expect(await screen.findByText('Sudah ada organisasi dengan nama ini')).toBeTruthy();
  });
});
