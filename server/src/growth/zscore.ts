import { LHFA, type LmsRow } from './who-lhfa.js';

export type Sex = 'MALE' | 'FEMALE';
export type MeasurePosition = 'LYING' | 'STANDING';
export type StuntingStatus = 'NORMAL' | 'STUNTED' | 'SEVERELY_STUNTED';

// WHO's month length, used to turn age in days into the table's months.
const DAYS_PER_MONTH = 30.4375;
// WHO switches from recumbent length to standing height at 24 months = day 731.
const HEIGHT_FROM_DAY = 731;
// Standing height runs ~0.7 cm shorter than recumbent length (WHO anthro adjust_lenhei).
const POSITION_ADJUST_CM = 0.7;

export const MAX_AGE_DAYS: number = Math.floor(60 * DAYS_PER_MONTH);

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDateUtc(value: string, label: string): number {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`${label} must be a YYYY-MM-DD date, got '${value}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2023-02-30 over to March; a round trip catches impossible dates.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`${label} is not a real date: '${value}'`);
  }
  return t;
}

/** Whole days from birthDate to onDate (negative when onDate is earlier). */
export function ageInDays(birthDate: string, onDate: string): number {
  const from = parseIsoDateUtc(birthDate, 'birthDate');
  const to = parseIsoDateUtc(onDate, 'onDate');
  return Math.round((to - from) / MS_PER_DAY);
}

function lmsAt(rows: readonly LmsRow[], months: number): LmsRow {
  const first = rows[0]!.month;
  const last = rows[rows.length - 1]!.month;
  // Clamp guards float edges; callers already keep age inside the table's span.
  const t = Math.min(Math.max(months, first), last);
  const i = Math.min(Math.floor(t) - first, rows.length - 2);
  const lo = rows[i]!;
  const hi = rows[i + 1]!;
  const f = t - lo.month;
  return {
    month: t,
    L: lo.L + (hi.L - lo.L) * f,
    M: lo.M + (hi.M - lo.M) * f,
    S: lo.S + (hi.S - lo.S) * f,
  };
}

/**
 * WHO 2006 length/height-for-age z-score. ageDays may be fractional; the
 * length table applies below day 731, the height table from day 731.
 */
export function lengthHeightForAgeZ(input: {
  sex: Sex;
  ageDays: number;
  heightCm: number;
  position: MeasurePosition;
}): number {
  const { sex, ageDays, heightCm, position } = input;
  if (!Number.isFinite(ageDays) || ageDays < 0 || ageDays > MAX_AGE_DAYS) {
    throw new RangeError(`ageDays must be between 0 and ${MAX_AGE_DAYS} (0–60 months), got ${ageDays}`);
  }
  if (!Number.isFinite(heightCm) || heightCm <= 0) {
    throw new RangeError(`heightCm must be a positive finite number, got ${heightCm}`);
  }
  if (sex !== 'MALE' && sex !== 'FEMALE') throw new RangeError(`unknown sex '${String(sex)}'`);
  if (position !== 'LYING' && position !== 'STANDING') {
    throw new RangeError(`unknown position '${String(position)}'`);
  }

  const useLength = ageDays < HEIGHT_FROM_DAY;
  let x = heightCm;
  if (useLength && position === 'STANDING') x += POSITION_ADJUST_CM;
  else if (!useLength && position === 'LYING') x -= POSITION_ADJUST_CM;
  if (x <= 0) throw new RangeError(`heightCm ${heightCm} is not positive after the position adjustment`);

  const table = LHFA[sex === 'MALE' ? 'M' : 'F'];
  const { L, M, S } = lmsAt(useLength ? table.length : table.height, ageDays / DAYS_PER_MONTH);
  return L === 0 ? Math.log(x / M) / S : (Math.pow(x / M, L) - 1) / (L * S);
}

export function stuntingStatus(z: number): StuntingStatus {
  // NaN would otherwise fall through to NORMAL and hide a broken measurement.
  if (Number.isNaN(z)) throw new RangeError('z-score is NaN');
  if (z < -3) return 'SEVERELY_STUNTED';
  if (z < -2) return 'STUNTED';
  return 'NORMAL';
}

export function isImplausibleZ(z: number): boolean {
  // NaN counts as implausible so a broken value never passes as a real measurement.
  return !(Math.abs(z) <= 6);
}
