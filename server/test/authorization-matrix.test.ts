import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/graphql/enums.js';
import { buildSinergiSchema } from '../src/graphql/schema.js';
import { startTestServer, type TestServer } from './harness.js';
import { csv, dmy, DTSEN_HEADER } from './imports/fixtures.js';
import {
  CITY_WIDE,
  IMPORTERS,
  MISSING,
  MUTATIONS,
  KELURAHAN,
  ROLES,
  USER_OF,
  always,
  cellsOn,
  existing,
  fingerprint,
  gate,
  households,
  orgOf,
  outcomeOf,
  row,
  settleImport,
  uploadImport,
  type Cell,
  type Operation,
  type Outcome,
  type Scenario,
} from './mutation-cases.js';

/**
 * Every root query and mutation × every role × {a record in the role's scope, one outside it, a
 * missing one}. The list of operations comes from the schema itself: a new root field without a rule
 * here fails the first test.
 *
 * A mutation cell the policy allows must succeed with valid input and leave its effect in the
 * database (read back with SQL); a refused cell must answer FORBIDDEN, NOT_FOUND (a record outside the
 * viewer's scope is answered like a missing one) or UNAUTHENTICATED and change no row of any table.
 */

interface Rule {
  /** The operation a role runs against the record of a scenario. */
  op: (f: Fixtures, role: Role, scenario: Scenario) => Operation;
  /** What that should answer. */
  expect: (role: Role, scenario: Scenario) => Outcome;
}

interface Fixtures {
  household: Record<Role, Record<'in' | 'out', string>>;
  person: Record<Role, Record<'in' | 'out', string>>;
  intervention: Record<Role, Record<'in' | 'out', string>>;
  program: Record<Role, string>;
  nik: string;
  ngoOrg: string;
  anyOrg: string;
  area: Record<'in' | 'out', string>;
  /** A role's own import job ('in'; the administrator's for a role that cannot import) and another user's. */
  importJob: Record<Role, Record<'in' | 'out', string>>;
  /** Open import reviews in the officer's kelurahan and in another one. */
  importReview: Record<'in' | 'out', string>;
}

const JOB_READERS = [...IMPORTERS, Role.AUDITOR];
const ALL_JOBS = new Set([Role.ADMIN, Role.COORDINATOR, Role.AUDITOR]);
const REVIEW_READERS = [Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER, Role.AUDITOR];

// Outcome helpers: the coarse role gate first, then the record's scope.
const visibleQuery = (_role: Role, s: Scenario): Outcome => (s === 'in' ? 'ok' : s === 'missing' ? 'null' : 'ok');
const scopedQuery = (role: Role, s: Scenario): Outcome => (s === 'in' || (s === 'out' && CITY_WIDE.has(role)) ? 'ok' : 'null');
const pick = <T>(s: Scenario, values: Record<'in' | 'out', T>, missing: T) => (s === 'missing' ? missing : values[s]);

const list = (field: string, selection = 'totalCount') => ({ op: () => ({ query: `{ ${field}(first: 2) { ${selection} } }` }), expect: always('ok' as Outcome) });

