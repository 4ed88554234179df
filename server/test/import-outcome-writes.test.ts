import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { csv, DTSEN_HEADER, newFamily } from './imports/fixtures.js';
import { commitFile } from './imports/jobs.js';

// Migration 0048: the commit's outcome writes (a staged row's status and reason) are HOT updates, so
// they do not copy the wide staged row (its cells and records) to another page and to the WAL. Before,
// `status` was in two of the table's indexes and no such update could be HOT.

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login('admin');
}, 120_000);
afterAll(() => server?.close());

type Updates = { n_tup_upd: number; n_tup_hot_upd: number };

describe('import outcome writes', () => {
  it('updates every committed row in place (HOT), in one batch of many families', async () => {
    // 60 families (180 rows over many pages), all in one batch of the default size: a page's rows get
    // their outcomes in one transaction, so each page must hold every new version at once.
    const families = Array.from({ length: 60 }, (_, i) => newFamily(200 + i));
    const id = await commitFile(server, token, 'dtsen', 'hot.csv', csv([DTSEN_HEADER, ...families.flatMap((f) => f.rows)]), { sourceDate: '2026-09-30' });

    const [job] = await server.query<{ inserted: number; rows_done: number }>(`select inserted, rows_done from import_job where id = ?`, [id]);
    expect(job).toEqual({ inserted: 180, rows_done: 180 });
    const [pages] = await server.query<{ n: number }>(`select count(distinct (ctid::text::point)[0])::int as n from import_row where job_id = ?`, [id]);
    expect(pages!.n).toBeGreaterThan(5);

    // The import's only updates of import_row are the commit's outcome writes (the dry run reused the
    // staged outcomes). The server's backends report their counters when idle: wait until they have.
    let updates: Updates | undefined;
    for (let i = 0; i < 300 && !(updates && updates.n_tup_upd >= 180); i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      [updates] = await server.query<Updates>(
        `select pg_stat_clear_snapshot(), n_tup_upd::int, n_tup_hot_upd::int from pg_stat_user_tables where relname = 'import_row'`,
      );
    }
    expect(updates).toMatchObject({ n_tup_upd: 180, n_tup_hot_upd: 180 });
  }, 180_000);
});
