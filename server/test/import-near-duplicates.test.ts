import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEAR_DUPLICATES } from '../src/imports/merge.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Migration 0047: the import's near-duplicate search reads the people of a birth date, whose number grows
 * with the registry, from the birth-date index alone, not one heap page each; it still finds the similar
 * person of the same kelurahan and nobody of another.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(async () => {
  await t.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe('near-duplicate search (migration 0047)', () => {
  it('reads the candidates of a birth date from the index alone and finds the similar person of the same kelurahan only', async () => {
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      // The visibility map must be set for an index-only scan to skip the heap, as autovacuum keeps it.
      await client.query('vacuum (analyze) person');
      // The demo city's busiest birth date, and one of its people.
      const [day] = (await client.query(
        `select birth_date::text as birth_date, count(*)::int as people from person group by birth_date order by count(*) desc, birth_date limit 1`,
      )).rows as { birth_date: string; people: number }[];
      expect(day!.people).toBeGreaterThan(1);
      const [someone] = (await client.query(
        `select p.id, p.name, h.area_id from person p join household h on h.id = p.household_id where p.birth_date = $1 order by p.id limit 1`,
        [day!.birth_date],
      )).rows as { id: string; name: string; area_id: string }[];
      const [elsewhere] = (await client.query(`select id from area where level = 'KELURAHAN' and id <> $1 order by code limit 1`, [someone!.area_id])).rows as { id: string }[];
      const rows = JSON.stringify([
        { key: 1, name: `${someone!.name}a`, birth_date: day!.birth_date, area_id: someone!.area_id },
        { key: 2, name: `${someone!.name}a`, birth_date: day!.birth_date, area_id: elsewhere!.id },
      ]);
      const sql = NEAR_DUPLICATES.replace('?', '$1');
      const found = (await client.query(sql, [rows])).rows as { key: number; id: string }[];
      expect(found.find((r) => r.key === 1)?.id).toBe(someone!.id);
      expect(found.some((r) => r.key === 2 && r.id === someone!.id)).toBe(false);

      const [{ 'QUERY PLAN': plan }] = (await client.query(`explain (analyze, format json) ${sql}`, [rows])).rows as { 'QUERY PLAN': [{ Plan: PlanNode }] }[];
      const personScans = nodes(plan[0].Plan).filter((n) => n['Relation Name'] === 'person');
      expect(personScans.map((n) => n['Node Type'])).toEqual(['Index Only Scan']);
      expect(personScans[0]!['Index Name']).toBe('person_birth_date_idx');
      expect(personScans[0]!['Heap Fetches']).toBe(0);
    } finally {
      await client.end();
    }
  }, 120_000);
});
