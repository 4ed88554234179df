import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { householdScope } from '../auth/policy.js';
import { scopeHouseholds } from '../auth/scope-sql.js';
import type { Viewer } from '../auth/viewer.js';
import { sql } from '../graphql/connection.js';
import { areaWithDescendants } from './household.service.js';
import type { HouseholdFilter } from './household.inputs.js';

interface KeptKey {
  dimension: 'NEED_TYPE' | 'PROGRAM';
  value: string;
}

const given = (value: unknown) => value !== undefined && value !== null;

/**
 * The key of household_filter_count (migration 0035) that answers this filter's count exactly: one need
 * type or one program, with an area at most. Other combinations (a second filter, a search, several need
 * types, whose households would be counted once per type) keep the bounded count.
 */
export function keptCountKey(filter: HouseholdFilter | undefined): KeptKey | null {
  if (!filter) return null;
  if (
    filter.povertyStatus?.length ||
    filter.verificationStatus?.length ||
    filter.interventionStatus?.length ||
    filter.needStatus?.length ||
    given(filter.decileMin) ||
    given(filter.decileMax) ||
    filter.search?.trim()
  ) {
    return null;
  }
  const needTypes = new Set(filter.needType ?? []);
  if (filter.programId) return needTypes.size ? null : { dimension: 'PROGRAM', value: filter.programId };
  return needTypes.size === 1 ? { dimension: 'NEED_TYPE', value: [...needTypes][0]! } : null;
}

/**
 * The list's count from the kept counts, when they answer it: one row per kelurahan in the viewer's scope
 * and the filter's area instead of every matching household. The counts are per area, so only viewers
 * whose scope is a set of areas (city-wide roles, a kelurahan officer) use them; a partner's scope is its
 * caseload.
 */
export function keptHouseholdCount(em: EntityManager, filter: HouseholdFilter | undefined, viewer: Viewer | null): (() => Promise<number>) | undefined {
  const key = keptCountKey(filter);
  const scope = householdScope(viewer).kind;
  if (!key || (scope !== 'ALL' && scope !== 'AREA')) return undefined;
  return async () => {
    const knex = em.getKnex();
    const q = sql(em, 'household_filter_count as d')
      .select(knex.raw('coalesce(sum(d.n), 0)::int as n'))
      .where('d.dimension', key.dimension)
      // Cast as the intervention's column is, so a malformed id fails as the row count's filter does.
      .whereRaw(key.dimension === 'PROGRAM' ? 'd.value = (?::uuid)::text' : 'd.value = ?', [key.value]);
    const inAreas = (areas: Knex.QueryBuilder) => q.whereRaw('d.area_id = any (array(?))', [areas]);
    if (filter!.areaId) inAreas(areaWithDescendants(knex, { id: filter!.areaId }));
    if (filter!.areaCode) inAreas(areaWithDescendants(knex, { code: filter!.areaCode.trim() }));
    const [row] = (await scopeHouseholds(knex, q, viewer, 'd')) as { n: number }[];
    return row?.n ?? 0;
  };
}
