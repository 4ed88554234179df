/**
 * The application's one clock. Everything that decides by time (session and token expiry, rate
 * limits, "today" for validation, ages, programs running today, the demo city's calendar) asks it,
 * and each request hands it to PostgreSQL (sinergi.now, sinergi.today) so that SQL agrees.
 *
 * Unset, it is the system clock. SINERGI_CLOCK=<instant> starts it at that instant when the process
 * configures it, and it runs on from there: tests can live on any day (or at 23:30 WIB) while
 * timestamps still advance (orderings, rate-limit windows). The audit trail is dated by the
 * database's own clock instead: no setting of the application may date an event.
 */

/** Palangka Raya keeps Western Indonesia Time (WIB), UTC+7 all year (Indonesia has no DST). */
export const CITY_TIME_ZONE = 'Asia/Jakarta';
const CITY_OFFSET_MS = 7 * 3600_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a SINERGI_CLOCK value: an ISO 8601 instant with its UTC offset, e.g. 2027-06-30T23:30:00+07:00. */
export function parseInstant(value: string): Date | null {
  const m = INSTANT.exec(value);
  if (!m) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  // Date rolls 30 February over into March; read back in its own offset, a real instant is unchanged.
  const zone = m[3]!;
  const offsetMs = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return new Date(at.getTime() + offsetMs).toISOString().slice(0, 16) === value.slice(0, 16) ? at : null;
}

let setting: string | undefined;
let offsetMs = 0;

/**
 * Sets the clock from configuration (an instant, or undefined for the system clock). Setting the
 * same instant again keeps the running clock: several servers in one test process share its time.
 */
export function useClock(startAt: Date | undefined): void {
  const key = startAt?.toISOString();
  if (key === setting) return;
  setting = key;
  offsetMs = startAt ? startAt.getTime() - Date.now() : 0;
}

export function nowMs(): number {
  return Date.now() + offsetMs;
}

export function now(): Date {
  return new Date(nowMs());
}

/** The date (YYYY-MM-DD) in Palangka Raya at an instant. */
export function cityDate(at: Date): string {
  return new Date(at.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in Palangka Raya (YYYY-MM-DD), where the work happens. */
export function today(): string {
  return cityDate(now());
}

/** Hands the clock to PostgreSQL for the current transaction (sinergi_now(), sinergi_today()), with clockValues(). */
export const SET_CLOCK_SQL = `select set_config('sinergi.now', ?, true), set_config('sinergi.today', ?, true)`;

export function clockValues(): [string, string] {
  return [now().toISOString(), today()];
}
