import { MeasurePosition, Role, Sex } from '../src/graphql/enums.js';
import { today } from '../src/config/clock.js';
import { lengthHeightForAgeZ } from '../src/growth/zscore.js';
import { makeKk, makeNik } from '../src/households/identity-numbers.js';
import { expect } from 'vitest';
import { DEMO_PASSWORD, type GraphQLResponse, type TestServer } from './harness.js';
import { csv, dmy, DTSEN_HEADER } from './imports/fixtures.js';
import { uploadFile } from './imports/jobs.js';

/**
 * One valid case of every mutation for every role × {a record in the role's scope, one outside it,
 * a missing one}: what it should answer, and for an allowed cell the effect to read back. Used by the
 * authorization matrix and the mutation audit test.
 */

export type Scenario = 'in' | 'out' | 'missing';
export type Outcome = 'ok' | 'null' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export const ROLES = Object.values(Role);
export const USER_OF: Record<Role, string> = {
  ADMIN: 'admin',
  COORDINATOR: 'bappeda',
  AGENCY_STAFF: 'dinsos',
  KELURAHAN_OFFICER: 'lurah.menteng',
  NGO_PARTNER: 'ngo',
  PRIVATE_PARTNER: 'csr',
  AUDITOR: 'inspektorat',
};
export const CITY_WIDE = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.AUDITOR]);
export const PARTNERS = new Set([Role.NGO_PARTNER, Role.PRIVATE_PARTNER]);
export const DELIVERERS = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER]);
/** Who may upload and drive an import (of some source); Dinas Pendidikan's source is open to all of them. */
export const IMPORTERS = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER]);
export const MISSING = '00000000-0000-4000-8000-00000000beef';
export const KELURAHAN = '62.71.03.1002';

export const gate = (roles: Iterable<Role>, then: (role: Role, s: Scenario) => Outcome) => {
  const allowed = new Set(roles);
  return (role: Role, s: Scenario): Outcome => (allowed.has(role) ? then(role, s) : 'FORBIDDEN');
};
export const always = (o: Outcome) => () => o;
export const scopedMutation = (role: Role, s: Scenario): Outcome => (s === 'in' || (s === 'out' && CITY_WIDE.has(role)) ? 'ok' : 'NOT_FOUND');
export const existing = (_role: Role, s: Scenario): Outcome => (s === 'missing' ? 'NOT_FOUND' : 'ok');

export interface Cell {
  t: TestServer;
  role: Role;
  /** The username acting in the role. */
  user: string;
  scenario: Scenario;
  /** The role's session (a throwaway one for rules with ownSession). */
  token: string;
  /** A session of any user on this server. */
  as(username: string): Promise<string>;
  /** Runs an operation as the administrator, to prepare a record; fails on any error. */
  prepare<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Unique for every cell of a server (names, numbers, keys); below 3000, as NIK serials are 7000 + n. */
  n: number;
  /** What the operation chose, for the effect check. */
  chosen: Record<string, any>;
}
export interface MutationRule {
  /** The scenarios the mutation has (a creation has no missing record). */
  scenarios: readonly Scenario[];
  expect: (role: Role, s: Scenario) => Outcome;
  /** The operation; it picks its records at the time it runs, so that earlier cells do not get in the way. */
  op: (c: Cell) => Promise<Operation>;
  /** Asserts the effect of an allowed cell, reading the database back. */
  done: (c: Cell, data: any) => Promise<void>;
  /** Run with a throwaway session (the operation ends or changes it). */
  ownSession?: boolean;
  /** Who acts in a role, where the usual demo user is not the one the cell needs. */
  users?: Partial<Record<Role, string>>;
}

export const ALL: readonly Scenario[] = ['in', 'out', 'missing'];
export const ONLY_IN: readonly Scenario[] = ['in'];
export const orgOf = (role: Role) => `(select organization_id from app_user where username = '${USER_OF[role]}')`;
export const userId = (role: Role) => `(select id from app_user where username = '${USER_OF[role]}')`;
/** Households a role sees ('in') and households nobody but the city sees ('out'), as SQL. */
export function households(role: Role, s: 'in' | 'out'): string {
  if (s === 'out') {
    return `select h.id from household h join area a on a.id = h.area_id where a.code <> '${KELURAHAN}'
      and not exists (select 1 from assignment x where x.household_id = h.id and x.status in ('REQUESTED', 'ACCEPTED'))`;
  }
  if (role === Role.KELURAHAN_OFFICER) return `select h.id from household h join area a on a.id = h.area_id where a.code = '${KELURAHAN}'`;
  if (PARTNERS.has(role)) {
    return `select x.household_id as id from assignment x where x.organization_id = ${orgOf(role)} and x.status in ('REQUESTED', 'ACCEPTED')`;
  }
  return 'select h.id from household h';
}

export async function row<T = Record<string, any>>(t: TestServer, sql: string, params: unknown[] = []): Promise<T> {
  const rows = await t.query(sql, params);
  if (!rows[0]) throw new Error(`no record for: ${sql} ${JSON.stringify(params)}`);
  return rows[0] as T;
}

/** Asserts what the cell's chosen record of `table` holds now, column by column. */
export async function expectChosen(c: Cell, table: string, columns: Record<string, unknown>): Promise<void> {
  expect(await row(c.t, `select ${Object.keys(columns).join(', ')} from ${table} where id = ?`, [c.chosen['id']])).toEqual(columns);
}

/**
 * The record a cell acts on, which becomes its chosen id: `missing` under the MISSING id in the missing
 * scenario, else the first row of `select`, given the households of the cell's role and scenario as SQL.
 */
export async function recordOf(c: Cell, missing: Record<string, unknown>, select: (households: string) => string, params: unknown[] = []): Promise<Record<string, any>> {
  const r = c.scenario === 'missing' ? { id: MISSING, ...missing } : await row(c.t, select(households(c.role, c.scenario)), params);
  c.chosen['id'] = r['id'];
  return r;
}

/** An active program of the role's own organisation (any program for the administrator and the coordinator). */
export async function programOf(c: Cell): Promise<{ id: string; target_unit: string }> {
  const own = c.role === Role.ADMIN || c.role === Role.COORDINATOR || !DELIVERERS.has(c.role) ? 'true' : `owner_id = ${orgOf(c.role)}`;
  return row(
    c.t,
    `select id, target_unit from program where ${own} and starts_on <= ?::date and (ends_on is null or ends_on >= ?::date)
     order by target_unit, name limit 1`,
    [today(), today()],
  );
}