const QUERIES: Record<string, Rule> = {
  'Query.me': { op: () => ({ query: '{ me { id } }' }), expect: always('ok') },
  'Query.areas': { op: () => ({ query: '{ areas { id } }' }), expect: always('ok') },
  'Query.area': {
    op: (f, _r, s) => ({ query: 'query ($id: ID) { area(id: $id) { id } }', variables: { id: pick(s, f.area, MISSING) } }),
    expect: visibleQuery,
  },
  'Query.households': list('households'),
  'Query.household': {
    op: (f, r, s) => ({ query: 'query ($id: ID!) { household(id: $id) { id } }', variables: { id: pick(s, f.household[r], MISSING) } }),
    expect: scopedQuery,
  },
  'Query.person': {
    op: (f, r, s) => ({ query: 'query ($id: ID!) { person(id: $id) { id } }', variables: { id: pick(s, f.person[r], MISSING) } }),
    expect: scopedQuery,
  },
  'Query.organizations': list('organizations'),
  'Query.organization': {
    op: (f, _r, s) => ({ query: 'query ($id: ID!) { organization(id: $id) { id } }', variables: { id: s === 'missing' ? MISSING : f.anyOrg } }),
    expect: visibleQuery,
  },
  'Query.programs': list('programs'),
  'Query.program': {
    op: (f, r, s) => ({ query: 'query ($id: ID!) { program(id: $id) { id } }', variables: { id: s === 'missing' ? MISSING : f.program[r] } }),
    expect: visibleQuery,
  },
  'Query.interventions': list('interventions'),
  'Query.intervention': {
    op: (f, r, s) => ({ query: 'query ($id: ID!) { intervention(id: $id) { id } }', variables: { id: pick(s, f.intervention[r], MISSING) } }),
    expect: scopedQuery,
  },
  'Query.assignments': list('assignments'),
  'Query.indicatorValues': { op: () => ({ query: '{ indicatorValues(areaCode: "62.71.03.1002", year: 2026) { id } }' }), expect: always('ok') },
  // Analytics: every role may ask; its scope decides which households are counted.
  'Query.coverageByArea': { op: () => ({ query: '{ coverageByArea { code households } }' }), expect: always('ok') },
  'Query.overlap': { op: () => ({ query: '{ overlap { overlappingNeeds } }' }), expect: always('ok') },
  'Query.programPerformance': { op: () => ({ query: '{ programPerformance { programId delivered } }' }), expect: always('ok') },
  'Query.organizationPerformance': { op: () => ({ query: '{ organizationPerformance { organizationId delivered } }' }), expect: always('ok') },
  'Query.povertyTrend': { op: () => ({ query: '{ povertyTrend(months: 3) { onTrack } }' }), expect: always('ok') },
  'Query.stuntingByArea': { op: () => ({ query: '{ stuntingByArea { code stunted } }' }), expect: always('ok') },
  'Query.indicatorSeries': { op: () => ({ query: '{ indicatorSeries(indicator: INFLATION_YOY_PCT) { areaCode } }' }), expect: always('ok') },
  'Query.users': { ...list('users'), expect: gate([Role.ADMIN], always('ok')) },
  'Query.needRules': { op: () => ({ query: '{ needRules { type version } }' }), expect: always('ok') },
  'Query.myWorkQueue': { ...list('myWorkQueue'), expect: gate([Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER], always('ok')) },
  'Query.myWorkQueueCounts': {
    op: () => ({ query: '{ myWorkQueueCounts { total } }' }),
    expect: gate([Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER], always('ok')),
  },
  'Query.myApiTokens': { op: () => ({ query: '{ myApiTokens { id } }' }), expect: always('ok') },
  'Query.auditEvents': { ...list('auditEvents'), expect: gate([Role.ADMIN, Role.AUDITOR], always('ok')) },
  'Query.subjectAccessTrail': {
    op: (f, _r, s) => ({ query: 'query ($n: String!) { subjectAccessTrail(nik: $n) { id } }', variables: { n: s === 'missing' ? '6271030101999999' : f.nik } }),
    expect: gate([Role.ADMIN, Role.AUDITOR], existing),
  },
  'Query.importSources': { op: () => ({ query: '{ importSources { key mayImport } }' }), expect: always('ok') },
  'Query.importJobs': { op: () => ({ query: '{ importJobs(first: 2) { id } }' }), expect: gate(JOB_READERS, always('ok')) },
  // Importers see their own jobs; the coordinator, the administrator and the auditor everyone's.
  'Query.importJob': {
    op: (f, r, s) => ({ query: 'query ($id: ID!) { importJob(id: $id) { id } }', variables: { id: pick(s, f.importJob[r], MISSING) } }),
    expect: gate(JOB_READERS, (role, s) => (s === 'in' || (s === 'out' && ALL_JOBS.has(role)) ? 'ok' : 'null')),
  },
  // Which reviews each reader sees is the scope test below.
  'Query.importReviews': { op: () => ({ query: '{ importReviews(first: 5) { id } }' }), expect: gate(REVIEW_READERS, always('ok')) },
  'Query.partnerUsageReport': {
    op: (f, _r, s) => ({
      query: 'query ($o: ID!) { partnerUsageReport(organizationId: $o, from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { readRequests } }',
      variables: { o: s === 'missing' ? MISSING : f.ngoOrg },
    }),
    expect: gate([Role.ADMIN, Role.AUDITOR], existing),
  },
};


