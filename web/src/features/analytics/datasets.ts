import type { TFunction } from 'i18next';
import type { AnalyticsQuery, NeedType } from '../../gql/graphql';
import type { Formatters } from '../../i18n/format';
import type { CoverageSort } from './analytics-filter';
import type { CsvValue, LegendItem } from './export';

/*
 * Each figure draws, tabulates and exports ONE dataset, so that the chart, its table alternative and
 * its CSV cannot disagree. Rows hold raw values; the table formats them, the CSV keeps them machine-readable.
 */

export type CellKind = 'text' | 'month' | 'count' | 'percent' | 'rupiah' | 'days';
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Column {
  key: string;
  label: string;
  kind: CellKind;
}

/** A plotted column. */
export interface Series extends LegendItem {
  key: string;
  /** Bars of one stack are drawn end to end. */
  stack?: string;
  dashed?: boolean;
}

export interface Dataset {
  /** The column naming each row: the chart's category axis. */
  category: string;
  columns: Column[];
  rows: Row[];
  series: Series[];
}

export type Coverage = AnalyticsQuery['coverageByArea'][number];
export type Overlap = AnalyticsQuery['overlap'];
export type OrganizationRow = AnalyticsQuery['organizationPerformance'][number];
export type Trend = AnalyticsQuery['povertyTrend'];

// Dark enough for 3:1 against white (WCAG non-text contrast); the order of the need statuses runs red → teal.
export const COLORS = {
  primary: '#0a5c4a',
  unmet: '#b3261e',
  planned: '#a15c00',
  served: '#0a5c4a',
  inProgress: '#1565c0',
  delivered: '#2d9c77',
  verified: '#04473a',
  overlap: '#6a1b9a',
  projection: '#c2410c',
} as const;

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (part: number, whole: number) => (whole > 0 ? round1((part / whole) * 100) : null);

/** The text of a cell in the table alternative (Indonesian or English number and date formats). */
export function formatCell(kind: CellKind, value: Cell, fmt: Formatters): string {
  if (value === null || value === '') return '—';
  switch (kind) {
    case 'text':
      return String(value);
    case 'month':
      return fmt.month(String(value));
    case 'count':
    case 'days':
      return fmt.number(Number(value));
    case 'percent':
      return fmt.percent(Number(value));
    case 'rupiah':
      return fmt.rupiah(Number(value));
  }
}

/** The CSV cells of a dataset: plain numbers (dot decimals), months as YYYY-MM, headers in the page language. */
export function csvTable(dataset: Dataset): { headers: string[]; rows: CsvValue[][] } {
  const value = (kind: CellKind, v: Cell): CsvValue => {
    if (v === null || typeof v === 'string') return v;
    if (kind === 'rupiah') return Math.round(v);
    return kind === 'count' ? v : round1(v);
  };
  return {
    headers: dataset.columns.map((c) => c.label),
    rows: dataset.rows.map((r) => dataset.columns.map((c) => value(c.kind, r[c.key] ?? null))),
  };
}

function byCoverage(a: Coverage, b: Coverage, direction: 1 | -1): number {
  // Areas without needs have no coverage: last either way.
  if (a.coveragePct === null || b.coveragePct === null) return (a.coveragePct === null ? 1 : 0) - (b.coveragePct === null ? 1 : 0);
  return direction * (a.coveragePct - b.coveragePct) || a.name.localeCompare(b.name);
}

export function sortAreas(areas: readonly Coverage[], sort: CoverageSort, locale: string): Coverage[] {
  const byName = (a: Coverage, b: Coverage) => a.name.localeCompare(b.name, locale);
  const compare: Record<CoverageSort, (a: Coverage, b: Coverage) => number> = {
    'coverage-asc': (a, b) => byCoverage(a, b, 1),
    'coverage-desc': (a, b) => byCoverage(a, b, -1),
    unmet: (a, b) => b.householdsWithUnmetNeed - a.householdsWithUnmetNeed || byName(a, b),
    name: byName,
  };
  return [...areas].sort(compare[sort]);
}

