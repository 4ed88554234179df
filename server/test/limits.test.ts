import fs from 'node:fs';
import { Lexer, parse, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSinergiSchema } from '../src/graphql/schema.js';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_DIRECTIVES, MAX_TOKENS, operationCost } from '../src/graphql/limits.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './harness.js';

const EXPORTS_PER_WINDOW = 3;
const BODY_LIMIT_KB = 256;
const GEOJSON = new URL('../../../shared/data/geo/palangka-raya-kelurahan.geojson', import.meta.url);

let t: TestServer;
let admin: string;
let bappeda: string;
const schema = await buildSinergiSchema({ sessionTtlHours: 12 });

beforeAll(async () => {
  t = await startTestServer({ env: { EXPORTS_PER_WINDOW: String(EXPORTS_PER_WINDOW), GRAPHQL_BODY_LIMIT_KB: String(BODY_LIMIT_KB) } });
  [admin, bappeda] = await Promise.all([t.login('admin'), t.login('bappeda')]);
});
afterAll(() => t.close());

const ok = (res: GraphQLResponse) => expect(res.errors).toBeUndefined();
function refused(res: GraphQLResponse, pattern: RegExp) {
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.errors?.[0]?.message).toMatch(pattern);
}

function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

/** SQL statements touching the household table while `fn` runs. */
async function householdStatements(fn: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const knex = t.db.orm.em.getKnex();
  const listen = (q: { sql: string }) => statements.push(q.sql);
  knex.on('query', listen);
  try {
    await fn();
  } finally {
    knex.off('query', listen);
  }
  return statements.filter((s) => /\bhousehold\b/.test(s));
}

describe('depth', () => {
  // households > edges > node > area > parent... : `levels` fields deep in all.
  const nested = (levels: number) => {
    let inner = 'id';
    for (let i = 0; i < levels - 5; i++) inner = `parent { ${inner} }`;
    return `{ households(first: 1) { edges { node { area { ${inner} } } } } }`;
  };
  it(`accepts ${MAX_DEPTH} levels and refuses ${MAX_DEPTH + 1}`, async () => {
    ok(await t.gql(nested(MAX_DEPTH), {}, admin));
    refused(await t.gql(nested(MAX_DEPTH + 1), {}, admin), /depth limit of 8 exceeded, found 9/);
  });

  it('counts fragments where they are spread, not as a level of their own', async () => {
    const q = `{ households(first: 1) { edges { node { ...H } } } } fragment H on Household { area { parent { parent { parent { id } } } } }`;
    ok(await t.gql(q, {}, admin));
  });
});

describe('aliases', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  it(`accepts ${MAX_ALIASES} aliases and refuses ${MAX_ALIASES + 1}`, async () => {
    ok(await t.gql(aliased(MAX_ALIASES), {}, admin));
    refused(await t.gql(aliased(MAX_ALIASES + 1), {}, admin), /Aliases limit of 15 exceeded, found 16/);
  });

  it('refuses 16 aliases of an expensive list before reading a row', async () => {
    const q = `{ ${Array.from({ length: 16 }, (_, i) => `h${i}: households(first: 100) { edges { node { id members { nik } } } }`).join(' ')} }`;
    expect(await householdStatements(async () => refused(await t.gql(q, {}, admin), /Aliases limit/))).toEqual([]);
  });
});

describe('cost', () => {
  // Blocks of known cost: 1 + 9k (k households with members) and 1 + k (k households).
  const withMembers = (k: number) => `households(first: ${k}) { edges { node { members { id } } } }`;
  const plain = (k: number) => `households(first: ${k}) { edges { node { id } } }`;
  function costing(target: number): string {
    const parts: string[] = [];
    let left = target;
    while (left >= 901) { parts.push(withMembers(100)); left -= 901; }
    while (left > 101) { parts.push(plain(100)); left -= 101; }
    if (left > 0) parts.push(plain(left - 1));
    const query = `{ ${parts.map((p, i) => `c${i}: ${p}`).join(' ')} }`;
    expect(operationCost(schema, parse(query), {})).toBe(target);
    return query;
  }

  it(`accepts an operation costing ${MAX_COST} and refuses one costing ${MAX_COST + 1}`, async () => {
    ok(await t.gql(costing(MAX_COST), {}, admin));
    const res = await t.gql(costing(MAX_COST + 1), {}, admin);
    refused(res, new RegExp(`cost ${MAX_COST + 1} exceeds the limit of ${MAX_COST}`));
  });

  it('prices page sizes sent as variables', async () => {
    const q = `query ($n: Int) { ${Array.from({ length: 12 }, (_, i) => `c${i}: households(first: $n) { edges { node { members { id } } } }`).join(' ')} }`;
    ok(await t.gql(q, { n: 50 }, admin));
    refused(await t.gql(q, { n: 100 }, admin), /cost 10812 exceeds/);
    // Again, each cost now known for this document (CostCache): the variables still decide.
    ok(await t.gql(q, { n: 50 }, admin));
    refused(await t.gql(q, { n: 100 }, admin), /cost 10812 exceeds/);
  });

  it('refuses the nested members > household > members list before reading a row', async () => {
    const q = '{ households(first: 100) { edges { node { members { household { members { household { id } } } } } } } }';
    expect(await householdStatements(async () => refused(await t.gql(q, {}, admin), /cost \d+ exceeds/))).toEqual([]);
  });
});