let t: TestServer;
let schema: GraphQLSchema;
let f: Fixtures;
const sessions = {} as Record<Role, string>;

async function one(sql: string, params: unknown[] = []): Promise<string> {
  return (await row<{ id: string }>(t, sql, params)).id;
}

/** An uploaded (not yet validated) Dinas Pendidikan file of a user: the rows are not read before the dry run. */
async function uploadedJob(role: Role): Promise<string> {
  const file = csv([
    ['NIK', 'NISN', 'Nama Lengkap', 'Jenis Kelamin', 'Desa / Kelurahan', 'Nama Sekolah Asal', 'Status ATS', 'Alasan'],
    [f.nik, '', 'Anak Matriks', '', '', 'SD Negeri 1', 'DO', `Ekonomi ${role}`],
  ]);
  return uploadImport(t, sessions[role], 'disdik', `ats-${role}.csv`, file);
}

/**
 * Two open reviews, in the officer's kelurahan and in another one: the administrator imports DTSEN rows
 * naming a registered child of each under another name.
 */
async function openReviews(): Promise<Record<'in' | 'out', string>> {
  const children = await t.query<{ nik: string; sex: string; birth: string; kk: string; code: string }>(
    `select distinct on (a.code) p.nik, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth, h.kk_number as kk, a.code
       from person p join household h on h.id = p.household_id join area a on a.id = h.area_id
      where a.code in (?, '62.71.01.1001') and p.relation = 'CHILD' order by a.code, p.nik`,
    [KELURAHAN],
  );
  const rows = children.map((c) => [c.kk, c.nik, `Nama Tinjauan ${c.code}`, c.sex === 'MALE' ? 'L' : 'P', dmy(c.birth), 'Anak', c.code, '', '', '', '', '', '']);
  const id = await uploadImport(t, sessions[Role.ADMIN], 'dtsen', 'tinjauan-matriks.csv', csv([DTSEN_HEADER, ...rows]));
  for (const [step, want] of [['validateImport', 'VALIDATED'], ['commitImport', 'COMMITTED']] as const) {
    const res = await t.gql(`mutation ($id: ID!) { ${step}(jobId: $id) { id } }`, { id }, sessions[Role.ADMIN]);
    expect(res.errors).toBeUndefined();
    expect(await settleImport(t, id)).toBe(want);
  }
  const review = (code: string) => one(`select r.id from import_review r join area a on a.id = r.area_id where r.job_id = ? and a.code = ?`, [id, code]);
  return { in: await review(KELURAHAN), out: await review('62.71.01.1001') };
}

