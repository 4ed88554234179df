import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sex } from '../growth/zscore.js';
import {
  PROVINCE_CODES,
  kkProblem,
  makeKk,
  makeNik,
  maskIdentifier,
  nikProblem,
  parseKk,
  parseNik,
} from './identity-numbers.js';

// 62 Kalimantan Tengah, 71 Kota Palangka Raya, 01 a kecamatan in it.
const REGION = '627101';
// Female born 2015-03-12: day part 12 + 40 = 52.
const NIK_F = '6271015203150001';
const NIK_M = '6271011203150002';

describe('PROVINCE_CODES', () => {
  it('holds the 38 Kemendagri province codes', () => {
    expect(PROVINCE_CODES.size).toBe(38);
    for (const code of ['11', '19', '21', '31', '36', '51', '53', '61', '62', '65', '71', '76', '81', '82', '91', '96']) {
      expect(PROVINCE_CODES.has(code)).toBe(true);
    }
    for (const code of ['00', '10', '20', '22', '37', '54', '66', '77', '83', '90', '97', '99']) {
      expect(PROVINCE_CODES.has(code)).toBe(false);
    }
  });
});

describe('parseNik', () => {
  it('reads a woman’s NIK (day + 40)', () => {
    expect(parseNik(NIK_F)).toEqual({ regionCode: REGION, sex: 'FEMALE', day: 12, month: 3, yy: 15, serial: 1 });
  });

  it('reads a man’s NIK', () => {
    expect(parseNik(NIK_M)).toEqual({ regionCode: REGION, sex: 'MALE', day: 12, month: 3, yy: 15, serial: 2 });
  });

  it('accepts 29 Feb when 19yy or 20yy is a leap year', () => {
    expect(parseNik('6271012902000001')).not.toBeNull(); // 2000 (1900 is not a leap year, 2000 is)
    expect(parseNik('6271012902960001')).not.toBeNull(); // 1996
    expect(parseNik('6271016902080001')).toMatchObject({ sex: 'FEMALE', day: 29, month: 2, yy: 8 });
  });

  it('refuses 29 Feb when neither 19yy nor 20yy is a leap year', () => {
    expect(parseNik('6271012902990001')).toBeNull(); // 1999 and 2099
    expect(parseNik('6271016902010001')).toBeNull(); // 1901 and 2001
    expect(parseNik('6271013002000001')).toBeNull();
  });

  it('returns null for every structural problem', () => {
    for (const bad of ['627101520315000', 'x271015203150001', '9971015203150001', '6200015203150001', '6271005203150001', '6271013204150001', '6271015203150000']) {
      expect(parseNik(bad)).toBeNull();
    }
  });
});

