import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import { AssignFormView, MAX_BULK_ASSIGN, type AssignInput, type AssignResult } from './assign-dialog';

const PARTNERS = [
  { id: 'org-ngo', name: 'Yayasan Peduli Kalteng' },
  { id: 'org-csr', name: 'PT Sawit Sejahtera' },
];

function submitButton() {
  return screen.getByRole('button', { name: 'Kirim permintaan' });
}

async function choosePartner(name: string) {
  fireEvent.click(screen.getByLabelText(/Organisasi mitra/, { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name }));
}

describe('AssignFormView', () => {
  it('requires a partner before sending', async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>();
    renderUi(<AssignFormView householdCount={3} partners={PARTNERS} submit={submit} />);
    expect(screen.getByText('Rumah tangga yang ditugaskan: 3')).toBeTruthy();
    fireEvent.click(submitButton());
    expect(await screen.findByText('Pilih organisasi mitra.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends the partner, need type and trimmed note once', async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>(() => Promise.resolve({ ok: true, count: 3 }));
    renderUi(<AssignFormView householdCount={3} partners={PARTNERS} defaultNeedType="FOOD" submit={submit} />);
    await choosePartner('Yayasan Peduli Kalteng');
    fireEvent.change(screen.getByRole('textbox', { name: 'Catatan untuk mitra' }), { target: { value: '  kunjungi minggu ini ' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toEqual({ organizationId: 'org-ngo', needType: 'FOOD', note: 'kunjungi minggu ini' });
  });

  it('shows a server error next to its field', async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>(() =>
      Promise.resolve({
        ok: false,
        error: { code: 'BAD_USER_INPUT', field: 'input.organizationId', message: 'households are referred to NGOs, community organisations and companies' },
      }),
    );
    renderUi(<AssignFormView householdCount={1} partners={PARTNERS} submit={submit} />);
    await choosePartner('PT Sawit Sejahtera');
    fireEvent.click(submitButton());
    const error = await screen.findByText(/households are referred to NGOs/);
    const input = screen.getByLabelText(/Organisasi mitra/, { selector: 'input' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('refuses more households than the server accepts in one request', () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>();
    renderUi(<AssignFormView householdCount={MAX_BULK_ASSIGN + 1} partners={PARTNERS} submit={submit} />);
    expect(screen.getByRole('alert').textContent).toContain('Paling banyak 500');
    expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
  });
});
