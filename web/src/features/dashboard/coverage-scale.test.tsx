import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import { CoverageLegend, CoverageTileMap } from './coverage-map';
import {
  BIN_COLORS,
  contrastRatio,
  coverageBin,
  coverageColor,
  coverageScale,
  groupByKecamatan,
  legendCounts,
  legendLabels,
  niceCeiling,
  NO_DATA_COLOR,
  NO_DATA_TEXT,
  type TileArea,
} from './coverage-scale';

const kel = (code: string, name: string, coveragePct: number | null): TileArea => ({ code, name, coveragePct, parentCode: code.slice(0, 8), parentName: `Kec ${code.slice(6, 8)}` });
const pcts = (...values: (number | null)[]) => values.map((coveragePct) => ({ coveragePct }));
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

// The demo city: every kelurahan below 15% coverage, one without needs.
const LOW: TileArea[] = [
  kel('62.71.01.1001', 'Pahandut', 13.4),
  kel('62.71.01.1002', 'Panarung', 7),
  kel('62.71.02.1001', 'Marang', 2.9),
  kel('62.71.02.1002', 'Tumbang Rungan', 0),
  kel('62.71.03.1001', 'Palangka', null),
];

describe('the fitted ceiling', () => {
  it('is the smallest nice ceiling at or above the highest coverage, at least 10% and at most 100%', () => {
    expect(niceCeiling(13.4)).toBe(15);
    expect(niceCeiling(15)).toBe(15);
    expect(niceCeiling(15.01)).toBe(20);
    expect(niceCeiling(0)).toBe(10);
    expect(niceCeiling(9.9)).toBe(10);
    expect(niceCeiling(61)).toBe(75);
    expect(niceCeiling(99.9)).toBe(100);
    expect(niceCeiling(100)).toBe(100);
    expect(niceCeiling(130)).toBe(100);
  });

  it('falls back to the full 0–100% when no kelurahan has coverage', () => {
    expect(niceCeiling(null)).toBe(100);
    for (const scale of [coverageScale(pcts(null, null)), coverageScale([])]) {
      expect(scale.ceiling).toBe(100);
      expect(scale.max).toBeNull();
      expect(scale.bins.map((b) => [b.from, b.to])).toEqual([[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]]);
    }
  });
});

