import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Area } from '../areas/area.entity.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { GrowthMeasurement } from '../growth/growth-measurement.entity.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { PovertyAssessment } from '../households/poverty-assessment.entity.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';
import { scopeHouseholds } from '../auth/scope-sql.js';
import type { Viewer } from '../auth/viewer.js';
import { roleMay, userVisible } from '../auth/policy.js';
import { candidatesByNeed, needsByHousehold } from '../needs/need.loaders.js';
import { sql } from './connection.js';
import { plainReader } from './plain-rows.js';
import { PrimedLoader } from './primed-loader.js';
import { provenanceByEntity } from '../imports/provenance.js';

type WithId = { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One SELECT … WHERE id IN (…) per entity type and tick, whatever the page size.
function byId<T extends WithId>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    // An id that is not even a uuid cannot exist: answer null without asking the database.
    const valid = ids.filter((id) => UUID.test(id));
    const rows = valid.length ? ((await em.find(entity, { id: { $in: valid } } as never)) as T[]) : [];
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

// As byId, as plain rows (plain-rows.ts): for reference data the API only reads.
function plainById<T extends WithId>(em: EntityManager, entity: EntityName<T>, table: string) {
  const reader = plainReader(em, entity);
  return new PrimedLoader<string, T | null>(async (ids) => {
    const valid = ids.filter((id) => UUID.test(id));
    const rows = valid.length ? ((await sql(em, `${table} as t`).select(reader.columns('t')).whereIn('t.id', valid)) as Record<string, unknown>[]) : [];
    const map = new Map(rows.map((r) => [r['id'] as string, reader.map(r)]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

// As byParent, as plain rows; `order` names columns.
function plainByParent<T extends object>(em: EntityManager, entity: EntityName<T>, table: string, fk: string, order: Array<[string, 'asc' | 'desc']>) {
  const reader = plainReader(em, entity);
  return new PrimedLoader<string, T[]>(async (ids) => {
    const rows = (await sql(em, `${table} as t`)
      .select(reader.columns('t'))
      .whereIn(`t.${fk}`, [...ids])
      .orderBy(order.map(([column, dir]) => ({ column: `t.${column}`, order: dir })))) as Record<string, unknown>[];
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row[fk] as string)?.push(reader.map(row));
    return ids.map((id) => groups.get(id) ?? []);
  });
}

// One SELECT … WHERE <fk> IN (…) per relation and tick; children grouped by their parent id.
function byParent<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  fk: string,
  parentId: (row: T) => string,
  orderBy: Record<string, 'asc' | 'desc'>,
) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = (await em.find(entity, { [fk]: { $in: [...ids] } } as never, { orderBy } as never)) as T[];
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(parentId(row))?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/** Households by id within the viewer's scope: out of scope reads as missing. */
function scopedHouseholds(em: EntityManager, viewer: Viewer | null) {
  return new DataLoader<string, Household | null>(async (ids) => {
    const valid = ids.filter((id) => UUID.test(id));
    const knex = em.getKnex();
    const rows = valid.length
      ? ((await scopeHouseholds(knex, sql(em, 'household as h').select('h.*').whereIn('h.id', valid), viewer)) as Record<string, unknown>[])
      : [];
    const map = new Map(rows.map((r) => [r['id'] as string, em.map(Household, r)]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const household = scopedHouseholds(em, viewer);
  const anyPerson = byId(em, Person);
  const anyUser = byId(em, User);
  return {
    // Read-only everywhere (no write path takes them from here): plain rows.
    area: plainById(em, Area, 'area'),
    organization: plainById(em, Organization, 'organization'),
    /** A user account the viewer may see (policy.userVisible); others read as null, their organisation stays. */
    user: new DataLoader<string, User | null>(async (ids) =>
      (await anyUser.loadMany(ids)).map((u) =>
        u instanceof User && userVisible(viewer, { id: u.id, organizationId: u.organization.id }) ? u : null,
      ),
    ),
    program: plainById(em, Program, 'program'),
    household,
    /** A person whose household is in scope. */
    person: new DataLoader<string, Person | null>(async (ids) => {
      const people = await anyPerson.loadMany(ids);
      const owners = await household.loadMany(people.map((p) => (p instanceof Person ? p.household.id : '')));
      return people.map((p, i) => (p instanceof Person && owners[i] instanceof Household ? p : null));
    }),
    needsByHousehold: needsByHousehold(em),
    candidatesByNeed: candidatesByNeed(em, !roleMay(viewer, 'birthDate.read')),
    membersByHousehold: plainByParent(em, Person, 'person', 'household_id', [
      ['birth_date', 'asc'],
      ['id', 'asc'],
    ]),
    interventionsByHousehold: plainByParent(em, Intervention, 'intervention', 'household_id', [
      ['created_at', 'desc'],
      ['id', 'asc'],
    ]),
    assignmentsByHousehold: byParent(em, Assignment, 'household', (a) => a.household.id, {
      requestedAt: 'desc',
      id: 'asc',
    }),
    assessmentsByHousehold: byParent(em, PovertyAssessment, 'household', (a) => a.household.id, {
      assessedOn: 'desc',
      createdAt: 'desc',
      id: 'asc',
    }),
    measurementsByPerson: byParent(em, GrowthMeasurement, 'person', (m) => m.person.id, {
      measuredOn: 'asc',
      id: 'asc',
    }),
    provenance: provenanceByEntity(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
