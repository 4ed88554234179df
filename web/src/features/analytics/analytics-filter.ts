import type { AnalyticsFilter, AreaLevel, FocusAspect, Strategy } from '../../gql/graphql';

export const ASPECTS: FocusAspect[] = ['STUNTING', 'INVESTMENT', 'P3DN', 'INFLATION', 'SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'HOUSING', 'LIVELIHOOD'];
export const STRATEGIES: Strategy[] = ['REDUCE_EXPENDITURE', 'INCREASE_INCOME', 'REDUCE_POVERTY_POCKETS'];

/** Names of the URL search params (Indonesian, like the other pages' filters). */
export const PARAM = {
  kecamatan: 'kecamatan',
  kelurahan: 'kelurahan',
  from: 'dari',
  to: 'sampai',
  aspect: 'aspek',
  strategy: 'strategi',
  organization: 'organisasi',
  level: 'tingkat',
  sort: 'urut',
} as const;

/** Params that only change how results are shown, not which figures are counted. */
const VIEW_PARAMS: ReadonlySet<string> = new Set([PARAM.level, PARAM.sort]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day as YYYY-MM-DD (a hand-edited URL may hold anything). */
export function isIsoDate(s: string | null): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface Period {
  from: string | null;
  to: string | null;
  /** The end is before the start: the range is ignored and the filter bar says so. */
  reversed: boolean;
}

export function periodFromParams(params: URLSearchParams): Period {
  const from = params.get(PARAM.from);
  const to = params.get(PARAM.to);
  const period = { from: isIsoDate(from) ? from : null, to: isIsoDate(to) ? to : null };
  if (period.from && period.to && period.from > period.to) return { from: null, to: null, reversed: true };
  return { ...period, reversed: false };
}

/** The AnalyticsFilter of the URL: only the keys that are set, with values the server accepts. */
export function filterFromParams(params: URLSearchParams): AnalyticsFilter {
  const filter: AnalyticsFilter = {};
  const area = params.get(PARAM.kelurahan) || params.get(PARAM.kecamatan);
  if (area) filter.areaCode = area;
  const { from, to } = periodFromParams(params);
  if (from) filter.from = from;
  if (to) filter.to = to;
  const aspect = params.get(PARAM.aspect);
  if (aspect && (ASPECTS as string[]).includes(aspect)) filter.focusAspect = aspect as FocusAspect;
  const strategy = params.get(PARAM.strategy);
  if (strategy && (STRATEGIES as string[]).includes(strategy)) filter.strategy = strategy as Strategy;
  const organization = params.get(PARAM.organization);
  if (organization && UUID.test(organization)) filter.organizationId = organization;
  return filter;
}

/** Coverage rows per kecamatan city-wide; per kelurahan once an area is chosen (unless the URL says otherwise). */
export function levelFromParams(params: URLSearchParams): AreaLevel {
  const level = params.get(PARAM.level);
  if (level === 'kecamatan') return 'KECAMATAN';
  if (level === 'kelurahan') return 'KELURAHAN';
  return params.get(PARAM.kecamatan) || params.get(PARAM.kelurahan) ? 'KELURAHAN' : 'KECAMATAN';
}

export const COVERAGE_SORTS = ['coverage-asc', 'coverage-desc', 'unmet', 'name'] as const;
export type CoverageSort = (typeof COVERAGE_SORTS)[number];

export function sortFromParams(params: URLSearchParams): CoverageSort {
  const sort = params.get(PARAM.sort);
  return (COVERAGE_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CoverageSort) : 'coverage-asc';
}

/** How many counting filters are set (the collapsed filter button on a phone shows it). */
export function activeFilterCount(params: URLSearchParams): number {
  return new Set([...params.keys()].filter((k) => !VIEW_PARAMS.has(k) && params.getAll(k).some((v) => v !== ''))).size;
}

export interface Quarter {
  /** YYYY-Qn */
  key: string;
  year: number;
  quarter: number;
  from: string;
  to: string;
}

export function quarterOf(year: number, quarter: number): Quarter {
  const firstMonth = quarter * 3 - 2;
  // Day 0 of the month after the quarter is its last day.
  const last = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  return { key: `${year}-Q${quarter}`, year, quarter, from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: last };
}

/** The quarter containing `today` and the `count - 1` before it, newest first. */
export function recentQuarters(today: string, count: number): Quarter[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    out.push(quarterOf(year, quarter));
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** The quarter whose bounds the date range is exactly, so that the quarter picker can show it. */
export function quarterOfRange(from: string | null, to: string | null): Quarter | null {
  if (!from || !to || !isIsoDate(from)) return null;
  const q = quarterOf(Number(from.slice(0, 4)), Math.ceil(Number(from.slice(5, 7)) / 3));
  return q.from === from && q.to === to ? q : null;
}
