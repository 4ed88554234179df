import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import type { AuditEventItemFragment } from '../../gql/graphql';
import { AuditEventCard, AuditEventTable, changeRows } from './audit-event-card';

const EVENT: AuditEventItemFragment = {
  id: 'e1',
  occurredAt: '2026-11-20T03:00:00.000Z',
  role: 'KELURAHAN_OFFICER',
  action: 'UPDATE',
  entityType: 'Household',
  entityIds: ['h-1'],
  oldValues: { address: 'Jl. Lama 1', rt: '001' },
  newValues: { address: 'Jl. Baru 2', rt: '001', drinkingWater: 'PIPED' },
  requestId: 'req-9',
  disclosureTier: null,
  subjects: [{ id: 'h-1', kind: 'HOUSEHOLD', name: 'Siti Aminah' }],
  actor: { id: 'u1', displayName: 'Lurah Menteng', username: 'lurah.menteng' },
  organization: { id: 'o1', name: 'Kelurahan Menteng', shortName: null },
};

describe('audit event', () => {
  it('lists each recorded field with its value before and after', () => {
    expect(changeRows(EVENT.oldValues, EVENT.newValues)).toEqual([
      { field: 'address', before: 'Jl. Lama 1', after: 'Jl. Baru 2' },
      { field: 'drinkingWater', before: '', after: 'PIPED' },
      { field: 'rt', before: '001', after: '001' },
    ]);
    expect(changeRows(null, { identifiers: 'MASKED', subjects: 3, filter: { areaCode: '62.71' }, gone: null })).toEqual([
      { field: 'filter', before: '', after: '{"areaCode":"62.71"}' },
      { field: 'gone', before: '', after: '∅' },
      { field: 'identifiers', before: '', after: 'MASKED' },
      { field: 'subjects', before: '', after: '3' },
    ]);
  });

  it('shows who did what in Indonesian, links the household and expands the details', () => {
    renderUi(<AuditEventCard event={EVENT} />);
    expect(screen.getByText('Rumah tangga')).toBeTruthy();
    expect(screen.getByText(/Lurah Menteng \(lurah\.menteng\) · Petugas kelurahan · Kelurahan Menteng/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Keluarga Siti Aminah' }).getAttribute('href')).toBe('/rumah-tangga/h-1');
    const toggle = screen.getByRole('button', { name: 'Lihat rincian (3 kolom)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Sembunyikan rincian' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Jl. Baru 2')).toBeTruthy();
    // Field names and enum values in Indonesian, not as the server records them.
    expect(screen.getByText('Sumber air minum')).toBeTruthy();
    expect(screen.getByText('Leding')).toBeTruthy();
    expect(screen.queryByText('drinkingWater')).toBeNull();
    expect(screen.queryByText('PIPED')).toBeNull();
  });

  it('tabulates events with the people named and the disclosure tier in its own column, times in WIB', () => {
    const read: AuditEventItemFragment = {
      ...EVENT,
      id: 'e2',
      action: 'PII_READ',
      role: 'NGO_PARTNER',
      entityType: 'PersonalData',
      entityIds: ['p-1', 'h-1', 'x-9'],
      oldValues: null,
      newValues: { tier: 'MASKED', subjects: 2 },
      disclosureTier: 'MASKED',
      subjects: [
        { id: 'p-1', kind: 'PERSON', name: 'Rinaldo' },
        { id: 'h-1', kind: 'HOUSEHOLD', name: 'Siti Aminah' },
      ],
    };
    renderUi(<AuditEventTable events={[read, EVENT]} testId="trail" />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Waktu (WIB)', 'Tindakan', 'Subjek', 'Pelaku', 'Tingkat pengungkapan', 'Rincian']);
    const [first, second] = screen.getAllByTestId('audit-event');
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);
    expect(cells(first!)[0]).toMatch(/20 Nov 2026.*10\.00 WIB$/);
    expect(cells(first!)[2]).toBe('Rinaldo, Keluarga Siti Aminah · x-9');
    expect(cells(first!)[4]).toBe('Tersamar');
    expect(cells(second!)[4]).toBe('—');
  });
});