describe('nikProblem', () => {
  it('accepts valid NIKs, with or without the person', () => {
    expect(nikProblem(NIK_F)).toBeNull();
    expect(nikProblem(NIK_F, {})).toBeNull();
    expect(nikProblem(NIK_F, { sex: 'FEMALE', birthDate: '2015-03-12' })).toBeNull();
    expect(nikProblem(NIK_M, { sex: 'MALE', birthDate: '2015-03-12' })).toBeNull();
    expect(nikProblem('1101014107990001', { sex: 'FEMALE', birthDate: '1999-07-01' })).toBeNull();
    expect(nikProblem('9601013112249999', { sex: 'MALE', birthDate: '2024-12-31' })).toBeNull();
  });

  it.each(['', '627101520315000', '62710152031500011', '6271-01520315000', ' 6271015203150001', '627101520315000A', '６２７１０１５２０３１５０００１'])(
    'needs 16 digits: %j',
    (nik) => {
      expect(nikProblem(nik)).toBe('NIK must be 16 digits');
    },
  );

  it.each([
    ['9971015203150001', 'NIK province code 99 does not exist'],
    ['0071015203150001', 'NIK province code 00 does not exist'],
    ['5471015203150001', 'NIK province code 54 does not exist'],
    ['6200015203150001', 'NIK kabupaten/kota code 00 is not valid'],
    ['6271005203150001', 'NIK kecamatan code 00 is not valid'],
  ])('region code %s: %s', (nik, message) => {
    expect(nikProblem(nik)).toBe(message);
  });

  it.each([
    ['6271010003150001', 'day 00'],
    ['6271013203150001', 'day 32'],
    ['6271014003150001', 'day 40 (female day 0)'],
    ['6271017203150001', 'female day 32'],
    ['6271011200150001', 'month 00'],
    ['6271011213150001', 'month 13'],
    ['6271013104150001', '31 April'],
    ['6271017104150001', 'female 31 April'],
    ['6271012902990001', '29 Feb 1999/2099'],
    ['6271013002000001', '30 Feb'],
  ])('%s: birth date part is not real (%s)', (nik) => {
    expect(nikProblem(nik)).toBe('NIK birth date part is not a real date');
  });

  it('needs a serial from 0001', () => {
    expect(nikProblem('6271015203150000')).toBe('NIK serial must start at 0001');
    expect(nikProblem('6271015203159999')).toBeNull();
  });

  it('checks the sex against the day part', () => {
    expect(nikProblem(NIK_F, { sex: 'MALE' })).toBe('NIK says female (day + 40) but sex is MALE');
    expect(nikProblem(NIK_M, { sex: 'FEMALE' })).toBe('NIK says male but sex is FEMALE');
  });

  it('checks the birth date (day, month and two-digit year)', () => {
    const msg = 'NIK birth date does not match birthDate';
    expect(nikProblem(NIK_F, { birthDate: '2015-03-13' })).toBe(msg);
    expect(nikProblem(NIK_F, { birthDate: '2015-04-12' })).toBe(msg);
    expect(nikProblem(NIK_F, { birthDate: '2016-03-12' })).toBe(msg);
    // Only yy is encoded, so 1915 cannot be told apart from 2015.
    expect(nikProblem(NIK_F, { birthDate: '1915-03-12' })).toBeNull();
  });

  it('reports a birthDate that is not a real date', () => {
    expect(nikProblem(NIK_F, { birthDate: '2015-02-30' })).toBe('birthDate must be a real YYYY-MM-DD date');
    expect(nikProblem(NIK_F, { birthDate: '12-03-2015' })).toBe('birthDate must be a real YYYY-MM-DD date');
  });

  it('reports structure before the person’s data', () => {
    expect(nikProblem('6271015203150000', { sex: 'MALE' })).toBe('NIK serial must start at 0001');
  });
});

describe('makeNik', () => {
  it('adds 40 to the day for women', () => {
    expect(makeNik({ regionCode: REGION, sex: 'FEMALE', birthDate: '2015-03-12', serial: 1 })).toBe(NIK_F);
    expect(makeNik({ regionCode: REGION, sex: 'MALE', birthDate: '2015-03-12', serial: 2 })).toBe(NIK_M);
    expect(makeNik({ regionCode: '110101', sex: 'FEMALE', birthDate: '2000-02-29', serial: 9999 })).toBe('1101016902009999');
  });

  it.each([
    [{ regionCode: '62710', birthDate: '2015-03-12', serial: 1 }],
    [{ regionCode: '997101', birthDate: '2015-03-12', serial: 1 }],
    [{ regionCode: '620001', birthDate: '2015-03-12', serial: 1 }],
    [{ regionCode: REGION, birthDate: '2015-02-29', serial: 1 }],
    [{ regionCode: REGION, birthDate: '1899-12-31', serial: 1 }],
    [{ regionCode: REGION, birthDate: '2100-01-01', serial: 1 }],
    [{ regionCode: REGION, birthDate: '2015-03-12', serial: 0 }],
    [{ regionCode: REGION, birthDate: '2015-03-12', serial: 10000 }],
    [{ regionCode: REGION, birthDate: '2015-03-12', serial: 1.5 }],
  ])('throws RangeError for %j', (p) => {
    expect(() => makeNik({ ...p, sex: 'MALE' })).toThrow(RangeError);
  });
});