export function coverageDataset(areas: readonly Coverage[], sort: CoverageSort, t: TFunction, locale: string): Dataset {
  const c = (key: string) => t(`analytics.columns.${key}`);
  return {
    category: 'area',
    columns: [
      { key: 'area', label: c('area'), kind: 'text' },
      { key: 'code', label: c('code'), kind: 'text' },
      { key: 'coveragePct', label: c('coverage'), kind: 'percent' },
      { key: 'needsServed', label: c('served'), kind: 'count' },
      { key: 'needsPlanned', label: c('planned'), kind: 'count' },
      { key: 'needsUnmet', label: c('unmet'), kind: 'count' },
      { key: 'needsTotal', label: c('needsTotal'), kind: 'count' },
      { key: 'householdsWithUnmetNeed', label: c('unmetHouseholds'), kind: 'count' },
      { key: 'extremePoorHouseholds', label: c('extremePoor'), kind: 'count' },
      { key: 'households', label: c('households'), kind: 'count' },
    ],
    rows: sortAreas(areas, sort, locale).map((a) => ({
      area: a.name,
      code: a.code,
      coveragePct: a.coveragePct,
      needsServed: a.needsServed,
      needsPlanned: a.needsPlanned,
      needsUnmet: a.needsUnmet,
      needsTotal: a.needsTotal,
      householdsWithUnmetNeed: a.householdsWithUnmetNeed,
      extremePoorHouseholds: a.extremePoorHouseholds,
      households: a.households,
    })),
    series: [{ key: 'coveragePct', label: c('coverage'), color: COLORS.primary }],
  };
}

/** Needs by type over the areas (the areas of one level do not overlap), most unmet first. */
export function needsDataset(areas: readonly Coverage[], t: TFunction): Dataset {
  const c = (key: string) => t(`analytics.columns.${key}`);
  const sums = new Map<NeedType, { unmet: number; planned: number; served: number; total: number }>();
  for (const area of areas) {
    for (const n of area.needsByType) {
      const s = sums.get(n.needType) ?? { unmet: 0, planned: 0, served: 0, total: 0 };
      s.unmet += n.unmet;
      s.planned += n.planned;
      s.served += n.served;
      s.total += n.total;
      sums.set(n.needType, s);
    }
  }
  return {
    category: 'needType',
    columns: [
      { key: 'needType', label: c('needType'), kind: 'text' },
      { key: 'unmet', label: c('unmet'), kind: 'count' },
      { key: 'planned', label: c('planned'), kind: 'count' },
      { key: 'served', label: c('served'), kind: 'count' },
      { key: 'total', label: c('needsTotal'), kind: 'count' },
      { key: 'coveragePct', label: c('coverage'), kind: 'percent' },
    ],
    rows: [...sums.entries()]
      .filter(([, s]) => s.total > 0)
      .sort(([, a], [, b]) => b.unmet - a.unmet || b.total - a.total)
      .map(([type, s]) => ({ needType: t(`needType.${type}`), ...s, coveragePct: pct(s.served, s.total) })),
    series: [
      { key: 'unmet', label: c('unmet'), color: COLORS.unmet, stack: 'status' },
      { key: 'planned', label: c('planned'), color: COLORS.planned, stack: 'status' },
      { key: 'served', label: c('served'), color: COLORS.served, stack: 'status' },
    ],
  };
}

export function overlapAspectDataset(overlap: Overlap, t: TFunction): Dataset {
  const c = (key: string) => t(`analytics.columns.${key}`);
  return {
    category: 'aspect',
    columns: [
      { key: 'aspect', label: c('aspect'), kind: 'text' },
      { key: 'households', label: c('overlapHouseholds'), kind: 'count' },
    ],
    rows: overlap.householdsWithOverlappingProgramsByAspect
      .filter((k) => k.count > 0)
      .sort((a, b) => b.count - a.count)
      .map((k) => ({ aspect: t(`analytics.aspect.${k.key}`), households: k.count })),
    series: [{ key: 'households', label: c('overlapHouseholds'), color: COLORS.overlap }],
  };
}

