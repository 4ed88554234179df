import type { Knex } from '@mikro-orm/knex';
import { householdScope, roleMay } from '../auth/policy.js';
import { scopeHouseholds } from '../auth/scope-sql.js';
import type { Context } from '../graphql/context.js';
import { AreaLevel, FocusAspect, Indicator, NeedType, PovertyStatus } from '../graphql/enums.js';
import { BadUserInputError } from '../graphql/errors.js';
import { requireDate, requireInteger } from '../graphql/validate.js';
import type {
  AnalyticsFilter,
  AreaCoverage,
  CountByKey,
  IndicatorSeries,
  NeedTypeCoverage,
  OrganizationPerformance,
  OverlapReport,
  PovertyTrend,
  ProgramPerformance,
  StuntingPrevalence,
} from './analytics.types.js';

/*
 * Coverage analytics (spec §4): every aggregate is ONE SQL statement, whatever the size of the city.
 *
 * Shared definitions (the CTEs below):
 * - params: the reference date `as_of` = least(coalesce(filter.to, today), today) in WIB, and whether
 *   the filter's area exists (checked inside the same statement, so validation costs no round-trip).
 * - hh: the households counted — in the filter area (with sub-areas) AND in the viewer's scope
 *   (scopeHouseholds; row-level security applies again because the statement runs in the request
 *   transaction as the application role).
 * - pm: the programs counted (filter.focusAspect / strategy / organizationId = owner), each with the key
 *   of its frequency period containing as_of ("its current period").
 * - iv: interventions of counted programs on counted households, dated (delivered_on, else planned_on)
 *   within filter.from / filter.to; cancelled ones included (callers exclude them where it matters).
 * - cur: the non-cancelled iv rows in their program's current period.
 * - nd: the current needs (household_need) of counted households; with a program filter, only needs of a
 *   type some counted program addresses.
 * - np: need × program pairs where a `cur` intervention of the program addresses the need (same
 *   household, same member or a household-wide intervention, a program addressing the need type) —
 *   the definition of the household_need_status view, restricted to the counted programs and dates.
 * - A need is SERVED when a delivered/verified one of those exists, PLANNED when only planned/in-progress
 *   ones do, UNMET otherwise. Coverage = SERVED / all needs.
 *
 * Plan shape: row-level security makes PostgreSQL underestimate every scan of a personal-data table,
 * so the building blocks that are joined (hh when restricted, cur, nd, the trend's pairs) are
 * MATERIALIZED: each is computed once, and a misjudged nested loop cannot recompute it per row.
 */

const AREA_CODE = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const POVERTY_STATUSES = Object.values(PovertyStatus);
const NEED_TYPES = Object.values(NeedType);
const FOCUS_ASPECTS = Object.values(FocusAspect);
const DECILES = Array.from({ length: 10 }, (_, i) => String(i + 1));

type Row = Record<string, unknown>;

interface Query {
  /** Named CTEs in dependency order; a query takes the ones it needs. */
  ctes: Record<string, string>;
  bindings: Record<string, unknown>;
  /** Conditions on `intervention i` for the counted interventions (the definition of iv). */
  ivWhere: string;
  /** Conditions on a table with a household_id column: the counted households (empty when every household counts). */
  householdWhere: string;
}

interface CheckedFilter {
  areaCode: string | null;
  from: string | null;
  to: string | null;
  focusAspect: FocusAspect | null;
  strategy: string | null;
  organizationId: string | null;
}

export function checkFilter(filter: AnalyticsFilter | null | undefined): CheckedFilter {
  const f = filter ?? {};
  const areaCode = f.areaCode?.trim() || null;
  if (areaCode !== null && !AREA_CODE.test(areaCode)) {
    throw new BadUserInputError('filter.areaCode', 'is not a Kemendagri area code (e.g. 62.71.03.1002)');
  }
  const from = f.from ? requireDate('filter.from', f.from) : null;
  const to = f.to ? requireDate('filter.to', f.to) : null;
  if (from && to && from > to) throw new BadUserInputError('filter.to', 'must not be before filter.from');
  const organizationId = f.organizationId?.trim() || null;
  if (organizationId !== null && !UUID.test(organizationId)) {
    throw new BadUserInputError('filter.organizationId', 'is not an organisation id');
  }
  return { areaCode, from, to, focusAspect: f.focusAspect ?? null, strategy: f.strategy ?? null, organizationId };
}

