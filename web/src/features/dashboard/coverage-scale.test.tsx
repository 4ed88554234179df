import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../../test/render';
import { CoverageLegend, CoverageTileMap } from './coverage-map';
import { COVERAGE_BINS, contrastRatio, coverageBin, coverageColor, groupByKecamatan, legendLabels, NO_DATA_COLOR, NO_DATA_TEXT } from './coverage-scale';

describe('coverage colour scale', () => {
  it('puts values in 20-point bins, 100 in the last, clamps out-of-range values', () => {
    expect(coverageBin(0)).toBe(COVERAGE_BINS[0]);
    expect(coverageBin(19.99)).toBe(COVERAGE_BINS[0]);
    expect(coverageBin(20)).toBe(COVERAGE_BINS[1]);
    expect(coverageBin(59.5)).toBe(COVERAGE_BINS[2]);
    expect(coverageBin(80)).toBe(COVERAGE_BINS[4]);
    expect(coverageBin(100)).toBe(COVERAGE_BINS[4]);
    expect(coverageBin(130)).toBe(COVERAGE_BINS[4]);
    expect(coverageBin(-5)).toBe(COVERAGE_BINS[0]);
  });

  it('has a no-data colour for areas without needs', () => {
    expect(coverageBin(null)).toBeNull();
    expect(coverageBin(Number.NaN)).toBeNull();
    expect(coverageColor(null)).toEqual({ fill: NO_DATA_COLOR, text: NO_DATA_TEXT });
  });

  it('bins are contiguous and cover 0–100', () => {
    expect(COVERAGE_BINS[0]!.from).toBe(0);
    expect(COVERAGE_BINS[COVERAGE_BINS.length - 1]!.to).toBe(100);
    COVERAGE_BINS.slice(1).forEach((b, i) => expect(b.from).toBe(COVERAGE_BINS[i]!.to));
  });

  it('tile text has at least 4.5:1 contrast on every fill', () => {
    for (const b of COVERAGE_BINS) expect(contrastRatio(b.color, b.textColor)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(NO_DATA_COLOR, NO_DATA_TEXT)).toBeGreaterThanOrEqual(4.5);
  });

  it('formats legend labels with the given number format', () => {
    expect(legendLabels()).toEqual(['0–20%', '20–40%', '40–60%', '60–80%', '80–100%']);
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
  it('lists every bin and "no data" in Indonesian format', () => {
    renderUi(<CoverageLegend />);
    const legend = screen.getByRole('list', { name: 'Legenda cakupan' });
    expect(within(legend).getAllByRole('listitem')).toHaveLength(COVERAGE_BINS.length + 1);
    expect(within(legend).getByText('Tanpa data')).toBeTruthy();
  });

  it('colours each kelurahan tile and links it to its households', () => {
    renderUi(
      <CoverageTileMap
        areas={[
          { code: '62.71.01.1001', name: 'Menteng', coveragePct: 85.5, parentCode: '62.71.01', parentName: 'Jekan Raya' },
          { code: '62.71.01.1002', name: 'Palangka', coveragePct: null, parentCode: '62.71.01', parentName: 'Jekan Raya' },
        ]}
      />,
    );
    const tile = screen.getByRole('link', { name: /Menteng\s*85,5%/ });
    expect(tile.getAttribute('href')).toBe('/rumah-tangga?kelurahan=62.71.01.1001');
    expect(tile.style.background).toBe('rgb(27, 94, 32)');
    expect(screen.getByRole('link', { name: /Palangka\s*Tanpa data/ })).toBeTruthy();
  });
});