export function overlapNeedDataset(overlap: Overlap, t: TFunction): Dataset {
  const c = (key: string) => t(`analytics.columns.${key}`);
  return {
    category: 'needType',
    columns: [
      { key: 'needType', label: c('needType'), kind: 'text' },
      { key: 'needs', label: c('overlapNeeds'), kind: 'count' },
    ],
    rows: overlap.overlappingNeedsByType
      .filter((k) => k.count > 0)
      .sort((a, b) => b.count - a.count)
      .map((k) => ({ needType: t(`needType.${k.key}`), needs: k.count })),
    series: [{ key: 'needs', label: c('overlapNeeds'), color: COLORS.overlap }],
  };
}

/** Interventions not cancelled: the length of an organisation's bar. */
const active = (o: OrganizationRow) => o.planned + o.inProgress + o.delivered + o.verified;

export function organizationDataset(organizations: readonly OrganizationRow[], t: TFunction): Dataset {
  const c = (key: string) => t(`analytics.columns.${key}`);
  return {
    category: 'organization',
    columns: [
      { key: 'organization', label: c('organization'), kind: 'text' },
      { key: 'programs', label: c('programs'), kind: 'count' },
      { key: 'planned', label: c('planned'), kind: 'count' },
      { key: 'inProgress', label: c('inProgress'), kind: 'count' },
      { key: 'delivered', label: c('delivered'), kind: 'count' },
      { key: 'verified', label: c('verified'), kind: 'count' },
      { key: 'cancelled', label: c('cancelled'), kind: 'count' },
      { key: 'householdsReached', label: c('reached'), kind: 'count' },
      { key: 'householdsDelivered', label: c('householdsDelivered'), kind: 'count' },
      { key: 'valueDeliveredRp', label: c('value'), kind: 'rupiah' },
      { key: 'quotaUsedPct', label: c('quotaUsed'), kind: 'percent' },
      { key: 'averageDays', label: c('averageDays'), kind: 'days' },
    ],
    // Longest bar first: the organisations doing most of the work lead the chart.
    rows: [...organizations]
      .sort((a, b) => active(b) - active(a) || a.organizationName.localeCompare(b.organizationName))
      .map((o) => ({
        organization: o.organizationName,
        programs: o.programs,
        planned: o.planned,
        inProgress: o.inProgress,
        delivered: o.delivered,
        verified: o.verified,
        cancelled: o.cancelled,
        householdsReached: o.householdsReached,
        householdsDelivered: o.householdsDelivered,
        valueDeliveredRp: o.valueDeliveredRp,
        quotaUsedPct: o.quotaUsedPct,
        averageDays: o.averageDaysPlannedToDelivered,
      })),
    series: [
      { key: 'planned', label: c('planned'), color: COLORS.planned, stack: 'status' },
      { key: 'inProgress', label: c('inProgress'), color: COLORS.inProgress, stack: 'status' },
      { key: 'delivered', label: c('delivered'), color: COLORS.delivered, stack: 'status' },
      { key: 'verified', label: c('verified'), color: COLORS.verified, stack: 'status' },
    ],
  };
}

/** Monthly extreme-poor households, then the projection from the last month to the target date's month. */
export function trendDataset(trend: Trend, t: TFunction): Dataset {
  const c = (key: string) => t(`analytics.columns.${key}`);
  const rows: Row[] = trend.points.map((p) => ({ month: p.month, extremePoor: p.extremePoorHouseholds, projection: null, coveragePct: p.coveragePct }));
  const last = rows.at(-1);
  const targetMonth = trend.targetDate.slice(0, 7);
  if (last && trend.projectedAtTarget !== null && targetMonth > String(last['month'])) {
    // The dashed line starts at the last actual figure, so that the two lines join.
    last['projection'] = last['extremePoor'] ?? null;
    rows.push({ month: targetMonth, extremePoor: null, projection: Math.max(0, Math.round(trend.projectedAtTarget)), coveragePct: null });
  }
  return {
    category: 'month',
    columns: [
      { key: 'month', label: c('month'), kind: 'month' },
      { key: 'extremePoor', label: c('extremePoor'), kind: 'count' },
      { key: 'projection', label: c('projection'), kind: 'count' },
      { key: 'coveragePct', label: c('coverage'), kind: 'percent' },
    ],
    rows,
    series: [
      { key: 'extremePoor', label: c('extremePoor'), color: COLORS.primary },
      { key: 'projection', label: c('projection'), color: COLORS.projection, dashed: true },
    ],
  };
}
