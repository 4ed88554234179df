import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/graphql/enums.js';
import { buildSinergiSchema } from '../src/graphql/schema.js';
import { today } from '../src/config/clock.js';
import { makeNik } from '../src/households/identity-numbers.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './harness.js';

/**
 * Every root query and mutation × every role × {a record in the role's scope, one outside it, a
 * missing one}. The list of operations comes from the schema itself: a new root field without a rule
 * here fails the first test.
 */

type Scenario = 'in' | 'out' | 'missing';
type Outcome = 'ok' | 'null' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';
interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}
interface Rule {
  /** The operation a role runs against the record of a scenario. */
  op: (f: Fixtures, role: Role, scenario: Scenario) => Operation;
  /** What that should answer. */
  expect: (role: Role, scenario: Scenario) => Outcome;
  /** Run with a throwaway session (the operation ends or changes it). */
  ownSession?: boolean;
}

const ROLES = Object.values(Role);
const USER_OF: Record<Role, string> = {
  ADMIN: 'admin',
  COORDINATOR: 'bappeda',
  AGENCY_STAFF: 'dinsos',
  KELURAHAN_OFFICER: 'lurah.menteng',
  NGO_PARTNER: 'ngo',
  PRIVATE_PARTNER: 'csr',
  AUDITOR: 'inspektorat',
};
const CITY_WIDE = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.AUDITOR]);
const PARTNERS = new Set([Role.NGO_PARTNER, Role.PRIVATE_PARTNER]);
const DELIVERERS = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER]);
const MISSING = '00000000-0000-4000-8000-00000000beef';

interface Fixtures {
  household: Record<Role, Record<'in' | 'out', string>>;
  person: Record<Role, Record<'in' | 'out', string>>;
  child: Record<Role, Record<'in' | 'out', string>>;
  intervention: Record<Role, Record<'in' | 'out', string>>;
  program: Record<Role, string>;
  assignment: Record<Role, Record<'in' | 'out', string>>;
  nik: string;
  ngoOrg: string;
  anyOrg: string;
  area: Record<'in' | 'out', string>;
  spareUser: string;
  token: Record<Role, Record<'in' | 'out', string>>;
}

// Outcome helpers: the coarse role gate first, then the record's scope.
const gate = (roles: Iterable<Role>, then: (role: Role, s: Scenario) => Outcome) => {
  const allowed = new Set(roles);
  return (role: Role, s: Scenario): Outcome => (allowed.has(role) ? then(role, s) : 'FORBIDDEN');
};
const always = (o: Outcome) => () => o;
const visibleQuery = (_role: Role, s: Scenario): Outcome => (s === 'in' ? 'ok' : s === 'missing' ? 'null' : 'ok');
const scopedQuery = (role: Role, s: Scenario): Outcome => (s === 'in' || (s === 'out' && CITY_WIDE.has(role)) ? 'ok' : 'null');
const scopedMutation = (role: Role, s: Scenario): Outcome => (s === 'in' || (s === 'out' && CITY_WIDE.has(role)) ? 'ok' : 'NOT_FOUND');
const existing = (_role: Role, s: Scenario): Outcome => (s === 'missing' ? 'NOT_FOUND' : 'ok');
const pick = <T>(s: Scenario, values: Record<'in' | 'out', T>, missing: T) => (s === 'missing' ? missing : values[s]);

const list = (field: string, selection = 'totalCount') => ({ op: () => ({ query: `{ ${field}(first: 2) { ${selection} } }` }), expect: always('ok' as Outcome) });

