import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { expectDayDisabled, pickDate } from '../../test/date';
import { renderUi } from '../../test/render';
import { AssignFormView, MAX_BULK_ASSIGN, type AssignInput, type AssignResult } from './assign-dialog';

const PARTNERS = [
  { id: 'org-ngo', name: 'Yayasan Peduli Kalteng' },
  { id: 'org-csr', name: 'PT Sawit Sejahtera' },
];
const MEMBERS = [
  { id: 'p-head', name: 'Budi' },
  { id: 'p-wife', name: 'Siti' },
];

function submitButton() {
  return screen.getByRole('button', { name: 'Kirim permintaan' });
}

async function choosePartner(name: string | RegExp) {
  fireEvent.click(screen.getByLabelText(/Organisasi mitra/, { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name }));
}

/** jsdom has no layout: a Select's dropdown soon hides itself as "detached", its options still answer clicks. */
async function choose(label: RegExp, name: string | RegExp) {
  fireEvent.click(screen.getByLabelText(label, { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name, hidden: true }));
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

  it('sends the partner, need type, legal basis and trimmed note of a bulk referral once', async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>(() => Promise.resolve({ ok: true, count: 3 }));
    renderUi(<AssignFormView householdCount={3} partners={PARTNERS} defaultNeedType="FOOD" submit={submit} />);
    await choosePartner(/Yayasan Peduli Kalteng/);
    fireEvent.click(submitButton());
    expect(await screen.findByText('Pilih dasar pembagian data.')).toBeTruthy();
    // Consent is one household's: a bulk referral cannot rest on it.
    fireEvent.click(screen.getByLabelText(/Dasar pembagian data/, { selector: 'input' }));
    expect((await screen.findByRole('option', { name: /Persetujuan keluarga/, hidden: true })).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(await screen.findByRole('option', { name: /Tugas pelayanan publik/, hidden: true }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Catatan untuk mitra' }), { target: { value: '  kunjungi minggu ini ' } });
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toEqual({ organizationId: 'org-ngo', needType: 'FOOD', note: 'kunjungi minggu ini', lawfulBasis: 'PUBLIC_TASK', consent: null });
  });

  it("records one household's consent: who of its members, when and how", async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>(() => Promise.resolve({ ok: true, count: 1 }));
    renderUi(<AssignFormView householdCount={1} partners={PARTNERS} members={MEMBERS} submit={submit} />);
    await choosePartner('PT Sawit Sejahtera');
    fireEvent.click(submitButton());
    expect(await screen.findByText('Pilih anggota keluarga yang memberi persetujuan.')).toBeTruthy();
    expect(screen.getByText('Pilih cara persetujuan.')).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    await choose(/Persetujuan diberikan oleh/, 'Siti');
    fireEvent.click(screen.getByRole('radio', { name: 'Cap jempol' }));
    await pickDate(screen.getByLabelText(/^Tanggal persetujuan/), '2026-11-30');
    fireEvent.click(submitButton());
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0]![0]).toMatchObject({ lawfulBasis: 'CONSENT', consent: { givenById: 'p-wife', givenOn: '2026-11-30', method: 'THUMBPRINT' } });
  }, 15_000);

  it('lists first the partners whose programs address the chosen need', async () => {
    const partners = [
      { id: 'org-ngo', name: 'Yayasan Peduli Kalteng', programNeedTypes: ['NUTRITION_RISK' as const] },
      { id: 'org-csr', name: 'PT Sawit Sejahtera', programNeedTypes: ['FOOD' as const, 'INCOME' as const] },
    ];
    renderUi(<AssignFormView householdCount={1} partners={partners} members={MEMBERS} defaultNeedType="FOOD" submit={vi.fn()} />);
    fireEvent.click(screen.getByLabelText(/Organisasi mitra/, { selector: 'input' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['PT Sawit Sejahtera · program: Pangan, Pendapatan', 'Yayasan Peduli Kalteng · program: Risiko gizi']);
    expect(screen.getByText('Menjalankan program untuk Pangan')).toBeTruthy();
  });

  it('asks the server for partners by the typed text and the chosen need, keeping the chosen one', async () => {
    const onPartnerQuery = vi.fn();
    const { rerender } = renderUi(
      <AssignFormView householdCount={1} partners={PARTNERS} onPartnerQuery={onPartnerQuery} members={MEMBERS} defaultNeedType="FOOD" submit={vi.fn()} />,
    );
    expect(onPartnerQuery).toHaveBeenLastCalledWith({ search: '', needType: 'FOOD' });
    const input = screen.getByTestId('partner-select');
    // Mantine takes a change of an unfocused input for autofill: type as a user does, focused.
    input.focus();
    fireEvent.change(input, { target: { value: ' sawit ' } });
    await waitFor(() => expect(onPartnerQuery).toHaveBeenLastCalledWith({ search: 'sawit', needType: 'FOOD' }));
    // The server's answer is shown as it is: no second filtering by the typed text in the browser.
    fireEvent.click(await screen.findByRole('option', { name: 'Yayasan Peduli Kalteng', hidden: true }));
    // A new answer without the chosen partner keeps it chosen and named.
    rerender(<AssignFormView householdCount={1} partners={[PARTNERS[1]!]} onPartnerQuery={onPartnerQuery} members={MEMBERS} defaultNeedType="FOOD" submit={vi.fn()} />);
    expect((screen.getByLabelText(/Organisasi mitra/, { selector: 'input' }) as HTMLInputElement).value).toBe('Yayasan Peduli Kalteng');
    expect(onPartnerQuery).toHaveBeenLastCalledWith({ search: '', needType: 'FOOD' });
  });

  it('offers no consent day after today', async () => {
    renderUi(<AssignFormView householdCount={1} partners={PARTNERS} members={MEMBERS} submit={vi.fn()} />);
    const field = screen.getByLabelText(/^Tanggal persetujuan/);
    await expectDayDisabled(field, '2099-01-01');
  });

  it('names the open referral a second one collides with, with a link to it', async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>(() =>
      Promise.resolve({ ok: false, error: { code: 'CONFLICT', field: 'input.householdIds.0', existingId: 'as-1', message: 'open referral' } }),
    );
    const findExisting = vi.fn(() =>
      Promise.resolve({ id: 'as-1', householdId: 'h-1', householdName: 'Budi', partnerName: 'Yayasan Peduli Kalteng', status: 'REQUESTED' as const, requestedAt: '2026-11-02T03:00:00.000Z' }),
    );
    renderUi(<AssignFormView householdCount={1} partners={PARTNERS} members={MEMBERS} submit={submit} findExisting={findExisting} />);
    await choosePartner('Yayasan Peduli Kalteng');
    fireEvent.click(screen.getByRole('radio', { name: 'Lisan' }));
    await choose(/Persetujuan diberikan oleh/, 'Budi');
    fireEvent.click(submitButton());
    const alert = await screen.findByTestId('referral-conflict');
    expect(alert.textContent).toContain('Budi sudah dirujuk ke Yayasan Peduli Kalteng');
    expect(screen.getByRole('link', { name: 'Buka rujukan yang sudah ada' }).getAttribute('href')).toBe('/rumah-tangga/h-1#rujukan-as-1');
  });

  it('shows a server error next to its field', async () => {
    const submit = vi.fn<(input: AssignInput) => Promise<AssignResult>>(() =>
      Promise.resolve({
        ok: false,
        error: { code: 'BAD_USER_INPUT', field: 'input.organizationId', message: 'households are referred to NGOs, community organisations and companies' },
      }),
    );
    renderUi(<AssignFormView householdCount={2} partners={PARTNERS} submit={submit} />);
    await choosePartner('PT Sawit Sejahtera');
    await choose(/Dasar pembagian data/, /Kewajiban hukum/);
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
