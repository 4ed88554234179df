import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { clockValues } from '../src/config/clock.js';
import { APP_ROLE, PARTNER_APP_ROLE } from '../src/db/embedded.js';
import type { Role } from '../src/graphql/enums.js';
import { setViewer } from '../src/graphql/request-transaction.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * The database as the second wall (spec §6): every role × every table × select/insert/update/delete,
 * in raw SQL as the application role, on rows inside and outside the role's scope. POLICY below is
 * the documentation of what PostgreSQL allows (README, "Access control"); the API may allow less,
 * never more. Column and state-transition limits on the rows a role may update are tested after it.
 */

const ROLES = ['ANONYMOUS', 'ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER', 'AUDITOR'] as const;
type RoleKey = (typeof ROLES)[number];
const USER_OF: Record<Exclude<RoleKey, 'ANONYMOUS'>, string> = {
  ADMIN: 'admin',
  COORDINATOR: 'bappeda',
  AGENCY_STAFF: 'dinkes',
  KELURAHAN_OFFICER: 'lurah.menteng',
  NGO_PARTNER: 'ngo',
  PRIVATE_PARTNER: 'csr',
  AUDITOR: 'inspektorat',
};
const OPS = ['select', 'insert', 'update', 'delete'] as const;
type Op = (typeof OPS)[number];

/** The rows each table is tried on; what each label means for a viewer is in `rowOf` below. */
const ROWS = {
  household: ['in', 'out'],
  person: ['in', 'out'],
  growth_measurement: ['in', 'out'],
  intervention: ['in', 'inOther', 'inPartner', 'out'],
  assignment: ['in', 'inOther', 'out'],
  household_need: ['in', 'out'],
  poverty_assessment: ['in', 'out'],
  audit_event: ['ownLogin', 'own', 'other'],
  app_user: ['self', 'colleague', 'other'],
  user_session: ['own', 'other', 'revoked'],
  api_token: ['own', 'other', 'revoked'],
  area: ['any'],
  organization: ['any'],
  program: ['own', 'other'],
  indicator_value: ['stunting', 'inflation'],
  import_job: ['own', 'other'],
  import_row: ['own', 'other'],
  import_review: ['in', 'out', 'own'],
  field_provenance: ['in', 'out'],
  import_mapping: ['any'],
} as const;
type Table = keyof typeof ROWS;
type Grants = Partial<Record<RoleKey, readonly string[]>>;

const GOVERNMENT_WIDE = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'AUDITOR'] as const;
const IMPORTERS = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER'] as const;
const LOGGED_IN = ROLES.filter((r) => r !== 'ANONYMOUS');
const to = (roles: readonly RoleKey[], rows: readonly string[]): Grants => Object.fromEntries(roles.map((r) => [r, rows]));
/** Import jobs and their staged rows: coordinators, administrators and auditors read every job, other importers their own. */
const JOB_READERS: Grants = { ...to(['ADMIN', 'COORDINATOR', 'AUDITOR'], ['own', 'other']), ...to(['AGENCY_STAFF', 'KELURAHAN_OFFICER'], ['own']) };
/** Reads along the household scope of spec §1: city-wide roles all, the kelurahan officer its area, partners their referrals. */
const householdScoped = (inRows: readonly string[], all: readonly string[]): Grants => ({
  ...to(GOVERNMENT_WIDE, all),
  ...to(['KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER'], inRows),
});

/**
 * What PostgreSQL lets each role do. A role not listed for an operation may do it on no row.
 * in/out: a household (or what hangs off it) inside / outside the viewer's scope. intervention.in:
 * of a program owned by the viewer's organisation; inOther: another organisation's program, same
 * household (a government agency's, for partners); inPartner: a partner's program, same household,
 * which another partner must not see. assignment.in: referral of the visible household to the viewer's organisation (partners),
 * inOther: to another partner; out: a closed referral of a household outside the scope.
 * Imports: own/other, a job (or its staged row) of the viewer / of another user; import_review.in/out:
 * a review of another user's job in / outside the kelurahan officer's area, own: of the viewer's own
 * job, outside that area. Partners never see or write import data, auditors only read it (even a job
 * someone made in their name).
 */
const POLICY: Record<Table, Record<Op, Grants>> = {
  household: {
    select: householdScoped(['in'], ['in', 'out']),
    insert: { ADMIN: ['in', 'out'], KELURAHAN_OFFICER: ['in'] },
    // Coordinators and agency staff only through an assessment (decile, status, expenditure: see below).
    update: { ADMIN: ['in', 'out'], COORDINATOR: ['in', 'out'], AGENCY_STAFF: ['in', 'out'], KELURAHAN_OFFICER: ['in'] },
    delete: {},
  },
  person: {
    select: householdScoped(['in'], ['in', 'out']),
    insert: { ADMIN: ['in', 'out'], KELURAHAN_OFFICER: ['in'] },
    update: { ADMIN: ['in', 'out'], KELURAHAN_OFFICER: ['in'] },
    delete: {},
  },
  growth_measurement: {
    select: householdScoped(['in'], ['in', 'out']),
    insert: { ADMIN: ['in', 'out'], AGENCY_STAFF: ['in', 'out'] },
    update: {},
    delete: {},
  },
  intervention: {
    select: {
      ...to(GOVERNMENT_WIDE, ['in', 'inOther', 'inPartner', 'out']),
      KELURAHAN_OFFICER: ['in', 'inOther', 'inPartner'],
      ...to(['NGO_PARTNER', 'PRIVATE_PARTNER'], ['in', 'inOther']),
    },
    insert: { ...to(['ADMIN', 'COORDINATOR'], ['in', 'inOther', 'inPartner', 'out']), AGENCY_STAFF: ['in', 'out'], NGO_PARTNER: ['in'], PRIVATE_PARTNER: ['in'] },
    update: { ...to(['ADMIN', 'COORDINATOR'], ['in', 'inOther', 'inPartner', 'out']), AGENCY_STAFF: ['in', 'out'], NGO_PARTNER: ['in'], PRIVATE_PARTNER: ['in'] },
    delete: {},
  },
  assignment: {
    select: { ...to(GOVERNMENT_WIDE, ['in', 'inOther', 'out']), KELURAHAN_OFFICER: ['in', 'inOther'], NGO_PARTNER: ['in'], PRIVATE_PARTNER: ['in'] },
    // Only coordinators refer: a partner never creates a referral, not even to itself.
    insert: { ADMIN: ['in', 'inOther', 'out'], COORDINATOR: ['in', 'inOther', 'out'] },
    update: { ADMIN: ['in', 'inOther', 'out'], COORDINATOR: ['in', 'inOther', 'out'], NGO_PARTNER: ['in'], PRIVATE_PARTNER: ['in'] },
    delete: {},
  },
  household_need: {
    select: householdScoped(['in'], ['in', 'out']),
    // Needs are re-derived by whoever changes a household's data, within their scope.
    insert: { ...to(['ADMIN', 'COORDINATOR', 'AGENCY_STAFF'], ['in', 'out']), ...to(['KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER'], ['in']) },
    update: { ...to(['ADMIN', 'COORDINATOR', 'AGENCY_STAFF'], ['in', 'out']), ...to(['KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER'], ['in']) },
    delete: { ...to(['ADMIN', 'COORDINATOR', 'AGENCY_STAFF'], ['in', 'out']), ...to(['KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER'], ['in']) },
  },
  poverty_assessment: {
    select: householdScoped(['in'], ['in', 'out']),
    insert: { ADMIN: ['in', 'out'], COORDINATOR: ['in', 'out'], AGENCY_STAFF: ['in', 'out'], KELURAHAN_OFFICER: ['in'] },
    update: {},
    delete: {},
  },
  audit_event: {
    // ownLogin: the viewer's own LOGIN; own: another event of the viewer; other: someone else's.
    select: { ...to(LOGGED_IN, ['ownLogin']), ADMIN: ['ownLogin', 'own', 'other'], AUDITOR: ['ownLogin', 'own', 'other'] },
    // Everyone writes events in their own name; a login (anonymous) writes LOGIN/LOGIN_FAILED of the user it is about.
    insert: { ...to(LOGGED_IN, ['ownLogin', 'own']), ANONYMOUS: ['ownLogin'] },
    update: {},
    delete: {},
  },
  app_user: {
    // Anonymous: the login looks users up by name. Partners see the people of their own organisation.
    select: { ...to(ROLES, ['self', 'colleague', 'other']), NGO_PARTNER: ['self', 'colleague'], PRIVATE_PARTNER: ['self', 'colleague'] },
    insert: { ADMIN: ['self', 'colleague', 'other'] },
    // Own row: password (columns limited below); anonymous: the login's last_login_at only.
    update: { ...to(LOGGED_IN, ['self']), ADMIN: ['self', 'colleague', 'other'], ANONYMOUS: ['self', 'colleague', 'other'] },
    delete: {},
  },
  user_session: {
    // Anonymous: the session lookup of every request sees live sessions only.
    select: { ...to(LOGGED_IN, ['own']), ADMIN: ['own', 'other', 'revoked'], ANONYMOUS: ['own', 'other'] },
    insert: { ...to(LOGGED_IN, ['own']), ANONYMOUS: ['own', 'other'] },
    update: { ...to(LOGGED_IN, ['own']), ADMIN: ['own', 'other', 'revoked'] },
    delete: {},
  },
  api_token: {
    select: { ...to(LOGGED_IN, ['own']), ADMIN: ['own', 'other', 'revoked'], ANONYMOUS: ['own', 'other'] },
    insert: to(LOGGED_IN, ['own']),
    // Anonymous: last_used_at of a live token (columns limited below).
    update: { ...to(LOGGED_IN, ['own']), ADMIN: ['own', 'other', 'revoked'], ANONYMOUS: ['own', 'other'] },
    delete: {},
  },
  area: {
    select: to(ROLES, ['any']),
    insert: {},
    update: { ADMIN: ['any'] },
    delete: {},
  },
  organization: {
    select: to(ROLES, ['any']),
    insert: { ADMIN: ['any'] },
    update: { ADMIN: ['any'] },
    delete: {},
  },
  program: {
    select: to(LOGGED_IN, ['own', 'other']),
    insert: to(['ADMIN', 'COORDINATOR'], ['own', 'other']),
    update: to(['ADMIN', 'COORDINATOR'], ['own', 'other']),
    delete: {},
  },
  indicator_value: {
    select: to(LOGGED_IN, ['stunting', 'inflation']),
    // Agency staff record the aspects their organisation's programs work on (Dinas Kesehatan: stunting).
    insert: { ...to(['ADMIN', 'COORDINATOR'], ['stunting', 'inflation']), AGENCY_STAFF: ['stunting'] },
    update: { ...to(['ADMIN', 'COORDINATOR'], ['stunting', 'inflation']), AGENCY_STAFF: ['stunting'] },
    delete: {},
  },
  import_job: {
    select: JOB_READERS,
    // Only in the viewer's own name and organisation.
    insert: to(IMPORTERS, ['own']),
    update: to(IMPORTERS, ['own']),
    delete: {},
  },
  import_row: {
    select: JOB_READERS,
    insert: to(IMPORTERS, ['own']),
    update: to(IMPORTERS, ['own']),
    // A re-validation replaces the staged rows of the viewer's own job.
    delete: to(IMPORTERS, ['own']),
  },
  import_review: {
    select: { ...to(['ADMIN', 'COORDINATOR', 'AUDITOR'], ['in', 'out', 'own']), AGENCY_STAFF: ['own'], KELURAHAN_OFFICER: ['in', 'own'] },
    insert: to(IMPORTERS, ['own']),
    // Resolved by a coordinator or the kelurahan officer of the area, not by whoever imported.
    update: { ...to(['ADMIN', 'COORDINATOR'], ['in', 'out', 'own']), KELURAHAN_OFFICER: ['in'] },
    delete: {},
  },
  field_provenance: {
    select: { ...to(GOVERNMENT_WIDE, ['in', 'out']), KELURAHAN_OFFICER: ['in'] },
    insert: { ...to(['ADMIN', 'COORDINATOR', 'AGENCY_STAFF'], ['in', 'out']), KELURAHAN_OFFICER: ['in'] },
    update: { ...to(['ADMIN', 'COORDINATOR', 'AGENCY_STAFF'], ['in', 'out']), KELURAHAN_OFFICER: ['in'] },
    delete: {},
  },
  import_mapping: {
    select: to([...IMPORTERS, 'AUDITOR'], ['any']),
    insert: to(IMPORTERS, ['any']),
    update: to(IMPORTERS, ['any']),
    delete: {},
  },
};

