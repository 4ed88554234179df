// The frequency period an intervention counts for. The unique index
// intervention_once_per_period keys on it, so the API and the seed must agree exactly.

export type Frequency = 'ONCE' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * ONCE → 'ONCE'; WEEKLY → ISO week 'YYYY-Www' (weeks start on Monday; PostgreSQL's IYYY-IW); MONTHLY → 'YYYY-MM'; QUARTERLY → 'YYYY-Qn'; YEARLY → 'YYYY'.
 * Throws RangeError on an impossible date or an unknown frequency.
 */
export function periodKey(frequency: Frequency, isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD, got '${isoDate}'`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  // A round trip catches 2026-02-30 and friends, which Date.UTC would roll over.
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) {
    throw new RangeError(`not a real date: '${isoDate}'`);
  }
  switch (frequency) {
    case 'ONCE':
      return 'ONCE';
    case 'WEEKLY':
      return isoWeek(t);
    case 'MONTHLY':
      return `${m[1]}-${m[2]}`;
    case 'QUARTERLY':
      return `${m[1]}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'YEARLY':
      return m[1]!;
    default:
      throw new RangeError(`unknown frequency '${String(frequency)}'`);
  }
}

/** ISO 8601 week of a UTC midnight: the week (Monday to Sunday) belongs to the year of its Thursday. */
function isoWeek(t: Date): string {
  const thursday = new Date(t.getTime() + (3 - ((t.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The key of an intervention row: its delivery date decides when set, else the planned date. */
export function interventionPeriodKey(
  frequency: Frequency,
  dates: { deliveredOn?: string | null; plannedOn?: string | null },
): string {
  const date = dates.deliveredOn ?? dates.plannedOn;
  if (!date) throw new RangeError('an intervention needs a delivered or a planned date');
  return periodKey(frequency, date);
}