beforeAll(async () => {
  t = await startTestServer();
  schema = await buildSinergiSchema({ sessionTtlHours: 1 });
  for (const role of ROLES) sessions[role] = await t.login(USER_OF[role]);

  const household = {} as Fixtures['household'];
  const person = {} as Fixtures['person'];
  const intervention = {} as Fixtures['intervention'];
  const program = {} as Fixtures['program'];
  for (const role of ROLES) {
    const inside = households(role, 'in');
    const outside = households(role, 'out');
    household[role] = { in: await one(`select h.id from household h where h.id in (${inside}) order by h.id limit 1`), out: await one(`${outside} order by h.id desc limit 1`) };
    person[role] = {
      in: await one(`select p.id from person p where p.household_id in (${inside}) order by p.id limit 1`),
      out: await one(`select p.id from person p where p.household_id in (${outside}) order by p.id limit 1`),
    };
    program[role] = CITY_WIDE.has(role) && role !== Role.AGENCY_STAFF
      ? await one(`select id from program where target_unit = 'HOUSEHOLD' order by name limit 1`)
      : await one(`select id from program where owner_id = ${orgOf(role)} order by target_unit, name limit 1`);
    const ownProgram = role === Role.ADMIN || role === Role.COORDINATOR ? 'true' : `i.program_id in (select id from program where owner_id = ${orgOf(role)})`;
    intervention[role] = {
      in: await one(`select i.id from intervention i where i.household_id in (${inside}) and ${ownProgram} order by i.id limit 1`).catch(() =>
        one(`select i.id from intervention i where i.household_id in (${inside}) order by i.id limit 1`),
      ),
      out: await one(`select i.id from intervention i where i.household_id in (${outside}) and ${ownProgram} order by i.id limit 1`).catch(() =>
        one(`select i.id from intervention i where i.household_id in (${outside}) order by i.id limit 1`),
      ),
    };
  }
  f = {
    household,
    person,
    intervention,
    program,
    nik: (await t.query<{ nik: string }>('select nik from person order by id limit 1'))[0]!.nik,
    ngoOrg: await one(`select ${orgOf(Role.NGO_PARTNER)} as id`),
    anyOrg: await one(`select ${orgOf(Role.AGENCY_STAFF)} as id`),
    area: { in: await one(`select id from area where code = '${KELURAHAN}'`), out: await one(`select id from area where code = '62.71.01.1001'`) },
    importJob: {} as Fixtures['importJob'],
    importReview: { in: '', out: '' },
  };
  const jobs = {} as Record<Role, string>;
  for (const role of IMPORTERS) jobs[role] = await uploadedJob(role);
  for (const role of ROLES) {
    f.importJob[role] = { in: jobs[IMPORTERS.has(role) ? role : Role.ADMIN], out: jobs[role === Role.ADMIN ? Role.COORDINATOR : Role.ADMIN] };
  }
  f.importReview = await openReviews();
}, 120_000);
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('has a rule for every root field of the schema, and no rule for a field that is gone', () => {
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((n) => `Query.${n}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((n) => `Mutation.${n}`),
    ].sort();
    expect([...Object.keys(QUERIES), ...Object.keys(MUTATIONS)].sort()).toEqual(fields);
  });

  it('answers every query × role × in-scope / out-of-scope / missing record as the policy says', async () => {
    const failures: string[] = [];
    for (const [name, rule] of Object.entries(QUERIES)) {
      const field = name.split('.')[1]!;
      for (const role of ROLES) {
        for (const scenario of ['in', 'out', 'missing'] as const) {
          const { query, variables } = rule.op(f, role, scenario);
          const got = outcomeOf(await t.gql(query, variables, sessions[role]), field);
          const want = rule.expect(role, scenario);
          if (got !== want) failures.push(`${name} as ${role} (${scenario}): expected ${want}, got ${got}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  let cells = 0;
  // One server per mutation: the cells of a mutation run one after another and pick their records
  // when they run, so that neither another mutation nor an earlier cell decides what a cell finds.
  it.each(Object.keys(MUTATIONS))('%s: allowed cells succeed and take effect, refused cells change nothing', async (name) => {
    const rule = MUTATIONS[name]!;
    const field = name.split('.')[1]!;
    const m = await startTestServer();
    const failures: string[] = [];
    try {
      const { as, prepare, cell: cellOf } = cellsOn(m);
      for (const role of ROLES) {
        for (const scenario of rule.scenarios) {
          const cell = await cellOf(rule, role, scenario, ++cells);
          const want = rule.expect(role, scenario);
          const where = `${name} as ${role} (${scenario})`;
          try {
            const { query, variables } = await rule.op(cell);
            const before = want === 'ok' ? '' : await fingerprint(m);
            const res = await m.gql(query, variables, cell.token);
            const got = outcomeOf(res, field);
            if (got !== want) {
              failures.push(`${where}: expected ${want}, got ${got}`);
            } else if (want === 'ok') {
              await rule.done(cell, res.data);
            } else if ((await fingerprint(m)) !== before) {
              failures.push(`${where}: refused with ${got} but changed rows`);
            }
          } catch (error) {
            failures.push(`${where}: ${(error as Error).message}`);
          }
        }
      }
      // Without a login: UNAUTHENTICATED, nothing written (login itself needs none).
      if (name !== 'Mutation.login') {
        const cell: Cell = { t: m, role: Role.ADMIN, user: USER_OF[Role.ADMIN], scenario: 'in', token: '', as, prepare, n: ++cells, chosen: {} };
        const { query, variables } = await rule.op(cell);
        const before = await fingerprint(m);
        const got = outcomeOf(await m.gql(query, variables), field);
        if (got !== 'UNAUTHENTICATED') failures.push(`${name} without a login: expected UNAUTHENTICATED, got ${got}`);
        if ((await fingerprint(m)) !== before) failures.push(`${name} without a login changed rows`);
      }
    } finally {
      await m.close();
    }
    expect(failures).toEqual([]);
    // An import review's cells drive whole imports (upload, validation, commit, the summaries'
    // compaction) one after another: about 85 s alone on the 2-core machine, more beside other files.
  }, 300_000);

  it("lists the import reviews a reader may resolve: a kelurahan officer's area, anyone else's all of them", async () => {
    const failures: string[] = [];
    for (const role of REVIEW_READERS) {
      const res = await t.gql('{ importReviews(first: 100) { id } }', {}, sessions[role]);
      const ids = new Set((res.data?.importReviews ?? []).map((r: { id: string }) => r.id));
      for (const scenario of ['in', 'out'] as const) {
        const want = scenario === 'in' || role !== Role.KELURAHAN_OFFICER;
        if (ids.has(f.importReview[scenario]) !== want) failures.push(`importReviews as ${role} (${scenario}): expected ${want ? '' : 'not '}listed`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('discloses identifiers in full or masked, addresses and birth dates, by role', async () => {
    const FULL = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER, Role.AUDITOR]);
    for (const role of ROLES) {
      const res = await t.gql(
        'query ($id: ID!) { household(id: $id) { kkNumber address members { nik birthDate age } } }',
        { id: f.household[role].in },
        sessions[role],
      );
      const h = res.data.household;
      const full = FULL.has(role);
      expect(h.kkNumber, role).toMatch(full ? /^\d{16}$/ : /^\*{12}\d{4}$/);
      for (const m of h.members) expect(m.nik, role).toMatch(full ? /^\d{16}$/ : /^\*{16}$/);
      const hidesAddress = role === Role.PRIVATE_PARTNER;
      expect(h.address === null, role).toBe(hidesAddress);
      expect(h.members.every((m: { birthDate: string | null }) => (m.birthDate === null) === !full), role).toBe(true);
      expect(h.members.every((m: { age: number }) => Number.isInteger(m.age)), role).toBe(true);
    }
  });

  it('without a login every query answers UNAUTHENTICATED, except me', async () => {
    const failures: string[] = [];
    for (const [name, rule] of Object.entries(QUERIES)) {
      const field = name.split('.')[1]!;
      const { query, variables } = rule.op(f, Role.ADMIN, 'in');
      const want = name === 'Query.me' ? 'null' : 'UNAUTHENTICATED';
      const got = outcomeOf(await t.gql(query, variables), field);
      if (got !== want) failures.push(`${name}: expected ${want}, got ${got}`);
    }
    expect(failures).toEqual([]);
  });
});
