import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import type { HouseholdListItemFragment } from '../../gql/graphql';
import { HouseholdCard } from './household-card';

const household = (assignments: HouseholdListItemFragment['assignments']): HouseholdListItemFragment => ({
  id: 'h1', kkNumber: '6271031234560001', address: 'Jl. Mahir Mahar', welfareDecile: 1, povertyStatus: 'EXTREME_POOR', verificationStatus: 'VERIFIED',
  updatedAt: '2026-11-02T03:00:00.000Z', head: { id: 'p1', name: 'Budi' }, area: { id: 'a1', name: 'Menteng', parent: { id: 'a0', name: 'Jekan Raya' } },
  assignments,
});

describe('HouseholdCard (households list, the map drill-down, work queues)', () => {
  it("shows the household's referrals still in play with partner and status, not the closed ones", () => {
    renderUi(
      <HouseholdCard
        household={household([
          { id: 'as1', status: 'REQUESTED', organization: { id: 'o1', name: 'Yayasan Huma Betang' } },
          { id: 'as2', status: 'DECLINED', organization: { id: 'o2', name: 'PT Sawit Sejahtera' } },
          { id: 'as3', status: 'CLOSED', organization: { id: 'o3', name: 'Komunitas Sungai' } },
        ])}
      />,
    );
    expect(screen.getByTestId('referral-status').textContent).toBe('Rujukan: Yayasan Huma Betang (Diminta), PT Sawit Sejahtera (Ditolak)');
  });

  it('says nothing of referrals when there are none open', () => {
    renderUi(<HouseholdCard household={household([{ id: 'as3', status: 'CLOSED', organization: { id: 'o3', name: 'Komunitas Sungai' } }])} />);
    expect(screen.queryByTestId('referral-status')).toBeNull();
  });
});
