import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

// A small pool makes a leaked connection visible at once: three leaks and every request would hang.
const POOL = 3;

let server: TestServer;
let token: string;

// The idle-in-transaction bound is short but not 1 s: on a starved machine a request's Node work between two
// statements took over a second, and PostgreSQL ended a healthy transaction.
beforeAll(async () => {
  server = await startTestServer({ env: { DB_POOL_MAX: String(POOL), DB_STATEMENT_TIMEOUT_MS: '5000', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000' } });
  token = await server.login('ngo');
});
afterAll(() => server.close());

type Shot = { body: string; contentType?: string; method?: string; path?: string; auth?: boolean; abortAfterMs?: number };

const MALFORMED: Shot[] = [
  { body: '[]' },
  { body: '[{"query":"{ me { id } }"}]' },
  { body: '{"query":"{ me { id } }","variables":"x"}' },
  { body: '{"query":"{ me { id } }","variables":[1]}' },
  { body: '{"query":"{ me { id } }","extensions":"x"}' },
  { body: '{"query":5}' },
  { body: '{}' },
  { body: '"query"' },
  { body: 'null' },
  { body: '{"query":' },
  { body: '' },
  { body: '{"query":"{ "}' },
  { body: '{"query":"{ nope }"}' },
  { body: '{"query":"query A { me { id } } query B { me { id } }"}' },
  { body: '{"query":"{ me { id } }","operationName":"Missing"}' },
  { body: '{"query":"query ($n: Int!) { households(first: $n) { totalCount } }","variables":{"n":"many"}}' },
  { body: '{"query":"query ($n: Int!) { households(first: $n) { totalCount } }"}' },
  { body: 'query=%7B%20me%20%7B%20id%20%7D%20%7D', contentType: 'application/x-www-form-urlencoded' },
  { body: '{"query":"{ me { id } }"}', contentType: 'text/plain' },
  { body: '', method: 'GET', path: '/graphql?query=mutation%20%7B%20logout%20%7D' },
  { body: '', method: 'GET', path: '/graphql?query=%7B&variables=x' },
  { body: '{"query":"{ households(first: -1) { totalCount } }"}' },
  { body: '{"query":"{ household(id: \\"not-a-uuid\\") { id } }"}' },
  { body: '{"query":"{ households(first: 100) { edges { node { members { name } } } } }"}', abortAfterMs: 1 },
  { body: '{"query":"mutation { login(username: \\"ngo\\", password: \\"wrong\\") { token } }"}', auth: false },
];

async function shoot(shot: Shot): Promise<void> {
  const controller = new AbortController();
  if (shot.abortAfterMs !== undefined) setTimeout(() => controller.abort(), shot.abortAfterMs);
  const method = shot.method ?? 'POST';
  try {
    const res = await fetch(`${server.url}${shot.path ?? '/graphql'}`, {
      method,
      signal: controller.signal,
      headers: {
        ...(method === 'POST' ? { 'content-type': shot.contentType ?? 'application/json' } : {}),
        'apollo-require-preflight': 'true',
        ...(shot.auth === false ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(method === 'POST' ? { body: shot.body } : {}),
    });
    await res.text();
    expect(res.status).toBeLessThan(500);
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  }
}

async function busyConnections() {
  const pool = (server.db.orm.em.getKnex().client as { pool: { numUsed(): number; numPendingAcquires(): number } }).pool;
  const [{ stuck }] = await server.query<{ stuck: string }>(
    `select count(*) as stuck from pg_stat_activity where datname = current_database() and usename = 'sinergi_app' and state <> 'idle'`,
  );
  return { used: pool.numUsed(), pending: pool.numPendingAcquires(), stuck: Number(stuck) };
}

async function settled() {
  // The server answers before it finishes an aborted request; give the pool a moment to see it back.
  for (let i = 0; i < 50; i++) {
    const busy = await busyConnections();
    if (busy.used === 0 && busy.pending === 0 && busy.stuck === 0) return busy;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return busyConnections();
}

describe('every request releases its connection', () => {
  it('200 malformed, refused, failing or aborted requests leave the pool idle and login working', async () => {
    const shots = Array.from({ length: 200 }, (_, i) => MALFORMED[i % MALFORMED.length]!);
    for (let i = 0; i < shots.length; i += 20) await Promise.all(shots.slice(i, i + 20).map(shoot));

    expect(await settled()).toEqual({ used: 0, pending: 0, stuck: 0 });
    expect(await server.login('admin')).toMatch(/\S/);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('concurrent requests that read indicators, areas and pages never wait for a second connection', async () => {
    const ops = [
      '{ indicatorValues(areaCode: "62.71") { value area { code } } }',
      '{ households(first: 20) { totalCount edges { node { members { name } interventions { program { owner { name } } } needs { type } } } } }',
      '{ areas(level: KELURAHAN) { code parent { code } } }',
    ];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => server.gql(ops[i % ops.length]!, {}, token)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(await settled()).toEqual({ used: 0, pending: 0, stuck: 0 });
  });

  it('uses exactly one pooled connection per request and never overlaps queries on it', async () => {
    const knex = server.db.orm.em.getKnex();
    const pool = (knex.client as { pool: { on(e: string, f: () => void): void; removeListener(e: string, f: () => void): void } }).pool;
    let acquired = 0;
    const count = () => acquired++;
    const warnings: string[] = [];
    const warn = (w: Error) => warnings.push(w.message);
    pool.on('acquireSuccess', count);
    process.on('warning', warn);
    try {
      const admin = await server.login('admin');
      acquired = 0;
      for (const op of [
        '{ indicatorValues(areaCode: "62.71") { value area { code } } }',
        '{ households(first: 10) { totalCount edges { node { kkNumber members { nik name growthMeasurements { heightCm } } interventions { program { owner { name } } loggedBy { username } } assignments { status } needs { type status candidatePrograms { program { id } } } } } } }',
        '{ coverageByArea(level: KELURAHAN) { code coveragePct } }',
      ]) {
        const before = acquired;
        const res = await server.gql(op, {}, admin);
        expect(res.errors).toBeUndefined();
        expect(acquired - before).toBe(1);
      }
    } finally {
      pool.removeListener('acquireSuccess', count);
      process.removeListener('warning', warn);
    }
    expect(warnings.filter((w) => w.includes('already executing'))).toEqual([]);
  });
});

describe('an operation that reads no data', () => {
  it('selecting only __typename opens no transaction and sends nothing; any other field still gets its transaction', async () => {
    const knex = server.db.orm.em.getKnex();
    const pool = (knex.client as { pool: { on(e: string, f: () => void): void; removeListener(e: string, f: () => void): void } }).pool;
    let acquired = 0;
    const count = () => acquired++;
    pool.on('acquireSuccess', count);
    try {
      for (const op of [
        '{ __typename }',
        'query Ping { a: __typename b: __typename }',
        'mutation { __typename }',
        '{ ...F } fragment F on Query { __typename ... on Query { __typename } }',
        'query ($skip: Boolean!) { __typename @skip(if: $skip) }',
      ]) {
        const before = acquired;
        let res!: Awaited<ReturnType<TestServer['gql']>>;
        expect(await server.countStatements(async () => (res = await server.gql(op, { skip: false }, token)))).toBe(0);
        expect(res.errors).toBeUndefined();
        expect(Object.values(res.data!)).toContain(op.startsWith('mutation') ? 'Mutation' : 'Query');
        expect(acquired - before).toBe(0);
      }
      // A data field beside __typename, directly or through a fragment: the transaction, the viewer and the statements.
      for (const op of ['{ __typename me { username } }', '{ ...F } fragment F on Query { __typename me { username } }']) {
        const before = acquired;
        let res!: Awaited<ReturnType<TestServer['gql']>>;
        expect(await server.countStatements(async () => (res = await server.gql(op, {}, token)))).toBeGreaterThanOrEqual(3);
        expect(res.errors).toBeUndefined();
        expect(res.data).toMatchObject({ __typename: 'Query', me: { username: 'ngo' } });
        expect(acquired - before).toBe(1);
      }
    } finally {
      pool.removeListener('acquireSuccess', count);
    }
    expect(await busyConnections()).toEqual({ used: 0, pending: 0, stuck: 0 });
  });
});

describe('login', () => {
  it("runs as nobody even when the caller still holds another user's session", async () => {
    const res = await server.gql<{ login: { user: { username: string } } }>(
      'mutation { login(username: "admin", password: "sinergi-demo") { user { username } } }',
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user.username).toBe('admin');
  });
});

describe('database timeouts for the application role', () => {
  it('bounds statements and abandoned transactions', async () => {
    const conn = server.db.orm.em.fork().getConnection();
    const [s] = await conn.execute<Array<{ statement_timeout: string }>>('show statement_timeout');
    const [t] = await conn.execute<Array<{ idle_in_transaction_session_timeout: string }>>('show idle_in_transaction_session_timeout');
    expect(s!.statement_timeout).toBe('5s');
    expect(t!.idle_in_transaction_session_timeout).toBe('3s');
    await expect(conn.execute('select pg_sleep(6)')).rejects.toThrow(/statement timeout/);
  });
});
