import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { csv, DTSEN_HEADER, newFamily } from './imports/fixtures.js';
import { commitFile } from './imports/jobs.js';

// A commit batch takes whole families however their rows lie in the file: the batch's rows are read
// by family key (commit.ts), so a family whose rows are scattered among other families' rows is still
// written, with its needs, in one batch and one audit event.

let server: TestServer;
let token: string;

beforeAll(async () => {
  // One family per batch: every family boundary is a batch boundary.
  server = await startTestServer({ env: { IMPORT_BATCH_SIZE: '1' } });
  token = await server.login('admin');
}, 120_000);
afterAll(() => server?.close());

describe('import commit batches', () => {
  it('writes each family whole in one batch when its rows are interleaved with other families', async () => {
    const [a, b, c] = [newFamily(41), newFamily(42, { decile: 2 }), newFamily(43)];
    // a1 b1 a2 c1 b2 a3 c2 b3 c3: no family's rows are adjacent.
    const rows = [a.rows[0]!, b.rows[0]!, a.rows[1]!, c.rows[0]!, b.rows[1]!, a.rows[2]!, c.rows[1]!, b.rows[2]!, c.rows[2]!];
    const id = await commitFile(server, token, 'dtsen', 'selang-seling.csv', csv([DTSEN_HEADER, ...rows]), { sourceDate: '2026-09-30' });

    const [job] = await server.query<{ inserted: number; rows_done: number }>(`select inserted, rows_done from import_job where id = ?`, [id]);
    expect(job).toEqual({ inserted: 9, rows_done: 9 });
    const statuses = await server.query<{ status: string; n: number }>(`select status, count(*)::int as n from import_row where job_id = ? group by status`, [id]);
    expect(statuses).toEqual([{ status: 'INSERTED', n: 9 }]);

    // One IMPORT event per family, naming its household and all three members.
    const events = await server.query<{ entity_ids: string[] }>(
      `select entity_ids from audit_event where action = 'IMPORT' and entity_ids[1] = ? order by occurred_at`,
      [id],
    );
    expect(events).toHaveLength(3);
    for (const family of [a, b, c]) {
      const [household] = await server.query<{ id: string }>(`select id from household where kk_number = ?`, [family.kk]);
      const members = await server.query<{ id: string; nik: string }>(`select id, nik from person where household_id = ? order by nik`, [household!.id]);
      expect(members.map((m) => m.nik)).toEqual([...family.niks].sort());
      const event = events.filter((e) => e.entity_ids.includes(household!.id));
      expect(event).toHaveLength(1);
      expect(members.every((m) => event[0]!.entity_ids.includes(m.id))).toBe(true);
      // Its needs were derived in that batch (an earth floor: HOUSING; an unprotected well: WATER).
      const needs = await server.query<{ need_type: string }>(`select need_type from household_need where household_id = ? and person_id is null order by 1`, [household!.id]);
      expect(needs.map((n) => n.need_type)).toEqual(expect.arrayContaining(['HOUSING', 'WATER']));
    }
  }, 180_000);
});
