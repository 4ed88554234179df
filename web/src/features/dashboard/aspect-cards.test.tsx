import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../gql/graphql';
import { renderUi } from '../../test/render';
import { AspectCards, DASHBOARD_ASPECTS } from './aspect-cards';
import { aspectFigure, signed } from './aspect-figures';

const q = (year: number, quarter: number, value: number) => ({ __typename: 'IndicatorPoint' as const, year, quarter, value });
const series = (indicator: Indicator, points: ReturnType<typeof q>[]) => ({ __typename: 'IndicatorSeries' as const, indicator, points });

const FIGURES = {
  stunting: series('STUNTING_PREVALENCE_PCT', [q(2025, 3, 22.1), q(2025, 4, 21.64), q(2026, 1, 21.05)]),
  investment: series('INVESTMENT_REALISATION_RP', [q(2025, 4, 400_000_000_000), q(2026, 1, 420_500_000_000)]),
  p3dn: series('P3DN_SHARE_PCT', [q(2026, 1, 47.2)]),
  inflation: series('INFLATION_YOY_PCT', []),
};

function renderCards(mock: { result: { data: typeof FIGURES } } | { error: Error }) {
  return renderUi(
    <MockedProvider mocks={[{ request: { query: DASHBOARD_ASPECTS }, ...mock }]}>
      <AspectCards />
    </MockedProvider>,
  );
}

describe('aspect figures', () => {
  it('takes the latest quarter and its change: percentage points, or percent for rupiah', () => {
    const pct = aspectFigure([q(2025, 4, 21.64), q(2026, 1, 21.05)], false)!;
    expect(pct.latest).toMatchObject({ year: 2026, quarter: 1 });
    expect(pct.previous).toMatchObject({ year: 2025, quarter: 4 });
    expect(pct.change).toBeCloseTo(-0.59, 10);
    expect(aspectFigure([q(2025, 4, 400), q(2026, 1, 420)], true)!.change).toBeCloseTo(5, 10);
  });

  it('has no change without an earlier figure or from Rp 0, and nothing without figures', () => {
    expect(aspectFigure([q(2026, 1, 47.2)], false)).toMatchObject({ previous: null, change: null });
    expect(aspectFigure([q(2025, 4, 0), q(2026, 1, 5)], true)).toMatchObject({ previous: { value: 0 }, change: null });
    expect(aspectFigure([], false)).toBeNull();
  });

  it('signs changes at one decimal', () => {
    const format = (n: number) => n.toLocaleString('id-ID');
    expect(signed(0.44, format)).toBe('+0,4');
    expect(signed(-1.25, format)).toBe('−1,3');
    expect(signed(1.25, format)).toBe('+1,3');
    expect(signed(0.04, format)).toBe('±0');
  });
});

describe('AspectCards', () => {
  it('shows the latest city figure of each aspect, its quarter and its change, linked to the indicators page', async () => {
    renderCards({ result: { data: FIGURES } });
    const section = await screen.findByRole('region', { name: 'Empat aspek' });
    await within(section).findAllByTestId('aspect-card');
    const cards = within(section).getAllByTestId('aspect-card');
    expect(cards.map((c) => c.getAttribute('href'))).toEqual([
      '/indikator?indikator=STUNTING_PREVALENCE_PCT',
      '/indikator?indikator=INVESTMENT_REALISATION_RP',
      '/indikator?indikator=P3DN_SHARE_PCT',
      '/indikator?indikator=INFLATION_YOY_PCT',
    ]);
    const texts = cards.map((c) => [...c.querySelectorAll('p')].map((p) => p.textContent!.replace(/\s/g, ' ')));
    expect(texts).toEqual([
      ['Prevalensi stunting', '21,1%', 'T1 2026', '−0,6 poin dibanding T4 2025'],
      ['Realisasi investasi', 'Rp 420,5 M', 'T1 2026', '+5,1% dibanding T4 2025'],
      ['Porsi P3DN dalam pengadaan', '47,2%', 'T1 2026', 'Belum ada angka triwulan sebelumnya'],
      ['Inflasi tahunan (yoy)', 'Belum ada angka'],
    ]);
  });

  it('shows a loading state, then an error with a retry', async () => {
    renderCards({ error: new Error('server down') });
    expect(screen.getByRole('status')).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Terjadi kesalahan');
    expect(within(alert).getByRole('button', { name: 'Coba lagi' })).toBeTruthy();
  });
});
