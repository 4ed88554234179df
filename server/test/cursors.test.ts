import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
let ngo: string;
let bappeda: string;
let dinkes: string;

beforeAll(async () => {
  t = await startTestServer();
  [admin, ngo, bappeda, dinkes] = await Promise.all(['admin', 'ngo', 'bappeda', 'dinkes'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const HOUSEHOLDS = `query ($first: Int, $after: String, $filter: HouseholdFilter, $orderBy: HouseholdOrder) {
  households(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kkNumber } } } }`;

/** Flips one bit of the sealed bytes, keeping the cursor well-formed base64url. */
function flipBit(cursor: string, byte: number): string {
  const raw = Buffer.from(cursor, 'base64url');
  raw[byte % raw.length]! ^= 0x01;
  return raw.toString('base64url');
}

describe('cursors are opaque', () => {
  it("a partner's cursor carries neither the KK number nor the id nor the sort value, even base64-decoded", async () => {
    const res = await t.gql(HOUSEHOLDS, { first: 20 }, ngo);
    const edges = res.data.households.edges as Array<{ cursor: string; node: { id: string; kkNumber: string } }>;
    expect(edges.length).toBeGreaterThan(0);
    const ids = edges.map((e) => e.node.id);
    const rows = await t.query<{ id: string; kk_number: string }>(
      `select id, kk_number from household where id in (${ids.map(() => '?').join(',')})`,
      ids,
    );
    expect(rows).toHaveLength(ids.length);
    const kkOf = new Map(rows.map((r) => [r.id, r.kk_number]));
    for (const { cursor, node } of edges) {
      const kk = kkOf.get(node.id)!;
      expect(node.kkNumber).not.toBe(kk); // masked for the partner
      const decoded = Buffer.from(cursor, 'base64url');
      for (const view of [cursor, decoded.toString('utf8'), decoded.toString('latin1'), decoded.toString('hex')]) {
        expect(view).not.toContain(kk);
        expect(view).not.toContain(kk.slice(0, 8));
        expect(view).not.toContain(node.id);
        expect(view).not.toContain(node.id.replaceAll('-', ''));
      }
      expect(() => JSON.parse(decoded.toString('utf8'))).toThrow();
    }
  });

  it('two cursors of the same row differ (random nonce), so equal rows are not linkable', async () => {
    const a = (await t.gql(HOUSEHOLDS, { first: 1 }, ngo)).data.households.edges[0].cursor;
    const b = (await t.gql(HOUSEHOLDS, { first: 1 }, ngo)).data.households.edges[0].cursor;
    expect(a).not.toBe(b);
  });
});

describe('cursors are tamper-proof and bound to their list, filter, order and viewer', () => {
  let cursor: string;
  const filter = { povertyStatus: ['EXTREME_POOR'] };
  beforeAll(async () => {
    cursor = (await t.gql(HOUSEHOLDS, { first: 3, filter }, admin)).data.households.pageInfo.endCursor;
  });

  const refused = (res: { errors?: Array<{ extensions?: { code?: string; field?: string } }>; data?: unknown }) => {
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  };

  it('the genuine cursor works for the same list, filter, order and viewer', async () => {
    const res = await t.gql(HOUSEHOLDS, { first: 3, filter, after: cursor }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.households.edges).toHaveLength(3);
  });

  it('refuses every single-bit flip, a truncation, an extension and garbage', async () => {
    const length = Buffer.from(cursor, 'base64url').length;
    for (const byte of [0, 5, 11, 12, Math.floor(length / 2), length - 17, length - 1]) {
      refused(await t.gql(HOUSEHOLDS, { first: 3, filter, after: flipBit(cursor, byte) }, admin));
    }
    refused(await t.gql(HOUSEHOLDS, { first: 3, filter, after: cursor.slice(0, -4) }, admin));
    refused(await t.gql(HOUSEHOLDS, { first: 3, filter, after: `${cursor}AAAA` }, admin));
    for (const garbage of ['garbage', '', '!!!!', 'W10', Buffer.from('["6271030101010001","x"]').toString('base64url'), 'A'.repeat(5000)]) {
      refused(await t.gql(HOUSEHOLDS, { first: 3, filter, after: garbage }, admin));
    }
  });

  it('refuses it on another filter, another order, another list and for another user', async () => {
    refused(await t.gql(HOUSEHOLDS, { first: 3, filter: { povertyStatus: ['POOR'] }, after: cursor }, admin));
    refused(await t.gql(HOUSEHOLDS, { first: 3, after: cursor }, admin));
    refused(await t.gql(HOUSEHOLDS, { first: 3, filter, orderBy: { field: 'KK_NUMBER', direction: 'DESC' }, after: cursor }, admin));
    refused(await t.gql(HOUSEHOLDS, { first: 3, filter, after: cursor }, bappeda));
    refused(await t.gql('query ($a: String) { programs(first: 3, after: $a) { edges { cursor } } }', { a: cursor }, admin));
    refused(await t.gql('query ($a: String) { myWorkQueue(first: 3, after: $a) { edges { cursor } } }', { a: cursor }, dinkes));
  });

  it('reads no row of the list for a refused cursor', async () => {
    const statements: string[] = [];
    const knex = t.db.orm.em.getKnex();
    const listen = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listen);
    try {
      refused(await t.gql(HOUSEHOLDS, { first: 3, filter, after: flipBit(cursor, 20) }, admin));
    } finally {
      knex.off('query', listen);
    }
    expect(statements.filter((s) => /\bhousehold\b/.test(s))).toEqual([]);
  });
});

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> };

/** Follows endCursor to the end with an odd page size; returns every id seen and the totalCount. */
async function pageAll(query: string, field: string, variables: Record<string, unknown>, token: string) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 1000; i++) {
    const res: { data?: Record<string, Page>; errors?: unknown } = await t.gql(query, { ...variables, first: 97, after }, token);
    expect(res.errors).toBeUndefined();
    const page: Page = res.data![field]!;
    // The count of the first page: reading writes audit events, which the last page would count too.
    if (total < 0) total = page.totalCount;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, total };
    after = page.pageInfo.endCursor;
  }
  throw new Error('did not reach the last page');
}

