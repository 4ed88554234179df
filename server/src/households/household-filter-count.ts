import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { householdScope } from '../auth/policy.js';
import { scopeHouseholds } from '../auth/scope-sql.js';
import type { Viewer } from '../auth/viewer.js';
import { sql } from '../graphql/connection.js';
import { areaWithDescendants } from './household.service.js';
import type { HouseholdFilter } from './household.inputs.js';

type Dimension = 'ALL' | 'POVERTY_STATUS' | 'DECILE' | 'NEED_TYPE' | 'PROGRAM';

interface KeptKey {
  dimension: Dimension;
  /** Summed: the values of POVERTY_STATUS and DECILE are each household's one value, so never counted twice. */
  values: string[];
}

const given = (value: unknown) => value !== undefined && value !== null;

/**
 * The key of the kept counts that answers this filter's count exactly: one need type or one program
 * (household_filter_count, 0035, and partner_filter_count, 0040), and for a partner (0040) also no filter,
 * poverty statuses or a decile range; each with an area at most. Other combinations (two filters, a need or
 * intervention status, a search, several need types, whose households would be counted once per type) keep
 * the bounded count.
 */
export function keptCountKey(filter: HouseholdFilter | undefined, partner = false): KeptKey | null {
  const f = filter ?? {};
  if (f.verificationStatus?.length || f.interventionStatus?.length || f.needStatus?.length || f.search?.trim()) return null;
  const needTypes = [...new Set(f.needType ?? [])];
  const decile = given(f.decileMin) || given(f.decileMax);
  const status = !!f.povertyStatus?.length;
  const filters = [!!f.programId, needTypes.length > 0, decile, status].filter(Boolean).length;
  if (filters > 1) return null;
  if (f.programId) return { dimension: 'PROGRAM', values: [f.programId] };
  if (needTypes.length) return needTypes.length === 1 ? { dimension: 'NEED_TYPE', values: needTypes } : null;
  if (!partner) return null;
  if (status) return { dimension: 'POVERTY_STATUS', values: [...new Set(f.povertyStatus)] };
  if (decile) {
    const values: string[] = [];
    for (let d = Math.max(f.decileMin ?? 1, 1); d <= Math.min(f.decileMax ?? 10, 10); d++) values.push(String(d));
    return { dimension: 'DECILE', values };
  }
  return { dimension: 'ALL', values: [''] };
}

/**
 * The list's count from the kept counts, when they answer it: one row per kelurahan (and value) in the
 * viewer's scope and the filter's area instead of every matching household. City-wide roles and kelurahan
 * officers read household_filter_count, whose scope is a set of areas; a partner reads its organisation's
 * partner_filter_count, whose rows follow its caseload and the interventions it may see.
 */
export function keptHouseholdCount(em: EntityManager, filter: HouseholdFilter | undefined, viewer: Viewer | null): (() => Promise<number>) | undefined {
  const scope = householdScope(viewer);
  if (scope.kind !== 'ALL' && scope.kind !== 'AREA' && scope.kind !== 'ASSIGNED') return undefined;
  const partner = scope.kind === 'ASSIGNED' ? scope.organizationId : null;
  const key = keptCountKey(filter, !!partner);
  if (!key) return undefined;
  return async () => {
    const knex = em.getKnex();
    const q = sql(em, `${partner ? 'partner_filter_count' : 'household_filter_count'} as d`)
      .select(knex.raw('coalesce(sum(d.n), 0)::int as n'))
      .where('d.dimension', key.dimension);
    if (partner) q.where('d.organization_id', partner);
    // Cast as the intervention's column is, so a malformed id fails as the row count's filter does.
    if (key.dimension === 'PROGRAM') q.whereRaw('d.value = (?::uuid)::text', [key.values[0]]);
    else q.whereIn('d.value', key.values);
    const inAreas = (areas: Knex.QueryBuilder) => q.whereRaw('d.area_id = any (array(?))', [areas]);
    if (filter?.areaId) inAreas(areaWithDescendants(knex, { id: filter.areaId }));
    if (filter?.areaCode) inAreas(areaWithDescendants(knex, { code: filter.areaCode.trim() }));
    const [row] = (await (partner ? q : scopeHouseholds(knex, q, viewer, 'd'))) as { n: number }[];
    return row?.n ?? 0;
  };
}