interface Viewer {
  key: RoleKey;
  userId: string;
  role: string;
  orgId: string;
  areaCode: string;
}

/** The database role a viewer's transaction runs as: partners switch to their own (migration 0050), as the request's opening does. */
const dbRoleOf = (v: Viewer) => (v.key === 'NGO_PARTNER' || v.key === 'PRIVATE_PARTNER' ? PARTNER_APP_ROLE : APP_ROLE);

/** Sets the viewer on `conn`'s transaction as the application does: its settings, and its database role. */
async function setViewerOn(v: Viewer, extra = ''): Promise<void> {
  await conn.query(
    `select set_config('sinergi.user_id', $1, true), set_config('sinergi.role', $2, true),
            set_config('sinergi.org_id', $3, true), set_config('sinergi.area_code', $4, true), set_config('role', $5, true)${extra}`,
    [v.userId, v.role, v.orgId, v.areaCode, dbRoleOf(v)],
  );
}

type Json = Record<string, unknown>;

let t: TestServer;
let conn: pg.Client;
const viewers = {} as Record<RoleKey, Viewer>;
/** Fixture ids, found or created as the owner. */
const f = {} as {
  hIn: string;
  hOut: string;
  orgs: Record<'ngo' | 'csr' | 'dinkes' | 'third', string>;
  interventions: Record<'ngo' | 'csr' | 'dinkes', { in: string; out: string }>;
  assignments: { ngoIn: string; csrIn: string; thirdIn: string; ngoOut: string; csrOut: string };
  colleagues: Record<string, string>;
  sessions: Record<string, string>;
  tokens: Record<string, string>;
  revokedSession: string;
  revokedToken: string;
  logins: Record<string, string>;
  reads: Record<string, string>;
  otherEvent: string;
  programs: Record<'ngo' | 'csr' | 'dinkes' | 'third', string>;
  indicators: Record<'stunting' | 'inflation', string>;
  /** A validated DTSEN job of each viewer, and of the dinsos user (`other`). */
  jobs: Record<string, string>;
  /** Reviews of the dinsos job in and out of Menteng, and of each viewer's own job. */
  reviews: Record<string, string>;
};

const one = async <T extends Json>(text: string, params: unknown[] = []) => {
  const [row] = await t.query<T>(text, params);
  if (!row) throw new Error(`fixture not found: ${text}`);
  return row;
};
const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');

/** An owner-inserted row, built from an existing one with overrides. */
async function cloneAsOwner(table: string, id: string, overrides: Json): Promise<string> {
  const { r } = await one<{ r: Json }>(`select to_jsonb(x) as r from ${table} x where id = ?`, [id]);
  const row = { ...r, id: randomUUID(), ...overrides };
  const cols = Object.keys(row).map((c) => `"${c}"`).join(', ');
  await t.query(`insert into ${table} (${cols}) select ${cols} from jsonb_populate_record(null::${table}, ?::jsonb)`, [JSON.stringify(row)]);
  return row.id as string;
}

/** An import job of a user, as its owner would record it, with one staged row (line 1). */
async function makeJob(userId: string, orgId: string, source: string, status: string): Promise<string> {
  const id = randomUUID();
  await t.query(
    `insert into import_job (id, source, file_name, file_sha256, file_bytes, format, headers, source_date, status, created_by_id, organization_id)
     values (?, ?, 'berkas.csv', ?, 100, 'csv', '["NIK"]', date '2020-01-01', ?, ?, ?)`,
    [id, source, randomBytes(32).toString('hex'), status, userId, orgId],
  );
  await t.query(`insert into import_row (job_id, line, cells) values (?, 1, '["1"]')`, [id]);
  return id;
}

/** An open review of a job's line about a household and its first member. */
async function makeReview(job: string, line: number, household: string): Promise<string> {
  return (await one<{ id: string }>(
    `insert into import_review (id, job_id, source, file_name, line, kind, area_id, household_id, person_id, record, detail)
     select ?, ?, 'dtsen', 'uji.csv', ?, 'NIK_DIFFERENT_PERSON', h.area_id, h.id, (select p.id from person p where p.household_id = h.id order by p.id limit 1), '{}', 'uji'
       from household h where h.id = ? returning id`,
    [randomUUID(), job, line, household],
  )).id;
}

