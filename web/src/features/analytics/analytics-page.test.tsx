import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../test/render';
import AnalyticsPage from './analytics-page';
import { ANALYTICS_QUERY, FILTER_OPTIONS_QUERY } from './analytics-queries';
import type { Dataset } from './datasets';
import { OrganizationOptionDocument, OrganizationOptionsDocument } from '../../gql/graphql';
import { pickDate } from '../../test/date';

// The charts record what they were asked to draw: the table alternative must show the same rows.
const drawn = vi.hoisted(() => new Map<string, Dataset>());
vi.mock('./charts', () => ({
  default: ({ dataset, title }: { dataset: Dataset; title: string }) => {
    drawn.set(title, dataset);
    return <svg data-testid="chart" />;
  },
}));

const needs = (unmet: number, planned: number, served: number) =>
  (['HEALTH_INSURANCE', 'SCHOOLING'] as const).map((needType, i) => ({
    __typename: 'NeedTypeCoverage' as const,
    needType,
    // The first type gets the figures; the second has no needs at all and is left out of the chart.
    unmet: i === 0 ? unmet : 0,
    planned: i === 0 ? planned : 0,
    served: i === 0 ? served : 0,
    total: i === 0 ? unmet + planned + served : 0,
  }));

function area(code: string, name: string, unmet: number, planned: number, served: number) {
  const total = unmet + planned + served;
  return {
    __typename: 'AreaCoverage' as const,
    areaId: `id-${code}`,
    code,
    name,
    households: 4000,
    extremePoorHouseholds: 1250,
    householdsWithUnmetNeed: unmet,
    needsTotal: total,
    needsServed: served,
    needsPlanned: planned,
    needsUnmet: unmet,
    coveragePct: Math.round((served / total) * 1000) / 10,
    needsByType: needs(unmet, planned, served),
  };
}

function analytics(areas: ReturnType<typeof area>[]) {
  return {
    coverageByArea: areas,
    overlap: {
      __typename: 'OverlapReport' as const,
      asOf: '2026-05-04',
      overlappingNeeds: 0,
      overlappingNeedsByType: [],
      householdsWithOverlappingPrograms: 0,
      householdsWithOverlappingProgramsByAspect: [],
    },
    organizationPerformance: [
      {
        __typename: 'OrganizationPerformance' as const,
        organizationId: 'org-1',
        organizationName: 'Dinas Sosial',
        programs: 3,
        planned: 1200,
        inProgress: 40,
        delivered: 2500,
        verified: 900,
        cancelled: 12,
        householdsReached: 3100,
        householdsDelivered: 2800,
        valueDeliveredRp: 1_500_000_000,
        quotaUsedPct: 87.5,
        averageDaysPlannedToDelivered: 6.25,
      },
    ],
    povertyTrend: {
      __typename: 'PovertyTrend' as const,
      asOf: '2026-05-04',
      targetDate: '2029-12-31',
      projectedAtTarget: -20,
      projectedZeroDate: '2028-03-01',
      onTrack: true,
      points: [
        { __typename: 'PovertyTrendPoint' as const, month: '2026-04', extremePoorHouseholds: 1300, coveragePct: 40 },
        { __typename: 'PovertyTrendPoint' as const, month: '2026-05', extremePoorHouseholds: 1250, coveragePct: 41.2 },
      ],
    },
  };
}

const OPTIONS = {
  request: { query: FILTER_OPTIONS_QUERY },
  result: {
    data: {
      areas: [{ __typename: 'Area' as const, id: 'a1', code: '62.71.01', name: 'Pahandut', level: 'KECAMATAN' as const, parent: null }],
    },
  },
};

// The organisation filter asks the server: a first page without Dinas Sosial, which only its search finds.
const DINSOS_ID = '0b9f4a44-5a3e-4c55-9d2f-0c1e1d7a6b01';
const DINSOS = { __typename: 'Organization' as const, id: DINSOS_ID, name: 'Dinas Sosial', shortName: 'Dinsos' };
const organizationPage = (nodes: object[]) => ({ organizations: { __typename: 'OrganizationConnection' as const, edges: nodes.map((node) => ({ __typename: 'OrganizationEdge' as const, node })) } });
const ORGANIZATION_MOCKS = [
  { request: { query: OrganizationOptionsDocument, variables: { filter: {}, first: 20 } }, result: { data: organizationPage([{ __typename: 'Organization', id: 'org-2', name: 'Dinas Kesehatan', shortName: null }]) }, maxUsageCount: 10 },
  { request: { query: OrganizationOptionsDocument, variables: { filter: { search: 'sosial' }, first: 20 } }, result: { data: organizationPage([DINSOS]) }, maxUsageCount: 10 },
  { request: { query: OrganizationOptionDocument, variables: { id: DINSOS_ID } }, result: { data: { organization: DINSOS } }, maxUsageCount: 10 },
];

const CITY = analytics([area('62.71.01', 'Pahandut', 1500, 300, 1200), area('62.71.02', 'Jekan Raya', 2600, 100, 300)]);
const SINCE_APRIL = analytics([area('62.71.01', 'Pahandut', 40, 10, 950), area('62.71.02', 'Jekan Raya', 500, 0, 500)]);