/**
 * A household of the scenario on which the program has no intervention yet. A partner's in-scope
 * household is referred to it first (by the administrator), so that the cell never runs out of records.
 */
export async function freeHousehold(c: Cell, programId: string): Promise<string> {
  const free = (set: string) =>
    row<{ id: string }>(
      c.t,
      `select h.id from household h where h.id in (${set}) and not exists (
         select 1 from intervention i where i.household_id = h.id and i.program_id = ? and i.status <> 'CANCELLED') order by h.id limit 1`,
      [programId],
    );
  if (c.scenario === 'in' && PARTNERS.has(c.role)) {
    const { id } = await free(households(c.role, 'out'));
    const org = await row<{ id: string }>(c.t, `select ${orgOf(c.role)} as id`);
    await c.prepare('mutation ($h: ID!, $o: ID!) { createAssignments(input: { householdIds: [$h], organizationId: $o, lawfulBasis: PUBLIC_TASK }) { id } }', { h: id, o: org.id });
    return id;
  }
  return (await free(households(c.role, c.scenario === 'missing' ? 'in' : c.scenario))).id;
}

/** Program + target of a new intervention for the cell; a person-level program targets the household's first member. */
export async function interventionTarget(c: Cell) {
  const program = await programOf(c);
  const householdId = await freeHousehold(c, program.id);
  const person =
    program.target_unit === 'PERSON' ? (await row<{ id: string }>(c.t, 'select id from person where household_id = ? order by id limit 1', [householdId])).id : undefined;
  c.chosen['householdId'] = householdId;
  c.chosen['programId'] = program.id;
  return {
    programId: program.id,
    householdId: c.scenario === 'missing' ? MISSING : householdId,
    ...(person ? { personId: person } : {}),
  };
}

/** A PLANNED intervention of the cell's program and scenario, planned by the administrator. */
export async function plannedIntervention(c: Cell): Promise<string> {
  if (c.scenario === 'missing') return MISSING;
  const target = await interventionTarget(c);
  const planned = await c.prepare('mutation ($i: PlanInterventionInput!) { planIntervention(input: $i) { id } }', { i: { ...target, plannedOn: today() } });
  return planned.planIntervention.id;
}

/**
 * A DELIVERED intervention of the cell's program and scenario, logged by the cell's own user where the
 * cell may correct it (only the logger may), by the administrator elsewhere.
 */
export async function loggedIntervention(c: Cell): Promise<string> {
  if (c.scenario === 'missing') return MISSING;
  const target = await interventionTarget(c);
  const query = 'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }';
  const i = { ...target, deliveredAt: today(), idempotencyKey: `matrix-logged-${c.n}` };
  // Without a session (the matrix's anonymous cell) the administrator logs it.
  const own = c.token !== '' && DELIVERERS.has(c.role) && scopedMutation(c.role, c.scenario) === 'ok';
  if (!own) return (await c.prepare(query, { i })).logIntervention.id;
  const res = await c.t.gql(query, { i }, c.token);
  if (!res.data) throw new Error(`logging as ${c.user} failed: ${JSON.stringify(res.errors)}`);
  return res.data.logIntervention.id;
}

/**
 * An open referral for the cell: for a partner, one to its own organisation ('in') or to another
 * ('out'), made by the administrator; for anyone else, any open referral of the demo city.
 */
export async function openAssignment(c: Cell, status: 'REQUESTED' | 'ACCEPTED' | 'ANY' = 'ANY'): Promise<string> {
  if (c.scenario === 'missing') return MISSING;
  if (PARTNERS.has(c.role)) {
    const other = c.role === Role.NGO_PARTNER ? Role.PRIVATE_PARTNER : Role.NGO_PARTNER;
    const org = await row<{ id: string }>(c.t, `select ${orgOf(c.scenario === 'in' ? c.role : other)} as id`);
    const { id } = await row<{ id: string }>(c.t, `${households(c.role, 'out')} order by h.id limit 1`);
    const made = await c.prepare('mutation ($h: ID!, $o: ID!) { createAssignments(input: { householdIds: [$h], organizationId: $o, lawfulBasis: PUBLIC_TASK }) { id } }', { h: id, o: org.id });
    return made.createAssignments[0].id;
  }
  const statuses = status === 'ANY' ? ['REQUESTED', 'ACCEPTED'] : [status];
  const { id } = await row<{ id: string }>(
    c.t,
    `select id from assignment where status = any(?) order by id ${c.scenario === 'in' ? 'asc' : 'desc'} limit 1`,
    [statuses],
  );
  return id;
}

/** A height with a z-score of about 0 (the WHO median) for a child of this sex and age. */
export function medianHeight(sex: Sex, ageDays: number, position: MeasurePosition): number {
  let [lo, hi] = [35, 135];
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (lengthHeightForAgeZ({ sex, ageDays, heightCm: mid, position }) < 0) lo = mid;
    else hi = mid;
  }
  return Math.round(lo * 10) / 10;
}

export const regionOf = (areaCode: string) => areaCode.split('.').slice(0, 3).join('');
export const todayPlus = (days: number) => new Date(Date.parse(today()) + days * 86_400_000).toISOString().slice(0, 10);