describe('tokens and directives', () => {
  // A list value of n enum values: one token each, 19 around them.
  const tokens = (n: number) => {
    const query = `{ households(first: 1, filter: { povertyStatus: [${'POOR '.repeat(n - 19)}] }) { totalCount } }`;
    expect(countTokens(query)).toBe(n);
    return query;
  };
  it(`accepts ${MAX_TOKENS} tokens and refuses ${MAX_TOKENS + 1}`, async () => {
    ok(await t.gql(tokens(MAX_TOKENS), {}, admin));
    const res = await t.gql(tokens(MAX_TOKENS + 1), {}, admin);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/1000 tokens/);
  });

  const directives = (n: number) => `{ me { ${Array.from({ length: n }, (_, i) => `f${i}: username @include(if: true)`).join(' ')} } }`;
  it(`accepts ${MAX_DIRECTIVES} directives and refuses ${MAX_DIRECTIVES + 1}`, async () => {
    ok(await t.gql(directives(MAX_DIRECTIVES), {}, admin));
    refused(await t.gql(directives(MAX_DIRECTIVES + 1), {}, admin), /Directives limit of 10 exceeded, found 11/);
  });
});

describe('request body size', () => {
  const post = (body: string) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body });
  /** A valid request of exactly `bytes` bytes (padded with JSON whitespace). */
  const sized = (bytes: number) => {
    const head = '{"query":"{ me { username } }"';
    return `${head}${' '.repeat(bytes - head.length - 1)}}`;
  };

  it(`accepts ${BODY_LIMIT_KB} KB and answers 413 with a JSON error one byte above`, async () => {
    const limit = BODY_LIMIT_KB * 1024;
    const accepted = await post(sized(limit));
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as GraphQLResponse).data).toEqual({ me: { username: 'admin' } });
    const tooLarge = await post(sized(limit + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await tooLarge.json()) as GraphQLResponse).errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it.skipIf(!fs.existsSync(GEOJSON))('takes the kelurahan boundaries of the city, the largest legitimate request', async () => {
    const geojson = JSON.parse(fs.readFileSync(GEOJSON, 'utf8')) as Record<string, unknown>;
    const body = JSON.stringify({
      query: 'mutation ($g: JSONObject!) { importAreaBoundaries(geojson: $g) { features unchanged } }',
      variables: { g: geojson },
    });
    expect(body.length).toBeLessThan(BODY_LIMIT_KB * 1024);
    const res = (await (await post(body)).json()) as GraphQLResponse;
    ok(res);
  });
});

describe('exports', () => {
  const EXPORT = 'mutation { exportHouseholds(filter: { areaCode: "62.71.01.1001" }) { rowCount } }';

  it('refuses two exports in one operation, however they are spelled', async () => {
    refused(await t.gql('mutation { a: exportHouseholds { rowCount } b: exportHouseholds { rowCount } }', {}, bappeda), /one exportHouseholds/);
    refused(
      await t.gql('mutation { a: exportHouseholds { rowCount } ...E } fragment E on Mutation { b: exportHouseholds { rowCount } }', {}, bappeda),
      /one exportHouseholds/,
    );
  });

  it(`lets a user export ${EXPORTS_PER_WINDOW} times in the window and refuses the next, without touching another user`, async () => {
    for (let i = 0; i < EXPORTS_PER_WINDOW; i++) ok(await t.gql(EXPORT, {}, admin));
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: EXPORT }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_EXPORTS' });
    expect(body.errors?.[0]?.message).toMatch(/^Paling banyak 3 ekspor per 10 menit; coba lagi dalam \d+ detik$/);
    ok(await t.gql(EXPORT, {}, bappeda));
  });
});

describe('introspection', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';
  const TYPE = '{ __type(name: "Household") { name } }';

  it('is refused to an anonymous caller and answered for a logged-in one (the bundled GraphiQL)', async () => {
    for (const q of [SCHEMA, TYPE, `query { ...I } fragment I on Query { __schema { types { name } } }`]) {
      const anonymous = await t.gql(q);
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      ok(await t.gql(q, {}, admin));
    }
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('follows GRAPHQL_INTROSPECTION=off and =on', async () => {
    const off = await startTestServer({ env: { GRAPHQL_INTROSPECTION: 'off' } });
    const on = await startTestServer({ env: { GRAPHQL_INTROSPECTION: 'on' } });
    try {
      const token = await off.login('admin');
      expect((await off.gql(SCHEMA, {}, token)).errors?.[0]?.message).toMatch(/introspection/i);
      expect((await on.gql(SCHEMA)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });
});

describe('no suggestions', () => {
  it('never says "Did you mean" for fields, arguments, types, enum values or input fields', async () => {
    const probes: Array<[string, Record<string, unknown>?]> = [
      ['{ househol { id } }'],
      ['{ households(frist: 1) { totalCount } }'],
      ['{ households(filter: { povertyStatus: [EXTREME_PORE] }) { totalCount } }'],
      ['{ households(filter: { areaCod: "62" }) { totalCount } }'],
      ['query ($f: HouseholdFiltr) { households(filter: $f) { totalCount } }'],
      ['query ($f: HouseholdFilter) { households(filter: $f) { totalCount } }', { f: { povertyStatus: ['EXTREME_PORE'] } }],
      ['query ($f: HouseholdFilter) { households(filter: $f) { totalCount } }', { f: { areaCod: '62' } }],
      ['{ households { edges { node { kkNumbr } } } }'],
    ];
    for (const [query, variables] of probes) {
      for (const token of [undefined, admin]) {
        const res = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const text = await res.text();
        expect(JSON.parse(text).errors.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/did you mean/i);
      }
    }
  });
});
