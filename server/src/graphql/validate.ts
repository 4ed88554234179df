import { BadUserInputError } from './errors.js';

// Small input checks shared by the services. Each names the offending field.

export function requireText(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(field, `must be ${min}–${max} characters`);
  }
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return trimmed === '' ? undefined : trimmed;
}

export function requireRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadUserInputError(field, `must be between ${min} and ${max}`);
  }
  return value;
}

export function requireInteger(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value)) throw new BadUserInputError(field, 'must be a whole number');
  return requireRange(field, value, min, max);
}

export function requirePattern(field: string, value: string, pattern: RegExp, description: string): string {
  if (!pattern.test(value)) throw new BadUserInputError(field, description);
  return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date, not before `min` and not after `max` (ISO strings). */
export function requireDate(field: string, value: string, bounds: { min?: string; max?: string } = {}): string {
  const m = ISO_DATE.exec(value);
  const d = new Date(0);
  // setUTCFullYear: Date.UTC reads the years 0–99 as 1900–1999. There is no year 0 (PostgreSQL agrees).
  if (m) d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  if (!m || +m[1]! < 1 || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new BadUserInputError(field, 'must be a real date (YYYY-MM-DD)');
  }
  if (bounds.min && value < bounds.min) throw new BadUserInputError(field, `must not be before ${bounds.min}`);
  if (bounds.max && value > bounds.max) throw new BadUserInputError(field, `must not be after ${bounds.max}`);
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