beforeAll(async () => {
  t = await startTestServer();
  conn = (await t.db.orm.em.getKnex().client.acquireConnection()) as pg.Client;

  viewers.ANONYMOUS = { key: 'ANONYMOUS', userId: '', role: '', orgId: '', areaCode: '' };
  for (const [key, username] of Object.entries(USER_OF)) {
    const u = await one<{ id: string; role: string; organization_id: string; code: string | null }>(
      `select u.id, u.role, u.organization_id, a.code from app_user u left join area a on a.id = u.area_id where u.username = ?`,
      [username],
    );
    viewers[key as RoleKey] = { key: key as RoleKey, userId: u.id, role: u.role, orgId: u.organization_id, areaCode: u.code ?? '' };
  }
  const orgOf = (key: RoleKey) => viewers[key].orgId;
  const third = await one<{ id: string }>(
    `select id from organization where type in ('NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR') and id not in (?, ?)
      and exists (select 1 from program p where p.owner_id = organization.id) order by name limit 1`,
    [orgOf('NGO_PARTNER'), orgOf('PRIVATE_PARTNER')],
  );
  f.orgs = { ngo: orgOf('NGO_PARTNER'), csr: orgOf('PRIVATE_PARTNER'), dinkes: orgOf('AGENCY_STAFF'), third: third.id };

  // A Menteng household and one elsewhere, each with a child measured, the latter referred to neither partner.
  const withChild = `exists (select 1 from person p join growth_measurement g on g.person_id = p.id where p.household_id = h.id)`;
  f.hIn = (await one<{ id: string }>(
    `select h.id from household h join area a on a.id = h.area_id where a.code = ? and ${withChild} order by h.id limit 1`,
    [viewers.KELURAHAN_OFFICER.areaCode],
  )).id;
  f.hOut = (await one<{ id: string }>(
    `select h.id from household h join area a on a.id = h.area_id
      where a.code not like ? and ${withChild}
        and not exists (select 1 from assignment s where s.household_id = h.id and s.organization_id in (?, ?)
                          and s.status in ('REQUESTED', 'ACCEPTED'))
      order by h.id limit 1`,
    [`${viewers.KELURAHAN_OFFICER.areaCode}%`, f.orgs.ngo, f.orgs.csr],
  )).id;

  // Referrals: of hIn to both partners and a third one (active), of hOut to both partners (closed).
  const refer = async (household: string, org: string, status: 'REQUESTED' | 'CLOSED') => {
    const existing = await t.query<{ id: string }>(
      `select id from assignment where household_id = ? and organization_id = ? and status = ? order by id limit 1`,
      [household, org, status],
    );
    if (existing[0]) return existing[0].id;
    const id = randomUUID();
    await t.query(
      `insert into assignment (id, household_id, organization_id, status, requested_by_id, closed_at)
       values (?, ?, ?, ?, ?, case when ? = 'CLOSED' then now() end)`,
      [id, household, org, status, viewers.COORDINATOR.userId, status],
    );
    return id;
  };
  // Only REQUESTED referrals of hIn, so that the transitions below start from a known state.
  await t.query(`update assignment set status = 'REQUESTED', responded_at = null, responded_by_id = null where household_id = ? and status = 'ACCEPTED'`, [f.hIn]);
  f.assignments = {
    ngoIn: await refer(f.hIn, f.orgs.ngo, 'REQUESTED'),
    csrIn: await refer(f.hIn, f.orgs.csr, 'REQUESTED'),
    thirdIn: await refer(f.hIn, f.orgs.third, 'REQUESTED'),
    ngoOut: await refer(f.hOut, f.orgs.ngo, 'CLOSED'),
    csrOut: await refer(f.hOut, f.orgs.csr, 'CLOSED'),
  };

  // A planned intervention of each organisation's program on each household.
  const programOf = async (org: string) =>
    (await one<{ id: string }>(`select id from program where owner_id = ? order by target_unit, name limit 1`, [org])).id;
  f.programs = { ngo: await programOf(f.orgs.ngo), csr: await programOf(f.orgs.csr), dinkes: await programOf(f.orgs.dinkes), third: await programOf(f.orgs.third) };
  const plan = async (org: 'ngo' | 'csr' | 'dinkes', household: string, year: number) => {
    const id = randomUUID();
    await t.query(
      `insert into intervention (id, program_id, household_id, status, planned_on, period_key, logged_by_id, organization_id)
       select ?, p.id, ?, 'PLANNED', p.starts_on, ?, ?, p.owner_id from program p where p.id = ?`,
      [id, household, String(year), viewers.ADMIN.userId, f.programs[org]],
    );
    return id;
  };
  f.interventions = {
    ngo: { in: await plan('ngo', f.hIn, 1990), out: await plan('ngo', f.hOut, 1990) },
    csr: { in: await plan('csr', f.hIn, 1991), out: await plan('csr', f.hOut, 1991) },
    dinkes: { in: await plan('dinkes', f.hIn, 1992), out: await plan('dinkes', f.hOut, 1992) },
  };

  // Needs and assessments of both households.
  for (const h of [f.hIn, f.hOut]) {
    await t.query(
      `insert into household_need (household_id, need_type, rule_version, evidence) values (?, 'ELECTRICITY', 1, '{}')
       on conflict do nothing`,
      [h],
    );
    await t.query(
      `insert into poverty_assessment (id, household_id, assessed_on, welfare_decile, poverty_status, reason)
       select ?, h.id, date '2020-01-01', h.welfare_decile, h.poverty_status, 'fixture' from household h where h.id = ?`,
      [randomUUID(), h],
    );
  }

  // People, sessions, tokens and audit events of every viewer (anonymous borrows the ngo user's).
  f.colleagues = {};
  f.sessions = {};
  f.tokens = {};
  f.logins = {};
  f.reads = {};
  for (const key of LOGGED_IN) {
    const v = viewers[key];
    f.colleagues[key] = await cloneAsOwner('app_user', v.userId, { username: `rekan.${digits(8)}`, last_login_at: null });
    f.sessions[key] = randomUUID();
    await t.query(`insert into user_session (id, user_id, token_hash, expires_at) values (?, ?, ?, now() + interval '1 day')`, [
      f.sessions[key],
      v.userId,
      randomBytes(32).toString('hex'),
    ]);
    f.tokens[key] = randomUUID();
    await t.query(`insert into api_token (id, user_id, name, token_prefix, token_hash, expires_at) values (?, ?, 'fixture', 'sng_t_abc', ?, now() + interval '30 days')`, [
      f.tokens[key],
      v.userId,
      randomBytes(32).toString('hex'),
    ]);
    const event = async (action: string) =>
      (await one<{ id: string }>(
        `insert into audit_event (actor_id, organization_id, role, action, entity_type, entity_ids)
         values (?, ?, ?, ?, 'User', array[?]) returning id::text`,
        [v.userId, v.orgId, v.role, action, v.userId],
      )).id;
    f.logins[key] = await event('LOGIN');
    f.reads[key] = await event('PII_READ');
  }
  f.revokedSession = randomUUID();
  await t.query(`insert into user_session (id, user_id, token_hash, expires_at, revoked_at) values (?, ?, ?, now() + interval '1 day', now())`, [
    f.revokedSession,
    viewers.ADMIN.userId,
    randomBytes(32).toString('hex'),
  ]);
  f.revokedToken = randomUUID();
  await t.query(`insert into api_token (id, user_id, name, token_prefix, token_hash, expires_at, revoked_at) values (?, ?, 'fixture', 'sng_t_abc', ?, now() + interval '30 days', now())`, [
    f.revokedToken,
    viewers.ADMIN.userId,
    randomBytes(32).toString('hex'),
  ]);
  f.otherEvent = (await one<{ id: string }>(
    `insert into audit_event (actor_id, organization_id, role, action, entity_type, entity_ids)
     select id, organization_id, role, 'UPDATE', 'Household', array[?] from app_user where username = 'dinsos' returning id::text`,
    [f.hIn],
  )).id;

  const indicator = async (name: string) => (await one<{ id: string }>(`select id from indicator_value where indicator = ? order by id limit 1`, [name])).id;
  f.indicators = { stunting: await indicator('STUNTING_PREVALENCE_PCT'), inflation: await indicator('INFLATION_YOY_PCT') };

  // Import data: jobs (not committing: the widenings they grant are tested after the matrix), reviews,
  // the provenance of both households' decile and the DTSEN mapping.
  const dinsos = await one<{ id: string; organization_id: string }>(`select id, organization_id from app_user where username = 'dinsos'`);
  f.jobs = { other: await makeJob(dinsos.id, dinsos.organization_id, 'dtsen', 'VALIDATED') };
  f.reviews = { in: await makeReview(f.jobs['other']!, 1, f.hIn), out: await makeReview(f.jobs['other']!, 2, f.hOut) };
  for (const key of LOGGED_IN) {
    f.jobs[key] = await makeJob(viewers[key].userId, viewers[key].orgId, 'dtsen', 'VALIDATED');
    f.reviews[key] = await makeReview(f.jobs[key]!, 1, f.hOut);
  }
  for (const h of [f.hIn, f.hOut]) {
    await t.query(
      `insert into field_provenance (household_id, entity_id, source, job_id, source_date, fields)
       select ?, ?, 'DTSEN', ?, '2020-01-01', array['welfareDecile'] where not exists (select 1 from field_provenance where entity_id = ?)`,
      [h, h, f.jobs['other'], h],
    );
  }
  await t.query(`insert into import_mapping (source, columns, updated_by_id) values ('dtsen', '{}', ?) on conflict do nothing`, [viewers.ADMIN.userId]);
}, 120_000);

afterAll(async () => {
  if (conn) await t.db.orm.em.getKnex().client.releaseConnection(conn);
  await t?.close();
});

/** The organisation whose program an intervention row stands for, for a viewer. */
function programOrg(v: Viewer): 'ngo' | 'csr' | 'dinkes' {
  return v.key === 'NGO_PARTNER' ? 'ngo' : v.key === 'PRIVATE_PARTNER' ? 'csr' : 'dinkes';
}
/** A different user than the viewer (anonymous has none: the ngo user stands in for its "own" rows). */
const stand = (v: Viewer): Exclude<RoleKey, 'ANONYMOUS'> => (v.key === 'ANONYMOUS' ? 'NGO_PARTNER' : v.key);
const otherThan = (v: Viewer): Exclude<RoleKey, 'ANONYMOUS'> => (stand(v) === 'AUDITOR' ? 'COORDINATOR' : 'AUDITOR');

/** The id of the row a label stands for, for a viewer. */
function rowOf(table: Table, label: string, v: Viewer): string {
  const own = programOrg(v);
  switch (table) {
    case 'household':
      return label === 'in' ? f.hIn : f.hOut;
    case 'intervention': {
      const otherOrg = own === 'dinkes' ? 'ngo' : 'dinkes';
      if (label === 'in') return f.interventions[own].in;
      if (label === 'inOther') return f.interventions[otherOrg].in;
      if (label === 'inPartner') return f.interventions[own === 'ngo' ? 'csr' : 'ngo'].in;
      return f.interventions[own].out;
    }
    case 'assignment': {
      const partner = v.key === 'PRIVATE_PARTNER' ? 'csr' : 'ngo';
      if (label === 'in') return f.assignments[`${partner}In`];
      if (label === 'inOther') return f.assignments.thirdIn;
      return f.assignments[`${partner}Out`];
    }
    case 'audit_event':
      return label === 'ownLogin' ? f.logins[stand(v)]! : label === 'own' ? f.reads[stand(v)]! : f.otherEvent;
    case 'app_user':
      return label === 'self' ? viewers[stand(v)].userId : label === 'colleague' ? f.colleagues[stand(v)]! : viewers[otherThan(v)].userId;
    case 'user_session':
      return label === 'own' ? f.sessions[stand(v)]! : label === 'other' ? f.sessions[otherThan(v)]! : f.revokedSession;
    case 'api_token':
      return label === 'own' ? f.tokens[stand(v)]! : label === 'other' ? f.tokens[otherThan(v)]! : f.revokedToken;
    case 'program':
      return label === 'own' ? f.programs[own] : f.programs.third;
    case 'indicator_value':
      return f.indicators[label as 'stunting' | 'inflation'];
    case 'import_job':
      return label === 'own' ? f.jobs[stand(v)]! : f.jobs['other']!;
    case 'import_row':
      return `${label === 'own' ? f.jobs[stand(v)] : f.jobs['other']}:1`;
    case 'import_review':
      return label === 'own' ? f.reviews[stand(v)]! : f.reviews[label]!;
    case 'field_provenance':
      return label === 'in' ? f.hIn : f.hOut;
    case 'import_mapping':
      return 'dtsen';
    default:
      return '';
  }
}

/** Rows found through their household (person, measurement, need, assessment of hIn / hOut). */
async function childRow(table: Table, label: string): Promise<string> {
  const household = label === 'in' ? f.hIn : f.hOut;
  const sql: Partial<Record<Table, string>> = {
    person: `select id from person where household_id = ? order by id limit 1`,
    growth_measurement: `select g.id from growth_measurement g join person p on p.id = g.person_id where p.household_id = ? order by g.id limit 1`,
    household_need: `select id from household_need where household_id = ? order by id limit 1`,
    poverty_assessment: `select id from poverty_assessment where household_id = ? order by id limit 1`,
  };
  if (sql[table]) return (await one<{ id: string }>(sql[table]!, [household])).id;
  if (table === 'area') return (await one<{ id: string }>(`select id from area where code = ?`, [viewers.KELURAHAN_OFFICER.areaCode])).id;
  if (table === 'organization') return f.orgs.third;
  throw new Error(table);
}

async function idOf(table: Table, label: string, v: Viewer): Promise<string> {
  return rowOf(table, label, v) || childRow(table, label);
}