/** The shared CTEs: params, hh, pm, iv, cur, nd, np (see the comment at the top). */
function base(ctx: Context, f: CheckedFilter): Query {
  const knex = ctx.em.getKnex();
  const households = knex('household as h').select('h.id', 'h.area_id', 'h.poverty_status', 'h.welfare_decile');
  // The area and its sub-areas (areaWithDescendants, spelt with a constant prefix so that the planner
  // can estimate it from the code index and statistics).
  const areaCode = f.areaCode;
  if (areaCode) {
    households.whereIn('h.area_id', knex('area as fa').select('fa.id').where((w) => w.where('fa.code', areaCode).orWhere('fa.code', 'like', `${areaCode}.%`)));
  }
  scopeHouseholds(knex, households, ctx.viewer, 'h');
  // Every household counts (a city-wide viewer, no area): rows hanging off households need no join to them.
  const allHouseholds = !f.areaCode && householdScope(ctx.viewer).kind === 'ALL';

  const programWhere: string[] = [];
  if (f.focusAspect) programWhere.push(':p_aspect::text = any (p.focus_aspects)');
  if (f.strategy) programWhere.push('p.strategy = :p_strategy::text');
  if (f.organizationId) programWhere.push('p.owner_id = :p_org::uuid');
  const dateWhere: string[] = [];
  if (f.from) dateWhere.push('coalesce(i.delivered_on, i.planned_on) >= :p_from::date');
  if (f.to) dateWhere.push('coalesce(i.delivered_on, i.planned_on) <= :p_to::date');
  const programFilter = programWhere.length > 0;
  const ivWhere = [
    'i.program_id in (select id from pm)',
    ...(allHouseholds ? [] : ['i.household_id in (select id from hh)']),
    ...dateWhere,
  ].join(' and ');

  return {
    ivWhere,
    householdWhere: allHouseholds ? '' : 'and household_id in (select id from hh)',
    bindings: {
      p_hh: households,
      p_area: f.areaCode,
      p_from: f.from,
      p_to: f.to,
      p_aspect: f.focusAspect,
      p_strategy: f.strategy,
      p_org: f.organizationId,
    },
    ctes: {
      params: `params as (
        select least(coalesce(:p_to::date, sinergi_today()), sinergi_today()) as as_of,
               :p_area::text as area_code,
               (:p_area::text is null or exists (select 1 from area where code = :p_area::text)) as area_known)`,
      // Scanned once when restricted (an area, a partner's or an officer's scope); the plain table otherwise.
      hh: `hh as ${allHouseholds ? 'not materialized' : 'materialized'} :p_hh`,
      pm: `pm as (
        select p.id, p.owner_id, p.name, p.frequency, p.strategy, p.quota, p.need_types, p.focus_aspects,
               sinergi_period_key(p.frequency, params.as_of) as cur_key
          from program p cross join params
         ${programFilter ? `where ${programWhere.join(' and ')}` : ''})`,
      iv: `iv as (
        select i.id, i.program_id, i.household_id, i.person_id, i.status, i.period_key, i.planned_on, i.delivered_on, i.value_rp
          from intervention i
         where ${ivWhere})`,
      // Read from the table rather than from iv, so that a query needing only these rows does not
      // materialise every intervention first.
      cur: `cur as materialized (
        select i.program_id, i.household_id, i.person_id, i.status, pm.need_types, pm.focus_aspects
          from intervention i join pm on pm.id = i.program_id and pm.cur_key = i.period_key
         where i.status <> 'CANCELLED' and ${ivWhere})`,
      nd: `nd as materialized (
        select n.id, n.household_id, n.person_id, n.need_type
          from household_need n
         where true ${allHouseholds ? '' : 'and n.household_id in (select id from hh)'}
               ${programFilter ? 'and n.need_type in (select unnest(pm.need_types) from pm)' : ''})`,
      np: `np as (
        select nd.id, nd.need_type, c.program_id, bool_or(c.status in ('DELIVERED', 'VERIFIED')) as delivered
          from nd join cur c on c.household_id = nd.household_id
                            and nd.need_type = any (c.need_types)
                            and (nd.person_id is null or c.person_id is null or c.person_id = nd.person_id)
         group by nd.id, nd.need_type, c.program_id)`,
    },
  };
}

/** Length of the Kemendagri codes of each level ('62.71', '62.71.03', '62.71.03.1002'). */
const CODE_LENGTH: Record<AreaLevel, number> = { [AreaLevel.CITY]: 5, [AreaLevel.KECAMATAN]: 8, [AreaLevel.KELURAHAN]: 13 };

/**
 * Areas of `level` overlapping the filter area (inside it, or the one enclosing it), and which areas
 * fall in each (by code prefix: an equality join the planner estimates well).
 */
function targetAreas(level: AreaLevel): { ctes: string[]; bindings: Record<string, unknown> } {
  return {
    bindings: { p_level: level, p_len: CODE_LENGTH[level] },
    ctes: [
      `tgt as (
        select a.id, a.code, a.name, a.level from area a cross join params
         where a.level = :p_level::text
           and (params.area_code is null or a.code = params.area_code
                or a.code like params.area_code || '.%' or params.area_code like a.code || '.%'))`,
      `amap as (select d.id as area_id, t.id as target_id from area d join tgt t on t.code = left(d.code, :p_len::int))`,
    ],
  };
}

async function run(
  ctx: Context,
  q: Query,
  uses: readonly string[],
  extraCtes: string[],
  select: string,
  extra: Record<string, unknown> = {},
): Promise<Row[]> {
  const knex = ctx.em.getKnex();
  const ctes = uses.map((name) => q.ctes[name]!);
  const text = `with ${[...ctes, ...extraCtes].join(',\n')}\n${select}`;
  const raw = knex.raw(text, { ...q.bindings, ...extra } as never);
  const trx = ctx.em.getTransactionContext<Knex.Transaction>();
  const result = (await (trx ? raw.transacting(trx) : raw)) as { rows: Row[] };
  const rows = result.rows;
  if (rows[0] && rows[0]['area_known'] === false) {
    throw new BadUserInputError('filter.areaCode', 'no area has this code');
  }
  return rows;
}

const int = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const pct = (part: number, whole: number | null): number | null => (whole ? Math.round((part / whole) * 10_000) / 100 : null);
const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

/** Every key of a dimension, in its natural order, with the counts the statement returned. */
function counts(keys: readonly string[], found: unknown, onlyFound = false): CountByKey[] {
  const map = (found ?? {}) as Record<string, number>;
  const out = keys.map((key) => ({ key, count: int(map[key]) }));
  return onlyFound ? out.filter((c) => c.count > 0) : out;
}

// ---------------------------------------------------------------------------------------------
// 1. Coverage per area

