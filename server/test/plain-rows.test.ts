import type { EntityName } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Area } from '../src/areas/area.entity.js';
import { plainReader } from '../src/graphql/plain-rows.js';
import { Household } from '../src/households/household.entity.js';
import { Person } from '../src/households/person.entity.js';
import { Intervention } from '../src/interventions/intervention.entity.js';
import { Organization } from '../src/organizations/organization.entity.js';
import { Program } from '../src/programs/program.entity.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const READ_AS_PLAIN: Array<[EntityName<any>, string]> = [
  [Household, 'household'],
  [Person, 'person'],
  [Intervention, 'intervention'],
  [Program, 'program'],
  [Organization, 'organization'],
  [Area, 'area'],
];

/** A managed entity as the plain reader should give it: each property by name, a many-to-one as { id }. */
function asPlain(entity: Record<string, any>, names: string[]) {
  return Object.fromEntries(
    names.map((name) => {
      const value = entity[name];
      if (value && typeof value === 'object' && '__helper' in value) return [name, { id: value.id }];
      return [name, value ?? null];
    }),
  );
}

describe('plain rows (read paths without managed entities)', () => {
  it.each(READ_AS_PLAIN)('%o: every property as a managed entity has it', async (entity, table) => {
    await t.db.asOwner(async (owner) => {
      const em = owner.em.fork();
      const reader = plainReader(em as never, entity);
      const rows = (await em.getKnex()(`${table} as t`).select(reader.columns('t')).orderBy('t.id').limit(300)) as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      const plain = rows.map(reader.map) as Record<string, unknown>[];
      const managed = (await em.find(entity, { id: { $in: plain.map((p) => p['id']) } } as never, { orderBy: { id: 'asc' } } as never)) as Record<string, any>[];
      const meta = em.getMetadata().get(entity as never);
      const names = meta.props.filter((p) => !p.lazy && p.persist !== false || p.formula).map((p) => p.name);
      // Every column of the entity is read (a property missing here would silently resolve to null).
      expect(Object.keys(plain[0]!).sort()).toEqual([...names].sort());
      expect(plain).toEqual(managed.map((e) => asPlain(e, names)));
      // The same rows as JSON arrays of their values, as the household page reads children.
      const values = reader.arrayValues('r');
      const page = em.getKnex()(`${table} as t`).select(reader.columns('t')).orderBy('t.id').limit(300);
      const arrays = (await em.getKnex().raw(`select json_build_array(${values}) as v from (?) r order by r.id`, [page])).rows as Array<{ v: unknown[] }>;
      expect(arrays.map((a) => reader.mapArray(a.v))).toEqual(plain);
    });
  });
});
