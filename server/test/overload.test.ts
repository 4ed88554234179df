import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

// One request at a time and no line: while a request is held by a lock of our own, the next is refused.
let t: TestServer;
let token: string;

beforeAll(async () => {
  t = await startTestServer({ env: { GRAPHQL_CONCURRENCY: '1', GRAPHQL_QUEUE_MAX: '0', GRAPHQL_QUEUE_WAIT_MS: '5000' } });
  token = await t.login('bappeda');
});
afterAll(() => t.close());

const AREAS = '{ areas(level: KELURAHAN) { id } }';

describe('an overloaded server', () => {
  it('answers 503 with Retry-After at once, touching no data, and serves the held request when its turn comes', async () => {
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table area in access exclusive mode');
      const held = t.gql(AREAS, {}, token);
      for (let waiting = 0; waiting < 1; ) {
        await new Promise((resolve) => setImmediate(resolve));
        const { rows } = await blocker.query<{ waiting: number }>(`select count(*)::int as waiting from pg_locks where relation = 'area'::regclass and not granted`);
        waiting = rows[0]!.waiting;
      }
      const statements = await t.countStatements(async () => {
        const refused = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: AREAS }),
        });
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('5');
        expect(await refused.json()).toEqual({
          errors: [{ message: 'Server sedang sibuk; coba lagi dalam 5 detik', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SERVER_BUSY', retryAfterSeconds: 5 } }],
        });
      });
      expect(statements).toBe(0);
      await blocker.query('rollback');
      const answer = await held;
      expect(answer.errors).toBeUndefined();
      expect(answer.data.areas.length).toBeGreaterThan(0);
    } finally {
      await blocker.end();
    }
    // Its turn is given back: the next request is served.
    expect((await t.gql(AREAS, {}, token)).data.areas.length).toBeGreaterThan(0);
  });
});
