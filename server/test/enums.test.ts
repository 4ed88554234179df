import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENUM_COLUMNS } from '../src/graphql/enums.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => (t = await startTestServer()));
afterAll(() => t.close());

describe('database CHECK constraints', () => {
  it('allow exactly the values of each API enum', async () => {
    for (const [enumObject, table, column] of ENUM_COLUMNS) {
      const values = Object.values(enumObject);
      const [def] = await t.query<{ def: string }>(
        `select pg_get_constraintdef(c.oid) def from pg_constraint c join pg_class r on r.oid = c.conrelid
         where r.relname = ? and c.contype = 'c' and pg_get_constraintdef(c.oid) ~ ? limit 1`,
        [table, `\\("?${column}"? = ANY`],
      );
      expect(def, `${table}.${column} has a CHECK`).toBeDefined();
      const allowed = [...def!.def.matchAll(/'([A-Z0-9_]+)'::text/g)].map((m) => m[1]);
      expect(new Set(allowed), `${table}.${column}`).toEqual(new Set(values));
    }
  });
});
