/**
 * The coverage colour scale of the map: five equal bins from 0 to a ceiling fitted to the highest
 * coverage observed, plus "no data". With the city's coverage at 0–15% a fixed 0–100% scale painted
 * every kelurahan the same colour; a fitted one shows where coverage differs.
 */
export interface LegendItem {
  /** Lower bound (inclusive), percent */
  from: number;
  /** Upper bound (exclusive, except the last bin which includes the ceiling) */
  to: number;
  color: string;
  /** Text colour with enough contrast on `color` */
  textColor: string;
}

export interface CoverageScale {
  /** Upper bound of the last bin, percent */
  ceiling: number;
  /** Highest coverage observed; null when no kelurahan has any */
  max: number | null;
  bins: readonly LegendItem[];
}

export const NO_DATA_COLOR = '#e9ecef';
export const NO_DATA_TEXT = '#343a40';

// Sequential, light (little served) to dark (most served): the top bin of a fitted scale is only "the
// best of these", so no colour may read as "good" the way green would. Text keeps 4.5:1 on each fill.
export const BIN_COLORS: readonly Pick<LegendItem, 'color' | 'textColor'>[] = [
  { color: '#c7e9b4', textColor: '#1a1a1a' },
  { color: '#7fcdbb', textColor: '#1a1a1a' },
  { color: '#1d91c0', textColor: '#1a1a1a' },
  { color: '#225ea8', textColor: '#ffffff' },
  { color: '#0c2c84', textColor: '#ffffff' },
];

/** Ceilings whose fifths are whole percentages; the smallest keeps a city at 0% from looking varied. */
export const NICE_CEILINGS = [10, 15, 20, 25, 30, 40, 50, 60, 75, 100] as const;

/** The smallest nice ceiling at or above `max`; the full 0–100% when nothing was observed. */
export function niceCeiling(max: number | null): number {
  if (max == null) return 100;
  return NICE_CEILINGS.find((c) => max <= c) ?? 100;
}

/** The scale of a set of kelurahan: the same one colours the map, the tiles and the legend. */
export function coverageScale(areas: readonly { coveragePct: number | null }[]): CoverageScale {
  const observed = areas.map((a) => a.coveragePct).filter((v): v is number => v != null && !Number.isNaN(v));
  const max = observed.length > 0 ? Math.max(...observed) : null;
  const ceiling = niceCeiling(max);
  const step = ceiling / BIN_COLORS.length;
  return { ceiling, max, bins: BIN_COLORS.map((c, i) => ({ from: i * step, to: (i + 1) * step, ...c })) };
}

/** The bin of a coverage percentage; null (no needs) has none. Values are clamped to 0–ceiling. */
export function coverageBin(scale: CoverageScale, pct: number | null | undefined): LegendItem | null {
  if (pct == null || Number.isNaN(pct)) return null;
  const v = Math.min(scale.ceiling, Math.max(0, pct));
  return scale.bins.find((b) => v >= b.from && v < b.to) ?? scale.bins[scale.bins.length - 1]!;
}

export function coverageColor(scale: CoverageScale, pct: number | null | undefined): { fill: string; text: string } {
  const bin = coverageBin(scale, pct);
  return bin ? { fill: bin.color, text: bin.textColor } : { fill: NO_DATA_COLOR, text: NO_DATA_TEXT };
}

/** Legend labels like "0–3%", "12–15%", formatted with the given number formatter. */
export function legendLabels(scale: CoverageScale, format: (n: number) => string = String): string[] {
  return scale.bins.map((b) => `${format(b.from)}–${format(b.to)}%`);
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

/** The legend's bins with how many kelurahan fall in each; `bin` null is "no data" (listed last). */
export function legendCounts(scale: CoverageScale, areas: readonly { coveragePct: number | null }[]): { bin: LegendItem | null; count: number }[] {
  const counts = new Map<LegendItem | null, number>([...scale.bins, null].map((b) => [b, 0]));
  for (const a of areas) {
    const bin = coverageBin(scale, a.coveragePct);
    counts.set(bin, counts.get(bin)! + 1);
  }
  return [...counts].map(([bin, count]) => ({ bin, count }));
}

/** The households list of one kelurahan (the filter the households page reads from the URL). */
export function householdsHref(code: string): string {
  return `/rumah-tangga?kelurahan=${encodeURIComponent(code)}`;
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
