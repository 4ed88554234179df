import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  filterFromParams,
  isIsoDate,
  levelFromParams,
  periodFromParams,
  quarterOf,
  quarterOfRange,
  recentQuarters,
  sortFromParams,
} from './analytics-filter';

const ORG = '3f2b6c1e-8a4d-4e2f-9b1a-2c3d4e5f6a7b';
const p = (query: string) => new URLSearchParams(query);

describe('filterFromParams', () => {
  it('is empty without params (the whole city, every program, no dates)', () => {
    expect(filterFromParams(p(''))).toEqual({});
  });

  it('maps every URL param to its AnalyticsFilter field', () => {
    expect(
      filterFromParams(p(`kecamatan=62.71.01&dari=2026-04-01&sampai=2026-06-30&aspek=HEALTH&strategi=INCREASE_INCOME&organisasi=${ORG}`)),
    ).toEqual({
      areaCode: '62.71.01',
      from: '2026-04-01',
      to: '2026-06-30',
      focusAspect: 'HEALTH',
      strategy: 'INCREASE_INCOME',
      organizationId: ORG,
    });
  });

  it('prefers the kelurahan over its kecamatan', () => {
    expect(filterFromParams(p('kecamatan=62.71.01&kelurahan=62.71.01.1001'))).toEqual({ areaCode: '62.71.01.1001' });
  });

  it('drops values the server would reject (hand-edited URLs)', () => {
    expect(filterFromParams(p('aspek=CORRUPTION&strategi=x&organisasi=42&dari=2026-02-30&sampai=soon'))).toEqual({});
  });

  it('ignores a range whose end is before its start, and says so', () => {
    expect(filterFromParams(p('dari=2026-06-30&sampai=2026-04-01'))).toEqual({});
    expect(periodFromParams(p('dari=2026-06-30&sampai=2026-04-01'))).toEqual({ from: null, to: null, reversed: true });
    expect(filterFromParams(p('dari=2026-06-30'))).toEqual({ from: '2026-06-30' });
  });

  it('knows real calendar days', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
  });
});

describe('view params', () => {
  it('charts coverage per kecamatan city-wide and per kelurahan inside an area, unless chosen', () => {
    expect(levelFromParams(p(''))).toBe('KECAMATAN');
    expect(levelFromParams(p('kecamatan=62.71.01'))).toBe('KELURAHAN');
    expect(levelFromParams(p('tingkat=kelurahan'))).toBe('KELURAHAN');
    expect(levelFromParams(p('kecamatan=62.71.01&tingkat=kecamatan'))).toBe('KECAMATAN');
  });

  it('sorts by lowest coverage unless a known order is given', () => {
    expect(sortFromParams(p(''))).toBe('coverage-asc');
    expect(sortFromParams(p('urut=name'))).toBe('name');
    expect(sortFromParams(p('urut=random'))).toBe('coverage-asc');
  });

  it('counts counting filters, not view choices, and a date range as two', () => {
    expect(activeFilterCount(p('tingkat=kelurahan&urut=name'))).toBe(0);
    expect(activeFilterCount(p('kecamatan=62.71.01&dari=2026-04-01&sampai=2026-06-30&aspek='))).toBe(3);
  });
});

describe('quarters', () => {
  it('spans whole months, leap years included', () => {
    expect(quarterOf(2028, 1)).toEqual({ key: '2028-Q1', year: 2028, quarter: 1, from: '2028-01-01', to: '2028-03-31' });
    expect(quarterOf(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('lists the current quarter first and crosses years', () => {
    expect(recentQuarters('2026-05-04', 3).map((q) => q.key)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
  });

  it('recognises a date range that is exactly a quarter', () => {
    expect(quarterOfRange('2026-04-01', '2026-06-30')?.key).toBe('2026-Q2');
    expect(quarterOfRange('2026-04-01', '2026-06-29')).toBeNull();
    expect(quarterOfRange('2026-04-02', '2026-06-30')).toBeNull();
    expect(quarterOfRange(null, '2026-06-30')).toBeNull();
  });
});