describe('parseKk / kkProblem', () => {
  const today = new Date('2025-06-15T05:00:00Z');

  it('reads a KK number', () => {
    expect(parseKk('6271011506250042')).toEqual({
      regionCode: REGION,
      issueDate: { day: 15, month: 6, yy: 25 },
      serial: 42,
    });
    expect(kkProblem('6271011506250042', today)).toBeNull();
  });

  it.each([
    ['627101150625004', 'KK number must be 16 digits'],
    ['62710115062500a2', 'KK number must be 16 digits'],
    ['9971011506250042', 'KK province code 99 does not exist'],
    ['6200011506250042', 'KK kabupaten/kota code 00 is not valid'],
    ['6271001506250042', 'KK kecamatan code 00 is not valid'],
    ['6271013206250042', 'KK issue date part is not a real date'],
    ['6271015506250042', 'KK issue date part is not a real date'], // no +40 on a KK
    ['6271013106250042', 'KK issue date part is not a real date'],
    ['6271012902230042', 'KK issue date part is not a real date'],
    ['6271011506250000', 'KK serial must start at 0001'],
    ['6271011606250042', 'KK issue date is in the future'],
    ['6271013112250042', 'KK issue date is in the future'],
  ])('%s: %s', (kk, message) => {
    expect(kkProblem(kk, today)).toBe(message);
    if (message !== 'KK issue date is in the future') expect(parseKk(kk)).toBeNull();
  });

  it('reads yy as 20yy up to today’s year, else 19yy', () => {
    // 2026 is after 2025, so 26 means 1926: an old date, not a future one.
    expect(kkProblem('6271010107260001', today)).toBeNull();
    expect(kkProblem('6271012902000001', today)).toBeNull();
  });

  it('uses the WIB (UTC+7) calendar day for today', () => {
    // 2025-06-14 18:00 UTC is already 15 June in Palangka Raya.
    expect(kkProblem('6271011506250001', new Date('2025-06-14T18:00:00Z'))).toBeNull();
    // 2025-06-14 16:00 UTC is still 14 June there.
    expect(kkProblem('6271011506250001', new Date('2025-06-14T16:00:00Z'))).toBe('KK issue date is in the future');
  });

  it('defaults today to now', () => {
    expect(kkProblem('6271010101050001')).toBeNull();
  });
});

describe('makeKk', () => {
  it('builds region + DDMMYY + serial', () => {
    expect(makeKk({ regionCode: REGION, issueDate: '2025-06-15', serial: 42 })).toBe('6271011506250042');
  });

  it.each([
    [{ regionCode: '997101', issueDate: '2025-06-15', serial: 1 }],
    [{ regionCode: REGION, issueDate: '2025-06-31', serial: 1 }],
    [{ regionCode: REGION, issueDate: '2025-06-15', serial: 0 }],
  ])('throws RangeError for %j', (p) => {
    expect(() => makeKk(p)).toThrow(RangeError);
  });
});

describe('round trips', () => {
  const provinces = [...PROVINCE_CODES];
  const regionArb = fc
    .tuple(fc.constantFrom(...provinces), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([p, k, c]) => `${p}${String(k).padStart(2, '0')}${String(c).padStart(2, '0')}`);
  const DAY_MS = 86_400_000;
  const FIRST = Date.UTC(1900, 0, 1) / DAY_MS;
  const LAST = Date.UTC(2099, 11, 31) / DAY_MS;
  const dateArb = fc.integer({ min: FIRST, max: LAST }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
  const serialArb = fc.integer({ min: 1, max: 9999 });
  const sexArb = fc.constantFrom<Sex>('MALE', 'FEMALE');

  it('makeNik → parseNik', () => {
    fc.assert(
      fc.property(regionArb, sexArb, dateArb, serialArb, (regionCode, sex, birthDate, serial) => {
        const nik = makeNik({ regionCode, sex, birthDate, serial });
        const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
        expect(parseNik(nik)).toEqual({ regionCode, sex, day: d, month: m, yy: y % 100, serial });
        expect(nikProblem(nik, { sex, birthDate })).toBeNull();
      }),
    );
  });

  it('makeKk → parseKk', () => {
    fc.assert(
      fc.property(regionArb, dateArb, serialArb, (regionCode, issueDate, serial) => {
        const kk = makeKk({ regionCode, issueDate, serial });
        const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
        expect(parseKk(kk)).toEqual({ regionCode, issueDate: { day: d, month: m, yy: y % 100 }, serial });
        // Any issue date up to the end of 2099 resolves to a past date once today is 2100.
        expect(kkProblem(kk, new Date(Date.UTC(2100, 0, 1)))).toBeNull();
      }),
    );
  });
});

describe('maskIdentifier', () => {
  it('keeps only the last 4 characters', () => {
    expect(maskIdentifier(NIK_F)).toBe('************0001');
    expect(maskIdentifier('12345')).toBe('*2345');
  });

  it('masks short values entirely so none is shown whole', () => {
    expect(maskIdentifier('1234')).toBe('****');
    expect(maskIdentifier('12')).toBe('**');
    expect(maskIdentifier('')).toBe('');
  });
});