/** A new row like `source`, made unique and attributed to the viewer the way the API attributes it. */
async function freshRow(table: Table, source: Json, v: Viewer): Promise<Json> {
  const uid = v.userId || null;
  const org = v.orgId || null;
  const row: Json = { ...source, id: randomUUID() };
  switch (table) {
    case 'household':
      return { ...row, kk_number: `9${digits(15)}` };
    case 'person':
      return { ...row, nik: `9${digits(15)}`, relation: 'OTHER' };
    case 'growth_measurement':
      return { ...row, measured_on: `19${digits(2)}-0${1 + (Number(digits(1)) % 9)}-1${digits(1)}`, recorded_by_id: uid, organization_id: org };
    case 'intervention':
      return {
        ...row,
        status: 'PLANNED',
        planned_on: source['planned_on'] ?? source['delivered_on'],
        delivered_on: null,
        period_key: `18${digits(2)}`,
        idempotency_key: null,
        logged_by_id: uid,
        verified_at: null,
        verified_by_id: null,
        cancelled_at: null,
        cancel_reason: null,
        version: 1,
      };
    case 'assignment': {
      const used = await t.query<{ need_type: string | null }>(
        `select need_type from assignment where household_id = ? and organization_id = ? and status in ('REQUESTED', 'ACCEPTED')`,
        [source['household_id'], source['organization_id']],
      );
      const free = ['ELECTRICITY', 'WATER', 'SANITATION', 'HOUSING', 'FOOD', 'INCOME'].find((n) => !used.some((u) => u.need_type === n));
      return {
        ...row,
        status: 'REQUESTED',
        need_type: free,
        requested_by_id: uid,
        responded_by_id: null,
        responded_at: null,
        response_note: null,
        closed_at: null,
        // A referral to a non-government partner states its ground (0013); this one rests on a public task.
        lawful_basis: 'PUBLIC_TASK',
        consent_given_by_id: null,
        consent_given_on: null,
        consent_method: null,
        consent_withdrawn_at: null,
        consent_withdrawn_by_id: null,
        consent_withdrawal_note: null,
        version: 1,
      };
    }
    case 'household_need': {
      const used = await t.query<{ need_type: string }>(`select need_type from household_need where household_id = ? and person_id is null`, [
        source['household_id'],
      ]);
      const free = ['FOOD', 'INCOME', 'WATER', 'SANITATION', 'HOUSING', 'ELECTRICITY'].find((n) => !used.some((u) => u.need_type === n));
      return { ...row, person_id: null, need_type: free };
    }
    case 'poverty_assessment':
      return { ...row, assessed_by_id: uid, organization_id: org };
    case 'audit_event': {
      const { id: _id, ...event } = source;
      return event;
    }
    case 'app_user':
      return { ...row, username: `neu.${digits(8)}` };
    case 'user_session':
    case 'api_token':
      return { ...row, token_hash: randomBytes(32).toString('hex') };
    case 'area':
      return { ...row, code: `62.71.05.${1100 + (Number(digits(3)) % 800)}` };
    case 'organization':
    case 'program':
      return { ...row, name: `Baru ${digits(8)}` };
    case 'indicator_value': {
      const free = await one<{ y: number }>(
        `select y from generate_series(2000, 2099) y where not exists (select 1 from indicator_value where area_id = ? and indicator = ? and year = y and quarter = 1) limit 1`,
        [source['area_id'], source['indicator']],
      );
      return { ...row, year: free.y, quarter: 1, recorded_by_id: uid };
    }
    // A job stays its owner's: the label says in whose name it is started.
    case 'import_job':
      // A job starts UPLOADED (import_job_guard).
      return { ...row, file_sha256: randomBytes(32).toString('hex'), status: 'UPLOADED', validated_at: null, committed_at: null };
    case 'import_row':
      return { ...source, line: 2 + Number(digits(6)) };
    case 'import_review':
      return { ...row, line: 3 + Number(digits(6)) };
    case 'field_provenance':
      return { ...source, entity_id: randomUUID() };
    case 'import_mapping': {
      const free = await one<{ s: string }>(
        `select s from unnest(array['dtsen', 'dinsos', 'dinkes', 'disdik']) s where s not in (select source from import_mapping) limit 1`,
      );
      return { ...source, source: free.s, updated_by_id: uid };
    }
  }
}

/**
 * Runs one statement as the application role with the viewer set, in a transaction that is rolled
 * back. Allowed when it touched a row; denied when it touched none or PostgreSQL refused it for lack
 * of privilege or by policy (42501). Any other error is a broken fixture and fails the test.
 */
async function attempt(v: Viewer, text: string, params: unknown[], settings: Record<string, string> = {}): Promise<boolean> {
  await conn.query('begin');
  try {
    await setViewerOn(v);
    for (const [name, value] of Object.entries(settings)) await conn.query(`select set_config($1, $2, true)`, [name, value]);
    const res = await conn.query(text, params);
    return (res.command === 'SELECT' ? Number(res.rows[0]?.n ?? 0) : (res.rowCount ?? 0)) > 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42501') return false;
    // The policy let the delete through; only a foreign key kept the row.
    if ((code === '23503' || code === '23001') && text.startsWith('delete')) return true;
    throw new Error(`${v.key}: ${text}: ${(error as Error).message}`);
  } finally {
    await conn.query('rollback');
  }
}

/** How a row is named, as text, and the column a no-op update sets, where that is not `id`. */
const KEY: Partial<Record<Table, { key: string; column: string }>> = {
  audit_event: { key: 'id::text', column: 'action' },
  import_row: { key: `concat_ws(':', job_id, line)`, column: 'line' },
  field_provenance: { key: 'entity_id', column: 'fields' },
  import_mapping: { key: 'source', column: 'source' },
};

/** The insert, as the viewer would send it, of a new row like the one named `id`. */
async function insertOf(table: Table, id: string, v: Viewer): Promise<[string, unknown[]]> {
  const { r } = await one<{ r: Json }>(`select to_jsonb(x) as r from ${table} x where ${KEY[table]?.key ?? 'id'} = ?`, [id]);
  const row = await freshRow(table, r, v);
  const cols = Object.keys(row).map((c) => `"${c}"`).join(', ');
  return [`insert into ${table} (${cols}) select ${cols} from jsonb_populate_record(null::${table}, $1::jsonb)`, [JSON.stringify(row)]];
}

async function tryOp(table: Table, op: Op, label: string, v: Viewer): Promise<boolean> {
  const id = await idOf(table, label, v);
  const { key, column } = KEY[table] ?? { key: 'id', column: 'id' };
  switch (op) {
    case 'select':
      return attempt(v, `select count(*) as n from ${table} where ${key} = $1`, [id]);
    case 'update':
      // Changes nothing: the row policy decides (what may change is tested below).
      return attempt(v, `update ${table} set ${column} = ${column} where ${key} = $1`, [id]);
    case 'delete':
      return attempt(v, `delete from ${table} where ${key} = $1`, [id]);
    case 'insert':
      return attempt(v, ...(await insertOf(table, id, v)));
  }
}

