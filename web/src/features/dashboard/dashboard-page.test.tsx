import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { makeFormatters } from '../../i18n/format';
import { renderUi } from '../../test/render';
import type { Dataset } from '../analytics/datasets';
import { DASHBOARD_ASPECTS } from './aspect-cards';
import DashboardPage, { DASHBOARD } from './dashboard-page';
import { trendFinding } from '../analytics/trend-finding';

// The analytics charts record what they were asked to draw (recharts does not lay out in jsdom).
const drawn = vi.hoisted(() => new Map<string, { kind: string; dataset: Dataset }>());
vi.mock('../analytics/charts', () => ({
  default: ({ kind, dataset, title }: { kind: string; dataset: Dataset; title: string }) => {
    drawn.set(title, { kind, dataset });
    return <svg data-testid="chart" />;
  },
}));

const t = i18next.getFixedT('id');
const fmt = makeFormatters('id');

const kecamatan = (code: string, name: string, unmet: number, served: number) => ({
  __typename: 'AreaCoverage' as const,
  areaId: `id-${code}`,
  code,
  name,
  households: 2500,
  extremePoorHouseholds: 400,
  householdsWithUnmetNeed: 1500,
  householdsNeverReached: 1000,
  needsTotal: unmet + served,
  needsServed: served,
  needsPlanned: 0,
  needsUnmet: unmet,
  coveragePct: Math.round((served / (unmet + served)) * 1000) / 10,
  needsByType: [{ __typename: 'NeedTypeCoverage' as const, needType: 'HEALTH_INSURANCE' as const, total: unmet + served, unmet, planned: 0, served }],
});

const kelurahan = (code: string, name: string, coveragePct: number | null) => ({
  __typename: 'AreaCoverage' as const,
  areaId: `id-${code}`,
  code,
  name,
  coveragePct,
  area: {
    __typename: 'Area' as const,
    id: `area-${code}`,
    hasBoundary: false,
    parent: { __typename: 'Area' as const, id: `area-${code.slice(0, 8)}`, code: code.slice(0, 8), name: 'Pahandut' },
  },
});

// Ten organisations, the k-th with k × 10 planned interventions: the home lists the eight busiest.
const organizations = Array.from({ length: 10 }, (_, i) => ({
  __typename: 'OrganizationPerformance' as const,
  organizationId: `org-${i + 1}`,
  organizationName: `Organisasi ${i + 1}`,
  programs: 1,
  planned: (i + 1) * 10,
  inProgress: 0,
  delivered: 0,
  verified: 0,
  cancelled: 0,
  householdsReached: 5,
  householdsDelivered: 0,
  valueDeliveredRp: 0,
  quotaUsedPct: null,
  averageDaysPlannedToDelivered: null,
}));

const trend = {
  __typename: 'PovertyTrend' as const,
  asOf: '2026-05-04',
  targetDate: '2029-12-31',
  projectedAtTarget: 570.4 as number | null,
  projectedZeroDate: '2036-08-18' as string | null,
  onTrack: false,
  points: [
    { __typename: 'PovertyTrendPoint' as const, month: '2026-04', extremePoorHouseholds: 850, coveragePct: 7 },
    { __typename: 'PovertyTrendPoint' as const, month: '2026-05', extremePoorHouseholds: 839, coveragePct: 7.5 },
  ],
};

const DATA = {
  kecamatan: [kecamatan('62.71.01', 'Pahandut', 2900, 100), kecamatan('62.71.02', 'Sabangau', 1700, 300)],
  kelurahan: [kelurahan('62.71.01.1001', 'Pahandut', 13.4), kelurahan('62.71.01.1002', 'Panarung', 2.9), kelurahan('62.71.01.1003', 'Langkai', null)],
  organizationPerformance: organizations,
  povertyTrend: trend,
};

const ASPECTS = Object.fromEntries(
  (
    [
      ['stunting', 'STUNTING_PREVALENCE_PCT'],
      ['investment', 'INVESTMENT_REALISATION_RP'],
      ['p3dn', 'P3DN_SHARE_PCT'],
      ['inflation', 'INFLATION_YOY_PCT'],
    ] as const
  ).map(([alias, indicator]) => [
    alias,
    { __typename: 'IndicatorSeries' as const, indicator, points: [{ __typename: 'IndicatorPoint' as const, year: 2026, quarter: 1, value: 20 }] },
  ]),
);

function renderPage(data = DATA) {
  return renderUi(
    <MockedProvider
      mocks={[
        { request: { query: DASHBOARD }, result: { data } },
        { request: { query: DASHBOARD_ASPECTS }, result: { data: ASPECTS } },
      ]}
    >
      <DashboardPage />
    </MockedProvider>,
  );
}

