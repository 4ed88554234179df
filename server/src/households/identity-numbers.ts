import { now } from '../config/clock.js';
import type { Sex } from '../growth/zscore.js';

// Indonesian identity numbers (Dukcapil):
//   NIK = province(2) kab/kota(2) kecamatan(2) of first registration + birth DDMMYY
//         (day + 40 for women) + serial(4, from 0001)
//   KK  = region code(6) + issue date DDMMYY + serial(4, from 0001)
// Two-digit years are read as 19yy or 20yy; nothing else is considered.

export interface ParsedNik {
  regionCode: string;
  sex: Sex;
  day: number;
  month: number;
  yy: number;
  serial: number;
}

export interface ParsedKk {
  regionCode: string;
  issueDate: { day: number; month: number; yy: number };
  serial: number;
}

// Kemendagri province codes, 38 provinces (incl. the 2022 Papua splits 93–96).
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', // Sumatra
  '21', // Kepulauan Riau
  '31', '32', '33', '34', '35', '36', // Java
  '51', '52', '53', // Bali, Nusa Tenggara
  '61', '62', '63', '64', '65', // Kalimantan
  '71', '72', '73', '74', '75', '76', // Sulawesi
  '81', '82', // Maluku
  '91', '92', '93', '94', '95', '96', // Papua
]);

const SIXTEEN_DIGITS = /^\d{16}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FEMALE_DAY_OFFSET = 40;
// Fixed UTC+7: Palangka Raya is on WIB, which has no daylight saving.
const WIB_OFFSET_MS = 7 * 3_600_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// True when day/month exists in 19yy or in 20yy (so 29/02 needs yy % 4 === 0; yy 00 works via 2000).
function isPlausibleDate(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(1900 + yy, month) || day <= daysInMonth(2000 + yy, month);
}

function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function regionProblem(label: string, regionCode: string): string | null {
  const province = regionCode.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return `${label} province code ${province} does not exist`;
  if (regionCode.slice(2, 4) === '00') return `${label} kabupaten/kota code 00 is not valid`;
  if (regionCode.slice(4, 6) === '00') return `${label} kecamatan code 00 is not valid`;
  return null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The NIK's structure, or null when any part is impossible (see nikProblem for why). */
export function parseNik(nik: string): ParsedNik | null {
  return nikStructure(nik).parsed;
}

function nikStructure(nik: string): { parsed: ParsedNik | null; problem: string | null } {
  const fail = (problem: string) => ({ parsed: null, problem });
  if (!SIXTEEN_DIGITS.test(nik)) return fail('NIK must be 16 digits');
  const regionCode = nik.slice(0, 6);
  const region = regionProblem('NIK', regionCode);
  if (region) return fail(region);
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > FEMALE_DAY_OFFSET ? 'FEMALE' : 'MALE';
  const day = sex === 'FEMALE' ? rawDay - FEMALE_DAY_OFFSET : rawDay;
  if (!isPlausibleDate(day, month, yy)) return fail('NIK birth date part is not a real date');
  const serial = Number(nik.slice(12, 16));
  if (serial < 1) return fail('NIK serial must start at 0001');
  return { parsed: { regionCode, sex, day, month, yy, serial }, problem: null };
}

/** Null when the NIK is valid (and agrees with the person's sex/birthDate when given), else a short reason. */
export function nikProblem(nik: string, person?: { sex?: Sex; birthDate?: string }): string | null {
  const { parsed, problem } = nikStructure(nik);
  if (!parsed) return problem;
  if (person?.sex && person.sex !== parsed.sex) {
    return parsed.sex === 'FEMALE'
      ? `NIK says female (day + 40) but sex is ${person.sex}`
      : `NIK says male but sex is ${person.sex}`;
  }
  if (person?.birthDate !== undefined) {
    const birth = parseIsoDate(person.birthDate);
    if (!birth) return 'birthDate must be a real YYYY-MM-DD date';
    if (birth.day !== parsed.day || birth.month !== parsed.month || birth.year % 100 !== parsed.yy) {
      return 'NIK birth date does not match birthDate';
    }
  }
  return null;
}

function checkRegion(label: string, regionCode: string): void {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`${label} regionCode must be 6 digits, got '${regionCode}'`);
  const problem = regionProblem(label, regionCode);
  if (problem) throw new RangeError(problem);
}