export async function coverageByArea(ctx: Context, filter: AnalyticsFilter | undefined, level: AreaLevel): Promise<AreaCoverage[]> {
  const f = checkFilter(filter);
  if (fromSummaries(ctx, f) && f.strategy === null && f.organizationId === null) return coverageFromSummaries(ctx, f, level);
  const q = base(ctx, f);
  const targets = targetAreas(level);
  const rows = await run(
    ctx,
    q,
    ['params', 'hh', 'pm', 'cur', 'nd', 'np'],
    [
      ...targets.ctes,
      `ns as (
        select nd.id, nd.household_id, nd.need_type, hh.area_id,
               case when s.delivered then 'SERVED' when s.id is not null then 'PLANNED' else 'UNMET' end as status
          from nd join hh on hh.id = nd.household_id
          left join (select id, bool_or(delivered) as delivered from np group by id) s on s.id = nd.id)`,
      `reached as (select distinct i.household_id from intervention i where i.status <> 'CANCELLED' and ${q.ivWhere})`,
      `unmet_hh as (select distinct household_id from ns where status = 'UNMET')`,
      `hm as (
        select hh.id, hh.poverty_status, hh.welfare_decile, amap.target_id,
               r.household_id is not null as reached, u.household_id is not null as has_unmet
          from hh join amap on amap.area_id = hh.area_id
          left join reached r on r.household_id = hh.id
          left join unmet_hh u on u.household_id = hh.id)`,
      `hs as (
        select target_id, count(*)::int as households,
               count(*) filter (where poverty_status = 'EXTREME_POOR')::int as extreme_poor,
               count(*) filter (where has_unmet)::int as with_unmet,
               count(*) filter (where not reached)::int as never_reached
          from hm group by target_id)`,
      `hstatus as (
        select target_id, json_object_agg(poverty_status, n) as j
          from (select target_id, poverty_status, count(*)::int as n from hm group by 1, 2) x group by target_id)`,
      `hdecile as (
        select target_id, json_object_agg(welfare_decile, n) as j
          from (select target_id, welfare_decile, count(*)::int as n from hm group by 1, 2) x group by target_id)`,
      `ntype as (
        select target_id, json_agg(json_build_object('t', need_type, 'u', u, 'p', p, 's', s)) as j
          from (select amap.target_id, ns.need_type,
                       count(*) filter (where ns.status = 'UNMET')::int as u,
                       count(*) filter (where ns.status = 'PLANNED')::int as p,
                       count(*) filter (where ns.status = 'SERVED')::int as s
                  from ns join amap on amap.area_id = ns.area_id group by 1, 2) x
         group by target_id)`,
    ],
    `select params.area_known, r.*
       from params left join (
         select t.id, t.code, t.name, t.level, hs.households, hs.extreme_poor, hs.with_unmet, hs.never_reached,
                hstatus.j as by_status, hdecile.j as by_decile, ntype.j as by_need
           from tgt t
           left join hs on hs.target_id = t.id
           left join hstatus on hstatus.target_id = t.id
           left join hdecile on hdecile.target_id = t.id
           left join ntype on ntype.target_id = t.id) r on true
      order by r.code`,
    targets.bindings,
  );
  return rows
    .filter((r) => r['id'] !== null)
    .map((r) => {
      const found = new Map(((r['by_need'] ?? []) as Array<{ t: string; u: number; p: number; s: number }>).map((n) => [n.t, n]));
      return areaCoverage(r, {
        households: int(r['households']),
        byStatus: (r['by_status'] ?? {}) as Record<string, number>,
        byDecile: (r['by_decile'] ?? {}) as Record<string, number>,
        withUnmet: int(r['with_unmet']),
        neverReached: int(r['never_reached']),
        needs: (t) => ({ unmet: int(found.get(t)?.u), planned: int(found.get(t)?.p), served: int(found.get(t)?.s) }),
      });
    });
}

interface CoverageFigures {
  households: number;
  byStatus: Record<string, number>;
  byDecile: Record<string, number>;
  withUnmet: number;
  neverReached: number;
  needs: (needType: NeedType) => { unmet: number; planned: number; served: number };
}

function areaCoverage(r: Row, c: CoverageFigures): AreaCoverage {
  const needsByType: NeedTypeCoverage[] = NEED_TYPES.map((needType) => {
    const { unmet, planned, served } = c.needs(needType);
    const total = unmet + planned + served;
    return { needType, total, unmet, planned, served, coveragePct: pct(served, total) };
  });
  const sum = (k: 'total' | 'unmet' | 'planned' | 'served') => needsByType.reduce((s, n) => s + n[k], 0);
  const [needsTotal, needsServed, needsPlanned, needsUnmet] = [sum('total'), sum('served'), sum('planned'), sum('unmet')];
  return {
    areaId: r['id'] as string,
    code: r['code'] as string,
    name: r['name'] as string,
    level: r['level'] as AreaLevel,
    households: c.households,
    householdsByPovertyStatus: counts(POVERTY_STATUSES, c.byStatus),
    householdsByDecile: counts(DECILES, c.byDecile),
    extremePoorHouseholds: int(c.byStatus[PovertyStatus.EXTREME_POOR]),
    householdsWithUnmetNeed: c.withUnmet,
    needsByType,
    needsByStatus: [
      { key: 'UNMET', count: needsUnmet },
      { key: 'PLANNED', count: needsPlanned },
      { key: 'SERVED', count: needsServed },
    ],
    needsTotal,
    needsServed,
    needsPlanned,
    needsUnmet,
    coveragePct: pct(needsServed, needsTotal),
    householdsNeverReached: c.neverReached,
  };
}

/*
 * Coverage from the summaries of migration 0021: per area, counts over date ranges, of which a read at
 * as_of (today: no date window) sums those containing it. They answer every figure of the row path for
 * all programs or one focus aspect, in a scope that is a set of areas; a strategy or organisation
 * filter, a date window or a partner's scope keeps the row path. `ends_on` (the range's end as a column,
 * 0032) bounds the rows read to the open ones under row-level security, where upper(r) cannot be an index condition.
 */
async function coverageFromSummaries(ctx: Context, f: CheckedFilter, level: AreaLevel): Promise<AreaCoverage[]> {
  const q = summaryBase(ctx, f);
  const targets = targetAreas(level);
  const rows = await run(
    ctx,
    q,
    ['params', 'sel'],
    [
      ...targets.ctes,
      // The need types the aspect's programs address (the row path's needs of counted programs).
      `types as (select distinct unnest(p.need_types) as t from program p where :p_aspect::text = any (p.focus_aspects))`,
      // Summed per area first, then per target area, each once: the targets are estimated at one row, so
      // a join of every summary row to them (or a subquery per target) ran once per row or per target.
      `sa as materialized (
        select d.area_id, d.item, sum(d.n)::int as n
          from coverage_delta d cross join params
         where d.r @> params.as_of and d.ends_on > (select as_of from params)
               ${q.restricted ? 'and d.area_id = any ((select ids from sel)::uuid[])' : ''}
           and d.aspect in (coalesce(:p_aspect::text, ''), '') and d.item not like 'overlap%'
           and ((d.aspect = coalesce(:p_aspect::text, '') and d.item not like 'hh:%' and d.item not like 'need:%')
                or (d.aspect = '' and (d.item like 'hh:%'
                                       or (d.item like 'need:%' and (:p_aspect::text is null or substr(d.item, 6) in (select t from types))))))
         group by d.area_id, d.item)`,
      `si as materialized (
        select target_id, json_object_agg(item, n) as items
          from (select amap.target_id, sa.item, sum(sa.n)::int as n from sa join amap on amap.area_id = sa.area_id
                 group by 1, 2 having sum(sa.n) <> 0) x
         group by target_id)`,
    ],
    `select params.area_known, r.*
       from params left join (
         select t.id, t.code, t.name, t.level, si.items
           from tgt t left join si on si.target_id = t.id) r on true
      order by r.code`,
    targets.bindings,
  );
  return rows
    .filter((r) => r['id'] !== null)
    .map((r) => {
      const items = (r['items'] ?? {}) as Record<string, number>;
      const byStatus: Record<string, number> = {};
      const byDecile: Record<string, number> = {};
      let households = 0;
      for (const [item, n] of Object.entries(items)) {
        if (!item.startsWith('hh:')) continue;
        const [, status, decile] = item.split(':') as [string, string, string];
        byStatus[status] = (byStatus[status] ?? 0) + n;
        byDecile[decile] = (byDecile[decile] ?? 0) + n;
        households += n;
      }
      const at = (item: string) => int(items[item]);
      return areaCoverage(r, {
        households,
        byStatus,
        byDecile,
        withUnmet: at('withneeds') - at('allcovered'),
        neverReached: households - at('reached'),
        needs: (t) => {
          const covered = at(`covered:${t}`);
          return { unmet: at(`need:${t}`) - covered, planned: covered - at(`served:${t}`), served: at(`served:${t}`) };
        },
      });
    });
}