let serial = 7000;
const RULES: Record<string, Rule> = {
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
  'Query.myApiTokens': { op: () => ({ query: '{ myApiTokens { id } }' }), expect: always('ok') },
  'Query.auditEvents': { ...list('auditEvents'), expect: gate([Role.ADMIN, Role.AUDITOR], always('ok')) },
  'Query.subjectAccessTrail': {
    // Serial 9999: the demo city never registers that many people of one kecamatan and birth date.
    op: (f, _r, s) => ({ query: 'query ($n: String!) { subjectAccessTrail(nik: $n) { id } }', variables: { n: s === 'missing' ? '6271030101999999' : f.nik } }),
    expect: gate([Role.ADMIN, Role.AUDITOR], existing),
  },
  'Query.partnerUsageReport': {
    op: (f, _r, s) => ({
      query: 'query ($o: ID!) { partnerUsageReport(organizationId: $o, from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { readRequests } }',
      variables: { o: s === 'missing' ? MISSING : f.ngoOrg },
    }),
    expect: gate([Role.ADMIN, Role.AUDITOR], existing),
  },

  'Mutation.login': {
    op: (_f, r) => ({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: USER_OF[r], p: DEMO_PASSWORD } }),
    expect: always('ok'),
  },
  'Mutation.logout': { op: () => ({ query: 'mutation { logout }' }), expect: always('ok'), ownSession: true },
  'Mutation.changePassword': {
    op: () => ({ query: 'mutation ($p: String!) { changePassword(currentPassword: $p, newPassword: $p) }', variables: { p: DEMO_PASSWORD } }),
    expect: always('ok'),
    ownSession: true,
  },
  // Every role may export its own view: the scope and masking of the list apply (tested in households-export).
  'Mutation.exportHouseholds': {
    op: () => ({ query: 'mutation { exportHouseholds(filter: { areaCode: "62.71.03.1002" }) { rowCount } }' }),
    expect: always('ok'),
  },
  'Mutation.createHousehold': {
    op: (f, _r, s) => {
      serial += 1;
      const nik = makeNik({ regionCode: '627103', sex: 'MALE', birthDate: '1985-05-05', serial });
      return {
        query: 'mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
        variables: {
          i: {
            kkNumber: `627103050520${String(serial).padStart(4, '0')}`,
            areaId: s === 'out' ? f.area.out : f.area.in,
            address: 'Jl. Matriks 1',
            welfareDecile: 3,
            members: [{ nik, name: 'Uji Matriks', sex: 'MALE', birthDate: '1985-05-05', relation: 'HEAD' }],
          },
        },
      };
    },
    // Creating needs no existing record: "out" is a kelurahan outside an officer's area.
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], (role, s) => (s === 'out' && role === Role.KELURAHAN_OFFICER ? 'FORBIDDEN' : 'ok')),
  },
  'Mutation.updateHousehold': {
    op: (f, r, s) => ({
      query: 'mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }',
      variables: { i: { id: pick(s, f.household[r], MISSING), version: 1, address: 'Jl. Matriks 2' } },
    }),
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
  },
  'Mutation.addHouseholdMember': {
    op: (f, r, s) => {
      serial += 1;
      return {
        query: 'mutation ($h: ID!, $i: PersonInput!) { addHouseholdMember(householdId: $h, input: $i) { id } }',
        variables: {
          h: pick(s, f.household[r], MISSING),
          i: { nik: makeNik({ regionCode: '627103', sex: 'FEMALE', birthDate: '2010-02-02', serial }), name: 'Anak Matriks', sex: 'FEMALE', birthDate: '2010-02-02', relation: 'CHILD' },
        },
      };
    },
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
  },
  'Mutation.updateHouseholdMember': {
    op: (f, r, s) => ({
      query: 'mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id } }',
      variables: { i: { id: pick(s, f.person[r], MISSING), version: 1, occupation: 'Petani' } },
    }),
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
  },
  'Mutation.recordGrowthMeasurement': {
    op: (f, r, s) => ({
      query: 'mutation ($i: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { id } }',
      variables: { i: { personId: pick(s, f.child[r], MISSING), measuredOn: today(), heightCm: 85, position: 'STANDING' } },
    }),
    expect: gate([Role.ADMIN, Role.AGENCY_STAFF], scopedMutation),
  },
  'Mutation.recordPovertyAssessment': {
    op: (f, r, s) => ({
      query: 'mutation ($i: RecordPovertyAssessmentInput!) { recordPovertyAssessment(input: $i) { id } }',
      variables: { i: { householdId: pick(s, f.household[r], MISSING), assessedOn: today(), welfareDecile: 3, reason: 'Uji matriks akses' } },
    }),
    expect: gate([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER], scopedMutation),
  },
  'Mutation.upsertIndicatorValue': {
    op: (f, _r, s) => ({
      query: 'mutation ($i: UpsertIndicatorValueInput!) { upsertIndicatorValue(input: $i) { id } }',
      variables: {
        i: { areaId: pick(s, f.area, MISSING), indicator: 'STUNTING_PREVALENCE_PCT', year: 2025, quarter: 2, value: 21.5, source: 'Uji matriks akses' },
      },
    }),
    // Agency staff here is Dinas Sosial, whose programs do not work on stunting.
    expect: gate([Role.ADMIN, Role.COORDINATOR], existing),
  },
  'Mutation.createOrganization': {
    op: () => {
      serial += 1;
      return { query: 'mutation ($n: String!) { createOrganization(input: { name: $n, type: NGO }) { id } }', variables: { n: `Yayasan Matriks ${serial}` } };
    },
    expect: gate([Role.ADMIN], always('ok')),
  },
  'Mutation.updateOrganization': {
    op: (f, _r, s) => ({ query: 'mutation ($id: ID!) { updateOrganization(input: { id: $id, contactPhone: "0536 123456" }) { id } }', variables: { id: s === 'missing' ? MISSING : f.anyOrg } }),
    expect: gate([Role.ADMIN], existing),
  },
  'Mutation.importAreaBoundaries': {
    op: () => ({
      query: 'mutation ($g: JSONObject!) { importAreaBoundaries(geojson: $g) { updated } }',
      variables: {
        g: {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', id: '62.71.03.1002', properties: {}, geometry: { type: 'Polygon', coordinates: [[[113.89, -2.25], [113.9, -2.25], [113.9, -2.24], [113.89, -2.25]]] } }],
        },
      },
    }),
    expect: gate([Role.ADMIN], always('ok')),
  },
  'Mutation.createProgram': {
    op: (f) => {
      serial += 1;
      return {
        query: 'mutation ($i: CreateProgramInput!) { createProgram(input: $i) { id } }',
        variables: { i: { ownerId: f.anyOrg, name: `Program Matriks ${serial}`, focusAspects: ['INFLATION'], strategy: 'REDUCE_EXPENDITURE', targetUnit: 'HOUSEHOLD', deliveryUnit: 'paket', frequency: 'MONTHLY', startsOn: '2026-01-01' } },
      };
    },
    expect: gate([Role.ADMIN, Role.COORDINATOR], always('ok')),
  },
  'Mutation.updateProgram': {
    op: (f, r, s) => ({ query: 'mutation ($id: ID!) { updateProgram(input: { id: $id, quota: 1000 }) { id } }', variables: { id: s === 'missing' ? MISSING : f.program[r] } }),
    expect: gate([Role.ADMIN, Role.COORDINATOR], existing),
  },
  'Mutation.planIntervention': {
    op: (f, r, s) => ({
      query: 'mutation ($i: PlanInterventionInput!) { planIntervention(input: $i) { id } }',
      variables: { i: { programId: f.program[r], householdId: pick(s, f.household[r], MISSING), plannedOn: today() } },
    }),
    expect: gate(DELIVERERS, scopedMutation),
  },
  'Mutation.logIntervention': {
    op: (f, r, s) => {
      serial += 1;
      return {
        query: 'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }',
        variables: { i: { programId: f.program[r], householdId: pick(s, f.household[r], MISSING), deliveredAt: today(), idempotencyKey: `matrix-${serial}-key` } },
      };
    },
    expect: gate(DELIVERERS, scopedMutation),
  },
  'Mutation.advanceIntervention': {
    op: (f, r, s) => ({
      query: 'mutation ($i: AdvanceInterventionInput!) { advanceIntervention(input: $i) { id } }',
      variables: { i: { id: pick(s, f.intervention[r], MISSING), status: 'IN_PROGRESS' } },
    }),
    expect: gate(DELIVERERS, scopedMutation),
  },
  'Mutation.cancelIntervention': {
    op: (f, r, s) => ({ query: 'mutation ($id: ID!) { cancelIntervention(id: $id, reason: "uji matriks akses") { id } }', variables: { id: pick(s, f.intervention[r], MISSING) } }),
    expect: gate(DELIVERERS, scopedMutation),
  },
  'Mutation.createAssignments': {
    op: (f, r, s) => ({
      query: 'mutation ($h: ID!, $o: ID!) { createAssignments(input: { householdIds: [$h], organizationId: $o, needType: FOOD }) { id } }',
      variables: { h: pick(s, f.household[r], MISSING), o: f.ngoOrg },
    }),
    expect: gate([Role.ADMIN, Role.COORDINATOR], scopedMutation),
  },
  'Mutation.respondToAssignment': {
    op: (f, r, s) => ({ query: 'mutation ($id: ID!) { respondToAssignment(id: $id, accept: true) { id } }', variables: { id: pick(s, f.assignment[r], MISSING) } }),
    expect: gate(PARTNERS, (_r, s) => (s === 'in' ? 'ok' : 'NOT_FOUND')),
  },
  'Mutation.closeAssignment': {
    op: (f, r, s) => ({ query: 'mutation ($id: ID!) { closeAssignment(id: $id, note: "selesai") { id } }', variables: { id: pick(s, f.assignment[r], MISSING) } }),
    expect: gate([Role.ADMIN, Role.COORDINATOR, ...PARTNERS], (role, s) => (s === 'in' || (s === 'out' && !PARTNERS.has(role)) ? 'ok' : 'NOT_FOUND')),
  },
  'Mutation.createUser': {
    op: (f) => {
      serial += 1;
      return {
        query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }',
        variables: { i: { username: `matriks.${serial}`, displayName: 'Matriks', organizationId: f.anyOrg, role: 'AUDITOR', password: 'matriks-sandi-123' } },
      };
    },
    expect: gate([Role.ADMIN], always('ok')),
  },
  'Mutation.updateUser': {
    op: (f, _r, s) => ({ query: 'mutation ($id: ID!) { updateUser(input: { id: $id, displayName: "Cadangan" }) { id } }', variables: { id: s === 'missing' ? MISSING : f.spareUser } }),
    expect: gate([Role.ADMIN], existing),
  },
  'Mutation.resetPassword': {
    op: (f, _r, s) => ({ query: 'mutation ($id: ID!) { resetPassword(userId: $id, newPassword: "sandi-baru-12345") }', variables: { id: s === 'missing' ? MISSING : f.spareUser } }),
    expect: gate([Role.ADMIN], existing),
  },
  'Mutation.createApiToken': { op: () => ({ query: 'mutation { createApiToken(input: { name: "matriks" }) { token } }' }), expect: always('ok') },
  'Mutation.revokeApiToken': {
    op: (f, r, s) => ({ query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', variables: { id: pick(s, f.token[r], MISSING) } }),
    // Another user's token is out of scope, except for an administrator.
    expect: (role, s) => (s === 'in' || (s === 'out' && role === Role.ADMIN) ? 'ok' : 'NOT_FOUND'),
  },
};

let t: TestServer;
let schema: GraphQLSchema;
let f: Fixtures;
const sessions = {} as Record<Role, string>;

async function one(sql: string, params: unknown[] = []): Promise<string> {
  const rows = await t.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`fixture not found: ${sql} ${JSON.stringify(params)}`);
  return rows[0].id;
}

