import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsOf, SQL_TEXT, STACK_TEXT, type Operation, type Pools } from './fuzz/arbitraries.js';
import { startTestServer, type TestServer } from './harness.js';

// Property-based fuzzing of every mutation and every query that takes arguments, as every demo role and
// anonymously. `pnpm test` runs a small sample; `pnpm fuzz` (FUZZ_RUNS=10000) the long run.
// Properties: no 5xx and no INTERNAL_SERVER_ERROR; no SQL text or stack trace in any response; a
// refused mutation and any query change no row. audit_event is left out of the row checksum: reads,
// failed logins and refused attempts are meant to be audited (it only ever grows).

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const ROLES = ['admin', 'bappeda', 'dinsos', 'dinkes', 'lurah.menteng', 'ngo', 'csr', 'inspektorat'] as const;
const UNCHECKED_TABLES = new Set(['audit_event', 'mikro_orm_migrations']);
/** Mutations whose success can end the fuzzer's own sessions (its accounts are restored after them). */
const SESSION_ENDING = new Set(['logout', 'changePassword', 'resetPassword', 'updateUser', 'updateOrganization', 'revokeApiToken']);

let t: TestServer;
let tokens: Record<string, string | undefined>;
let ops: Operation[];
let checksumSql: string;
let accountSnapshot: Array<{ table: string; rows: unknown[]; columns: string[] }>;

/**
 * Rows and row versions of every checked table: a committed insert, update or delete gives a table a
 * different count or a row a new (ctid, xmin), whatever the values; a rolled-back write leaves both.
 */
async function checksum(): Promise<string> {
  const rows = await t.query<{ name: string; sum: string }>(checksumSql);
  return rows.map((r) => `${r.name}:${r.sum}`).join(',');
}

async function restoreAccounts(): Promise<void> {
  for (const { table, rows, columns } of accountSnapshot) {
    const set = columns.map((c) => `"${c}" = s."${c}"`).join(', ');
    await t.query(`update ${table} t set ${set} from json_populate_recordset(null::${table}, ?::json) s where t.id = s.id`, [JSON.stringify(rows)]);
  }
}