// ---------------------------------------------------------------------------------------------
// 2. Overlap

export async function overlap(ctx: Context, filter: AnalyticsFilter | undefined): Promise<OverlapReport> {
  const f = checkFilter(filter);
  if (fromSummaries(ctx, f) && f.strategy === null && f.organizationId === null) return overlapFromSummaries(ctx, f);
  const q = base(ctx, f);
  const [r] = await run(
    ctx,
    q,
    ['params', 'hh', 'pm', 'cur', 'nd', 'np'],
    [
      `ov as (select id, need_type from np group by id, need_type having count(*) > 1)`,
      `ha as (
        select c.household_id, a.aspect
          from cur c cross join lateral unnest(c.focus_aspects) as a(aspect)
         ${f.focusAspect ? 'where a.aspect = :p_aspect::text' : ''}
         group by c.household_id, a.aspect
        having count(distinct c.program_id) > 1)`,
    ],
    `select params.area_known, to_char(params.as_of, 'YYYY-MM-DD') as as_of,
            (select count(*)::int from ov) as needs,
            (select json_object_agg(need_type, n) from (select need_type, count(*)::int as n from ov group by 1) x) as needs_by_type,
            (select count(distinct household_id)::int from ha) as households,
            (select json_object_agg(aspect, n) from (select aspect, count(*)::int as n from ha group by 1) x) as households_by_aspect
       from params`,
  );
  return {
    asOf: r!['as_of'] as string,
    overlappingNeeds: int(r!['needs']),
    overlappingNeedsByType: counts(NEED_TYPES, r!['needs_by_type'], true),
    householdsWithOverlappingPrograms: int(r!['households']),
    householdsWithOverlappingProgramsByAspect: counts(FOCUS_ASPECTS, r!['households_by_aspect'], true),
  };
}

/*
 * Overlap from the parts of migration 0026 (in coverage_delta, beside coverage's): per area, counts over
 * date ranges of needs addressed by two programs and of households where two programs share an aspect,
 * for every program ('') and per aspect; a read at as_of sums the ranges containing it. The same filters
 * as coverage keep the row path (a strategy or organisation, a date window, a partner's scope).
 */
