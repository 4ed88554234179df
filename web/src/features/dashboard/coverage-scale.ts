/** The coverage colour scale of the map: five 20-point bins plus "no data". */
export interface LegendItem {
  /** Lower bound (inclusive), percent */
  from: number;
  /** Upper bound (exclusive, except the last bin which includes 100) */
  to: number;
  color: string;
  /** Text colour with enough contrast on `color` */
  textColor: string;
}

export const NO_DATA_COLOR = '#e9ecef';
export const NO_DATA_TEXT = '#343a40';

// Red (low coverage) to green (high); dark text on light fills, white on dark fills.
export const COVERAGE_BINS: readonly LegendItem[] = [
  { from: 0, to: 20, color: '#b71c1c', textColor: '#ffffff' },
  { from: 20, to: 40, color: '#bf360c', textColor: '#ffffff' },
  { from: 40, to: 60, color: '#f9a825', textColor: '#1a1a1a' },
  { from: 60, to: 80, color: '#7cb342', textColor: '#1a1a1a' },
  { from: 80, to: 100, color: '#1b5e20', textColor: '#ffffff' },
];

/** The bin of a coverage percentage; null (no needs) has none. Values are clamped to 0–100. */
export function coverageBin(pct: number | null | undefined): LegendItem | null {
  if (pct == null || Number.isNaN(pct)) return null;
  const v = Math.min(100, Math.max(0, pct));
  return COVERAGE_BINS.find((b) => v >= b.from && v < b.to) ?? COVERAGE_BINS[COVERAGE_BINS.length - 1]!;
}

export function coverageColor(pct: number | null | undefined): { fill: string; text: string } {
  const bin = coverageBin(pct);
  return bin ? { fill: bin.color, text: bin.textColor } : { fill: NO_DATA_COLOR, text: NO_DATA_TEXT };
}

/** Legend labels like "0–20%", "80–100%", formatted with the given number formatter. */
export function legendLabels(format: (n: number) => string = String): string[] {
  return COVERAGE_BINS.map((b) => `${format(b.from)}–${format(b.to)}%`);
}

/** Relative luminance contrast ratio between two #rrggbb colours (WCAG 2). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}

export interface TileArea {
  code: string;
  name: string;
  coveragePct: number | null;
  parentCode: string | null;
  parentName: string | null;
}

/** Kelurahan grouped by kecamatan, both ordered by code. */
export function groupByKecamatan(areas: readonly TileArea[]): { code: string; name: string; items: TileArea[] }[] {
  const groups = new Map<string, { code: string; name: string; items: TileArea[] }>();
  for (const a of [...areas].sort((x, y) => x.code.localeCompare(y.code))) {
    const key = a.parentCode ?? '';
    if (!groups.has(key)) groups.set(key, { code: key, name: a.parentName ?? '', items: [] });
    groups.get(key)!.items.push(a);
  }
  return [...groups.values()].sort((x, y) => x.code.localeCompare(y.code));
}
