import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LHFA } from './who-lhfa.js';
import {
  MAX_AGE_DAYS,
  ageInDays,
  isImplausibleZ,
  lengthHeightForAgeZ,
  stuntingStatus,
  type MeasurePosition,
  type Sex,
} from './zscore.js';

// The WHO CSV lives in the shared data folder beside the repo, not in the repo itself;
// checkouts without it skip the cases that compare against it.
const CSV_PATH = fileURLToPath(new URL('../../../../shared/data/who/lhfa-lms.csv', import.meta.url));
const csvExists = existsSync(CSV_PATH);

interface CsvRow {
  sex: 'M' | 'F';
  month: number;
  measure: 'length' | 'height';
  L: number;
  M: number;
  S: number;
}

const csvRows: CsvRow[] = csvExists
  ? readFileSync(CSV_PATH, 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => {
        const [sex, month, measure, L, M, S] = line.split(',');
        return {
          sex: sex as 'M' | 'F',
          month: Number(month),
          measure: measure as 'length' | 'height',
          L: Number(L),
          M: Number(M),
          S: Number(S),
        };
      })
  : [];

const DAYS_PER_MONTH = 30.4375;
const SEXES: Sex[] = ['MALE', 'FEMALE'];
const toSex = (s: 'M' | 'F'): Sex => (s === 'M' ? 'MALE' : 'FEMALE');

function csvRow(sex: 'M' | 'F', measure: 'length' | 'height', month: number): CsvRow {
  const row = csvRows.find((r) => r.sex === sex && r.measure === measure && r.month === month);
  if (!row) throw new Error(`no CSV row ${sex} ${measure} ${month}`);
  return row;
}

// Independent linear interpolation straight from the CSV, for ages between whole months.
function csvLmsAt(sex: 'M' | 'F', measure: 'length' | 'height', ageDays: number) {
  const months = ageDays / DAYS_PER_MONTH;
  const lo = csvRow(sex, measure, Math.floor(months));
  const hi = csvRow(sex, measure, Math.floor(months) + 1);
  const f = months - lo.month;
  return { M: lo.M + (hi.M - lo.M) * f, S: lo.S + (hi.S - lo.S) * f };
}

const z = (sex: Sex, ageDays: number, heightCm: number, position: MeasurePosition) =>
  lengthHeightForAgeZ({ sex, ageDays, heightCm, position });