function checkSerial(label: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) {
    throw new RangeError(`${label} serial must be an integer 1–9999, got ${serial}`);
  }
  return String(serial).padStart(4, '0');
}

function checkDate(label: string, value: string): { year: number; month: number; day: number } {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`${label} must be a real YYYY-MM-DD date, got '${value}'`);
  // Two-digit years are only read back as 19yy/20yy, so other centuries would not round-trip.
  if (date.year < 1900 || date.year > 2099) throw new RangeError(`${label} year must be 1900–2099, got ${date.year}`);
  return date;
}

/** Builds a NIK; throws RangeError on an invalid region code, date or serial. */
export function makeNik(p: { regionCode: string; sex: Sex; birthDate: string; serial: number }): string {
  checkRegion('NIK', p.regionCode);
  const { year, month, day } = checkDate('birthDate', p.birthDate);
  const serial = checkSerial('NIK', p.serial);
  const dd = p.sex === 'FEMALE' ? day + FEMALE_DAY_OFFSET : day;
  return `${p.regionCode}${pad2(dd)}${pad2(month)}${pad2(year % 100)}${serial}`;
}

export function parseKk(kk: string): ParsedKk | null {
  return kkStructure(kk).parsed;
}

function kkStructure(kk: string): { parsed: ParsedKk | null; problem: string | null } {
  const fail = (problem: string) => ({ parsed: null, problem });
  if (!SIXTEEN_DIGITS.test(kk)) return fail('KK number must be 16 digits');
  const regionCode = kk.slice(0, 6);
  const region = regionProblem('KK', regionCode);
  if (region) return fail(region);
  const day = Number(kk.slice(6, 8));
  const month = Number(kk.slice(8, 10));
  const yy = Number(kk.slice(10, 12));
  if (!isPlausibleDate(day, month, yy)) return fail('KK issue date part is not a real date');
  const serial = Number(kk.slice(12, 16));
  if (serial < 1) return fail('KK serial must start at 0001');
  return { parsed: { regionCode, issueDate: { day, month, yy }, serial }, problem: null };
}

/**
 * Null when the KK number is valid, else a short reason. The century comes from the
 * year alone: 20yy when that year is not after today's (WIB) year, else 19yy; so an
 * issue date later this year is refused as being in the future.
 */
export function kkProblem(kk: string, today: Date = now()): string | null {
  const { parsed, problem } = kkStructure(kk);
  if (!parsed) return problem;
  const wibToday = new Date(today.getTime() + WIB_OFFSET_MS);
  const todayYear = wibToday.getUTCFullYear();
  const { day, month, yy } = parsed.issueDate;
  const year = 2000 + yy <= todayYear ? 2000 + yy : 1900 + yy;
  // 29/02/00 is only real as 2000, which is never after today's year, so no recheck needed here.
  const issued = Date.UTC(year, month - 1, day);
  const todayUtc = Date.UTC(todayYear, wibToday.getUTCMonth(), wibToday.getUTCDate());
  if (issued > todayUtc) return 'KK issue date is in the future';
  return null;
}

/** Builds a KK number; throws RangeError on an invalid region code, date or serial. */
export function makeKk(p: { regionCode: string; issueDate: string; serial: number }): string {
  checkRegion('KK', p.regionCode);
  const { year, month, day } = checkDate('issueDate', p.issueDate);
  const serial = checkSerial('KK', p.serial);
  return `${p.regionCode}${pad2(day)}${pad2(month)}${pad2(year % 100)}${serial}`;
}

/** Masks all but the last 4 characters; values of 4 or fewer are masked entirely so none leaks whole. */
export function maskIdentifier(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}
