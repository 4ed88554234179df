import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import type { OutboxEntry } from './outbox';
import { EntryCard } from './outbox-page';

const base: OutboxEntry = {
  id: 'key-0001', userId: 'u1', kind: 'measurement', input: {}, householdId: 'h1', summary: 'Yosua, 84,8 cm',
  createdAt: '2026-12-06T07:14:00Z', status: 'pending', attempts: 0,
};

describe('an outbox entry', () => {
  it("shows a conflict with the server's reason and what the saved record holds", () => {
    renderUi(<EntryCard entry={{ ...base, status: 'conflict', result: { code: 'CONFLICT', message: 'Sudah ada pengukuran', existing: { heightCm: 90.2, position: 'STANDING' } } }} />);
    expect(screen.getByText('Bentrok')).toBeTruthy();
    expect(screen.getByText('Alasan: Sudah ada pengukuran')).toBeTruthy();
    expect(screen.getByText(/^Yang tersimpan: tinggi 90,2 cm, cara ukur /)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka rumah tangga' }).getAttribute('href')).toBe('/rumah-tangga/h1');
  });

  it('shows a refusal with its reason, and a replay as already saved', () => {
    const { rerender } = renderUi(<EntryCard entry={{ ...base, status: 'refused', result: { code: 'FORBIDDEN', message: 'Peran Anda tidak boleh' } }} />);
    expect(screen.getByText('Ditolak')).toBeTruthy();
    expect(screen.getByText('Alasan: Peran Anda tidak boleh')).toBeTruthy();
    rerender(<EntryCard entry={{ ...base, status: 'alreadySaved' }} />);
    expect(screen.getByText('Sudah tersimpan sebelumnya')).toBeTruthy();
    expect(screen.queryByText(/^Alasan/)).toBeNull();
  });
});