function connection(field: string, args: string, filterType?: string) {
  const vars = `$first: Int, $after: String${filterType ? `, $filter: ${filterType}` : ''}`;
  return `query (${vars}) { ${field}(first: $first, after: $after${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
}

describe('paging through every page returns every row exactly once', () => {
  const cases: Array<[string, string, string, Record<string, unknown>, () => string]> = [
    ['households by KK', connection('households', ', filter: $filter', 'HouseholdFilter'), 'households', { filter: { areaCode: '62.71.01' } }, () => admin],
    ['households by decile (ties)', HOUSEHOLDS, 'households', { filter: { areaCode: '62.71.02' }, orderBy: { field: 'WELFARE_DECILE', direction: 'DESC' } }, () => admin],
    ['households of a partner', connection('households', ''), 'households', {}, () => ngo],
    ['programs', connection('programs', ''), 'programs', {}, () => admin],
    ['organizations', connection('organizations', ''), 'organizations', {}, () => admin],
    ['users', connection('users', ''), 'users', {}, () => admin],
    ['interventions', connection('interventions', ', filter: $filter', 'InterventionFilter'), 'interventions', { filter: { status: ['VERIFIED'] } }, () => admin],
    ['assignments', connection('assignments', ''), 'assignments', {}, () => admin],
    ['audit events', connection('auditEvents', ''), 'auditEvents', {}, () => admin],
    ['work queue', connection('myWorkQueue', ''), 'myWorkQueue', {}, () => dinkes],
  ];
  it.each(cases)('%s', async (_name, query, field, variables, token) => {
    const { ids, total } = await pageAll(query, field, variables, token());
    expect(total).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
  });
});
