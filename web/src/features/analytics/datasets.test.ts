import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import '../../i18n/i18n';
import { makeFormatters } from '../../i18n/format';
import { csvTable, formatCell, sortAreas, trendDataset, type Coverage, type Dataset, type Trend } from './datasets';

const t = i18next.getFixedT('id');

const area = (name: string, coveragePct: number | null, householdsWithUnmetNeed = 0) =>
  ({ name, coveragePct, householdsWithUnmetNeed }) as Coverage;

describe('sortAreas', () => {
  const areas = [area('Sebangau', null, 5), area('Pahandut', 40, 9), area('Bukit Batu', 12.5, 30), area('Rakumpit', 40, 1)];

  it('puts areas without needs last in both coverage orders, ties by name', () => {
    expect(sortAreas(areas, 'coverage-asc', 'id-ID').map((a) => a.name)).toEqual(['Bukit Batu', 'Pahandut', 'Rakumpit', 'Sebangau']);
    expect(sortAreas(areas, 'coverage-desc', 'id-ID').map((a) => a.name)).toEqual(['Pahandut', 'Rakumpit', 'Bukit Batu', 'Sebangau']);
  });

  it('sorts by households with unmet needs or by name', () => {
    expect(sortAreas(areas, 'unmet', 'id-ID').map((a) => a.name)).toEqual(['Bukit Batu', 'Pahandut', 'Sebangau', 'Rakumpit']);
    expect(sortAreas(areas, 'name', 'id-ID').map((a) => a.name)).toEqual(['Bukit Batu', 'Pahandut', 'Rakumpit', 'Sebangau']);
  });
});

describe('trendDataset', () => {
  const trend = (projectedAtTarget: number | null): Trend => ({
    asOf: '2026-05-04',
    targetDate: '2029-12-31',
    projectedAtTarget,
    projectedZeroDate: null,
    onTrack: false,
    points: [{ month: '2026-05', extremePoorHouseholds: 800, coveragePct: 20 }],
  });

  it('joins the projection to the last actual month and rounds it at the target month', () => {
    expect(trendDataset(trend(312.6), t).rows).toEqual([
      { month: '2026-05', extremePoor: 800, projection: 800, coveragePct: 20 },
      { month: '2029-12', extremePoor: null, projection: 313, coveragePct: null },
    ]);
  });

  it('draws no projection without a fit', () => {
    expect(trendDataset(trend(null), t).rows).toEqual([{ month: '2026-05', extremePoor: 800, projection: null, coveragePct: 20 }]);
  });
});

describe('cells', () => {
  const dataset: Dataset = {
    category: 'month',
    columns: [
      { key: 'month', label: 'Bulan', kind: 'month' },
      { key: 'n', label: 'RT', kind: 'count' },
      { key: 'pct', label: 'Cakupan (%)', kind: 'percent' },
      { key: 'rp', label: 'Nilai (Rp)', kind: 'rupiah' },
      { key: 'days', label: 'Hari', kind: 'days' },
    ],
    rows: [{ month: '2026-05', n: 12500, pct: 41.25, rp: 1500000.4, days: 6.25 }, { month: '2026-06', n: 0, pct: null, rp: 0, days: null }],
    series: [],
  };

  it('keeps CSV values machine-readable: plain numbers, one decimal, whole rupiah, ISO months', () => {
    expect(csvTable(dataset)).toEqual({
      headers: ['Bulan', 'RT', 'Cakupan (%)', 'Nilai (Rp)', 'Hari'],
      rows: [['2026-05', 12500, 41.3, 1500000, 6.3], ['2026-06', 0, null, 0, null]],
    });
  });

  it('formats table cells in Indonesian or English', () => {
    const id = makeFormatters('id');
    const en = makeFormatters('en');
    expect(formatCell('count', 12500, id)).toBe('12.500');
    expect(formatCell('count', 12500, en)).toBe('12,500');
    expect(formatCell('percent', 41.25, id)).toBe('41,3%');
    expect(formatCell('month', '2026-05', id)).toBe('Mei 26');
    expect(formatCell('percent', null, id)).toBe('—');
  });
});