function renderPage() {
  const mocks = [
    OPTIONS,
    ...ORGANIZATION_MOCKS,
    { request: { query: ANALYTICS_QUERY, variables: { filter: { organizationId: DINSOS_ID }, level: 'KECAMATAN' } }, result: { data: SINCE_APRIL } },
    { request: { query: ANALYTICS_QUERY, variables: { filter: {}, level: 'KECAMATAN' } }, result: { data: CITY } },
    { request: { query: ANALYTICS_QUERY, variables: { filter: { from: '2026-04-01' }, level: 'KECAMATAN' } }, result: { data: SINCE_APRIL } },
  ];
  return renderUi(
    <MockedProvider mocks={mocks}>
      <AnalyticsPage />
    </MockedProvider>,
  );
}

function tableOf(figureId: string): string[][] {
  const figure = screen.getByTestId(`figure-${figureId}`);
  fireEvent.click(within(figure).getByRole('button', { name: 'Tampilkan tabel' }));
  return within(within(figure).getByRole('table'))
    .getAllByRole('row')
    .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('AnalyticsPage', () => {
  it('gives each chart a figure, a caption and a table with the figures it draws, in Indonesian formats', async () => {
    renderPage();
    const figure = await screen.findByRole('figure', { name: 'Cakupan kebutuhan per wilayah' });
    await waitFor(() => expect(drawn.get('Cakupan kebutuhan per wilayah')).toBeDefined());

    const chart = drawn.get('Cakupan kebutuhan per wilayah')!;
    // Lowest coverage first: Jekan Raya (10%) before Pahandut (40%).
    expect(chart.rows.map((r) => [r['area'], r['coveragePct']])).toEqual([['Jekan Raya', 10], ['Pahandut', 40]]);
    const table = tableOf('coverage');
    expect(table[0]!.slice(0, 4)).toEqual(['Wilayah', 'Kode wilayah', 'Cakupan (%)', 'Terlayani']);
    expect(table.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ['Jekan Raya', '62.71.02', '10%', '300', '100', '2.600', '3.000'],
      ['Pahandut', '62.71.01', '40%', '1.200', '300', '1.500', '3.000'],
    ]);
    expect(within(figure).getByRole('button', { name: 'Sembunyikan tabel' }).getAttribute('aria-expanded')).toBe('true');

    // Needs by type: summed over the areas; types without needs are not drawn.
    expect(drawn.get('Kebutuhan per jenis dan status')!.rows).toEqual([
      { needType: 'Jaminan kesehatan', unmet: 4100, planned: 400, served: 1500, total: 6000, coveragePct: 25 },
    ]);
    expect(tableOf('needs')[1]).toEqual(['Jaminan kesehatan', '4.100', '400', '1.500', '6.000', '25%']);

    const orgRow = tableOf('organizations')[1]!;
    expect(orgRow[0]).toBe('Dinas Sosial');
    expect(orgRow.slice(1, 6)).toEqual(['3', '1.200', '40', '2.500', '900']);
    expect(orgRow[9]!.replace(/\s/g, ' ')).toBe('Rp 1.500.000.000');
    expect(orgRow.slice(10)).toEqual(['87,5%', '6,3']);

    // The trend ends with the projection at the target month, clamped at zero.
    const trend = tableOf('trend');
    expect(trend.slice(1)).toEqual([
      ['Apr 26', '1.300', '—', '40%'],
      ['Mei 26', '1.250', '1.250', '41,2%'],
      ['Des 29', '—', '0', '—'],
    ]);

    // No overlap: an empty state instead of an empty chart, and nothing to export.
    const overlap = screen.getByTestId('figure-overlap-needs');
    expect(within(overlap).getByText('Tidak ada tumpang tindih untuk filter ini.')).toBeTruthy();
    expect(within(overlap).getByRole('button', { name: /Unduh CSV/ })).toHaveProperty('disabled', true);
  });

  it('sends the chosen filter as query variables and keeps it in the URL', async () => {
    renderPage();
    await screen.findByRole('figure', { name: 'Cakupan kebutuhan per wilayah' });
    await pickDate(screen.getByLabelText('Dari tanggal'), '2026-04-01');

    // Only the mock with `from` answers with these figures.
    await waitFor(() => expect(drawn.get('Cakupan kebutuhan per wilayah')!.rows.map((r) => r['coveragePct'])).toEqual([50, 95]));
    expect(screen.getByRole('button', { name: 'Atur ulang filter' })).toHaveProperty('disabled', false);
  });

  it('searches the organisation filter on the server and filters by the one chosen', async () => {
    renderPage();
    await screen.findByRole('figure', { name: 'Cakupan kebutuhan per wilayah' });
    const box = screen.getByTestId('analytics-organization') as HTMLInputElement;
    box.focus();
    fireEvent.change(box, { target: { value: 'sosial' } });
    // Only the mock searching "sosial" names Dinas Sosial.
    fireEvent.click(await screen.findByRole('option', { name: 'Dinas Sosial (Dinsos)', hidden: true }, { timeout: 4000 }));
    await waitFor(() => expect(drawn.get('Cakupan kebutuhan per wilayah')!.rows.map((r) => r['coveragePct'])).toEqual([50, 95]));
    expect(box.value).toBe('Dinas Sosial (Dinsos)');
  });
});