/** Uploads an import file through the multipart endpoint; returns the job's id. */
export async function uploadImport(t: TestServer, token: string, source: string, name: string, body: string): Promise<string> {
  const res = await uploadFile(t, token, source, name, body);
  if (res.status !== 201 || !res.body.id) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Waits for the background dry run or commit of a job to end (polling, as the portal does); its status. */
export async function settleImport(t: TestServer, id: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const { status } = await row<{ status: string }>(t, 'select status from import_job where id = ?', [id]);
    if (status !== 'VALIDATING' && status !== 'COMMITTING') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import job ${id} did not settle`);
}

/** Runs a job's dry run (or commit) as its owner and waits for it; fails unless it ends as `want`. */
async function driveImport(c: Cell, owner: string, id: string, step: 'validateImport' | 'commitImport', want: string) {
  const res = await c.t.gql(`mutation ($id: ID!) { ${step}(jobId: $id) { id } }`, { id }, await c.as(owner));
  if (res.errors) throw new Error(`${step} failed: ${JSON.stringify(res.errors)}`);
  const status = await settleImport(c.t, id);
  if (status !== want) throw new Error(`${step} ended ${status}`);
}

/**
 * An import job of the cell: the role's own ('in'; the administrator's for a role that cannot import),
 * another user's ('out'), or none. The file is a Dinas Pendidikan list of children out of school (open
 * to every importing role) naming one enrolled school-age child the owner may see; `validated` runs its
 * dry run as the owner.
 */
export async function importJobOf(c: Cell, options: { validated?: boolean } = {}): Promise<string> {
  if (c.scenario === 'missing') return MISSING;
  const ownerRole = c.scenario === 'in' ? (IMPORTERS.has(c.role) ? c.role : Role.ADMIN) : c.role === Role.ADMIN ? Role.COORDINATOR : Role.ADMIN;
  const owner = ownerRole === c.role ? c.user : USER_OF[ownerRole];
  const child = await row<{ id: string; nik: string; name: string }>(
    c.t,
    `select p.id, p.nik, p.name from person p where p.school_enrolled and p.household_id in (${households(ownerRole, 'in')})
      and p.birth_date between ?::date - interval '15 years' and ?::date - interval '8 years' order by p.nik limit 1`,
    [today(), today()],
  );
  const file = csv([
    ['NIK', 'NISN', 'Nama Lengkap', 'Jenis Kelamin', 'Desa / Kelurahan', 'Nama Sekolah Asal', 'Status ATS', 'Alasan'],
    // The reason differs per cell, so that no two cells upload the same file.
    [child.nik, '', child.name, '', '', 'SD Negeri 1', 'DO', `Ekonomi ${c.n}`],
  ]);
  const id = await uploadImport(c.t, await c.as(owner), 'disdik', `ats-matriks-${c.n}.csv`, file);
  if (options.validated) await driveImport(c, owner, id, 'validateImport', 'VALIDATED');
  c.chosen['id'] = id;
  c.chosen['childId'] = child.id;
  return id;
}

const RELATION_LABEL: Record<string, string> = { HEAD: 'Kepala Keluarga', SPOUSE: 'Istri/Suami', CHILD: 'Anak' };

/**
 * An open review of the import queue in the cell's kelurahan ('out': another one), made when there is
 * none: the administrator imports a DTSEN row with a registered child's NIK under another name.
 */
export async function openImportReview(c: Cell): Promise<string> {
  if (c.scenario === 'missing') return MISSING;
  const code = c.scenario === 'in' ? KELURAHAN : '62.71.01.1001';
  const open = await c.t.query<{ id: string }>(
    `select r.id from import_review r join area a on a.id = r.area_id where r.status = 'OPEN' and a.code = ? order by r.created_at, r.id limit 1`,
    [code],
  );
  if (open[0]) return open[0].id;
  const person = await row<{ nik: string; sex: string; birth: string; relation: string; kk: string }>(
    c.t,
    `select p.nik, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth, p.relation, h.kk_number as kk
       from person p join household h on h.id = p.household_id join area a on a.id = h.area_id
      where a.code = ? and p.relation = 'CHILD' and not exists (select 1 from import_review r where r.person_id = p.id) order by p.nik limit 1`,
    [code],
  );
  const file = csv([
    DTSEN_HEADER,
    [person.kk, person.nik, `Nama Tinjauan ${c.n}`, person.sex === 'MALE' ? 'L' : 'P', dmy(person.birth), RELATION_LABEL[person.relation] ?? 'Lainnya', code, '', '', '', '', '', ''],
  ]);
  const admin = USER_OF[Role.ADMIN];
  const id = await uploadImport(c.t, await c.as(admin), 'dtsen', `tinjauan-matriks-${c.n}.csv`, file);
  await driveImport(c, admin, id, 'validateImport', 'VALIDATED');
  await driveImport(c, admin, id, 'commitImport', 'COMMITTED');
  return (await row<{ id: string }>(c.t, `select id from import_review where job_id = ? and status = 'OPEN'`, [id])).id;
}

// An import job is its owner's alone to drive: another user's job (visible or not) is answered like a missing one.
const ownImportJob = gate(IMPORTERS, (_r, s) => (s === 'in' ? 'ok' : 'NOT_FOUND'));

export const MUTATIONS: Record<string, MutationRule> = {
  'Mutation.login': {
    scenarios: ONLY_IN,
    expect: always('ok'),
    op: async (c) => ({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: c.user, p: DEMO_PASSWORD } }),
    done: async (c, data) => {
      const me = await c.t.gql('{ me { username } }', {}, data.login.token);
      expect(me.data.me.username).toBe(c.user);
    },
  },
  'Mutation.logout': {
    scenarios: ONLY_IN,
    ownSession: true,
    expect: always('ok'),
    op: async () => ({ query: 'mutation { logout }' }),
    done: async (c, data) => {
      expect(data.logout).toBe(true);
      expect((await c.t.gql('{ me { id } }', {}, c.token)).data.me).toBeNull();
    },
  },
  'Mutation.changePassword': {
    scenarios: ONLY_IN,
    ownSession: true,
    expect: always('ok'),
    op: async (c) => {
      c.chosen['password'] = `sandi-baru-matriks-${c.n}`;
      return { query: 'mutation ($p: String!, $q: String!) { changePassword(currentPassword: $p, newPassword: $q) }', variables: { p: DEMO_PASSWORD, q: c.chosen['password'] } };
    },
    done: async (c, data) => {
      expect(data.changePassword).toBe(true);
      const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
      expect((await c.t.gql(login, { u: c.user, p: c.chosen['password'] })).data?.login.token).toBeTruthy();
      expect((await c.t.gql(login, { u: c.user, p: DEMO_PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    },
  },
  // Every role may export its own view: the scope and masking of the list apply (tested in households-export).
  'Mutation.exportHouseholds': {
    scenarios: ONLY_IN,
    expect: always('ok'),
    op: async () => ({ query: `mutation { exportHouseholds(filter: { areaCode: "${KELURAHAN}" }) { rowCount csv } }` }),
    done: async (c, data) => {
      const { rowCount, csv } = data.exportHouseholds;
      // The header line, then one line per household.
      expect(csv.trim().split('\r\n')).toHaveLength(rowCount + 1);
      const events = await c.t.query(`select id from audit_event where action = 'EXPORT' and actor_id = ${userId(c.role)}`);
      expect(events).toHaveLength(1);
    },
  },
  // The processing trail of one person, for the administrator and the auditor (tested in audit-trail).
  'Mutation.exportSubjectTrail': {
    scenarios: ['in', 'missing'],
    expect: gate([Role.ADMIN, Role.AUDITOR], existing),
    op: async (c) => {
      const nik = c.scenario === 'missing' ? '9999999999999999' : (await row<{ nik: string }>(c.t, "select nik from person where nik is not null order by nik limit 1")).nik;
      c.chosen['nik'] = nik;
      return { query: 'mutation ($n: String!) { exportSubjectTrail(nik: $n, separator: SEMICOLON) { rowCount csv } }', variables: { n: nik } };
    },
    done: async (c, data) => {
      const { rowCount, csv } = data.exportSubjectTrail;
      expect(csv.trim().split('\r\n')).toHaveLength(rowCount + 1);
      const events = await c.t.query(`select id from audit_event where action = 'EXPORT' and entity_type = 'Person' and actor_id = ${userId(c.role)}`);
      expect(events.length).toBeGreaterThan(0);
    },
  },
  'Mutation.createHousehold': {
    // Creating needs no existing record: "out" is a kelurahan outside an officer's area.
    scenarios: ['in', 'out'],
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], (role, s) => (s === 'out' && role === Role.KELURAHAN_OFFICER ? 'FORBIDDEN' : 'ok')),
    op: async (c) => {
      const area = await row<{ id: string; code: string }>(c.t, 'select id, code from area where code = ?', [c.scenario === 'out' ? '62.71.01.1001' : KELURAHAN]);
      const region = regionOf(area.code);
      const nik = makeNik({ regionCode: region, sex: 'MALE', birthDate: '1985-05-05', serial: 7000 + c.n });
      c.chosen['kk'] = `${region}050520${String(7000 + c.n).padStart(4, '0')}`;
      c.chosen['areaId'] = area.id;
      c.chosen['nik'] = nik;
      return {
        query: 'mutation ($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }',
        variables: {
          i: { kkNumber: c.chosen['kk'], areaId: area.id, address: 'Jl. Matriks 1', welfareDecile: 3, members: [{ nik, name: 'Uji Matriks', sex: 'MALE', birthDate: '1985-05-05', relation: 'HEAD' }] },
        },
      };
    },
    done: async (c, data) => {
      const h = await row(c.t, 'select area_id, kk_number from household where id = ?', [data.createHousehold.id]);
      expect(h).toEqual({ area_id: c.chosen['areaId'], kk_number: c.chosen['kk'] });
      await row(c.t, 'select id from person where household_id = ? and nik = ?', [data.createHousehold.id, c.chosen['nik']]);
    },
  },
  'Mutation.updateHousehold': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const h = await recordOf(c, { version: 1 }, (set) => `select id, version from household where id in (${set}) order by id limit 1`);
      return { query: 'mutation ($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { id } }', variables: { i: { id: h['id'], version: h['version'], address: `Jl. Matriks ${c.n}` } } };
    },
    done: async (c) => expectChosen(c, 'household', { address: `Jl. Matriks ${c.n}` }),
  },
  'Mutation.addHouseholdMember': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const h = await recordOf(c, { code: KELURAHAN }, (set) => `select h.id, a.code from household h join area a on a.id = h.area_id where h.id in (${set}) order by h.id limit 1`);
      c.chosen['nik'] = makeNik({ regionCode: regionOf(h['code']), sex: 'FEMALE', birthDate: '2010-02-02', serial: 7000 + c.n });
      return {
        query: 'mutation ($h: ID!, $i: PersonInput!) { addHouseholdMember(householdId: $h, input: $i) { id } }',
        variables: { h: h['id'], i: { nik: c.chosen['nik'], name: 'Anak Matriks', sex: 'FEMALE', birthDate: '2010-02-02', relation: 'CHILD' } },
      };
    },
    done: async (c, data) => {
      const p = await row(c.t, 'select household_id, nik from person where id = ?', [data.addHouseholdMember.id]);
      expect(p).toEqual({ household_id: c.chosen['id'], nik: c.chosen['nik'] });
    },
  },
  'Mutation.updateHouseholdMember': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const p = await recordOf(c, { version: 1 }, (set) => `select id, version from person where household_id in (${set}) order by id limit 1`);
      return { query: 'mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id } }', variables: { i: { id: p['id'], version: p['version'], occupation: `Petani ${c.n}` } } };
    },
    done: async (c) => expectChosen(c, 'person', { occupation: `Petani ${c.n}` }),
  },
  'Mutation.recordMemberExit': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const p = await recordOf(c, { version: 1 }, (set) => `select id, version from person where household_id in (${set}) and relation <> 'HEAD' and left_on is null order by id limit 1`);
      return { query: 'mutation ($i: RecordMemberExitInput!) { recordMemberExit(input: $i) { id } }', variables: { i: { personId: p['id'], version: p['version'], reason: 'MOVED_OUT', date: today() } } };
    },
    done: async (c) => expect(await row(c.t, `select to_char(left_on, 'YYYY-MM-DD') as left_on, left_reason from person where id = ?`, [c.chosen['id']])).toEqual({ left_on: today(), left_reason: 'MOVED_OUT' }),
  },
  'Mutation.moveHouseholdMember': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const p = await recordOf(c, { version: 1, household_id: MISSING }, (set) =>
        `select id, version, household_id from person where household_id in (${set}) and relation <> 'HEAD' and left_on is null and nik is not null order by id limit 1`);
      // Another household of the same scope (the receiving one must be in scope too).
      const to = await row(c.t, `select id from household where id in (${households(c.role, c.scenario === 'out' ? 'out' : 'in')}) and id <> ? order by id limit 1`, [p['household_id']]);
      c.chosen['to'] = to['id'];
      return { query: 'mutation ($i: MoveMemberInput!) { moveHouseholdMember(input: $i) { id } }', variables: { i: { personId: p['id'], version: p['version'], toHouseholdId: to['id'], relation: 'OTHER_RELATIVE' } } };
    },
    done: async (c) => expectChosen(c, 'person', { household_id: c.chosen['to'], relation: 'OTHER_RELATIVE' }),
  },
  'Mutation.correctMemberNik': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const p = await recordOf(c, { version: 1, nik: '6271030101900001', sex: 'MALE', birth_date: '1990-01-01' }, (set) =>
        `select id, version, nik, sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date from person where household_id in (${set}) and left_on is null and nik is not null order by id limit 1`);
      c.chosen['nik'] = makeNik({ regionCode: p['nik'].slice(0, 6), sex: p['sex'], birthDate: p['birth_date'], serial: 7000 + c.n });
      return { query: 'mutation ($i: CorrectNikInput!) { correctMemberNik(input: $i) { id } }', variables: { i: { personId: p['id'], version: p['version'], nik: c.chosen['nik'], reason: 'KTP-el dilihat' } } };
    },
    done: async (c) => expectChosen(c, 'person', { nik: c.chosen['nik'] }),
  },
  'Mutation.correctKkNumber': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const h = await recordOf(c, { version: 1, kk_number: '6271030101200001' }, (set) => `select id, version, kk_number from household where id in (${set}) order by id limit 1`);
      c.chosen['kk'] = makeKk({ regionCode: h['kk_number'].slice(0, 6), issueDate: '2021-06-06', serial: 7000 + c.n });
      return { query: 'mutation ($i: CorrectKkNumberInput!) { correctKkNumber(input: $i) { id } }', variables: { i: { householdId: h['id'], version: h['version'], kkNumber: c.chosen['kk'], reason: 'KK baru dari Dukcapil' } } };
    },
    done: async (c) => expectChosen(c, 'household', { kk_number: c.chosen['kk'] }),
  },
  'Mutation.recordGrowthMeasurement': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.AGENCY_STAFF], scopedMutation),
    op: async (c) => {
      // A child between one and four years old, not yet measured today.
      const child = await recordOf(
        c,
        { sex: Sex.FEMALE, birth_date: todayPlus(-800) },
        (set) => `select id, sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date from person p where household_id in (${set})
           and birth_date between ?::date and ?::date and not exists (select 1 from growth_measurement g where g.person_id = p.id and g.measured_on = ?::date)
         order by id limit 1`,
        [todayPlus(-4 * 365), todayPlus(-366), today()],
      );
      const ageDays = Math.round((Date.parse(today()) - Date.parse(child['birth_date'])) / 86_400_000);
      const position = ageDays < 731 ? MeasurePosition.LYING : MeasurePosition.STANDING;
      return {
        query: 'mutation ($i: RecordGrowthMeasurementInput!) { recordGrowthMeasurement(input: $i) { id } }',
        variables: {
          i: { personId: child['id'], measuredOn: today(), heightCm: medianHeight(child['sex'], ageDays, position), position, idempotencyKey: `matrix-${c.n}-measure` },
        },
      };
    },
    done: async (c, data) => {
      const g = await row(
        c.t,
        `select person_id, to_char(measured_on, 'YYYY-MM-DD') as measured_on, idempotency_key from growth_measurement where id = ?`,
        [data.recordGrowthMeasurement.id],
      );
      expect(g).toEqual({ person_id: c.chosen['id'], measured_on: today(), idempotency_key: `matrix-${c.n}-measure` });
    },
  },
  'Mutation.recordPovertyAssessment': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER], scopedMutation),
    op: async (c) => {
      const h = await recordOf(c, {}, (set) => `${set} order by 1 limit 1`);
      return {
        query: 'mutation ($i: RecordPovertyAssessmentInput!) { recordPovertyAssessment(input: $i) { id } }',
        variables: { i: { householdId: h['id'], assessedOn: today(), welfareDecile: 3, reason: `Uji matriks akses ${c.n}` } },
      };
    },
    done: async (c, data) => {
      const a = await row(c.t, 'select household_id, reason from poverty_assessment where id = ?', [data.recordPovertyAssessment.id]);
      expect(a).toEqual({ household_id: c.chosen['id'], reason: `Uji matriks akses ${c.n}` });
    },
  },
  'Mutation.upsertIndicatorValue': {
    // Agency staff record the aspects their organisation's programs work on: Dinas Kesehatan's include
    // stunting ('in'), not investment ('out').
    scenarios: ALL,
    users: { [Role.AGENCY_STAFF]: 'dinkes' },
    expect: gate([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF], (role, s) =>
      s === 'missing' ? 'NOT_FOUND' : s === 'out' && role === Role.AGENCY_STAFF ? 'FORBIDDEN' : 'ok',
    ),
    op: async (c) => {
      const indicator = c.scenario === 'out' && c.role === Role.AGENCY_STAFF ? 'INVESTMENT_REALISATION_RP' : 'STUNTING_PREVALENCE_PCT';
      const area = c.scenario === 'missing' ? MISSING : (await row(c.t, 'select id from area where code = ?', [c.scenario === 'in' ? KELURAHAN : '62.71.01.1001']))['id'];
      c.chosen['areaId'] = area;
      c.chosen['indicator'] = indicator;
      return {
        query: 'mutation ($i: UpsertIndicatorValueInput!) { upsertIndicatorValue(input: $i) { id } }',
        variables: { i: { areaId: area, indicator, year: 2025, quarter: 2, value: 10 + (c.n % 1000) / 100, source: 'Uji matriks akses' } },
      };
    },
    done: async (c) => {
      const v = await row(c.t, 'select value::float8 as value from indicator_value where area_id = ? and indicator = ? and year = 2025 and quarter = 2', [c.chosen['areaId'], c.chosen['indicator']]);
      expect(v['value']).toBeCloseTo(10 + (c.n % 1000) / 100, 6);
    },
  },
  'Mutation.createOrganization': {
    scenarios: ONLY_IN,
    expect: gate([Role.ADMIN], always('ok')),
    op: async (c) => ({ query: 'mutation ($n: String!) { createOrganization(input: { name: $n, type: NGO }) { id } }', variables: { n: `Yayasan Matriks ${c.n}` } }),
    done: async (c, data) => expect((await row(c.t, 'select name from organization where id = ?', [data.createOrganization.id]))['name']).toBe(`Yayasan Matriks ${c.n}`),
  },
  'Mutation.updateOrganization': {
    scenarios: ['in', 'missing'],
    expect: gate([Role.ADMIN], existing),
    op: async (c) => {
      c.chosen['id'] = c.scenario === 'missing' ? MISSING : (await row(c.t, `select ${orgOf(Role.AGENCY_STAFF)} as id`))['id'];
      return { query: 'mutation ($id: ID!, $p: String!) { updateOrganization(input: { id: $id, contactPhone: $p }) { id } }', variables: { id: c.chosen['id'], p: `0536 12${c.n}` } };
    },
    done: async (c) => expectChosen(c, 'organization', { contact_phone: `0536 12${c.n}` }),
  },
  'Mutation.importAreaBoundaries': {
    scenarios: ONLY_IN,
    expect: gate([Role.ADMIN], always('ok')),
    op: async () => ({
      query: 'mutation ($g: JSONObject!) { importAreaBoundaries(geojson: $g) { updated } }',
      variables: {
        g: {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', id: KELURAHAN, properties: {}, geometry: { type: 'Polygon', coordinates: [[[113.89, -2.25], [113.9, -2.25], [113.9, -2.24], [113.89, -2.25]]] } }],
        },
      },
    }),
    done: async (c, data) => {
      expect(data.importAreaBoundaries.updated).toBe(1);
      const a = await row(c.t, 'select boundary from area where code = ?', [KELURAHAN]);
      expect(JSON.stringify(a['boundary'])).toContain('113.89');
    },
  },
  'Mutation.createProgram': {
    scenarios: ONLY_IN,
    expect: gate([Role.ADMIN, Role.COORDINATOR], always('ok')),
    op: async (c) => ({
      query: 'mutation ($i: CreateProgramInput!) { createProgram(input: $i) { id } }',
      variables: {
        i: {
          ownerId: (await row(c.t, `select ${orgOf(Role.AGENCY_STAFF)} as id`))['id'],
          name: `Program Matriks ${c.n}`,
          focusAspects: ['INFLATION'],
          strategy: 'REDUCE_EXPENDITURE',
          targetUnit: 'HOUSEHOLD',
          deliveryUnit: 'paket',
          frequency: 'MONTHLY',
          startsOn: '2026-01-01',
        },
      },
    }),
    done: async (c, data) => expect((await row(c.t, 'select name from program where id = ?', [data.createProgram.id]))['name']).toBe(`Program Matriks ${c.n}`),
  },
  'Mutation.updateProgram': {
    scenarios: ['in', 'missing'],
    expect: gate([Role.ADMIN, Role.COORDINATOR], existing),
    op: async (c) => {
      c.chosen['id'] = c.scenario === 'missing' ? MISSING : (await programOf(c)).id;
      return { query: 'mutation ($id: ID!, $q: Int!) { updateProgram(input: { id: $id, quota: $q }) { id } }', variables: { id: c.chosen['id'], q: 1000 + c.n } };
    },
    done: async (c) => expectChosen(c, 'program', { quota: 1000 + c.n }),
  },
  'Mutation.planIntervention': {
    scenarios: ALL,
    expect: gate(DELIVERERS, scopedMutation),
    op: async (c) => ({ query: 'mutation ($i: PlanInterventionInput!) { planIntervention(input: $i) { id } }', variables: { i: { ...(await interventionTarget(c)), plannedOn: today() } } }),
    done: async (c, data) => {
      const i = await row(c.t, 'select program_id, household_id, status from intervention where id = ?', [data.planIntervention.id]);
      expect(i).toEqual({ program_id: c.chosen['programId'], household_id: c.chosen['householdId'], status: 'PLANNED' });
    },
  },
  'Mutation.logIntervention': {
    scenarios: ALL,
    expect: gate(DELIVERERS, scopedMutation),
    op: async (c) => ({
      query: 'mutation ($i: LogInterventionInput!) { logIntervention(input: $i) { id } }',
      variables: { i: { ...(await interventionTarget(c)), deliveredAt: today(), idempotencyKey: `matrix-${c.n}-key` } },
    }),
    done: async (c, data) => {
      const i = await row(c.t, 'select program_id, household_id, status, idempotency_key from intervention where id = ?', [data.logIntervention.id]);
      expect(i).toEqual({ program_id: c.chosen['programId'], household_id: c.chosen['householdId'], status: 'DELIVERED', idempotency_key: `matrix-${c.n}-key` });
    },
  },
  'Mutation.advanceIntervention': {
    scenarios: ALL,
    expect: gate(DELIVERERS, scopedMutation),
    op: async (c) => {
      c.chosen['id'] = await plannedIntervention(c);
      return { query: 'mutation ($i: AdvanceInterventionInput!) { advanceIntervention(input: $i) { id } }', variables: { i: { id: c.chosen['id'], status: 'IN_PROGRESS' } } };
    },
    done: async (c) => expectChosen(c, 'intervention', { status: 'IN_PROGRESS' }),
  },
  'Mutation.cancelIntervention': {
    scenarios: ALL,
    expect: gate(DELIVERERS, scopedMutation),
    op: async (c) => {
      c.chosen['id'] = await plannedIntervention(c);
      return { query: 'mutation ($id: ID!) { cancelIntervention(id: $id, reason: "uji matriks akses") { id } }', variables: { id: c.chosen['id'] } };
    },
    done: async (c) => expectChosen(c, 'intervention', { status: 'CANCELLED', cancel_reason: 'uji matriks akses' }),
  },
  'Mutation.correctIntervention': {
    scenarios: ALL,
    expect: gate(DELIVERERS, scopedMutation),
    op: async (c) => {
      c.chosen['id'] = await loggedIntervention(c);
      return {
        query: 'mutation ($i: CorrectInterventionInput!) { correctIntervention(input: $i) { id } }',
        variables: { i: { id: c.chosen['id'], version: 1, note: `koreksi matriks ${c.n}` } },
      };
    },
    done: async (c) => expectChosen(c, 'intervention', { note: `koreksi matriks ${c.n}` }),
  },
  'Mutation.createAssignments': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.COORDINATOR], scopedMutation),
    op: async (c) => {
      c.chosen['org'] = (await row(c.t, `select ${orgOf(Role.NGO_PARTNER)} as id`))['id'];
      const h =
        c.scenario === 'missing'
          ? { id: MISSING }
          : await row(
              c.t,
              // A partner's own households are all referred to the NGO already; its cells are refused anyway.
              `select h.id from household h where h.id in (${households(PARTNERS.has(c.role) ? Role.ADMIN : c.role, c.scenario)}) and not exists (
                 select 1 from assignment x where x.household_id = h.id and x.organization_id = ? and x.status in ('REQUESTED', 'ACCEPTED')) order by 1 limit 1`,
              [c.chosen['org']],
            );
      c.chosen['id'] = h['id'];
      return { query: 'mutation ($h: ID!, $o: ID!) { createAssignments(input: { householdIds: [$h], organizationId: $o, needType: FOOD, lawfulBasis: PUBLIC_TASK }) { id } }', variables: { h: h['id'], o: c.chosen['org'] } };
    },
    done: async (c, data) => {
      const a = await row(c.t, 'select household_id, organization_id, status from assignment where id = ?', [data.createAssignments[0].id]);
      expect(a).toEqual({ household_id: c.chosen['id'], organization_id: c.chosen['org'], status: 'REQUESTED' });
    },
  },
  'Mutation.respondToAssignment': {
    scenarios: ALL,
    expect: gate(PARTNERS, (_r, s) => (s === 'in' ? 'ok' : 'NOT_FOUND')),
    op: async (c) => {
      c.chosen['id'] = await openAssignment(c, 'REQUESTED');
      return { query: 'mutation ($id: ID!) { respondToAssignment(id: $id, accept: true) { id } }', variables: { id: c.chosen['id'] } };
    },
    done: async (c) => expectChosen(c, 'assignment', { status: 'ACCEPTED' }),
  },
  'Mutation.closeAssignment': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.COORDINATOR, ...PARTNERS], (role, s) => (s === 'in' || (s === 'out' && !PARTNERS.has(role)) ? 'ok' : 'NOT_FOUND')),
    op: async (c) => {
      c.chosen['id'] = await openAssignment(c);
      return { query: 'mutation ($id: ID!) { closeAssignment(id: $id, note: "selesai") { id } }', variables: { id: c.chosen['id'] } };
    },
    done: async (c) => expectChosen(c, 'assignment', { status: 'CLOSED' }),
  },
  'Mutation.withdrawReferralConsent': {
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.COORDINATOR], existing),
    op: async (c) => {
      if (c.scenario === 'missing') c.chosen['id'] = MISSING;
      else {
        // A fresh consent-based referral to the NGO, of a household nobody has referred to it yet.
        const org = (await row(c.t, `select ${orgOf(Role.NGO_PARTNER)} as id`))['id'];
        const h = await row(
          c.t,
          `select h.id, (select p.id from person p where p.household_id = h.id order by p.id limit 1) as member from household h
           where not exists (select 1 from assignment x where x.household_id = h.id and x.organization_id = ?) order by h.id ${c.scenario === 'in' ? 'asc' : 'desc'} limit 1`,
          [org],
        );
        const made = await c.prepare(
          'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
          { i: { householdIds: [h['id']], organizationId: org, lawfulBasis: 'CONSENT', consents: [{ householdId: h['id'], givenById: h['member'], givenOn: today(), method: 'VERBAL' }] } },
        );
        c.chosen['id'] = made.createAssignments[0].id;
      }
      return { query: 'mutation ($id: ID!) { withdrawReferralConsent(id: $id, reason: "keluarga menarik persetujuan") { id } }', variables: { id: c.chosen['id'] } };
    },
    done: async (c) =>
      expectChosen(c, 'assignment', {
        status: 'CLOSED',
        consent_withdrawal_note: 'keluarga menarik persetujuan',
      }),
  },
  'Mutation.createUser': {
    scenarios: ONLY_IN,
    expect: gate([Role.ADMIN], always('ok')),
    op: async (c) => ({
      query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }',
      variables: { i: { username: `matriks.${c.n}`, displayName: 'Matriks', organizationId: (await row(c.t, `select ${orgOf(Role.AUDITOR)} as id`))['id'], role: 'AUDITOR', password: 'matriks-sandi-123' } },
    }),
    done: async (c, data) => expect((await row(c.t, 'select username from app_user where id = ?', [data.createUser.id]))['username']).toBe(`matriks.${c.n}`),
  },
  'Mutation.updateUser': {
    scenarios: ['in', 'missing'],
    expect: gate([Role.ADMIN], existing),
    op: async (c) => {
      c.chosen['id'] = c.scenario === 'missing' ? MISSING : (await row(c.t, "select id from app_user where username = 'dinkes'"))['id'];
      return { query: 'mutation ($id: ID!, $n: String!) { updateUser(input: { id: $id, displayName: $n }) { id } }', variables: { id: c.chosen['id'], n: `Cadangan ${c.n}` } };
    },
    done: async (c) => expectChosen(c, 'app_user', { display_name: `Cadangan ${c.n}` }),
  },
  'Mutation.resetPassword': {
    scenarios: ['in', 'missing'],
    expect: gate([Role.ADMIN], existing),
    op: async (c) => {
      const id = c.scenario === 'missing' ? MISSING : (await row(c.t, "select id from app_user where username = 'dinkes'"))['id'];
      return { query: 'mutation ($id: ID!, $p: String!) { resetPassword(userId: $id, newPassword: $p) }', variables: { id, p: `sandi-baru-${c.n}-12345` } };
    },
    done: async (c) => {
      const res = await c.t.gql('mutation ($p: String!) { login(username: "dinkes", password: $p) { token } }', { p: `sandi-baru-${c.n}-12345` });
      expect(res.data?.login.token).toBeTruthy();
    },
  },
  'Mutation.createApiToken': {
    scenarios: ONLY_IN,
    expect: always('ok'),
    op: async (c) => ({ query: 'mutation ($n: String!) { createApiToken(input: { name: $n }) { token apiToken { id } } }', variables: { n: `matriks ${c.n}` } }),
    done: async (c, data) => {
      const token = await row(c.t, 'select user_id, name from api_token where id = ?', [data.createApiToken.apiToken.id]);
      expect(token['name']).toBe(`matriks ${c.n}`);
      expect((await c.t.gql('{ me { username } }', {}, data.createApiToken.token)).data.me.username).toBe(c.user);
    },
  },
  'Mutation.revokeApiToken': {
    // Another user's token is out of scope, except for an administrator.
    scenarios: ALL,
    expect: (role, s) => (s === 'in' || (s === 'out' && role === Role.ADMIN) ? 'ok' : 'NOT_FOUND'),
    op: async (c) => {
      const owner = c.scenario === 'in' ? c.role : c.role === Role.ADMIN ? Role.AUDITOR : Role.ADMIN;
      const made = await c.t.gql('mutation { createApiToken(input: { name: "matriks sendiri" }) { apiToken { id } } }', {}, await c.as(USER_OF[owner]));
      c.chosen['id'] = c.scenario === 'missing' ? MISSING : made.data.createApiToken.apiToken.id;
      return { query: 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', variables: { id: c.chosen['id'] } };
    },
    done: async (c) => expect((await row(c.t, 'select revoked_at from api_token where id = ?', [c.chosen['id']]))['revoked_at']).not.toBeNull(),
  },
  'Mutation.setImportMapping': {
    scenarios: ALL,
    expect: ownImportJob,
    op: async (c) => ({
      // NISN is an optional column: left unmapped, the import ignores it.
      query: 'mutation ($id: ID!) { setImportMapping(jobId: $id, columns: [{ key: "nisn", column: null }]) { id } }',
      variables: { id: await importJobOf(c) },
    }),
    done: async (c) => {
      const job = await row(c.t, `select mapping->'nisn' = 'null'::jsonb as unmapped, (mapping->>'nik')::int as nik from import_job where id = ?`, [c.chosen['id']]);
      expect(job).toEqual({ unmapped: true, nik: 0 });
      // Remembered for the source, for the next file.
      const remembered = await row(c.t, `select columns->'nisn' = 'null'::jsonb as unmapped, updated_by_id from import_mapping where source = 'disdik'`);
      expect(remembered).toEqual({ unmapped: true, updated_by_id: (await row(c.t, 'select id from app_user where username = ?', [c.user]))['id'] });
    },
  },
  'Mutation.validateImport': {
    scenarios: ALL,
    expect: ownImportJob,
    op: async (c) => ({ query: 'mutation ($id: ID!) { validateImport(jobId: $id) { id } }', variables: { id: await importJobOf(c) } }),
    done: async (c) => {
      expect(await settleImport(c.t, c.chosen['id'])).toBe('VALIDATED');
      const job = await row(c.t, 'select rows_total, valid_rows, rejected, inserted from import_job where id = ?', [c.chosen['id']]);
      expect(job).toEqual({ rows_total: 1, valid_rows: 1, rejected: 0, inserted: 0 });
      // A dry run writes nothing to the registry.
      expect((await row(c.t, 'select school_enrolled from person where id = ?', [c.chosen['childId']]))['school_enrolled']).toBe(true);
    },
  },
  'Mutation.commitImport': {
    scenarios: ALL,
    expect: ownImportJob,
    op: async (c) => ({ query: 'mutation ($id: ID!) { commitImport(jobId: $id) { id } }', variables: { id: await importJobOf(c, { validated: true }) } }),
    done: async (c) => {
      expect(await settleImport(c.t, c.chosen['id'])).toBe('COMMITTED');
      await expectChosen(c, 'import_job', { updated: 1, rejected: 0 });
      expect((await row(c.t, 'select school_enrolled from person where id = ?', [c.chosen['childId']]))['school_enrolled']).toBe(false);
    },
  },
  'Mutation.resolveImportReview': {
    // The coordinator and the administrator resolve any review; a kelurahan officer those of their area.
    scenarios: ALL,
    expect: gate([Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER], (role, s) => (s === 'in' || (s === 'out' && role !== Role.KELURAHAN_OFFICER) ? 'ok' : 'NOT_FOUND')),
    op: async (c) => {
      c.chosen['id'] = await openImportReview(c);
      return { query: 'mutation ($id: ID!) { resolveImportReview(id: $id, decision: MERGE) { id } }', variables: { id: c.chosen['id'] } };
    },
    done: async (c) => {
      const review = await row(c.t, 'select r.status, r.record->>\'name\' as incoming, p.name from import_review r join person p on p.id = r.person_id where r.id = ?', [c.chosen['id']]);
      expect(review['status']).toBe('MERGED');
      expect(review['name']).toBe(review['incoming']);
    },
  },
};

const counted = new WeakSet<TestServer>();

/**
 * How many rows of any table have been inserted, updated or deleted on this server's database: a
 * refused mutation must leave it as it was. A row trigger on every table (installed on first use,
 * as the owner, counting through a security-definer function so the application role needs no
 * grant) keeps this exact and cheap; a checksum of every row took a third of a second per look.
 */
export async function fingerprint(t: TestServer): Promise<string> {
  if (!counted.has(t)) {
    await installRowCounter(t);
    counted.add(t);
  }
  return (await t.query<{ n: string }>('select n::text from test_row_changes'))[0]!.n;
}

async function installRowCounter(t: TestServer): Promise<void> {
  const tables = await t.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'mikro_orm%' order by 1",
  );
  const install = `create table test_row_changes (n bigint not null); insert into test_row_changes values (0);
    create function test_count_row_change() returns trigger language plpgsql security definer set search_path = public as
    $$ begin update test_row_changes set n = n + 1; return null; end $$;
    ${tables.map((x) => `create trigger test_count_row_change after insert or update or delete on "${x.name}" for each row execute function test_count_row_change();`).join('\n')}`;
  // The triggers lock table after table while the server's own transactions (a login finishing, say)
  // lock some of them in another order: PostgreSQL may abort the install as a deadlock, and as one
  // implicit transaction it is then undone whole, so it is simply tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      await t.query(install);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
    }
  }
}

export function outcomeOf(res: GraphQLResponse, field: string): Outcome | string {
  const code = res.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
  if (code) return `${code} (${res.errors![0]!.message})`;
  if (res.data?.[field] === null) return 'null';
  return 'ok';
}

/** The sessions and preparation a cell needs on one server, and the cells of a rule on it. */
export function cellsOn(m: TestServer) {
  const kept = new Map<string, string>();
  const as = async (user: string) => kept.get(user) ?? kept.set(user, await m.login(user)).get(user)!;
  const prepare = async (query: string, variables?: Record<string, unknown>) => {
    const res = await m.gql(query, variables, await as(USER_OF[Role.ADMIN]));
    if (res.errors) throw new Error(`preparing failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  /** The cell of a role and scenario: the rule's user for the role, with a kept (or a throwaway) session. */
  const cell = async (rule: MutationRule, role: Role, scenario: Scenario, n: number): Promise<Cell> => {
    const user = rule.users?.[role] ?? USER_OF[role];
    const token = rule.ownSession ? await m.login(user) : await as(user);
    return { t: m, role, user, scenario, token, as, prepare, n, chosen: {} };
  };
  return { as, prepare, cell };
}
