import { describe, expect, it } from 'vitest';
import { interventionPeriodKey, periodKey } from './period-key.js';

describe('periodKey', () => {
  it('formats each frequency', () => {
    expect(periodKey('ONCE', '2026-07-15')).toBe('ONCE');
    expect(periodKey('MONTHLY', '2026-07-15')).toBe('2026-07');
    expect(periodKey('QUARTERLY', '2026-07-15')).toBe('2026-Q3');
    expect(periodKey('YEARLY', '2026-07-15')).toBe('2026');
    expect(periodKey('WEEKLY', '2026-07-15')).toBe('2026-W29');
  });

  it("puts days in their ISO week, whose year is its Thursday's", () => {
    expect(periodKey('WEEKLY', '2026-01-01')).toBe('2026-W01');
    expect(periodKey('WEEKLY', '2027-01-01')).toBe('2026-W53');
    expect(periodKey('WEEKLY', '2024-12-30')).toBe('2025-W01');
    expect(periodKey('WEEKLY', '2026-07-19')).toBe('2026-W29');
    expect(periodKey('WEEKLY', '2026-07-20')).toBe('2026-W30');
  });

  it('puts quarter boundaries in the right quarter', () => {
    expect(periodKey('QUARTERLY', '2026-01-01')).toBe('2026-Q1');
    expect(periodKey('QUARTERLY', '2026-03-31')).toBe('2026-Q1');
    expect(periodKey('QUARTERLY', '2026-04-01')).toBe('2026-Q2');
    expect(periodKey('QUARTERLY', '2026-09-30')).toBe('2026-Q3');
    expect(periodKey('QUARTERLY', '2026-12-31')).toBe('2026-Q4');
    expect(periodKey('MONTHLY', '2025-12-31')).toBe('2025-12');
    expect(periodKey('YEARLY', '2025-12-31')).toBe('2025');
  });

  it('matches the database check on period_key', () => {
    const pattern = /^(ONCE|[0-9]{4}(-[0-9]{2}|-Q[1-4]|-W[0-9]{2})?)$/;
    for (const f of ['ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'] as const) {
      for (const d of ['2024-02-29', '2025-06-01', '2026-11-30']) expect(periodKey(f, d)).toMatch(pattern);
    }
  });

  it('refuses impossible dates and unknown frequencies', () => {
    expect(() => periodKey('MONTHLY', '2026-02-30')).toThrow(RangeError);
    expect(() => periodKey('MONTHLY', '2025-02-29')).toThrow(RangeError);
    expect(() => periodKey('MONTHLY', '2026-7-1')).toThrow(RangeError);
    expect(() => periodKey('MONTHLY', '')).toThrow(RangeError);
    expect(() => periodKey('DAILY' as never, '2026-07-01')).toThrow(RangeError);
  });
});

describe('interventionPeriodKey', () => {
  it('uses the delivery date when set, else the planned date', () => {
    expect(interventionPeriodKey('MONTHLY', { plannedOn: '2026-06-28', deliveredOn: '2026-07-02' })).toBe('2026-07');
    expect(interventionPeriodKey('MONTHLY', { plannedOn: '2026-06-28', deliveredOn: null })).toBe('2026-06');
    expect(interventionPeriodKey('ONCE', { plannedOn: '2026-06-28' })).toBe('ONCE');
  });

  it('needs at least one date', () => {
    expect(() => interventionPeriodKey('YEARLY', {})).toThrow(RangeError);
  });
});