describe('row-level security matrix, in raw SQL as the application role', () => {
  it('covers every table the application can reach', async () => {
    const tables = await t.query<{ table_name: string }>(
      `select distinct table_name from information_schema.role_table_grants
        where grantee = 'sinergi_app' and table_schema = 'public'
          and table_name in (select relname from pg_class where relkind = 'r')`,
    );
    const reachable = Object.entries(SUMMARIES).filter(([, s]) => s.kind !== 'internal').map(([table]) => table);
    expect(tables.map((r) => r.table_name).sort()).toEqual([...Object.keys(ROWS), ...reachable, 'partner_caseload', 'partner_filter_count', 'household_search'].sort());
  });

  for (const table of Object.keys(ROWS) as Table[]) {
    it(`${table}: every role × select/insert/update/delete × in and out of scope matches the policy table`, async () => {
      const mismatches: string[] = [];
      for (const role of ROLES) {
        const v = viewers[role];
        for (const op of OPS) {
          for (const label of ROWS[table]) {
            const expected = (POLICY[table][op][role] ?? []).includes(label);
            const actual = await tryOp(table, op, label, v);
            if (actual !== expected) mismatches.push(`${role} ${op} ${label}: ${actual ? 'allowed' : 'denied'}, policy says ${expected ? 'allowed' : 'denied'}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

/**
 * The analytics summaries (0017, 0022, 0023): counters per kelurahan that only the database's triggers and compaction write. City-wide
 * roles read them all, a kelurahan officer those of its area, partners none (their figures come from the rows
 * of their assigned households); nobody writes them directly, and nobody reads the per-household rows beneath them.
 */
const SUMMARIES = {
  analytics_program_area: { kind: 'area', key: 'program_id' },
  analytics_owner_area: { kind: 'area', key: 'owner_id' },
  analytics_program_period_area: { kind: 'area', key: 'program_id' },
  analytics_program_target: { kind: 'area', key: 'program_id' },
  analytics_program_period: { kind: 'city', key: 'program_id' },
  analytics_program_target_areas: { kind: 'city', key: 'program_id' },
  // Read through the *_current views (0023): the folded per-household counters and the pending deltas.
  analytics_program_household: { kind: 'area', key: 'program_id' },
  analytics_owner_household: { kind: 'area', key: 'owner_id' },
  analytics_program_household_delta: { kind: 'area', key: 'program_id' },
  analytics_owner_household_delta: { kind: 'area', key: 'owner_id' },
  analytics_program_target_delta: { kind: 'area', key: 'program_id' },
  // The writers' status deltas per (area, program) until a compaction folds them (0029).
  analytics_program_area_delta: { kind: 'area', key: 'program_id' },
  // Coverage (0021): the appended deltas per area are read by scope; each household's parts by no role.
  // Its generated ends_on (0032) takes no value: the insert names the other columns.
  coverage_delta: { kind: 'area', key: 'item', columns: 'area_id, aspect, item, r, n, folded' },
  coverage_part: { kind: 'internal', key: 'item' },
  // Poverty trend and stunting (0022): day events per area, read by scope.
  analytics_daily_delta: { kind: 'area', key: 'kind' },
  // Their monthly subtotals (0026), read by scope like the events.
  analytics_daily_month: { kind: 'area', key: 'kind' },
  // The household list's counts per kelurahan and need type or program (0035), read by scope.
  household_filter_count: { kind: 'area', key: 'value' },
} as const;

describe('analytics summaries, in raw SQL as the application role', () => {
  const MENTENG_AREAS = `(select id from area where code = '62.71.03.1002' or code like '62.71.03.1002.%')`;
  for (const [table, spec] of Object.entries(SUMMARIES)) {
    const { kind, key } = spec;
    const columns = 'columns' in spec ? spec.columns : null;
    it(`${table}: read by scope, written by no role`, async () => {
      const rows = kind === 'area' ? { in: `area_id in ${MENTENG_AREAS}`, out: `area_id not in ${MENTENG_AREAS}` } : { any: 'true' };
      // Each label has rows to find, or a denial would prove nothing.
      for (const where of Object.values(rows)) expect((await t.query(`select 1 from ${table} where ${where} limit 1`)).length).toBe(1);
      const mismatches: string[] = [];
      for (const role of ROLES) {
        const v = viewers[role];
        for (const [label, where] of Object.entries(rows)) {
          const expected = kind !== 'internal' && ((GOVERNMENT_WIDE as readonly string[]).includes(role) || (role === 'KELURAHAN_OFFICER' && label === 'in'));
          const read = await attempt(v, `select count(*)::int as n from ${table} where ${where}`, []);
          if (read !== expected) mismatches.push(`${role} select ${label}: ${read ? 'allowed' : 'denied'}`);
          for (const [op, text] of [
            ['insert', columns ? `insert into ${table} (${columns}) select ${columns} from ${table} where ${where} limit 1`
              : `insert into ${table} select * from ${table} where ${where} limit 1`],
            ['update', `update ${table} set ${key} = ${key} where ${where}`],
            ['delete', `delete from ${table} where ${where}`],
          ] as const) {
            if (await attempt(v, text, [])) mismatches.push(`${role} ${op} ${label}: allowed`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

// The partners' caseload (0033) and its kept counts (0040): per organisation.
for (const [table, column] of [
  ['partner_caseload', 'kk_number'],
  ['partner_filter_count', 'n'],
] as const) {
  describe(`${table}, in raw SQL as the application role`, () => {
    it("partners read their own organisation's rows only; triggers write them, no role", async () => {
      const rows = { ngo: f.orgs.ngo, csr: f.orgs.csr };
      // Both labels have rows to find, or a denial would prove nothing.
      for (const org of Object.values(rows)) expect((await t.query(`select 1 from ${table} where organization_id = ? limit 1`, [org])).length).toBe(1);
      const mismatches: string[] = [];
      for (const role of ROLES) {
        const v = viewers[role];
        for (const [label, org] of Object.entries(rows)) {
          const expected = (role === 'NGO_PARTNER' && label === 'ngo') || (role === 'PRIVATE_PARTNER' && label === 'csr');
          const where = `organization_id = $1`;
          if ((await attempt(v, `select count(*)::int as n from ${table} where ${where}`, [org])) !== expected) {
            mismatches.push(`${role} select ${label}: ${expected ? 'denied' : 'allowed'}`);
          }
          for (const [op, text] of [
            ['insert', `insert into ${table} select * from ${table} where ${where} limit 1`],
            ['update', `update ${table} set ${column} = ${column} where ${where}`],
            ['delete', `delete from ${table} where ${where}`],
          ] as const) {
            if (await attempt(v, text, [org])) mismatches.push(`${role} ${op} ${label}: allowed`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
}

describe('household_search (0037), in raw SQL as the application role', () => {
  it("each role reads a household's names exactly when it reads its persons; triggers write them, no role", async () => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const v = viewers[role];
      for (const label of ROWS.person) {
        const household = label === 'in' ? f.hIn : f.hOut;
        const expected = (POLICY.person.select[role] ?? []).includes(label);
        const where = `household_id = $1`;
        // The row exists, or a denial would prove nothing.
        expect((await t.query(`select 1 from household_search where household_id = ?`, [household])).length).toBe(1);
        if ((await attempt(v, `select count(*)::int as n from household_search where ${where}`, [household])) !== expected) {
          mismatches.push(`${role} select ${label}: ${expected ? 'denied' : 'allowed'}`);
        }
        for (const [op, text] of [
          ['insert', `insert into household_search select * from household_search where ${where}`],
          ['update', `update household_search set names = names where ${where}`],
          ['delete', `delete from household_search where ${where}`],
        ] as const) {
          if (await attempt(v, text, [household])) mismatches.push(`${role} ${op} ${label}: allowed`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('the trend summaries\' working rows (0022), in raw SQL as the application role', () => {
  it('analytics_daily_state (each household\'s and need\'s counted days): no role reads or writes it', async () => {
    expect((await t.query(`select 1 from analytics_daily_state limit 1`)).length).toBe(1);
    const allowed: string[] = [];
    for (const role of ROLES) {
      for (const text of [
        `select count(*)::int as n from analytics_daily_state`,
        `insert into analytics_daily_state select * from analytics_daily_state limit 1`,
        `update analytics_daily_state set kind = kind`,
        `delete from analytics_daily_state`,
      ]) {
        if (await attempt(viewers[role], text, [])) allowed.push(`${role}: ${text}`);
      }
    }
    expect(allowed).toEqual([]);
  });
});

describe('what row-level security costs a narrow scope', () => {
  /** The plan of `text` as the viewer, with sequential scans priced out: what the indexes allow. */
  async function plan(v: Viewer, text: string, params: unknown[]): Promise<string> {
    await conn.query('begin');
    try {
      await setViewerOn(v, `, set_config('enable_seqscan', 'off', true)`);
      const res = await conn.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params);
      return res.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await conn.query('rollback');
    }
  }

  // A partner's or an officer's page reads a few households' rows; the policies must not make
  // PostgreSQL read every household (or person) of the city to check them.
  for (const role of ['NGO_PARTNER', 'KELURAHAN_OFFICER'] as const) {
    it(`${role}: the rows of a few households are checked through the indexes, not by reading every household`, async () => {
      for (const table of ['person', 'intervention', 'household_need', 'assignment', 'poverty_assessment']) {
        const text = `select * from ${table} where household_id = any($1::uuid[])`;
        expect(await plan(viewers[role], text, [[f.hIn]]), `${table}`).not.toMatch(/Seq Scan on (household|person)\b/);
      }
      const measurements = await plan(viewers[role], `select * from growth_measurement where person_id = any($1::uuid[])`, [[randomUUID()]]);
      expect(measurements).not.toMatch(/Seq Scan on (household|person)\b/);
    });

    // A hashed subplan collects the whole scope (every household of the kelurahan, every referral of
    // the partner) before the first row: a cost that grows with the scope, not with the page (0027).
    it(`${role}: the rows of a few households are checked household by household, not against a hash of the whole scope`, async () => {
      for (const table of ['person', 'intervention', 'household_need', 'assignment', 'poverty_assessment']) {
        const text = `select * from ${table} where household_id = any($1::uuid[])`;
        expect(await plan(viewers[role], text, [[f.hIn]]), `${table}`).not.toMatch(/household_id = \(hashed SubPlan/);
      }
      const measurements = await plan(viewers[role], `select * from growth_measurement where person_id = any($1::uuid[])`, [[randomUUID()]]);
      expect(measurements).not.toMatch(/person_id = \(hashed SubPlan/);
    });
  }
});

describe("a partner's own database role (0050)", () => {
  /** current_user after the request's opening statement for `username`'s session, as the server sends it. */
  async function roleAfterOpening(username: string): Promise<string> {
    const hash = hashToken(await t.login(username));
    await conn.query('begin');
    try {
      await conn.query(`select * from sinergi_open_request($1, $2, $3)`, [...clockValues(), hash]);
      return (await conn.query<{ r: string }>(`select current_user as r`)).rows[0]!.r;
    } finally {
      await conn.query('rollback');
    }
  }

  it("a partner's request runs as the partner role, every other viewer's as the application role", async () => {
    expect(await roleAfterOpening('ngo')).toBe(PARTNER_APP_ROLE);
    expect(await roleAfterOpening('csr')).toBe(PARTNER_APP_ROLE);
    for (const username of ['admin', 'bappeda', 'lurah.menteng', 'dinkes', 'inspektorat']) expect(await roleAfterOpening(username), username).toBe(APP_ROLE);
    // Outside the transaction the connection is the application role again.
    expect((await conn.query<{ r: string }>(`select current_user as r`)).rows[0]!.r).toBe(APP_ROLE);
  });

  it('an API token\'s or an import\'s transaction (setViewer) switches the same way', async () => {
    for (const [key, expected] of [['NGO_PARTNER', PARTNER_APP_ROLE], ['PRIVATE_PARTNER', PARTNER_APP_ROLE], ['COORDINATOR', APP_ROLE], ['KELURAHAN_OFFICER', APP_ROLE]] as const) {
      const v = viewers[key];
      const viewer = { userId: v.userId, username: USER_OF[key], role: v.role as Role, organizationId: v.orgId, areaId: null, areaCode: v.areaCode || null, readOnly: false, sessionId: null, tokenId: null };
      const role = await t.db.orm.em.fork().transactional(async (em) => {
        await setViewer(em, viewer);
        return ((await em.execute(`select current_user as r`)) as Array<{ r: string }>)[0]!.r;
      });
      expect(role, key).toBe(expected);
    }
  });

  it('the application role does not inherit the partner role (its policy never applies to other viewers)', async () => {
    const [{ inherits }] = await t.query<{ inherits: boolean }>(`select pg_has_role(?, ?, 'USAGE') as inherits`, [APP_ROLE, PARTNER_APP_ROLE]);
    expect(inherits).toBe(false);
  });

  // Migration 0050 copied sinergi_app's grants once: a later migration that grants the application role
  // something and forgets the partner role would break partners' requests only where that object is used.
  it("the partner role holds exactly the application role's privileges on every table, column, sequence and function", async () => {
    const privileges = (role: string) =>
      t.query<{ p: string }>(
        `select c.oid::regclass::text || ' ' || a.privilege_type as p
           from pg_class c, aclexplode(c.relacl) a
          where c.relnamespace = 'public'::regnamespace and a.grantee = ?::regrole
         union all
         select c.oid::regclass::text || '.' || att.attname || ' ' || a.privilege_type
           from pg_attribute att join pg_class c on c.oid = att.attrelid, aclexplode(att.attacl) a
          where c.relnamespace = 'public'::regnamespace and a.grantee = ?::regrole
         union all
         select p.oid::regprocedure::text || ' ' || a.privilege_type
           from pg_proc p, aclexplode(p.proacl) a
          where p.pronamespace = 'public'::regnamespace and a.grantee = ?::regrole
         order by 1`,
        [role, role, role],
      );
    const app = (await privileges(APP_ROLE)).map((r) => r.p);
    // The partner role may also read its own probe's view, which only its policy uses.
    const partner = (await privileges(PARTNER_APP_ROLE)).map((r) => r.p).filter((p) => p !== 'partner_open_referral SELECT');
    expect(app.length).toBeGreaterThan(50);
    expect(partner).toEqual(app);
  });

  it('a viewer other than a partner sees no household under the partner role', async () => {
    const seen: string[] = [];
    for (const role of ROLES.filter((r) => r !== 'NGO_PARTNER' && r !== 'PRIVATE_PARTNER')) {
      const v = viewers[role];
      await conn.query('begin');
      try {
        await conn.query(
          `select set_config('sinergi.user_id', $1, true), set_config('sinergi.role', $2, true),
                  set_config('sinergi.org_id', $3, true), set_config('sinergi.area_code', $4, true), set_config('role', $5, true)`,
          [v.userId, v.role, v.orgId, v.areaCode, PARTNER_APP_ROLE],
        );
        const { rows } = await conn.query<{ n: number }>(`select count(*)::int as n from household where id = any($1::uuid[])`, [[f.hIn, f.hOut]]);
        if (rows[0]!.n) seen.push(role);
      } finally {
        await conn.query('rollback');
      }
    }
    expect(seen).toEqual([]);
  });

  /** EXPLAIN of `text` on `conn` as the viewer, with its database role. */
  async function plan(v: Viewer, text: string, params: unknown[]): Promise<string> {
    await conn.query('begin');
    try {
      await setViewerOn(v);
      return (await conn.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await conn.query('rollback');
    }
  }
  /** A partner's list page as household.service.ts reads it: the caseload in KK order, each household by primary key. */
  const partnerPage = (org: string) => `
    select h.* from partner_caseload as c cross join lateral (select * from household h where h.id = c.household_id offset 0) as h
     where c.organization_id = '${org}' order by c.kk_number, c.household_id limit 51`;

  // The shared policy's partner branch collected the partner's whole caseload (sinergi_assigned_households, a
  // hashed subplan) in every statement that read a household, however few it returned.
  it("a partner's page and its households' rows ask the referrals per household read, not for the whole caseload", async () => {
    const v = viewers.NGO_PARTNER;
    const statements = [
      partnerPage(v.orgId),
      `select * from household where id = any($1::uuid[])`,
      ...['person', 'intervention', 'household_need', 'assignment', 'poverty_assessment'].map((table) => `select * from ${table} where household_id = any($1::uuid[])`),
    ];
    for (const text of statements) {
      const p = await plan(v, text, text.includes('$1') ? [[f.hIn]] : []);
      expect(p, text).not.toMatch(/sinergi_assigned_households|\b(id|household_id) = \(hashed SubPlan/);
      // One index probe of the referrals per household.
      expect(p, text).toMatch(/Scan using assignment_\w+ on assignment \w+.*\n\s+Index Cond: \(household_id = \w+\.id\)/);
    }
  });

  it("other viewers' plans do not contain the partner's per-row probe", async () => {
    for (const role of ['ADMIN', 'COORDINATOR', 'KELURAHAN_OFFICER'] as const) {
      for (const text of [`select * from household where kk_number > $1 order by kk_number, id limit 51`, `select * from person where household_id = any($1::uuid[])`]) {
        const p = await plan(viewers[role], text, [text.includes('any') ? [f.hIn] : '']);
        expect(p, `${role}: ${text}`).not.toMatch(/partner_open_referral|assignment_open_household_idx|Index Cond: \(household_id = \w+\.id\)/);
      }
    }
  });
});

describe('what may change in a row a role may update', () => {
  const as = (role: RoleKey, text: string, params: unknown[] = []) => attempt(viewers[role], text, params);

  it('a partner answers its own referral: REQUESTED to ACCEPTED, DECLINED or CLOSED, in its own name, nothing else', async () => {
    const a = f.assignments.ngoIn;
    const ngo = viewers.NGO_PARTNER.userId;
    const respond = (status: string, extra = '') =>
      as('NGO_PARTNER', `update assignment set status = '${status}', responded_at = now(), responded_by_id = $2, version = version + 1${extra} where id = $1`, [a, ngo]);
    expect(await respond('ACCEPTED', `, response_note = 'siap'`)).toBe(true);
    expect(await respond('DECLINED')).toBe(true);
    expect(await as('NGO_PARTNER', `update assignment set status = 'CLOSED', closed_at = now() where id = $1`, [a])).toBe(true);
    // Not in someone else's name, not another household, note, organisation or need.
    expect(await as('NGO_PARTNER', `update assignment set status = 'ACCEPTED', responded_at = now(), responded_by_id = $2 where id = $1`, [a, viewers.COORDINATOR.userId])).toBe(false);
    expect(await as('NGO_PARTNER', `update assignment set household_id = $2 where id = $1`, [a, f.hOut])).toBe(false);
    expect(await as('NGO_PARTNER', `update assignment set note = 'diubah' where id = $1`, [a])).toBe(false);
    expect(await as('NGO_PARTNER', `update assignment set organization_id = $2 where id = $1`, [a, f.orgs.third])).toBe(false);
    expect(await as('NGO_PARTNER', `update assignment set need_type = 'WATER' where id = $1`, [a])).toBe(false);
    // A closed referral stays closed; the other partner's referral is not its to answer.
    expect(await as('PRIVATE_PARTNER', `update assignment set status = 'ACCEPTED', responded_at = now(), responded_by_id = $2 where id = $1`, [a, viewers.PRIVATE_PARTNER.userId])).toBe(false);
  });

  it('a withdrawn consent is recorded by a coordinator in their own name, once, and never by the partner', async () => {
    const a = f.assignments.ngoIn;
    // The referral rests on the consent of a member of its household (written as the owner).
    await t.query(
      `update assignment s set lawful_basis = 'CONSENT', consent_given_on = '2026-01-05', consent_method = 'VERBAL',
              consent_given_by_id = (select p.id from person p where p.household_id = s.household_id order by p.id limit 1) where s.id = ?`,
      [a],
    );
    const coordinator = viewers.COORDINATOR.userId;
    const withdraw = (role: RoleKey, by: string, extra = `, status = 'CLOSED', closed_at = now()`) =>
      as(role, `update assignment set consent_withdrawn_at = now(), consent_withdrawn_by_id = $2, consent_withdrawal_note = 'ditarik'${extra} where id = $1`, [a, by]);
    expect(await withdraw('COORDINATOR', coordinator)).toBe(true);
    expect(await withdraw('COORDINATOR', coordinator, '')).toBe(true);
    expect(await withdraw('COORDINATOR', viewers.ADMIN.userId)).toBe(false);
    expect(await withdraw('NGO_PARTNER', viewers.NGO_PARTNER.userId)).toBe(false);
    expect(await withdraw('KELURAHAN_OFFICER', viewers.KELURAHAN_OFFICER.userId)).toBe(false);
    // A coordinator changes nothing else of it (the note alone, the ground, who consented).
    expect(await as('COORDINATOR', `update assignment set consent_withdrawal_note = 'x' where id = $1`, [a])).toBe(false);
    expect(await as('COORDINATOR', `update assignment set lawful_basis = 'PUBLIC_TASK', consent_given_by_id = null, consent_given_on = null, consent_method = null where id = $1`, [a])).toBe(false);
    // Once withdrawn, the household leaves the partner's scope even while the referral is open.
    await t.query(`update assignment set consent_withdrawn_at = now(), consent_withdrawn_by_id = ?, consent_withdrawal_note = 'ditarik' where id = ?`, [coordinator, a]);
    try {
      expect(await as('NGO_PARTNER', `select count(*) as n from household where id = (select household_id from assignment where id = '${a}')`)).toBe(false);
    } finally {
      await t.query(`update assignment set consent_withdrawn_at = null, consent_withdrawn_by_id = null, consent_withdrawal_note = null where id = ?`, [a]);
    }
  });

  it('a partner cannot reopen what it declined or closed, nor refer a household to itself', async () => {
    const v = viewers.NGO_PARTNER;
    await conn.query('begin');
    try {
      await setViewerOn(v);
      const decline = await conn.query(
        `update assignment set status = 'DECLINED', responded_at = now(), responded_by_id = $2 where id = $1`,
        [f.assignments.ngoIn, v.userId],
      );
      expect(decline.rowCount).toBe(1);
      // Its household has left the partner's scope (no row to touch), and the guard would refuse it anyway.
      const reopened = await conn
        .query(`update assignment set status = 'REQUESTED', responded_at = null, responded_by_id = null where id = $1`, [f.assignments.ngoIn])
        .then((r) => r.rowCount, (e: { code?: string }) => (e.code === '42501' ? 0 : Promise.reject(e)));
      expect(reopened).toBe(0);
    } finally {
      await conn.query('rollback');
    }
    // The self-referral of issue 9: REQUESTED, to its own organisation, for a household it does not see.
    expect(
      await as('NGO_PARTNER', `insert into assignment (id, household_id, organization_id, status, requested_by_id) values ($1, $2, $3, 'REQUESTED', $4)`, [
        randomUUID(),
        f.hOut,
        v.orgId,
        v.userId,
      ]),
    ).toBe(false);
  });

  it('coordinators close referrals but never answer them for the partner', async () => {
    const a = f.assignments.ngoIn;
    expect(await as('COORDINATOR', `update assignment set status = 'CLOSED', closed_at = now(), response_note = 'selesai' where id = $1`, [a])).toBe(true);
    expect(await as('COORDINATOR', `update assignment set status = 'ACCEPTED', responded_at = now(), responded_by_id = $2 where id = $1`, [a, viewers.COORDINATOR.userId])).toBe(false);
    expect(await as('COORDINATOR', `update assignment set household_id = $2 where id = $1`, [a, f.hOut])).toBe(false);
    expect(
      await as('COORDINATOR', `insert into assignment (id, household_id, organization_id, status, requested_by_id) values ($1, $2, $3, 'ACCEPTED', $4)`, [
        randomUUID(),
        f.hOut,
        f.orgs.third,
        viewers.COORDINATOR.userId,
      ]),
    ).toBe(false);
  });

  it('interventions move forward only; only coordinators verify; program, household and author stay', async () => {
    const mine = f.interventions.dinkes.in;
    expect(await as('AGENCY_STAFF', `update intervention set status = 'DELIVERED', delivered_on = planned_on, quantity = 1 where id = $1`, [mine])).toBe(true);
    expect(await as('AGENCY_STAFF', `update intervention set status = 'IN_PROGRESS' where id = $1`, [mine])).toBe(true);
    expect(await as('AGENCY_STAFF', `update intervention set status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'batal' where id = $1`, [mine])).toBe(true);
    expect(
      await as('AGENCY_STAFF', `update intervention set status = 'VERIFIED', delivered_on = planned_on, verified_at = now(), verified_by_id = $2 where id = $1`, [
        mine,
        viewers.AGENCY_STAFF.userId,
      ]),
    ).toBe(false);
    expect(await as('AGENCY_STAFF', `update intervention set program_id = $2 where id = $1`, [mine, f.programs.ngo])).toBe(false);
    expect(await as('AGENCY_STAFF', `update intervention set household_id = $2 where id = $1`, [mine, f.hOut])).toBe(false);
    expect(await as('AGENCY_STAFF', `update intervention set logged_by_id = $2 where id = $1`, [mine, viewers.AGENCY_STAFF.userId])).toBe(false);
    const delivered = `update intervention set status = 'DELIVERED', delivered_on = planned_on where id = $1;`;
    await t.query(delivered.replace('$1', '?'), [f.interventions.ngo.in]);
    expect(await as('NGO_PARTNER', `update intervention set status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'batal' where id = $1`, [f.interventions.ngo.in])).toBe(false);
    expect(await as('NGO_PARTNER', `update intervention set status = 'PLANNED', delivered_on = null where id = $1`, [f.interventions.ngo.in])).toBe(false);
    expect(
      await as('COORDINATOR', `update intervention set status = 'VERIFIED', verified_at = now(), verified_by_id = $2 where id = $1`, [
        f.interventions.ngo.in,
        viewers.COORDINATOR.userId,
      ]),
    ).toBe(true);
    // A partner logs in its own name only.
    const logged = await one<{ r: Json }>(`select to_jsonb(i) as r from intervention i where id = ?`, [f.interventions.ngo.in]);
    const forged = { ...logged.r, id: randomUUID(), period_key: '1801', status: 'PLANNED', delivered_on: null, logged_by_id: viewers.ADMIN.userId };
    const cols = Object.keys(forged).map((c) => `"${c}"`).join(', ');
    expect(await as('NGO_PARTNER', `insert into intervention (${cols}) select ${cols} from jsonb_populate_record(null::intervention, $1::jsonb)`, [JSON.stringify(forged)])).toBe(false);
  });

  it('a delivery is corrected or cancelled by its logger within 7 days, by a coordinator until verified (policy intervention.amend)', async () => {
    // Delivered rows of Dinas Kesehatan's program, on distinct periods: logged by whom, how long ago, verified or not.
    const delivered = async (loggedBy: string, daysAgo: number, period: string, verified = false) => {
      const id = randomUUID();
      await t.query(
        `insert into intervention (id, program_id, household_id, status, delivered_on, period_key, logged_by_id, organization_id, verified_at, verified_by_id, created_at)
         select ?, p.id, ?, ?, p.starts_on, ?, ?, p.owner_id, ?::timestamptz, ?::uuid, now() - make_interval(days => ?) from program p where p.id = ?`,
        [id, f.hIn, verified ? 'VERIFIED' : 'DELIVERED', period, loggedBy, verified ? new Date().toISOString() : null, verified ? viewers.COORDINATOR.userId : null, daysAgo, f.programs.dinkes],
      );
      return id;
    };
    const staff = viewers.AGENCY_STAFF.userId;
    const correct = (role: RoleKey, id: string) => as(role, `update intervention set quantity = 3, note = 'koreksi', version = version + 1 where id = $1`, [id]);
    const cancel = (role: RoleKey, id: string) =>
      as(role, `update intervention set status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'salah catat' where id = $1`, [id]);
    const fresh = await delivered(staff, 1, '1970');
    expect(await correct('AGENCY_STAFF', fresh)).toBe(true);
    expect(await cancel('AGENCY_STAFF', fresh)).toBe(true);
    // Not who, when or what was delivered.
    expect(await as('AGENCY_STAFF', `update intervention set person_id = null, household_id = $2 where id = $1`, [fresh, f.hOut])).toBe(false);
    expect(await as('AGENCY_STAFF', `update intervention set status = 'PLANNED' where id = $1`, [fresh])).toBe(false);
    const stale = await delivered(staff, 8, '1971');
    expect(await correct('AGENCY_STAFF', stale)).toBe(false);
    expect(await cancel('AGENCY_STAFF', stale)).toBe(false);
    expect(await correct('COORDINATOR', stale)).toBe(true);
    const someoneElses = await delivered(viewers.ADMIN.userId, 1, '1972');
    expect(await correct('AGENCY_STAFF', someoneElses)).toBe(false);
    expect(await cancel('AGENCY_STAFF', someoneElses)).toBe(false);
    const verified = await delivered(staff, 1, '1973', true);
    expect(await correct('AGENCY_STAFF', verified)).toBe(false);
    expect(await correct('COORDINATOR', verified)).toBe(false);
    expect(await cancel('COORDINATOR', verified)).toBe(false);
  });

  it('coordinators and agency staff change a household only through an assessment; the kelurahan officer edits its register', async () => {
    for (const role of ['COORDINATOR', 'AGENCY_STAFF'] as const) {
      expect(await as(role, `update household set welfare_decile = 2, poverty_status = 'POOR', updated_at = now(), version = version + 1 where id = $1`, [f.hIn])).toBe(true);
      expect(await as(role, `update household set address = 'Jl. Diubah 1' where id = $1`, [f.hIn])).toBe(false);
      expect(await as(role, `update person set name = 'Diubah' where household_id = $1`, [f.hIn])).toBe(false);
    }
    expect(await as('KELURAHAN_OFFICER', `update household set address = 'Jl. Diubah 1', version = version + 1 where id = $1`, [f.hIn])).toBe(true);
    expect(await as('KELURAHAN_OFFICER', `update person set name = 'Diubah' where household_id = $1`, [f.hIn])).toBe(true);
  });

  it('a kelurahan officer records deaths and moves out in the area, and cannot move a member out of it (issue 11)', async () => {
    const member = `(select id from person where household_id = $1 and relation <> 'HEAD' order by id limit 1)`;
    expect(await as('KELURAHAN_OFFICER', `update person set left_on = birth_date, left_reason = 'DECEASED' where id = ${member}`, [f.hIn])).toBe(true);
    expect(await as('KELURAHAN_OFFICER', `update person set household_id = $2 where id = ${member}`, [f.hIn, f.hOut])).toBe(false);
    expect(await as('ADMIN', `update person set household_id = $2 where id = ${member}`, [f.hIn, f.hOut])).toBe(true);
    for (const role of ['COORDINATOR', 'AGENCY_STAFF'] as const) {
      expect(await as(role, `update person set left_on = birth_date, left_reason = 'MOVED_OUT' where id = ${member}`, [f.hIn])).toBe(false);
    }
  });

  it('no role reads a password hash; the database hands one to the login and to its own user only', async () => {
    const hashOf = `select count(*) as n from (select sinergi_password_hash($1::uuid) as h) x where h is not null`;
    for (const role of ROLES) {
      // The anonymous viewer borrows the ngo user's rows.
      const key = role === 'ANONYMOUS' ? 'NGO_PARTNER' : role;
      const self = viewers[key].userId;
      for (const id of [self, f.colleagues[key]!, viewers.ADMIN.userId]) {
        expect(await as(role, `select count(*) as n from app_user where id = $1 and password_hash is not null`, [id]), `${role} selects a hash`).toBe(false);
      }
      // The anonymous viewer is the login, which must check any user's password.
      expect(await as(role, hashOf, [self]), `${role}: own hash`).toBe(true);
      expect(await as(role, hashOf, [f.colleagues[key]!]), `${role}: a colleague's hash`).toBe(role === 'ANONYMOUS');
      expect(await as(role, hashOf, [role === 'ADMIN' ? viewers.AUDITOR.userId : viewers.ADMIN.userId]), `${role}: another user's hash`).toBe(role === 'ANONYMOUS');
    }
  });

  it('a user changes only their own password; anonymous (the login) only last_login_at; sessions and tokens are never revived', async () => {
    const ngo = viewers.NGO_PARTNER.userId;
    expect(await as('NGO_PARTNER', `update app_user set password_hash = 'x', updated_at = now() where id = $1`, [ngo])).toBe(true);
    expect(await as('NGO_PARTNER', `update app_user set role = 'ADMIN' where id = $1`, [ngo])).toBe(false);
    expect(await as('NGO_PARTNER', `update app_user set organization_id = $2 where id = $1`, [ngo, f.orgs.third])).toBe(false);
    expect(await as('NGO_PARTNER', `update app_user set active = false where id = $1`, [ngo])).toBe(false);
    expect(await as('ANONYMOUS', `update app_user set last_login_at = now() where id = $1`, [ngo])).toBe(true);
    expect(await as('ANONYMOUS', `update app_user set password_hash = 'x' where id = $1`, [ngo])).toBe(false);
    expect(await as('ANONYMOUS', `update app_user set active = false where id = $1`, [ngo])).toBe(false);
    expect(await as('ADMIN', `update app_user set role = 'AUDITOR', active = false where id = $1`, [ngo])).toBe(true);

    expect(await as('ANONYMOUS', `update api_token set last_used_at = now() where id = $1`, [f.tokens['NGO_PARTNER']])).toBe(true);
    expect(await as('ANONYMOUS', `update api_token set read_only = not read_only where id = $1`, [f.tokens['NGO_PARTNER']])).toBe(false);
    expect(await as('ANONYMOUS', `update user_session set expires_at = now() + interval '1 year' where id = $1`, [f.sessions['NGO_PARTNER']])).toBe(false);
    expect(await as('NGO_PARTNER', `update user_session set revoked_at = now() where id = $1`, [f.sessions['NGO_PARTNER']])).toBe(true);
    expect(await as('NGO_PARTNER', `update user_session set expires_at = now() + interval '1 year' where id = $1`, [f.sessions['NGO_PARTNER']])).toBe(false);
    expect(await as('NGO_PARTNER', `update api_token set read_only = not read_only where id = $1`, [f.tokens['NGO_PARTNER']])).toBe(false);
    expect(await as('ADMIN', `update user_session set revoked_at = null where id = $1`, [f.revokedSession])).toBe(false);
    expect(await as('ADMIN', `update api_token set revoked_at = null where id = $1`, [f.revokedToken])).toBe(false);
  });

  it('the audit trail is read by administrators and auditors only, and a login event cannot be forged for another user', async () => {
    for (const role of ['COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER', 'ANONYMOUS'] as const) {
      expect(await as(role, `select count(*) as n from audit_event where action <> 'LOGIN' or actor_id <> $1::uuid`, [viewers[stand(viewers[role])].userId]), role).toBe(false);
    }
    for (const role of ['ADMIN', 'AUDITOR'] as const) {
      expect(await as(role, `select count(*) as n from audit_event where actor_id <> $1::uuid`, [viewers[role].userId])).toBe(true);
    }
    // A LOGIN event naming a user with another role or organisation than theirs is refused.
    const admin = viewers.ADMIN;
    expect(
      await as('ANONYMOUS', `insert into audit_event (actor_id, organization_id, role, action, entity_type) values ($1, $2, 'AUDITOR', 'LOGIN', 'User')`, [
        admin.userId,
        admin.orgId,
      ]),
    ).toBe(false);
    expect(
      await as('ANONYMOUS', `insert into audit_event (actor_id, organization_id, role, action, entity_type) values ($1, $2, $3, 'LOGIN_FAILED', 'User')`, [
        admin.userId,
        admin.orgId,
        admin.role,
      ]),
    ).toBe(true);
    expect(await as('ANONYMOUS', `insert into audit_event (action, entity_type) values ('LOGIN_FAILED', 'User')`)).toBe(true);
    expect(await as('ANONYMOUS', `insert into audit_event (action, entity_type) values ('PII_READ', 'PersonalData')`)).toBe(false);
  });
});

describe('what a committing import or an open review adds, and only while it lasts', () => {
  const job = (id: string) => ({ 'sinergi.import_job': id });
  const memberOf = async (household: string) => (await one<{ id: string }>(`select id from person where household_id = ? order by id limit 1`, [household])).id;
  const rename = `update person set name = 'Nama Dari Berkas', updated_at = now(), version = version + 1 where id = $1`;
  const enrol = `update person set school_enrolled = not school_enrolled, education_level = 'JUNIOR_SECONDARY', updated_at = now(), version = version + 1 where id = $1`;

  it('a coordinator writes the registry only during their own committing DTSEN import, and measurements during their own e-PPGBM one', async () => {
    const c = viewers.COORDINATOR;
    const own = await makeJob(c.userId, c.orgId, 'dtsen', 'COMMITTING');
    const refused = {
      validated: await makeJob(c.userId, c.orgId, 'dtsen', 'VALIDATED'),
      committed: await makeJob(c.userId, c.orgId, 'dtsen', 'COMMITTED'),
      otherSource: await makeJob(c.userId, c.orgId, 'dinsos', 'COMMITTING'),
      otherUser: await makeJob(viewers.ADMIN.userId, viewers.ADMIN.orgId, 'dtsen', 'COMMITTING'),
    };
    const person = await memberOf(f.hOut);
    const writes: Array<[string, unknown[]]> = [
      await insertOf('household', f.hOut, c),
      await insertOf('person', person, c),
      [rename, [person]],
      // Not only the assessment columns (household_guard).
      [`update household set address = 'Jl. Dari Berkas 1', version = version + 1 where id = $1`, [f.hOut]],
    ];
    for (const [text, params] of writes) {
      expect(await attempt(c, text, params), `${text}: no job`).toBe(false);
      for (const [why, id] of Object.entries(refused)) expect(await attempt(c, text, params, job(id)), `${text}: ${why}`).toBe(false);
      expect(await attempt(c, text, params, job(own)), `${text}: own committing job`).toBe(true);
    }

    const measure = await insertOf('growth_measurement', await childRow('growth_measurement', 'out'), c);
    const dinkes = await makeJob(c.userId, c.orgId, 'dinkes', 'COMMITTING');
    expect(await attempt(c, ...measure)).toBe(false);
    expect(await attempt(c, ...measure, job(own))).toBe(false);
    expect(await attempt(c, ...measure, job(dinkes))).toBe(true);
    // e-PPGBM gives no registry rights.
    expect(await attempt(c, rename, [person], job(dinkes))).toBe(false);
  });

  it('agency staff change school enrolment and education only, during their own committing Dapodik import', async () => {
    const s = viewers.AGENCY_STAFF;
    const own = await makeJob(s.userId, s.orgId, 'disdik', 'COMMITTING');
    const other = await makeJob(viewers.COORDINATOR.userId, viewers.COORDINATOR.orgId, 'disdik', 'COMMITTING');
    const person = await memberOf(f.hIn);
    expect(await attempt(s, enrol, [person])).toBe(false);
    expect(await attempt(s, enrol, [person], job(other))).toBe(false);
    expect(await attempt(s, enrol, [person], job(own))).toBe(true);
    // person_guard: nothing else of the member, not even beside the enrolment.
    expect(await attempt(s, rename, [person], job(own))).toBe(false);
    expect(await attempt(s, `update person set school_enrolled = not school_enrolled, birth_date = birth_date - 1 where id = $1`, [person], job(own))).toBe(false);
    expect(await attempt(s, ...(await insertOf('person', person, s)), job(own))).toBe(false);
    // A coordinator's Dapodik import is as narrow.
    expect(await attempt(viewers.COORDINATOR, enrol, [person], job(other))).toBe(true);
    expect(await attempt(viewers.COORDINATOR, rename, [person], job(other))).toBe(false);
  });

  it('a coordinator changes members while resolving an open review, and not once it is resolved', async () => {
    const c = viewers.COORDINATOR;
    const review = await makeReview(f.jobs['other']!, 3, f.hIn);
    const resolving = { 'sinergi.import_review': review };
    const person = await memberOf(f.hIn);
    const keepNew = await insertOf('person', person, c);
    expect(await attempt(c, rename, [person])).toBe(false);
    expect(await attempt(c, ...keepNew)).toBe(false);
    expect(await attempt(c, rename, [person], resolving)).toBe(true);
    expect(await attempt(c, ...keepNew, resolving)).toBe(true);
    // Only coordinators: agency staff get nothing from a review.
    expect(await attempt(viewers.AGENCY_STAFF, enrol, [person], resolving)).toBe(false);

    // Only the person the review compares, or members of the household it names.
    expect(await attempt(c, rename, [await memberOf(f.hOut)], resolving)).toBe(false);

    await t.query(`update import_review set status = 'MERGED', resolved_by_id = ?, resolved_at = now() where id = ?`, [c.userId, review]);
    expect(await attempt(c, rename, [person], resolving)).toBe(false);
    expect(await attempt(c, ...keepNew, resolving)).toBe(false);
    // A resolved review stays resolved: reopening it would reopen the gate.
    expect(await attempt(c, `update import_review set status = 'OPEN', resolved_by_id = null, resolved_at = null where id = $1`, [review])).toBe(false);
  });

  it('a job is created UPLOADED and commits only after a dry run; a review is created open', async () => {
    const c = viewers.COORDINATOR;
    const insertJob = (status: string): [string, unknown[]] => [
      `insert into import_job (id, source, file_name, file_sha256, file_bytes, format, headers, source_date, status, created_by_id, organization_id)
       values ($1, 'dtsen', 'x.csv', $2, 10, 'csv', '[]', date '2020-01-01', $3, $4, $5)`,
      [randomUUID(), randomBytes(32).toString('hex'), status, c.userId, c.orgId],
    ];
    expect(await attempt(c, ...insertJob('COMMITTING'))).toBe(false);
    expect(await attempt(c, ...insertJob('UPLOADED'))).toBe(true);
    const uploaded = await makeJob(c.userId, c.orgId, 'dtsen', 'UPLOADED');
    expect(await attempt(c, `update import_job set status = 'COMMITTING' where id = $1`, [uploaded])).toBe(false);
    expect(await attempt(c, `update import_job set status = 'VALIDATING' where id = $1`, [uploaded])).toBe(true);
    const validated = await makeJob(c.userId, c.orgId, 'dtsen', 'VALIDATED');
    expect(await attempt(c, `update import_job set status = 'COMMITTING' where id = $1`, [validated])).toBe(false);
    expect(await attempt(c, `update import_job set status = 'COMMITTING', validated_at = now() where id = $1`, [validated])).toBe(true);
    expect(await attempt(c, `update import_job set created_by_id = $2 where id = $1`, [validated, viewers.ADMIN.userId])).toBe(false);
    const own = await makeJob(c.userId, c.orgId, 'dtsen', 'COMMITTING');
    const review = (household: string, status: string): [string, unknown[]] =>
      [
        `insert into import_review (id, job_id, source, file_name, line, kind, household_id, record, detail, status, resolved_at)
         values ($1, $2, 'dtsen', 'x.csv', 9, 'NEAR_DUPLICATE', $3, '{}', 'uji', $4, case when $4 = 'OPEN' then null else now() end)`,
        [randomUUID(), own, household, status],
      ];
    expect(await attempt(c, ...review(f.hIn, 'MERGED'))).toBe(false);
    expect(await attempt(c, ...review(f.hIn, 'OPEN'))).toBe(true);
  });
});