beforeAll(async () => {
  t = await startTestServer({ env: { EXPORTS_PER_WINDOW: '1000', IDENTIFIER_SEARCH_LIMIT: '10000' } });
  tokens = { anonymous: undefined };
  for (const role of ROLES) tokens[role] = await t.login(role);

  const introspection = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, tokens['admin']);
  const schema = buildClientSchema(introspection.data!);

  const ids = await t.query<{ id: string }>(
    `select id from (select id from household order by id limit 20) h
     union all select id from (select id from person order by id limit 20) p
     union all select id from program union all select id from organization union all select id from app_user
     union all select id from (select id from area order by id limit 20) a
     union all select id from (select id from intervention order by id limit 20) i
     union all select id from (select id from assignment order by id limit 10) s
     union all select id from (select id from household_need order by id limit 10) n`,
  );
  const areas = await t.query<{ code: string }>('select code from area order by code limit 40');
  const numbers = await t.query<{ n: string }>(
    `select kk_number n from (select kk_number from household limit 5) h union all select nik from (select nik from person where nik is not null limit 5) p`,
  );
  const cursors: string[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (!field.args.some((a) => a.name === 'after')) continue;
    for (const role of ['admin', 'dinkes', 'ngo']) {
      const res = await t.gql(`{ ${field.name}(first: 2) { edges { cursor } } }`, {}, tokens[role]);
      for (const edge of (res.data?.[field.name]?.edges ?? []) as Array<{ cursor: string }>) cursors.push(edge.cursor);
    }
  }
  const pools: Pools = { ids: ids.map((r) => r.id), areaCodes: areas.map((r) => r.code), cursors, identityNumbers: numbers.map((r) => r.n) };
  ops = operationsOf(schema, pools);

  const tables = await t.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  checksumSql = tables
    .map((r) => r.table_name)
    .filter((name) => !UNCHECKED_TABLES.has(name))
    .map((name) => `select '${name}' as name, count(*) || '/' || coalesce(sum(hashtextextended(t.ctid::text || t.xmin::text, 0)), 0) as sum from ${name} t`)
    .join(' union all ')
    .concat(' order by name');

  accountSnapshot = [];
  for (const table of ['app_user', 'user_session', 'organization']) {
    const columns = (await t.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = ?`, [table])).map((r) => r.column_name);
    accountSnapshot.push({ table, columns, rows: await t.query(`select * from ${table}`) });
  }
});
afterAll(() => t?.close());

interface Outcome {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function call(document: string, variables: Record<string, unknown>, token: string | undefined): Promise<Outcome> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await res.text();
  let body: Outcome['body'] = {};
  try {
    body = JSON.parse(text) as Outcome['body'];
  } catch {
    // Asserted below: every answer is JSON.
  }
  return { status: res.status, text, body };
}

/** Every string anywhere in a parsed response, for the patterns that need real newlines. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

describe('what fuzzing found, kept as examples', () => {
  const refusedAs = async (query: string, variables: Record<string, unknown>, role: string | undefined, field?: string) => {
    const before = await checksum();
    const { status, body } = await call(query, variables, role && tokens[role]);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...(field ? { field } : {}) });
    expect(await checksum()).toBe(before);
  };

  it('more than 50 invalid values in the variables are bad input, not an internal error', async () => {
    const filter = { verificationStatus: Array.from({ length: 60 }, () => 'NOT_A_STATUS') };
    await refusedAs('query ($f: HouseholdFilter) { households(filter: $f) { totalCount } }', { f: filter }, 'admin');
  });

  it('an id that is not a uuid is refused before SQL, naming its field', async () => {
    await refusedAs('query ($f: AssignmentFilter) { assignments(filter: $f) { totalCount } }', { f: { householdId: '0' } }, 'inspektorat', 'filter.householdId');
    await refusedAs('mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }', { i: { householdIds: ['42'], organizationId: '00000000-0000-4000-8000-00000000beef', lawfulBasis: 'PUBLIC_TASK' } }, 'bappeda', 'input.householdIds.0');
  });

  it('text with a NUL character is refused before SQL (PostgreSQL text cannot hold it)', async () => {
    await refusedAs('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'ad\u0000min', p: 'sinergi-demo' }, undefined, 'username');
    await refusedAs('query ($f: HouseholdFilter) { households(filter: $f) { totalCount } }', { f: { search: '\u0000' } }, 'admin', 'filter.search');
  });

  it('a date in the year 0 is refused', async () => {
    await refusedAs('query ($f: AnalyticsFilter) { indicatorSeries(indicator: STUNTING_PREVALENCE_PCT, filter: $f) { __typename } }', { f: { from: '0000-01-01' } }, 'ngo', 'filter.from');
  });
});

describe('fuzzing every mutation and list argument', () => {
  it(`holds for ${RUNS} generated inputs`, { timeout: 120_000 + RUNS * 1_000 }, async () => {
    const tally = new Map<string, number>();
    const covered = new Set<string>();
    let baseline = await checksum();

    const input = fc
      .nat({ max: ops.length - 1 })
      .chain((i) => fc.record({ field: fc.constant(`${ops[i]!.root}.${ops[i]!.field}`), role: fc.constantFrom('anonymous', ...ROLES), variables: ops[i]!.variables }));
    const byName = new Map(ops.map((op) => [`${op.root}.${op.field}`, op]));

    await fc.assert(
      fc.asyncProperty(input, async ({ field, role, variables }) => {
        const op = byName.get(field)!;
        const { status, text, body } = await call(op.document, variables, tokens[role]);
        const where = `${op.field} as ${role}`;
        expect(status, `${where}: HTTP ${status} ${text.slice(0, 500)}`).toBeLessThan(500);
        expect(body.data !== undefined || body.errors !== undefined, `${where}: not a GraphQL answer: ${text.slice(0, 500)}`).toBe(true);
        const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
        expect(codes, `${where}: ${text.slice(0, 500)}`).not.toContain('INTERNAL_SERVER_ERROR');
        expect(text, where).not.toMatch(SQL_TEXT);
        for (const s of stringsIn(body)) expect(s, where).not.toMatch(STACK_TEXT);

        const refused = (body.errors?.length ?? 0) > 0;
        const after = await checksum();
        if (op.root === 'query' || refused) expect(after, `${where} (${refused ? 'refused' : 'read'}) changed rows`).toBe(baseline);
        baseline = after;
        if (op.root === 'mutation' && !refused && SESSION_ENDING.has(op.field)) {
          await restoreAccounts();
          baseline = await checksum();
        }

        covered.add(op.field);
        const key = `${op.root}:${refused ? codes[0] : 'OK'}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );

    console.log(`fuzz: ${RUNS} inputs over ${covered.size}/${ops.length} operations`, Object.fromEntries([...tally].sort()));
    if (RUNS >= ops.length * 20) expect(covered.size).toBe(ops.length);
  });
});