beforeAll(async () => {
  t = await startTestServer();
  schema = await buildSinergiSchema({ sessionTtlHours: 1 });
  for (const role of ROLES) sessions[role] = await t.login(USER_OF[role]);

  const orgOf = (role: Role) => `(select organization_id from app_user where username = '${USER_OF[role]}')`;
  const assignedTo = (role: Role) =>
    `select household_id from assignment where organization_id = ${orgOf(role)} and status in ('REQUESTED', 'ACCEPTED')`;
  const household = {} as Fixtures['household'];
  const person = {} as Fixtures['person'];
  const child = {} as Fixtures['child'];
  const intervention = {} as Fixtures['intervention'];
  const program = {} as Fixtures['program'];
  const assignment = {} as Fixtures['assignment'];
  const token = {} as Fixtures['token'];
  const unassigned = `select h.id from household h join area a on a.id = h.area_id where a.code <> '62.71.03.1002'
    and not exists (select 1 from assignment x where x.household_id = h.id and x.status in ('REQUESTED', 'ACCEPTED'))`;
  for (const role of ROLES) {
    const inside =
      role === Role.KELURAHAN_OFFICER
        ? `select h.id from household h join area a on a.id = h.area_id where a.code = '62.71.03.1002'`
        : PARTNERS.has(role)
          ? `select h.id from household h where h.id in (${assignedTo(role)})`
          : 'select h.id from household h';
    const withChild = (base: string) =>
      `select p.id from person p where p.household_id in (${base}) and p.birth_date > date '2022-06-01' order by p.id limit 1`;
    household[role] = { in: await one(`${inside} order by h.id limit 1`), out: await one(`${unassigned} order by h.id desc limit 1`) };
    person[role] = {
      in: await one(`select p.id from person p where p.household_id in (${inside}) order by p.id limit 1`),
      out: await one(`select p.id from person p where p.household_id in (${unassigned}) order by p.id limit 1`),
    };
    child[role] = { in: await one(withChild(inside)), out: await one(withChild(unassigned)) };
    program[role] = CITY_WIDE.has(role) && role !== Role.AGENCY_STAFF
      ? await one(`select id from program where target_unit = 'HOUSEHOLD' order by name limit 1`)
      : await one(`select id from program where owner_id = ${orgOf(role)} order by target_unit, name limit 1`);
    const ownProgram = role === Role.ADMIN || role === Role.COORDINATOR ? 'true' : `i.program_id in (select id from program where owner_id = ${orgOf(role)})`;
    intervention[role] = {
      in: await one(`select i.id from intervention i where i.household_id in (${inside}) and ${ownProgram} and i.status = 'PLANNED' order by i.id limit 1`).catch(() =>
        one(`select i.id from intervention i where i.household_id in (${inside}) order by i.id limit 1`),
      ),
      out: await one(`select i.id from intervention i where i.household_id in (${unassigned}) and ${ownProgram} order by i.id limit 1`).catch(() =>
        one(`select i.id from intervention i where i.household_id in (${unassigned}) order by i.id limit 1`),
      ),
    };
    assignment[role] = {
      in: await one(
        PARTNERS.has(role)
          ? `select id from assignment where organization_id = ${orgOf(role)} and status = 'REQUESTED' order by id limit 1`
          : `select id from assignment where status in ('REQUESTED', 'ACCEPTED') order by id limit 1`,
      ),
      out: await one(
        `select id from assignment where status in ('REQUESTED', 'ACCEPTED') and organization_id <> ${PARTNERS.has(role) ? orgOf(role) : "'00000000-0000-0000-0000-000000000000'"} order by id desc limit 1`,
      ),
    };
  }
  for (const role of ROLES) {
    const mine = await t.gql('mutation { createApiToken(input: { name: "matriks sendiri" }) { apiToken { id } } }', {}, sessions[role]);
    token[role] = { in: mine.data.createApiToken.apiToken.id, out: '' };
  }
  for (const role of ROLES) token[role].out = token[role === Role.ADMIN ? Role.AUDITOR : Role.ADMIN].in;
  const spare = await t.gql(
    'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { username: 'cadangan.matriks', displayName: 'Cadangan', organizationId: await one(`select ${orgOf(Role.AUDITOR)} as id`), role: 'AUDITOR', password: 'cadangan-sandi-123' } },
    sessions.ADMIN,
  );
  f = {
    household,
    person,
    child,
    intervention,
    program,
    assignment,
    token,
    nik: (await t.query<{ nik: string }>('select nik from person order by id limit 1'))[0]!.nik,
    ngoOrg: await one(`select ${orgOf(Role.NGO_PARTNER)} as id`),
    anyOrg: await one(`select ${orgOf(Role.AGENCY_STAFF)} as id`),
    area: { in: await one(`select id from area where code = '62.71.03.1002'`), out: await one(`select id from area where code = '62.71.01.1001'`) },
    spareUser: spare.data.createUser.id,
  };
}, 120_000);
afterAll(() => t.close());

