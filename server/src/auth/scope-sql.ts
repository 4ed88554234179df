import type { Knex } from '@mikro-orm/knex';
import { AssignmentStatus } from '../graphql/enums.js';
import { GOVERNMENT_ORGANIZATION_TYPES, householdScope, PARTNER_ROLES } from './policy.js';
import type { Viewer } from './viewer.js';

/**
 * Adds the viewer's household scope (policy.householdScope) to a query over `alias` (the household
 * table). Row-level security enforces the same scope again inside PostgreSQL.
 */
export function scopeHouseholds(knex: Knex, q: Knex.QueryBuilder, viewer: Viewer | null, alias = 'h'): Knex.QueryBuilder {
  const scope = householdScope(viewer);
  switch (scope.kind) {
    case 'ALL':
      return q;
    case 'AREA':
      return q.whereIn(
        `${alias}.area_id`,
        knex('area as sa').select('sa.id').where((w) => w.where('sa.code', scope.areaCode).orWhere('sa.code', 'like', `${scope.areaCode}.%`)),
      );
    case 'ASSIGNED':
      return q.whereExists(
        knex('assignment as sa')
          .select(knex.raw('1'))
          .whereRaw(`sa.household_id = ${alias}.id`)
          .where('sa.organization_id', scope.organizationId)
          .whereIn('sa.status', [AssignmentStatus.REQUESTED, AssignmentStatus.ACCEPTED])
          .whereNull('sa.consent_withdrawn_at'),
      );
    case 'NONE':
      return q.whereRaw('false');
  }
}

/** Scopes a query over a table with a `household_id` column through its household. */
export function scopeByHousehold(knex: Knex, q: Knex.QueryBuilder, viewer: Viewer | null, column: string): Knex.QueryBuilder {
  if (householdScope(viewer).kind === 'ALL') return q;
  return q.whereIn(column, scopeHouseholds(knex, knex('household as sh').select('sh.id'), viewer, 'sh'));
}

/**
 * Leaves out, for a partner, interventions of other partners (policy.interventionVisible): the query
 * is over `alias` (the intervention table).
 */
export function scopeInterventions(knex: Knex, q: Knex.QueryBuilder, viewer: Viewer | null, alias = 'i'): Knex.QueryBuilder {
  if (!viewer || !PARTNER_ROLES.has(viewer.role)) return q;
  return q.where((w) =>
    w
      .where(`${alias}.organization_id`, viewer.organizationId)
      .orWhereIn(`${alias}.organization_id`, knex('organization as so').select('so.id').whereIn('so.type', GOVERNMENT_ORGANIZATION_TYPES)),
  );
}