describe('trendFinding', () => {
  const base = { targetDate: '2029-12-31', projectedZeroDate: null };

  it('says whether the projection reaches zero by the target date, and when it reaches zero', () => {
    expect(trendFinding({ ...base, onTrack: false, projectedAtTarget: 570.4, projectedZeroDate: '2036-08-18' }, t, fmt)).toEqual({
      status: 'Belum sesuai target: proyeksi pada 31 Des 2029 masih 570 RT.',
      zeroDate: 'Perkiraan mencapai nol: 18 Agu 2036.',
    });
    expect(trendFinding({ ...base, onTrack: true, projectedAtTarget: -20 }, t, fmt).status).toBe('Sesuai target: proyeksi mencapai nol sebelum 31 Des 2029.');
  });

  it('does not claim "0 households" when there is no projection yet', () => {
    expect(trendFinding({ ...base, onTrack: false, projectedAtTarget: null }, t, fmt)).toEqual({
      status: 'Belum ada proyeksi: riwayat bulanan belum cukup untuk menilai target 31 Des 2029.',
      zeroDate: null,
    });
  });
});

describe('DashboardPage', () => {
  it('shows the KPIs and the map on a scale fitted to the coverage', async () => {
    renderPage();
    await screen.findByRole('heading', { name: 'Dasbor koordinasi' });
    expect(screen.getAllByTestId('kpi-value').map((k) => k.textContent)).toEqual(['5.000', '800', '8%', '3.000', '2.000']);
    expect(screen.getAllByTestId('kelurahan-tile')).toHaveLength(3);
    expect(within(screen.getByTestId('coverage-legend')).getByText('12–15%: 1 kelurahan')).toBeTruthy();
  });

  it('draws the trend with the analytics chart: actual months, then the projection to the target month', async () => {
    renderPage();
    const figure = await screen.findByRole('figure', { name: 'Kemajuan menuju nol kemiskinan ekstrem' });
    expect(within(figure).getByTestId('trend-status').textContent).toBe('Belum sesuai target: proyeksi pada 31 Des 2029 masih 570 RT.');
    expect(figure.textContent).toContain('Perkiraan mencapai nol: 18 Agu 2036.');
    await waitFor(() => expect(drawn.get('Kemajuan menuju nol kemiskinan ekstrem')).toBeDefined());
    const chart = drawn.get('Kemajuan menuju nol kemiskinan ekstrem')!;
    expect(chart.kind).toBe('trend');
    expect(chart.dataset.rows.map((r) => [r['month'], r['extremePoor'], r['projection']])).toEqual([
      ['2026-04', 850, null],
      ['2026-05', 839, 839],
      ['2029-12', null, 570],
    ]);
    // The table alternative and the downloads come with the figure.
    fireEvent.click(within(figure).getByRole('button', { name: 'Tampilkan tabel' }));
    expect(within(figure).getAllByRole('row')).toHaveLength(4);
    expect(within(figure).getByRole('button', { name: 'Unduh CSV: Kemajuan menuju nol kemiskinan ekstrem' })).toBeTruthy();
  });

  it('charts needs by type over the kecamatan, and the eight busiest organisations', async () => {
    renderPage();
    await screen.findByRole('figure', { name: 'Kebutuhan belum terpenuhi per jenis' });
    await waitFor(() => expect(drawn.get('Kinerja penyaluran organisasi')).toBeDefined());
    expect(drawn.get('Kebutuhan belum terpenuhi per jenis')!.dataset.rows).toEqual([
      { needType: 'Jaminan kesehatan', unmet: 4600, planned: 0, served: 400, total: 5000, coveragePct: 8 },
    ]);
    const organizationsChart = drawn.get('Kinerja penyaluran organisasi')!;
    expect(organizationsChart.kind).toBe('bars');
    expect(organizationsChart.dataset.rows.map((r) => r['organization'])).toEqual([10, 9, 8, 7, 6, 5, 4, 3].map((k) => `Organisasi ${k}`));
    const figure = screen.getByRole('figure', { name: 'Kinerja penyaluran organisasi' });
    expect(figure.textContent).toContain('8 dari 10 organisasi dengan intervensi terbanyak');
    expect(within(figure).getByRole('link', { name: 'Semua organisasi di Analitik' }).getAttribute('href')).toBe('/analitik');
  });

  it('shows the four aspects', async () => {
    renderPage();
    const section = await screen.findByRole('region', { name: 'Empat aspek' });
    await waitFor(() => expect(within(section).getAllByTestId('aspect-card')).toHaveLength(4));
  });

  it('says so when there is no history and no organisation to chart yet', async () => {
    renderPage({ ...DATA, organizationPerformance: [], povertyTrend: { ...trend, projectedAtTarget: null, projectedZeroDate: null, points: [] } });
    const figure = await screen.findByRole('figure', { name: 'Kemajuan menuju nol kemiskinan ekstrem' });
    expect(within(figure).getByText('Belum ada riwayat bulanan rumah tangga miskin ekstrem.')).toBeTruthy();
    expect(within(figure).getByTestId('trend-status').textContent).toContain('Belum ada proyeksi');
    const organizationsFigure = screen.getByRole('figure', { name: 'Kinerja penyaluran organisasi' });
    expect(within(organizationsFigure).getByText('Belum ada program dengan intervensi.')).toBeTruthy();
    expect(within(organizationsFigure).queryByRole('link')).toBeNull();
  });
});