function outcomeOf(res: { data?: any; errors?: Array<{ extensions?: { code?: string } }> }, field: string): Outcome | string {
  const code = res.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
  // Business-rule answers (BAD_USER_INPUT, CONFLICT) mean the request got past access control.
  if (code && code !== 'BAD_USER_INPUT' && code !== 'CONFLICT') return `unexpected ${code}`;
  if (!code && res.data?.[field] === null) return 'null';
  return 'ok';
}

describe('authorization matrix', () => {
  it('has a rule for every root field of the schema, and no rule for a field that is gone', () => {
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((n) => `Query.${n}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((n) => `Mutation.${n}`),
    ].sort();
    expect(Object.keys(RULES).sort()).toEqual(fields);
  });

  it('answers every field × role × in-scope / out-of-scope / missing record as the policy says', async () => {
    const failures: string[] = [];
    for (const [name, rule] of Object.entries(RULES)) {
      const field = name.split('.')[1]!;
      for (const role of ROLES) {
        for (const scenario of ['in', 'out', 'missing'] as const) {
          const { query, variables } = rule.op(f, role, scenario);
          const token = rule.ownSession ? await t.login(USER_OF[role]) : sessions[role];
          const got = outcomeOf(await t.gql(query, variables, token), field);
          const want = rule.expect(role, scenario);
          if (got !== want) failures.push(`${name} as ${role} (${scenario}): expected ${want}, got ${got}`);
        }
        // changePassword ends the user's other sessions, the one kept for the next rules among them.
        if (rule.ownSession) sessions[role] = await t.login(USER_OF[role]);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

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

  it('without a login every field answers UNAUTHENTICATED, except login and me', async () => {
    const failures: string[] = [];
    for (const [name, rule] of Object.entries(RULES)) {
      const field = name.split('.')[1]!;
      const { query, variables } = rule.op(f, Role.ADMIN, 'in');
      const res = await t.gql(query, variables);
      const want = name === 'Mutation.login' ? 'ok' : name === 'Query.me' ? 'null' : 'UNAUTHENTICATED';
      const got = outcomeOf(res, field);
      if (got !== want) failures.push(`${name}: expected ${want}, got ${got}`);
    }
    expect(failures).toEqual([]);
  });
});
