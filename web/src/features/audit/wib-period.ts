/** Midnight WIB opening a day (YYYY-MM-DD), as an instant. */
export function wibStart(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

/** Days picked in the portal as the instants [from 00:00 WIB, the day after `to` 00:00 WIB); empty days are open ends. */
export function wibPeriod(from: string, to: string): { from?: string; to?: string } {
  return {
    ...(from ? { from: wibStart(from) } : {}),
    ...(to ? { to: new Date(new Date(wibStart(to)).getTime() + 86_400_000).toISOString() } : {}),
  };
}
