export interface GrowthPoint {
  /** Noon of the measurement day in Palangka Raya (WIB), in ms: a time axis that keeps the gaps between visits. */
  time: number;
  z: number;
}

/** Chart points of a child's measurements with a z-score (partners get none), oldest first. */
export function growthPoints(measurements: readonly { measuredOn: string; heightForAgeZ: number | null }[]): GrowthPoint[] {
  return measurements
    .flatMap((m) => (m.heightForAgeZ === null ? [] : [{ time: Date.parse(`${m.measuredOn}T12:00:00+07:00`), z: m.heightForAgeZ }]))
    .sort((a, b) => a.time - b.time);
}

/** A z-score with its sign and two decimals, e.g. "-2,41" (id) or "+0.50" (en). */
export function formatZ(z: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(z);
}