describe('coverage colour scale', () => {
  it('splits 0 to the ceiling in five equal, contiguous bins: max 13,4% gives bins of 3%', () => {
    const scale = coverageScale(LOW);
    expect(scale).toMatchObject({ ceiling: 15, max: 13.4 });
    expect(scale.bins.map((b) => [b.from, b.to])).toEqual([[0, 3], [3, 6], [6, 9], [9, 12], [12, 15]]);
    expect(scale.bins.map((b) => b.color)).toEqual(BIN_COLORS.map((c) => c.color));
    expect(legendLabels(scale)).toEqual(['0–3%', '3–6%', '6–9%', '9–12%', '12–15%']);
  });

  it('keeps 20-point bins when some kelurahan reaches 100%', () => {
    const scale = coverageScale(pcts(4, 100, null));
    expect(scale).toMatchObject({ ceiling: 100, max: 100 });
    expect(legendLabels(scale)).toEqual(['0–20%', '20–40%', '40–60%', '60–80%', '80–100%']);
    expect(coverageBin(scale, 100)).toBe(scale.bins[4]);
    expect(coverageBin(scale, 80)).toBe(scale.bins[4]);
    expect(coverageBin(scale, 79.9)).toBe(scale.bins[3]);
  });

  it('puts values in their bin, the ceiling in the last, clamps out-of-range values', () => {
    const scale = coverageScale(LOW);
    expect(coverageBin(scale, 0)).toBe(scale.bins[0]);
    expect(coverageBin(scale, 2.99)).toBe(scale.bins[0]);
    expect(coverageBin(scale, 3)).toBe(scale.bins[1]);
    expect(coverageBin(scale, 7)).toBe(scale.bins[2]);
    expect(coverageBin(scale, 13.4)).toBe(scale.bins[4]);
    expect(coverageBin(scale, 15)).toBe(scale.bins[4]);
    expect(coverageBin(scale, 40)).toBe(scale.bins[4]);
    expect(coverageBin(scale, -5)).toBe(scale.bins[0]);
  });

  it('has a no-data colour for areas without needs', () => {
    const scale = coverageScale(LOW);
    expect(coverageBin(scale, null)).toBeNull();
    expect(coverageBin(scale, Number.NaN)).toBeNull();
    expect(coverageColor(scale, null)).toEqual({ fill: NO_DATA_COLOR, text: NO_DATA_TEXT });
    expect(BIN_COLORS.map((c) => c.color)).not.toContain(NO_DATA_COLOR);
  });

  it('tile text has at least 4.5:1 contrast on every fill', () => {
    for (const b of BIN_COLORS) expect(contrastRatio(b.color, b.textColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(NO_DATA_COLOR, NO_DATA_TEXT)).toBeGreaterThanOrEqual(4.5);
  });

  it('runs from light to dark, so that more coverage reads as more ink', () => {
    const toWhite = BIN_COLORS.map((c) => contrastRatio(c.color, '#ffffff'));
    toWhite.slice(1).forEach((ratio, i) => expect(ratio).toBeGreaterThan(toWhite[i]!));
  });

  it('counts kelurahan per bin, "no data" last', () => {
    const scale = coverageScale(LOW);
    const counts = legendCounts(scale, LOW);
    expect(counts.map((c) => c.bin)).toEqual([...scale.bins, null]);
    expect(counts.map((c) => c.count)).toEqual([2, 0, 1, 0, 1, 1]);
  });

  it('groups kelurahan by kecamatan in code order', () => {
    const groups = groupByKecamatan([
      { code: '62.71.02.1001', name: 'B1', coveragePct: 10, parentCode: '62.71.02', parentName: 'Kec B' },
      { code: '62.71.01.1002', name: 'A2', coveragePct: null, parentCode: '62.71.01', parentName: 'Kec A' },
      { code: '62.71.01.1001', name: 'A1', coveragePct: 90, parentCode: '62.71.01', parentName: 'Kec A' },
    ]);
    expect(groups.map((g) => g.name)).toEqual(['Kec A', 'Kec B']);
    expect(groups[0]!.items.map((i) => i.name)).toEqual(['A1', 'A2']);
  });
});

describe('CoverageLegend and tile map', () => {
  it('lists every bin with its count and "no data", and says the scale is fitted', () => {
    renderUi(<CoverageLegend scale={coverageScale(LOW)} areas={LOW} />);
    const legend = screen.getByRole('list', { name: 'Legenda cakupan' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '0–3%: 2 kelurahan',
      '3–6%: 0 kelurahan',
      '6–9%: 1 kelurahan',
      '9–12%: 0 kelurahan',
      '12–15%: 1 kelurahan',
      'Tanpa data: 1 kelurahan',
    ]);
    expect(screen.getByTestId('legend-scale').textContent).toBe('Skala warna 0–15%, disesuaikan dengan cakupan tertinggi (13,4%).');
  });

  it('needs no note on the full 0–100% scale, also when no kelurahan has data', () => {
    const areas = [kel('62.71.01.1001', 'Pahandut', 85.5)];
    const { rerender } = renderUi(<CoverageLegend scale={coverageScale(areas)} areas={areas} />);
    expect(screen.getByText('80–100%: 1 kelurahan')).toBeTruthy();
    expect(screen.queryByTestId('legend-scale')).toBeNull();
    const none = [kel('62.71.01.1001', 'Pahandut', null)];
    rerender(<CoverageLegend scale={coverageScale(none)} areas={none} />);
    expect(screen.getByText('Tanpa data: 1 kelurahan')).toBeTruthy();
    expect(screen.queryByTestId('legend-scale')).toBeNull();
  });

  it('colours tiles on the fitted scale, so that low coverages differ, and links each to its households', () => {
    renderUi(<CoverageTileMap areas={LOW} />);
    const tile = screen.getByRole('link', { name: /Pahandut\s*13,4%/ });
    expect(tile.getAttribute('href')).toBe('/rumah-tangga?kelurahan=62.71.01.1001');
    expect(tile.style.background).toBe(rgb(BIN_COLORS[4]!.color));
    expect(tile.style.color).toBe(rgb(BIN_COLORS[4]!.textColor));
    expect(screen.getByRole('link', { name: /Panarung\s*7%/ }).style.background).toBe(rgb(BIN_COLORS[2]!.color));
    expect(screen.getByRole('link', { name: /Marang\s*2,9%/ }).style.background).toBe(rgb(BIN_COLORS[0]!.color));
    const noData = screen.getByRole('link', { name: /Palangka\s*Tanpa data/ });
    expect(noData.style.background).toBe(rgb(NO_DATA_COLOR));
    expect(within(screen.getByTestId('coverage-legend')).getByText('12–15%: 1 kelurahan')).toBeTruthy();
  });
});
