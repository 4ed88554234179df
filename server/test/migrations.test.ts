import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { MIGRATIONS, ormConfig } from '../src/db/orm.js';
import { startTestServer, type TestServer } from './harness.js';
import { csv, DTSEN_HEADER, newFamily } from './imports/fixtures.js';
import { commitFile } from './imports/jobs.js';
import { coverageEvents } from './summary-fixture.js';

// Every migration's down() must undo its up(): an operator rolling back a release needs the schema,
// the row-level security and the data as they were. Checked two ways: on an empty database one migration at a time, and on a populated register for the migrations of the last releases.

/** Everything a migration may create, as text that two equal schemas print alike (schema_migration is the migrator's own log). */
const SCHEMA = `
  select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as item
    from information_schema.columns where table_schema = 'public' and table_name <> 'schema_migration'
  union all
  select 'index ' || indexdef from pg_indexes where schemaname = 'public' and tablename <> 'schema_migration'
  union all
  select 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = 'public' and c.conrelid::regclass::text <> 'schema_migration'
  union all
  select 'policy ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || roles::text || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
    from pg_policies where schemaname = 'public'
  union all
  select 'security ' || relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'schema_migration'
  union all
  select 'trigger ' || pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal
  union all
  -- A function's body is kept as written: only its words count, not how a migration indented them.
  select 'function ' || regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g') from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'public' and p.prokind in ('f', 'p')
     -- An extension's functions (pg_trgm's) belong to the database, which may have had it before.
     and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  union all
  select 'view ' || viewname || ' ' || definition from pg_views where schemaname = 'public'
  union all
  select 'type ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)
    from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
   where n.nspname = 'public' group by t.typname
  union all
  select 'grant ' || grantee || ' ' || table_name || ' ' || privilege_type from information_schema.role_table_grants
   where table_schema = 'public' and table_name <> 'schema_migration'
  order by 1`;

async function schemaOf(orm: MikroORM): Promise<string[]> {
  return ((await orm.em.getConnection().execute(SCHEMA)) as { item: string }[]).map((r) => r.item);
}

/** A checksum of every table's rows (as the owner, beside row-level security), by table. */
async function dataOf(t: TestServer): Promise<Record<string, string>> {
  const tables = await t.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migration' order by 1",
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    // coverage_delta counts days by ranges: a down and up may merge adjacent pieces (0034), counting the same days.
    const rows = name === 'coverage_delta' ? `(${coverageEvents(name)})` : `"${name}"`;
    const [row] = await t.query<{ sum: string }>(`select count(*) || ' ' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from ${rows} x`);
    sums[name] = row!.sum;
  }
  return sums;
}

/** What provenance answers: the newest stamp of each field of each record (history is not kept by a down migration). */
const PROVENANCE = `
  select distinct on (p.entity_id, f) p.entity_id::text || ' ' || f || ' ' || p.source || ' ' || p.job_id || ' ' || coalesce(p.source_date::text, '') as item
    from field_provenance p cross join lateral unnest(p.fields) f order by p.entity_id, f, p.seq desc`;

async function withDatabase<T>(name: string, template: string | null, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(inject('adminUrl'));
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

describe('down migrations', () => {
  it('each down() restores the schema exactly as it was before its up()', async () => {
    await withDatabase(`migrations_${process.pid}`, null, async (url) => {
      const orm = await MikroORM.init(ormConfig(url, 1));
      try {
        const migrator = orm.getMigrator();
        const wrong: string[] = [];
        for (const { name } of MIGRATIONS) {
          const before = await schemaOf(orm);
          await migrator.up({ migrations: [name] });
          try {
            await migrator.down({ migrations: [name] });
          } catch (error) {
            wrong.push(`${name}: down failed: ${(error as Error).message.slice(0, 300)}`);
            continue;
          }
          const after = await schemaOf(orm);
          const left = after.filter((x) => !before.includes(x));
          const lost = before.filter((x) => !after.includes(x));
          if (left.length || lost.length) wrong.push(`${name}: left ${JSON.stringify(left)}, lost ${JSON.stringify(lost)}`);
          try {
            await migrator.up({ migrations: [name] });
          } catch (error) {
            wrong.push(`${name}: up after down failed: ${(error as Error).message.slice(0, 300)}`);
            break;
          }
        }
        expect(wrong.join('\n\n')).toBe('');
      } finally {
        await orm.close(true);
      }
    });
  }, 300_000);

  describe('on a populated register', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    }, 120_000);
    afterAll(() => server?.close());

    it('undoing the migrations since 0024 and applying them again keeps the schema, every row and what provenance answers', async () => {
      // Two imports of the same families, the second with newer addresses: provenance with a history.
      const admin = await server.login('admin');
      const families = [newFamily(1), newFamily(2), newFamily(3, { decile: 2 })];
      await commitFile(server, admin, 'dtsen', 'dtsen-1.csv', csv([DTSEN_HEADER, ...families.flatMap((f) => f.rows)]), { sourceDate: '2026-06-30' });
      const moved = [newFamily(1, { address: 'Jl. Cendana 4' }), newFamily(2, { address: 'Jl. Cendana 9' })];
      await commitFile(server, admin, 'dtsen', 'dtsen-2.csv', csv([DTSEN_HEADER, ...moved.flatMap((f) => f.rows)]), { sourceDate: '2026-09-30' });
      const provenance = (await server.query<{ item: string }>(PROVENANCE)).map((r) => r.item);
      expect(provenance.some((p) => p.includes(' address DTSEN ') && p.endsWith('2026-09-30'))).toBe(true);

      const orm = await MikroORM.init(ormConfig(server.ownerUrl, 1));
      try {
        const migrator = orm.getMigrator();
        const schema = await schemaOf(orm);
        const { field_provenance: _, ...data } = await dataOf(server);
        const since = MIGRATIONS.slice(MIGRATIONS.findIndex((m) => m.name === '0024-narrow-provenance')).map((m) => m.name);
        for (const name of [...since].reverse()) await migrator.down({ migrations: [name] });
        await migrator.up();
        expect(await schemaOf(orm)).toEqual(schema);
        const { field_provenance: __, ...after } = await dataOf(server);
        expect(after).toEqual(data);
        expect((await server.query<{ item: string }>(PROVENANCE)).map((r) => r.item)).toEqual(provenance);
      } finally {
        await orm.close(true);
      }
    }, 300_000);
  });
});
