import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Migration 0041: the summary triggers that an import batch fires read the registry by key. A batch of
 * new households, their members and needs (one statement per table, as the import writes them) reads no
 * coverage part by a scan and no need's daily state beyond the batch's own keys, whatever the registry
 * holds; and the filter counts it appends still sum to the counts of the rows.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('import trigger probes (migration 0041)', () => {
  it('a batch of new households reads coverage parts and need states by key, and keeps the filter counts exact', async () => {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      const areas = (await client.query(`select id from area where level = 'KELURAHAN' order by code limit 3`)).rows as { id: string }[];
      const households = Array.from({ length: 30 }, (_, n) => ({
        id: randomUUID(),
        kk_number: `6271030101419${String(n).padStart(3, '0')}`,
        area_id: areas[n % areas.length]!.id,
        address: `Jl. Probe ${n}`,
        welfare_decile: 1 + (n % 4),
        poverty_status: n % 2 ? 'POOR' : 'EXTREME_POOR',
      }));
      const rows = (table: string, list: Record<string, unknown>[]) => {
        const columns = Object.keys(list[0]!).join(', ');
        return client.query(`insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(list)]);
      };
      await client.query('begin');
      await rows('household', households);
      await rows('person', households.map((h, n) => ({ id: randomUUID(), household_id: h.id, nik: `6271030101429${String(n).padStart(3, '0')}`, name: `Warga Probe ${n}`, sex: 'MALE', birth_date: '1985-05-05', relation: 'HEAD' })));
      await rows(
        'household_need',
        households.flatMap((h, n) => ['WATER', 'SANITATION', 'FOOD'].slice(0, 1 + (n % 3)).map((need_type) => ({ id: randomUUID(), household_id: h.id, need_type, rule_version: 1, evidence: {} }))),
      );
      // What this transaction read so far (its own statistics, before they are reported).
      const read = (await client.query(
        `select relname, seq_tup_read::int, idx_tup_fetch::int from pg_stat_xact_user_tables
          where relname in ('coverage_part', 'analytics_daily_state') order by 1`,
      )).rows as { relname: string; seq_tup_read: number; idx_tup_fetch: number }[];
      expect(read.map((r) => r.relname)).toEqual(['analytics_daily_state', 'coverage_part']);
      // Read after the statistics above (this connection's reads count until they are reported).
      const [registered] = (await client.query(`select (select count(*)::int from coverage_part) as parts, (select count(*)::int from analytics_daily_state where kind = 'N') as states`)).rows;
      // The registry is not empty: a scan would read its rows.
      expect(registered.parts).toBeGreaterThan(1000);
      expect(registered.states).toBeGreaterThan(1000);
      const needs = households.reduce((sum, _h, n) => sum + 1 + (n % 3), 0);
      for (const r of read) {
        expect(r.seq_tup_read, `${r.relname} read by a scan`).toBe(0);
        // Probes find nothing for new keys; a few per household or need at most, never the registry's rows.
        expect(r.idx_tup_fetch, `${r.relname} rows read by index`).toBeLessThanOrEqual(households.length + needs);
      }
      const counts = (await client.query(
        `select k.area_id, k.value, k.n from (select area_id, value, sum(n)::int as n from household_filter_count where dimension = 'NEED_TYPE' group by 1, 2) k
          where k.n <> 0 order by 1, 2`,
      )).rows;
      const fromRows = (await client.query(
        `select h.area_id, n.need_type as value, count(distinct h.id)::int as n from household_need n join household h on h.id = n.household_id group by 1, 2 order by 1, 2`,
      )).rows;
      expect(counts).toEqual(fromRows);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  }, 120_000);
});