describe('who-lhfa table', () => {
  it.skipIf(!csvExists)('holds exactly the CSV values', () => {
    const fromTable = (['M', 'F'] as const).flatMap((sex) =>
      (['length', 'height'] as const).flatMap((measure) =>
        LHFA[sex][measure].map((r) => ({ sex, month: r.month, measure, L: r.L, M: r.M, S: r.S })),
      ),
    );
    const key = (r: CsvRow) => `${r.sex}-${r.measure}-${r.month}`;
    const sorted = (rows: CsvRow[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(fromTable)).toEqual(sorted(csvRows));
  });

  it('has consecutive whole months: length 0–24, height 24–60', () => {
    for (const sex of ['M', 'F'] as const) {
      expect(LHFA[sex].length.map((r) => r.month)).toEqual(Array.from({ length: 25 }, (_, i) => i));
      expect(LHFA[sex].height.map((r) => r.month)).toEqual(Array.from({ length: 37 }, (_, i) => i + 24));
    }
  });
});

describe('lengthHeightForAgeZ at whole months', () => {
  // Month m sits at m × 30.4375 days; month 24 (730.5 days) still uses the length table.
  // Height rows 24 and 60 are never hit exactly (day 731 and the 1826-day cap), so they are
  // checked through interpolation in the boundary tests below.
  const cases = csvRows.filter(
    (r) => (r.measure === 'length' && r.month <= 24) || (r.measure === 'height' && r.month >= 25 && r.month <= 59),
  );

  it.skipIf(!csvExists)('covers every length row and height months 25–59 for both sexes', () => {
    expect(cases).toHaveLength(2 * (25 + 35));
  });

  it.skipIf(!csvExists)('gives z = 0 at X = M and z = −2 at X = M·(1 − 2S)', () => {
    for (const r of cases) {
      const position: MeasurePosition = r.measure === 'length' ? 'LYING' : 'STANDING';
      const ageDays = r.month * DAYS_PER_MONTH;
      expect(Math.abs(z(toSex(r.sex), ageDays, r.M, position))).toBeLessThan(1e-9);
      expect(Math.abs(z(toSex(r.sex), ageDays, r.M * (1 - 2 * r.S), position) + 2)).toBeLessThan(1e-9);
    }
  });

  it.skipIf(!csvExists)('interpolates the height table at day 731 (months 24–25) and day 1826 (months 59–60)', () => {
    for (const sex of ['M', 'F'] as const) {
      for (const day of [731, MAX_AGE_DAYS]) {
        const { M, S } = csvLmsAt(sex, 'height', day);
        expect(Math.abs(z(toSex(sex), day, M, 'STANDING'))).toBeLessThan(1e-9);
        expect(Math.abs(z(toSex(sex), day, M * (1 + 3 * S), 'STANDING') - 3)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('measurement position adjustment', () => {
  it('adds 0.7 cm to a standing height under 24 months', () => {
    for (const sex of SEXES) {
      const M = LHFA[sex === 'MALE' ? 'M' : 'F'].length[12]!.M;
      expect(Math.abs(z(sex, 12 * DAYS_PER_MONTH, M - 0.7, 'STANDING'))).toBeLessThan(1e-9);
      expect(Math.abs(z(sex, 12 * DAYS_PER_MONTH, M, 'LYING'))).toBeLessThan(1e-9);
    }
  });

  it('subtracts 0.7 cm from a recumbent length at 24 months or older', () => {
    for (const sex of SEXES) {
      const row = LHFA[sex === 'MALE' ? 'M' : 'F'].height.find((r) => r.month === 36)!;
      expect(Math.abs(z(sex, 36 * DAYS_PER_MONTH, row.M + 0.7, 'LYING'))).toBeLessThan(1e-9);
      expect(Math.abs(z(sex, 36 * DAYS_PER_MONTH, row.M, 'STANDING'))).toBeLessThan(1e-9);
    }
  });
});

describe('730/731-day boundary', () => {
  it.skipIf(!csvExists)('uses the length table on day 730 and the height table on day 731', () => {
    for (const sex of ['M', 'F'] as const) {
      const len = csvLmsAt(sex, 'length', 730);
      const hei = csvLmsAt(sex, 'height', 731);
      expect(Math.abs(z(toSex(sex), 730, len.M, 'LYING'))).toBeLessThan(1e-9);
      expect(Math.abs(z(toSex(sex), 730, len.M - 0.7, 'STANDING'))).toBeLessThan(1e-9);
      expect(Math.abs(z(toSex(sex), 731, hei.M, 'STANDING'))).toBeLessThan(1e-9);
      expect(Math.abs(z(toSex(sex), 731, hei.M + 0.7, 'LYING'))).toBeLessThan(1e-9);
    }
  });

  it('barely moves across the switch for the same child measured the same way', () => {
    // Length M at 24 months is exactly 0.7 cm above height M, so the switch is seamless.
    for (const sex of SEXES) {
      for (const position of ['LYING', 'STANDING'] as const) {
        for (const heightCm of [78, 84, 88, 94]) {
          expect(Math.abs(z(sex, 731, heightCm, position) - z(sex, 730, heightCm, position))).toBeLessThan(0.02);
        }
      }
    }
  });
});

describe('range checks', () => {
  it('caps age at 60 months = 1826 days', () => {
    expect(MAX_AGE_DAYS).toBe(1826);
    expect(() => z('MALE', 0, 50, 'LYING')).not.toThrow();
    expect(() => z('MALE', MAX_AGE_DAYS, 110, 'STANDING')).not.toThrow();
  });

  it.each([-1, -0.5, MAX_AGE_DAYS + 1, MAX_AGE_DAYS + 0.25, Number.NaN, Number.POSITIVE_INFINITY])(
    'throws RangeError for ageDays %s',
    (ageDays) => {
      expect(() => z('FEMALE', ageDays, 80, 'LYING')).toThrow(RangeError);
      expect(() => z('FEMALE', ageDays, 80, 'LYING')).toThrow(/ageDays/);
    },
  );

  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws RangeError for heightCm %s',
    (heightCm) => {
      expect(() => z('MALE', 400, heightCm, 'LYING')).toThrow(RangeError);
      expect(() => z('MALE', 400, heightCm, 'LYING')).toThrow(/heightCm/);
    },
  );

  it('throws when the adjustment leaves no positive height', () => {
    expect(() => z('MALE', 800, 0.5, 'LYING')).toThrow(RangeError);
  });
});

describe('stuntingStatus', () => {
  it.each([
    [0, 'NORMAL'],
    [-1.99, 'NORMAL'],
    [-2, 'NORMAL'],
    [-2.000001, 'STUNTED'],
    [-2.5, 'STUNTED'],
    [-3, 'STUNTED'],
    [-3.000001, 'SEVERELY_STUNTED'],
    [-7, 'SEVERELY_STUNTED'],
    [4, 'NORMAL'],
  ] as const)('z = %s is %s', (value, status) => {
    expect(stuntingStatus(value)).toBe(status);
  });

  it('refuses NaN', () => {
    expect(() => stuntingStatus(Number.NaN)).toThrow(RangeError);
  });
});

describe('isImplausibleZ', () => {
  it.each([
    [0, false],
    [6, false],
    [-6, false],
    [6.0001, true],
    [-6.0001, true],
    [Number.NaN, true],
  ] as const)('z = %s → %s', (value, flagged) => {
    expect(isImplausibleZ(value)).toBe(flagged);
  });
});

describe('ageInDays', () => {
  it('counts whole UTC days', () => {
    expect(ageInDays('2024-01-01', '2024-01-01')).toBe(0);
    expect(ageInDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(ageInDays('2023-02-28', '2023-03-01')).toBe(1);
    expect(ageInDays('2020-03-15', '2025-03-15')).toBe(1826);
    expect(ageInDays('2024-03-10', '2024-03-01')).toBe(-9);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-1-5', '05/01/2024', ''])('refuses %j', (bad) => {
    expect(() => ageInDays(bad, '2024-06-01')).toThrow(RangeError);
    expect(() => ageInDays('2020-01-01', bad)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const sexArb = fc.constantFrom<Sex>('MALE', 'FEMALE');
  const positionArb = fc.constantFrom<MeasurePosition>('LYING', 'STANDING');

  it('z strictly increases with height for fixed age, sex and position', () => {
    fc.assert(
      fc.property(
        sexArb,
        positionArb,
        fc.double({ min: 0, max: MAX_AGE_DAYS, noNaN: true }),
        fc.double({ min: 20, max: 150, noNaN: true }),
        fc.double({ min: 1e-6, max: 50, noNaN: true }),
        (sex, position, ageDays, h, delta) => {
          expect(z(sex, ageDays, h + delta, position)).toBeGreaterThan(z(sex, ageDays, h, position));
        },
      ),
    );
  });

  it('moves less than 0.2 z from one day to the next for a fixed height within one table', () => {
    // Day pairs (d, d+1) that stay inside one table: 0–730 length, 731–1826 height.
    const dayArb = fc.oneof(fc.integer({ min: 0, max: 729 }), fc.integer({ min: 731, max: MAX_AGE_DAYS - 1 }));
    fc.assert(
      fc.property(sexArb, positionArb, dayArb, fc.double({ min: -6, max: 6, noNaN: true }), (sex, position, day, z0) => {
        // z is linear in height (L = 1), so two probes give the height with z = z0 on day `day`.
        const z50 = z(sex, day, 50, position);
        const slope = (z(sex, day, 100, position) - z50) / 50;
        const heightCm = 50 + (z0 - z50) / slope;
        fc.pre(heightCm > 1);
        expect(Math.abs(z(sex, day + 1, heightCm, position) - z(sex, day, heightCm, position))).toBeLessThan(0.2);
      }),
    );
  });
});
