/** One quarter of an indicator series (oldest first, as the API answers). */
export interface QuarterValue {
  year: number;
  quarter: number;
  value: number;
}

export interface AspectFigure {
  latest: QuarterValue;
  /** The figure before the latest one: normally the previous quarter, older when quarters are missing */
  previous: QuarterValue | null;
  /**
   * Latest minus previous: in percentage points for percentages, in percent of the previous figure for
   * rupiah (billions compare better as growth); null without a previous figure or from Rp 0.
   */
  change: number | null;
}

/** The latest figure of a series and how it moved since the one before. */
export function aspectFigure(points: readonly QuarterValue[], relative: boolean): AspectFigure | null {
  const latest = points.at(-1);
  if (!latest) return null;
  const previous = points.at(-2) ?? null;
  let change: number | null = null;
  if (previous && !relative) change = latest.value - previous.value;
  else if (previous && previous.value !== 0) change = ((latest.value - previous.value) / previous.value) * 100;
  return { latest, previous, change };
}

/** A change at one decimal with its sign: "+0,4", "−1,2", "±0". */
export function signed(n: number, format: (n: number) => string): string {
  // Rounded away from zero on both sides, so that a rise and a fall of the same size read alike.
  const r = (Math.sign(n) * Math.round(Math.abs(n) * 10)) / 10;
  if (r > 0) return `+${format(r)}`;
  return r < 0 ? `−${format(-r)}` : `±${format(0)}`;
}
