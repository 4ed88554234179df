import { BadUserInputError } from './errors.js';
import { problem, type Problem } from './messages.js';

// Small input checks shared by the services. Each names the offending field.

export function requireText(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(field, problem('TEXT_LENGTH', { min, max }));
  }
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadUserInputError(field, problem('TEXT_TOO_LONG', { max }));
  return trimmed === '' ? undefined : trimmed;
}

export function requireRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadUserInputError(field, problem('NUMBER_RANGE', { min, max }));
  }
  return value;
}

export function requireInteger(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value)) throw new BadUserInputError(field, problem('WHOLE_NUMBER'));
  return requireRange(field, value, min, max);
}

/** `description` is a catalogued problem (an older plain message is matched against the catalogue). */
export function requirePattern(field: string, value: string, pattern: RegExp, description: string | Problem): string {
  if (!pattern.test(value)) throw new BadUserInputError(field, description);
  return value;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** A client's idempotency key (interventions, measurements): trimmed, undefined when not given. */
export function optionalIdempotencyKey(field: string, value: string | null | undefined): string | undefined {
  const key = value?.trim() || undefined;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new BadUserInputError(field, problem('IDEMPOTENCY_KEY_FORMAT'));
  return key;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date, not before `min` and not after `max` (ISO strings). */
export function requireDate(field: string, value: string, bounds: { min?: string; max?: string } = {}): string {
  const m = ISO_DATE.exec(value);
  const d = new Date(0);
  // setUTCFullYear: Date.UTC reads the years 0–99 as 1900–1999. There is no year 0 (PostgreSQL agrees).
  if (m) d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  if (!m || +m[1]! < 1 || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new BadUserInputError(field, problem('DATE_INVALID'));
  }
  if (bounds.min && value < bounds.min) throw new BadUserInputError(field, problem('DATE_TOO_EARLY', { date: bounds.min }));
  if (bounds.max && value > bounds.max) throw new BadUserInputError(field, problem('DATE_TOO_LATE', { date: bounds.max }));
  return value;
}

/** Completed years between an ISO birth date and an ISO date. */
/** Completed months of age on a date (as the programs' target ages count them). */
export function ageInMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
}

export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
