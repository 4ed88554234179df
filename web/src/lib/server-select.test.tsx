import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { optionServer, type OrganizationRow } from '../test/option-server';
import { renderUi } from '../test/render';
import { OrganizationSelect, PARTNER_TYPES, ProgramSelect } from './server-select';

// More organisations than one page of options: the last ones are only found by searching.
const ORGS: OrganizationRow[] = [
  ...Array.from({ length: 30 }, (_, i) => ({ id: `o-${i}`, name: `Kelompok Tani ${i + 1}`, type: 'COMMUNITY_ORGANIZATION' })),
  { id: 'o-dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', type: 'PERANGKAT_DAERAH' },
  { id: 'o-ngo', name: 'Yayasan Peduli Kalteng', type: 'NGO' },
];
const PROGRAMS = [...Array.from({ length: 25 }, (_, i) => ({ id: `p-${i}`, name: `Program Desa ${i + 1}` })), { id: 'p-pmt', name: 'PMT Balita' }];

function Organizations({ initial = null, partners = false }: { initial?: string | null; partners?: boolean }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <OrganizationSelect label="Organisasi" value={value} onChange={setValue} types={partners ? PARTNER_TYPES : undefined} />
      <output data-testid="chosen">{value ?? ''}</output>
    </>
  );
}

function Programs({ initial = null }: { initial?: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <ProgramSelect label="Program" value={value} onChange={setValue} />
      <output data-testid="chosen">{value ?? ''}</output>
    </>
  );
}

// The picker waits for typing to pause before it asks: allow for that on a busy machine.
const WAIT = { timeout: 4000 };
const box = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
/** Types as a user does, in the focused box (Mantine takes a change of an unfocused input for autofill). */
function type(label: string, text: string) {
  box(label).focus();
  fireEvent.change(box(label), { target: { value: text } });
}
const optionNames = () => screen.queryAllByRole('option', { hidden: true }).map((o) => o.textContent);

describe('OrganizationSelect', () => {
  it('asks the server for the typed text, a page at a time, and lists its answer', async () => {
    const server = optionServer({ organizations: ORGS });
    renderUi(server.wrap(<Organizations />));
    await waitFor(() => expect(server.searches('OrganizationOptions')).toEqual([null]), WAIT);
    expect(server.requests[0]!.variables['first']).toBe(20);
    fireEvent.click(box('Organisasi'));
    type('Organisasi', 'sosial');
    // Dinas Sosial is past the first page: only the server's search finds it.
    await screen.findByRole('option', { name: 'Dinas Sosial (Dinsos)', hidden: true }, WAIT);
    expect(server.searches('OrganizationOptions')).toEqual([null, 'sosial']);
    expect(optionNames()).toEqual(['Dinas Sosial (Dinsos)']);
  });

  it('keeps the chosen organisation while another search answers without it', async () => {
    const server = optionServer({ organizations: ORGS });
    renderUi(server.wrap(<Organizations />));
    fireEvent.click(box('Organisasi'));
    type('Organisasi', 'dinsos');
    fireEvent.click(await screen.findByRole('option', { name: 'Dinas Sosial (Dinsos)', hidden: true }, WAIT));
    expect(screen.getByTestId('chosen').textContent).toBe('o-dinsos');
    expect(box('Organisasi').value).toBe('Dinas Sosial (Dinsos)');
    // The label in the box is no new search.
    expect(server.searches('OrganizationOptions')).toEqual([null, 'dinsos']);
    type('Organisasi', 'tani 3');
    await waitFor(() => expect(server.searches('OrganizationOptions')).toContain('tani 3'), WAIT);
    await waitFor(() => expect(optionNames()).toEqual(['Dinas Sosial (Dinsos)', 'Kelompok Tani 3', 'Kelompok Tani 30']), WAIT);
    expect(screen.getByTestId('chosen').textContent).toBe('o-dinsos');
  });

  it('names a value that is on no page of options', async () => {
    const server = optionServer({ organizations: ORGS });
    renderUi(server.wrap(<Organizations initial="o-ngo" />));
    await waitFor(() => expect(box('Organisasi').value).toBe('Yayasan Peduli Kalteng'), WAIT);
    expect(server.requests.some((r) => r.name === 'OrganizationOption' && r.variables['id'] === 'o-ngo')).toBe(true);
  });

  it('asks only for the types it offers', async () => {
    const server = optionServer({ organizations: ORGS });
    renderUi(server.wrap(<Organizations partners />));
    fireEvent.click(box('Organisasi'));
    type('Organisasi', 'as');
    await waitFor(() => expect(server.searches('OrganizationOptions')).toEqual([null, 'as']), WAIT);
    for (const r of server.requests.filter((x) => x.name === 'OrganizationOptions')) {
      expect((r.variables['filter'] as { type: string[] }).type).toEqual(PARTNER_TYPES);
    }
    // "Dinas Sosial" matches too, but is no partner.
    await waitFor(() => expect(optionNames()).toEqual(['Yayasan Peduli Kalteng']), WAIT);
  });
});

describe('ProgramSelect', () => {
  it('searches programs on the server and keeps the chosen one', async () => {
    const server = optionServer({ programs: PROGRAMS });
    renderUi(server.wrap(<Programs />));
    fireEvent.click(box('Program'));
    type('Program', 'pmt');
    fireEvent.click(await screen.findByRole('option', { name: 'PMT Balita', hidden: true }, WAIT));
    expect(screen.getByTestId('chosen').textContent).toBe('p-pmt');
    type('Program', 'desa 2');
    await waitFor(() => expect(server.searches('ProgramOptions')).toEqual([null, 'pmt', 'desa 2']), WAIT);
    await waitFor(() => expect(optionNames()[0]).toBe('PMT Balita'), WAIT);
    expect(optionNames()).toContain('Program Desa 25');
    expect(screen.getByTestId('chosen').textContent).toBe('p-pmt');
  });

  it('names a chosen program that is on no page of options', async () => {
    const server = optionServer({ programs: PROGRAMS });
    renderUi(server.wrap(<Programs initial="p-pmt" />));
    await waitFor(() => expect(box('Program').value).toBe('PMT Balita'), WAIT);
  });
});