async function overlapFromSummaries(ctx: Context, f: CheckedFilter): Promise<OverlapReport> {
  const q = summaryBase(ctx, f);
  const rows = await run(
    ctx,
    q,
    ['params', 'sel'],
    [
      `s as materialized (
        select d.aspect, d.item, sum(d.n)::int as n
          from coverage_delta d cross join params
         where d.r @> params.as_of and d.ends_on > (select as_of from params)
           and d.item like 'overlap%' ${f.focusAspect ? 'and d.aspect = :p_aspect::text' : ''}
               ${q.restricted ? 'and d.area_id = any ((select ids from sel)::uuid[])' : ''}
         group by d.aspect, d.item
        having sum(d.n) <> 0)`,
    ],
    `select params.area_known, to_char(params.as_of, 'YYYY-MM-DD') as as_of,
            (select json_agg(json_build_object('a', s.aspect, 'i', s.item, 'n', s.n)) from s) as items
       from params`,
  );
  const r = rows[0]!;
  // The variant answering the filter: an aspect's programs, or every program.
  const variant = f.focusAspect ?? '';
  const items = (r['items'] ?? []) as Array<{ a: string; i: string; n: number }>;
  const needsByType: Record<string, number> = {};
  const byAspect: Record<string, number> = {};
  let households = 0;
  for (const { a, i, n } of items) {
    if (i === 'overlap-hh') {
      if (a === variant) households = n;
      if (a !== '') byAspect[a] = n;
    } else if (a === variant) {
      const type = i.slice('overlap:'.length);
      needsByType[type] = (needsByType[type] ?? 0) + n;
    }
  }
  return {
    asOf: r['as_of'] as string,
    overlappingNeeds: Object.values(needsByType).reduce((sum, n) => sum + n, 0),
    overlappingNeedsByType: counts(NEED_TYPES, needsByType, true),
    householdsWithOverlappingPrograms: households,
    householdsWithOverlappingProgramsByAspect: counts(FOCUS_ASPECTS, byAspect, true),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Program and organisation performance

/**
 * Delivery figures grouped by `key` (a column of iv joined with pm): first per key and household in one
 * hash aggregation (so that distinct households need no sort of every intervention), then per key.
 */
function statusCounts(name: string, key: string): string[] {
  return [
    `${name}_h as (
      select ${key} as key, iv.household_id,
             count(*) filter (where iv.status = 'PLANNED') as planned,
             count(*) filter (where iv.status = 'IN_PROGRESS') as in_progress,
             count(*) filter (where iv.status = 'DELIVERED') as delivered,
             count(*) filter (where iv.status = 'VERIFIED') as verified,
             count(*) filter (where iv.status = 'CANCELLED') as cancelled,
             sum(iv.value_rp) filter (where iv.status in ('DELIVERED', 'VERIFIED')) as value_delivered,
             sum(iv.delivered_on - iv.planned_on) filter (where iv.status in ('DELIVERED', 'VERIFIED') and iv.planned_on is not null) as days,
             count(*) filter (where iv.status in ('DELIVERED', 'VERIFIED') and iv.planned_on is not null) as timed
        from iv join pm on pm.id = iv.program_id
       group by ${key}, iv.household_id)`,
    `${name} as (
      select key, sum(planned)::int as planned, sum(in_progress)::int as in_progress, sum(delivered)::int as delivered,
             sum(verified)::int as verified, sum(cancelled)::int as cancelled,
             coalesce(sum(value_delivered), 0)::float8 as value_delivered,
             count(*) filter (where planned + in_progress + delivered + verified > 0)::int as reached,
             count(*) filter (where delivered + verified > 0)::int as households_delivered,
             (sum(days)::float8 / nullif(sum(timed), 0)) as avg_days
        from ${name}_h group by key)`,
  ];
}

// Targets of a program in its current period: a member, or the household for household-wide work
// (person and household ids are both random uuids, so they cannot collide).
const QUOTA_USED = `qu as (select program_id, count(distinct coalesce(person_id, household_id))::int as used from cur group by program_id)`;

function statusFigures(r: Row) {
  return {
    planned: int(r['planned']),
    inProgress: int(r['in_progress']),
    delivered: int(r['delivered']),
    verified: int(r['verified']),
    cancelled: int(r['cancelled']),
    valueDeliveredRp: num(r['value_delivered']) ?? 0,
    householdsReached: int(r['reached']),
    householdsDelivered: int(r['households_delivered']),
    averageDaysPlannedToDelivered: round2(num(r['avg_days'])),
  };
}

/*
 * Program and organisation performance from the per-area summaries of migrations 0017 and 0023 (kept
 * exact by triggers in the writing transaction as append-only deltas; the *_current views add the
 * deltas not yet compacted to the folded counts), read instead of every intervention when they can answer
 * exactly: no date window (the summaries count all dates; as_of is then today), and a scope that is a
 * set of areas (city-wide roles; a kelurahan officer's area). Partners count their assigned
 * households, which no per-area figure expresses: they keep the row path, as do date-windowed queries.
 */
function fromSummaries(ctx: Context, f: CheckedFilter): boolean {
  const scope = householdScope(ctx.viewer).kind;
  return f.from === null && f.to === null && (scope === 'ALL' || scope === 'AREA');
}

/** The params and pm CTEs, and `sel`: the area ids counted (filter area within the viewer's area scope). */
function summaryBase(ctx: Context, f: CheckedFilter): Query & { restricted: boolean } {
  const q = base(ctx, f);
  const scope = householdScope(ctx.viewer);
  const scopeCode = scope.kind === 'AREA' ? scope.areaCode : null;
  const within = (param: string) => `(a.code = :${param}::text or a.code like :${param}::text || '.%')`;
  const where = [...(f.areaCode ? [within('p_area')] : []), ...(scopeCode ? [within('p_scope')] : [])];
  return {
    ...q,
    restricted: where.length > 0,
    bindings: { ...q.bindings, p_scope: scopeCode },
    ctes: {
      params: q.ctes['params']!,
      pm: q.ctes['pm']!,
      sel: `sel as materialized (select array_agg(a.id) as ids from area a where ${where.length ? where.join(' and ') : 'true'})`,
      // Distinct targets of each counted program in its current period, within the counted areas.
      qu: where.length
        ? `qu as (
            select pm.id as program_id,
                   (coalesce(sum(t.targets), 0) - coalesce((select sum(o.extra) from analytics_quota_overcount((select ids from sel)) o
                                                            where o.program_id = pm.id and o.period_key = pm.cur_key), 0))::int as used
              from pm left join analytics_program_period_area_current t
                on t.program_id = pm.id and t.period_key = pm.cur_key and t.area_id = any ((select ids from sel)::uuid[])
             group by pm.id, pm.cur_key)`
        : `qu as (
            select t.program_id, sum(t.targets)::int as used
              from pm join analytics_program_period_current t on t.program_id = pm.id and t.period_key = pm.cur_key group by t.program_id)`,
    },
  };
}

const SUMMED_STATUS = `sum(s.planned)::int as planned, sum(s.in_progress)::int as in_progress, sum(s.delivered)::int as delivered,
  sum(s.verified)::int as verified, sum(s.cancelled)::int as cancelled, coalesce(sum(s.value_delivered), 0)::float8 as value_delivered,
  (sum(s.days)::float8 / nullif(sum(s.timed), 0)) as avg_days`;

export async function programPerformance(ctx: Context, filter: AnalyticsFilter | undefined): Promise<ProgramPerformance[]> {
  const f = checkFilter(filter);
  const summary = fromSummaries(ctx, f);
  const q = summary ? summaryBase(ctx, f) : base(ctx, f);
  const areaWhere = summary && (q as ReturnType<typeof summaryBase>).restricted ? 'and s.area_id = any ((select ids from sel)::uuid[])' : '';
  const rows = await run(
    ctx,
    q,
    summary ? ['params', 'pm', 'sel', 'qu'] : ['params', 'hh', 'pm', 'iv', 'cur'],
    summary
      ? [
          `ps as (
            select s.program_id as key, ${SUMMED_STATUS},
                   sum(s.reached)::int as reached, sum(s.households_delivered)::int as households_delivered
              from analytics_program_area_current s where s.program_id in (select id from pm) ${areaWhere}
             group by s.program_id)`,
        ]
      : [...statusCounts('ps', 'iv.program_id'), QUOTA_USED],
    `select params.area_known, r.*
       from params left join (
         select pm.id, pm.name, o.id as organization_id, o.name as organization_name, pm.frequency, pm.focus_aspects,
                pm.strategy, pm.quota, coalesce(qu.used, 0) as used, ps.*
           from pm join organization o on o.id = pm.owner_id
           left join ps on ps.key = pm.id
           left join qu on qu.program_id = pm.id) r on true
      order by r.organization_name, r.name`,
  );
  return rows
    .filter((r) => r['id'] !== null)
    .map((r) => {
      const quota = num(r['quota']);
      const used = int(r['used']);
      return {
        programId: r['id'] as string,
        programName: r['name'] as string,
        organizationId: r['organization_id'] as string,
        organizationName: r['organization_name'] as string,
        frequency: r['frequency'] as ProgramPerformance['frequency'],
        focusAspects: r['focus_aspects'] as FocusAspect[],
        strategy: r['strategy'] as ProgramPerformance['strategy'],
        ...statusFigures(r),
        quota,
        quotaUsed: used,
        quotaUsedPct: pct(used, quota),
      };
    });
}

export async function organizationPerformance(ctx: Context, filter: AnalyticsFilter | undefined): Promise<OrganizationPerformance[]> {
  const f = checkFilter(filter);
  // Households reached by an owner are counted across its programs: the summaries hold that per owner
  // for all of its programs, so a filter on the programs' aspect or strategy keeps the row path.
  const summary = fromSummaries(ctx, f) && f.focusAspect === null && f.strategy === null;
  const q = summary ? summaryBase(ctx, f) : base(ctx, f);
  const restricted = summary && (q as ReturnType<typeof summaryBase>).restricted;
  const areaWhere = (alias: string) => (restricted ? `and ${alias}.area_id = any ((select ids from sel)::uuid[])` : '');
  const rows = await run(
    ctx,
    q,
    summary ? ['params', 'pm', 'sel', 'qu'] : ['params', 'hh', 'pm', 'iv', 'cur'],
    [
      ...(summary
        ? [
            `po_s as (
              select pm.owner_id as key, ${SUMMED_STATUS}
                from analytics_program_area_current s join pm on pm.id = s.program_id where true ${areaWhere('s')}
               group by pm.owner_id)`,
            `po_r as (
              select r.owner_id as key, sum(r.reached)::int as reached, sum(r.households_delivered)::int as households_delivered
                from analytics_owner_area_current r where r.owner_id in (select owner_id from pm) ${areaWhere('r')}
               group by r.owner_id)`,
            `po as (select po_s.*, po_r.reached, po_r.households_delivered from po_s left join po_r using (key))`,
          ]
        : [...statusCounts('po', 'pm.owner_id'), QUOTA_USED]),
      `oq as (
        select pm.owner_id, count(*)::int as programs, sum(pm.quota)::bigint as quota,
               coalesce(sum(qu.used) filter (where pm.quota is not null), 0)::bigint as used
          from pm left join qu on qu.program_id = pm.id group by pm.owner_id)`,
    ],
    `select params.area_known, r.*
       from params left join (
         select o.id, o.name, oq.programs, oq.quota, oq.used, po.*
           from oq join organization o on o.id = oq.owner_id
           left join po on po.key = oq.owner_id) r on true
      order by r.name`,
  );
  return rows
    .filter((r) => r['id'] !== null)
    .map((r) => {
      const quota = num(r['quota']);
      const used = int(r['used']);
      return {
        organizationId: r['id'] as string,
        organizationName: r['name'] as string,
        programs: int(r['programs']),
        ...statusFigures(r),
        quota,
        quotaUsed: used,
        quotaUsedPct: pct(used, quota),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// 4. Trend toward zero extreme poverty

const DAY_MS = 86_400_000;
const FIT_MONTHS = 6;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (day: number) => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
const DAYS_PER_MONTH = 365.2425 / 12;

/** Ordinary least squares of y on x; null with fewer than 2 distinct x. */
export function leastSquares(points: ReadonlyArray<{ x: number; y: number }>): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The projection part of PovertyTrend, from the monthly series (oldest first). */
export function project(
  points: ReadonlyArray<{ monthEnd: string; extremePoorHouseholds: number }>,
  targetDate: string,
): Pick<PovertyTrend, 'fitMonths' | 'slopePerMonth' | 'projectedAtTarget' | 'projectedZeroDate' | 'onTrack'> {
  const fitted = points.slice(-FIT_MONTHS);
  const fit = leastSquares(fitted.map((p) => ({ x: dayNumber(p.monthEnd), y: p.extremePoorHouseholds })));
  const latest = points.at(-1)?.extremePoorHouseholds ?? 0;
  if (!fit) {
    return { fitMonths: fitted.length, slopePerMonth: null, projectedAtTarget: null, projectedZeroDate: null, onTrack: latest === 0 };
  }
  const atTarget = fit.intercept + fit.slope * dayNumber(targetDate);
  return {
    fitMonths: fitted.length,
    slopePerMonth: Math.round(fit.slope * DAYS_PER_MONTH * 100) / 100,
    projectedAtTarget: Math.round(atTarget * 100) / 100,
    projectedZeroDate: fit.slope < 0 ? isoOfDay(Math.ceil(-fit.intercept / fit.slope)) : null,
    onTrack: latest === 0 || atTarget <= 0,
  };
}

export async function povertyTrend(
  ctx: Context,
  filter: AnalyticsFilter | undefined,
  months: number,
  targetDate: string,
): Promise<PovertyTrend> {
  const f = checkFilter(filter);
  requireInteger('months', months, 1, 120);
  requireDate('targetDate', targetDate);
  const rows = trendFromSummaries(ctx, f) ? await trendSummaryRows(ctx, f, months) : await trendRows(ctx, f, months);
  const currentNeeds = int(rows[0]?.['current_needs']);
  const points = rows.map((r) => ({
    month: r['month'] as string,
    monthEnd: r['month_end'] as string,
    extremePoorHouseholds: int(r['extreme_poor']),
    needsServed: int(r['served']),
    coveragePct: pct(int(r['served']), currentNeeds),
  }));
  return {
    asOf: rows[0]!['as_of'] as string,
    currentNeeds,
    points,
    targetDate,
    ...project(points, targetDate),
  };
}

/*
 * The trend from the events of migration 0022 (per area and day, summed up to each month end): exact
 * for every `to` (the reference date only bounds the sum) and a scope that is a set of areas. A `from`
 * window or a program filter (which narrows the needs and the deliveries counted) keeps the row path,
 * as do partners.
 */
function trendFromSummaries(ctx: Context, f: CheckedFilter): boolean {
  const scope = householdScope(ctx.viewer).kind;
  const programFilter = f.focusAspect !== null || f.strategy !== null || f.organizationId !== null;
  return f.from === null && !programFilter && (scope === 'ALL' || scope === 'AREA');
}

const TREND_MONTHS = [
  `months as (
    select m::date as month_start, least((m + interval '1 month' - interval '1 day')::date, params.as_of) as month_end
      from params,
           generate_series(date_trunc('month', params.as_of) - make_interval(months => :p_months::int - 1),
                           date_trunc('month', params.as_of), interval '1 month') as m)`,
  `first_month as (select min(month_start) as m from months)`,
];

/**
 * `dd`: the day events of migration 0022 on or before as_of, of `kinds`, in the counted areas: the months
 * before as_of's from their subtotals (dated the 1st; migration 0026), then the folded days of its month,
 * then the events not folded yet. A few thousand rows, whatever the length of the history or the city.
 */
function dailyEvents(kinds: readonly string[], restricted: boolean): string {
  const where = `d.kind in (${kinds.map((k) => `'${k}'`).join(', ')}) ${restricted ? 'and d.area_id = any ((select ids from sel)::uuid[])' : ''}`;
  const monthStart = `(select date_trunc('month', as_of)::date from params)`;
  // Materialised: joined to the areas (estimated at one row), it was recomputed once per area.
  return `dd as materialized (
    select d.area_id, d.kind, d.month as day, d.delta from analytics_daily_month d where d.month < ${monthStart} and ${where}
    union all
    select d.area_id, d.kind, d.day, d.delta from analytics_daily_delta d
     where d.folded and d.day >= ${monthStart} and d.day <= (select as_of from params) and ${where}
    union all
    select d.area_id, d.kind, d.day, d.delta from analytics_daily_delta d
     where not d.folded and d.day <= (select as_of from params) and ${where})`;
}

async function trendSummaryRows(ctx: Context, f: CheckedFilter, months: number): Promise<Row[]> {
  const q = summaryBase(ctx, f);
  return run(
    ctx,
    q,
    ['params', 'sel'],
    [
      ...TREND_MONTHS,
      dailyEvents(['E', 'S', 'N'], q.restricted),
      // Events before the first month count from it (-infinity: a need counts whatever the date).
      `ev as (
        select d.kind, greatest(date_trunc('month', d.day)::date, f.m) as m, sum(d.delta)::int as delta
          from dd d cross join first_month f
         group by 1, 2)`,
    ],
    `select params.area_known, to_char(params.as_of, 'YYYY-MM-DD') as as_of,
            (select coalesce(sum(delta), 0)::int from ev where kind = 'N') as current_needs,
            to_char(m.month_start, 'YYYY-MM') as month, to_char(m.month_end, 'YYYY-MM-DD') as month_end,
            (sum(coalesce(e.delta, 0)) over (order by m.month_start))::int as extreme_poor,
            (sum(coalesce(s.delta, 0)) over (order by m.month_start))::int as served
       from params cross join months m
       left join ev e on e.kind = 'E' and e.m = m.month_start
       left join ev s on s.kind = 'S' and s.m = m.month_start
      order by m.month_start`,
    { p_months: months },
  );
}

async function trendRows(ctx: Context, f: CheckedFilter, months: number): Promise<Row[]> {
  const q = base(ctx, f);
  return run(
    ctx,
    q,
    ['params', 'hh', 'pm', 'iv', 'nd'],
    [
      ...TREND_MONTHS,
      // Each assessment holds from its date until the household's next one.
      `spans as (
        select pa.household_id, pa.assessed_on, pa.poverty_status,
               lead(pa.assessed_on) over (partition by pa.household_id order by pa.assessed_on, pa.created_at, pa.id) as until
          from poverty_assessment pa
         where true ${q.householdWhere})`,
      // An extreme-poor span counts at month end e when assessed_on <= e < until: +1 from the month it
      // starts, -1 from the month it ends (clamped to the first month), summed up month by month.
      `ev as (
        select greatest(date_trunc('month', s.assessed_on)::date, f.m) as m, 1 as d
          from spans s, first_month f, params
         where s.poverty_status = 'EXTREME_POOR' and s.assessed_on <= params.as_of
        union all
        select greatest(date_trunc('month', s.until)::date, f.m) as m, -1 as d
          from spans s, first_month f, params
         where s.poverty_status = 'EXTREME_POOR' and s.until <= params.as_of)`,
      `evm as (select m, sum(d)::int as delta from ev group by m)`,
      // The period key of each frequency at each month end.
      `mk as materialized (
        select m.month_start, m.month_end, fr.freq, sinergi_period_key(fr.freq, m.month_end) as key
          from months m cross join (values ('ONCE'), ('WEEKLY'), ('MONTHLY'), ('QUARTERLY'), ('YEARLY')) as fr(freq))`,
      // Needs met by a delivered intervention (once, whatever the months), then the months each one
      // counts for: those whose period key (for its program's frequency) is the intervention's, from
      // its delivery on.
      `pairs as materialized (
        select nd.id as need_id, pm.frequency, i.period_key, i.delivered_on
          from iv i join pm on pm.id = i.program_id cross join params
          join nd on nd.household_id = i.household_id and nd.need_type = any (pm.need_types)
                 and (nd.person_id is null or i.person_id is null or i.person_id = nd.person_id)
         where i.status in ('DELIVERED', 'VERIFIED') and i.delivered_on <= params.as_of)`,
      `sm as (
        select month_start, count(*)::int as served
          from (select distinct mk.month_start, p.need_id
                  from pairs p join mk on mk.freq = p.frequency and mk.key = p.period_key
                 where p.delivered_on <= mk.month_end) x
         group by month_start)`,
    ],
    `select params.area_known, to_char(params.as_of, 'YYYY-MM-DD') as as_of, (select count(*)::int from nd) as current_needs,
            to_char(m.month_start, 'YYYY-MM') as month, to_char(m.month_end, 'YYYY-MM-DD') as month_end,
            (sum(coalesce(evm.delta, 0)) over (order by m.month_start))::int as extreme_poor,
            coalesce(sm.served, 0) as served
       from params cross join months m
       left join evm on evm.m = m.month_start
       left join sm on sm.month_start = m.month_start
      order by m.month_start`,
    { p_months: months },
  );
}

// ---------------------------------------------------------------------------------------------
// 5. The four aspects: stunting from the measurements, and area indicators

export async function stuntingByArea(ctx: Context, filter: AnalyticsFilter | undefined): Promise<StuntingPrevalence[]> {
  const f = checkFilter(filter);
  const q = base(ctx, f);
  const targets = targetAreas(AreaLevel.KELURAHAN);
  // Partners count at the start of the reference date's quarter: a cell that changed with a day-by-day
  // filter.to would date a child's fifth birthday (or a measurement) to the day.
  const coarse = !roleMay(ctx.viewer, 'birthDate.read');
  const asOf = coarse ? `date_trunc('quarter', params.as_of)::date` : 'params.as_of';
  const from = coarse ? `date_trunc('quarter', :p_from::date)::date` : ':p_from::date';
  // From the day events of migration 0022 (children, stunted, severely stunted per area, summed up to
  // the reference date) when they can answer exactly: a scope that is a set of areas, no `from` window
  // (which drops earlier measurements). The program filters do not apply to stunting.
  const scope = householdScope(ctx.viewer).kind;
  const summary = !coarse && f.from === null && (scope === 'ALL' || scope === 'AREA');
  const sq = summary ? summaryBase(ctx, f) : null;
  const rows = await run(
    ctx,
    sq ?? q,
    sq ? ['params', 'sel'] : ['params', 'hh'],
    sq
      ? [
          ...targets.ctes,
          dailyEvents(['C', 'T', 'V'], sq.restricted),
          // Materialised, as on the row path: the one-row estimate of the areas made it a per-area rescan.
          `st as materialized (
            select amap.target_id, sum(d.delta) filter (where d.kind = 'C')::int as children,
                   sum(d.delta) filter (where d.kind = 'T')::int as stunted, sum(d.delta) filter (where d.kind = 'V')::int as severe
              from dd d join amap on amap.area_id = d.area_id
             group by amap.target_id)`,
        ]
      : [
          ...targets.ctes,
          `kids as (
            select p.id, amap.target_id
              from person p join hh on hh.id = p.household_id join amap on amap.area_id = hh.area_id cross join params
             where p.birth_date > (${asOf} - interval '5 years')::date and p.birth_date <= ${asOf} and (p.left_on is null or p.left_on > ${asOf}))`,
          // Each child's latest measurement, carrying its kelurahan (no join after the de-duplication).
          `latest as (
            select distinct on (k.id) k.target_id, g.stunting_status
              from kids k join growth_measurement g on g.person_id = k.id cross join params
             where g.measured_on <= ${asOf} ${f.from ? `and g.measured_on >= ${from}` : ''}
             order by k.id, g.measured_on desc)`,
          `st as materialized (
            select target_id, count(*)::int as children,
                   count(*) filter (where stunting_status in ('STUNTED', 'SEVERELY_STUNTED'))::int as stunted,
                   count(*) filter (where stunting_status = 'SEVERELY_STUNTED')::int as severe
              from latest group by target_id)`,
        ],
    `select params.area_known, r.*
       from params left join (
         select t.id, t.code, t.name, st.children, st.stunted, st.severe
           from tgt t left join st on st.target_id = t.id) r on true
      order by r.code`,
    targets.bindings,
  );
  return rows
    .filter((r) => r['id'] !== null)
    .map((r) => {
      const children = int(r['children']);
      const stunted = int(r['stunted']);
      return {
        areaId: r['id'] as string,
        code: r['code'] as string,
        name: r['name'] as string,
        childrenMeasured: children,
        stunted,
        severelyStunted: int(r['severe']),
        prevalencePct: pct(stunted, children),
      };
    });
}

export async function indicatorSeries(ctx: Context, filter: AnalyticsFilter | undefined, indicator: Indicator): Promise<IndicatorSeries> {
  const f = checkFilter(filter);
  const window: string[] = [];
  if (f.from) window.push(`(make_date(year, quarter * 3, 1) + interval '1 month' - interval '1 day')::date >= :p_from::date`);
  if (f.to) window.push(`make_date(year, quarter * 3 - 2, 1) <= :p_to::date`);
  const q: Query = {
    ivWhere: '',
    householdWhere: '',
    bindings: { p_area: f.areaCode, p_from: f.from, p_to: f.to, p_indicator: indicator },
    ctes: {
      params: `params as (select :p_area::text as area_code,
                         (:p_area::text is null or exists (select 1 from area where code = :p_area::text)) as area_known)`,
      ta: `ta as (
        select a.id, a.code, a.name from area a cross join params
         where a.code = coalesce(params.area_code, (select c.code from area c where c.level = 'CITY' order by c.code limit 1)))`,
      own: `own as (
        select v.year, v.quarter, v.value::float8 as value, v.source
          from indicator_value v join ta on ta.id = v.area_id where v.indicator = :p_indicator::text)`,
      sub: `sub as (
        select v.year, v.quarter, count(*)::int as n,
               (case when :p_indicator::text = 'INVESTMENT_REALISATION_RP' then sum(v.value)
                     when bool_and(coalesce(d.population, 0) > 0) then sum(v.value * d.population) / sum(d.population)
                     else avg(v.value) end)::float8 as value
          from indicator_value v join area d on d.id = v.area_id join ta on d.code like ta.code || '.%'
         where v.indicator = :p_indicator::text and d.level = 'KELURAHAN'
         group by v.year, v.quarter)`,
      qs: `qs as (
        select year, quarter from (select year, quarter from own union select year, quarter from sub) x
         ${window.length ? `where ${window.join(' and ')}` : ''})`,
    },
  };
  const rows = await run(
    ctx,
    q,
    ['params', 'ta', 'own', 'sub', 'qs'],
    [],
    `select params.area_known, ta.code, ta.name, r.*
       from params left join ta on true left join (
         select qs.year, qs.quarter, coalesce(own.value, sub.value) as value, own.value is null as aggregated,
                case when own.value is null then sub.n else 1 end as areas, own.source
           from qs left join own on own.year = qs.year and own.quarter = qs.quarter
                   left join sub on sub.year = qs.year and sub.quarter = qs.quarter) r on ta.id is not null
      order by r.year, r.quarter`,
  );
  const first = rows[0] ?? {};
  return {
    areaCode: (first['code'] as string) ?? f.areaCode ?? '',
    areaName: (first['name'] as string) ?? '',
    indicator,
    points: rows
      .filter((r) => r['year'] !== null && r['year'] !== undefined)
      .map((r) => ({
        year: int(r['year']),
        quarter: int(r['quarter']),
        value: Math.round((num(r['value']) ?? 0) * 10_000) / 10_000,
        aggregated: r['aggregated'] as boolean,
        areasReporting: int(r['areas']),
        source: (r['source'] as string | null) ?? null,
      })),
  };
}
