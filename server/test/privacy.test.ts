import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_PERSONAL_TYPES, PERSONAL_TYPES, personalFields } from '../src/audit/personal-data.js';
import { DEFAULT_IDENTIFIER_SEARCH } from '../src/config/config.js';
import { buildSinergiSchema } from '../src/graphql/schema.js';
import { lengthHeightForAgeZ, MAX_AGE_DAYS } from '../src/growth/zscore.js';
import { startTestServer, type TestServer } from './harness.js';
import { csv, dmy, DTSEN_HEADER } from './imports/fixtures.js';
import { settleImport, uploadImport } from './mutation-cases.js';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function assignedTo(username: string): Promise<string[]> {
  const rows = await t.query<{ id: string }>(
    `select distinct a.household_id as id from assignment a join app_user u on u.organization_id = a.organization_id
      where u.username = ? and a.status in ('REQUESTED', 'ACCEPTED') order by 1`,
    [username],
  );
  return rows.map((r) => r.id);
}

async function assign(householdId: string, partner: string) {
  const [org] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = ?`, [partner]);
  // The demo city may have referred it already (its referrals follow the seed's day): a second would be refused.
  const open = await t.query(`select 1 from assignment where household_id = ? and organization_id = ? and status in ('REQUESTED', 'ACCEPTED')`, [
    householdId,
    org!.organization_id,
  ]);
  if (open.length > 0) return;
  const made = await t.gql(
    'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
    { i: { householdIds: [householdId], organizationId: org!.organization_id, lawfulBasis: 'PUBLIC_TASK' } },
    await t.login('bappeda'),
  );
  expect(made.errors).toBeUndefined();
}

async function lastEvent(where: string, params: unknown[] = []) {
  const [e] = await t.query<any>(`select * from audit_event where ${where} order by id desc limit 1`, params);
  return e;
}

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Every NIK an attacker holding this member's disclosed data cannot rule out: the kecamatan (from the
 * area), the sex (day + 40), the birth date (given, or from age in days, or by inverting the z-score),
 * and the serial (the masked NIK's last digits). Counted, not listed.
 */
function nikCandidates(member: any): number {
  let dates: Set<string> | null = member.birthDate ? new Set([member.birthDate]) : null;
  for (const m of member.growthMeasurements) {
    let found: Set<string> | null = null;
    if (m.ageDays !== null) found = new Set([addDays(m.measuredOn, -m.ageDays)]);
    else if (m.heightForAgeZ !== null) {
      found = new Set();
      for (let age = 0; age <= MAX_AGE_DAYS; age++) {
        const z = lengthHeightForAgeZ({ sex: member.sex, ageDays: age, heightCm: m.heightCm, position: m.position });
        if (Math.abs(Math.round(z * 1000) / 1000 - m.heightForAgeZ) < 1e-9) found.add(addDays(m.measuredOn, -age));
      }
    }
    if (found) dates = dates ? new Set([...dates].filter((d) => found!.has(d))) : found;
  }
  const year = member.birthYear as number;
  const daysInYear = year % 4 === 0 ? 366 : 365;
  const dateCount = dates ? dates.size : daysInYear;
  const serial = /(\d+)$/.exec(member.nik)?.[1];
  const serials = serial && serial.length >= 4 ? 1 : 9999;
  return dateCount * serials;
}

const MEMBERS = `query ($id: ID!) { household(id: $id) { kkNumber area { code } members {
  id nik sex birthDate birthYear age
  growthMeasurements { measuredOn heightCm position ageDays heightForAgeZ stuntingStatus }
} needs { evidence } } }`;

describe('masked NIKs cannot be rebuilt (item 5, 6)', () => {
  it('as ngo and csr, no visible member has fewer than a year of birth dates times 9,999 serials left', async () => {
    // A company household with measured children, so the z-score route is tried too.
    const [child] = await t.query<{ household_id: string }>(
      `select p.household_id from growth_measurement g join person p on p.id = g.person_id order by p.household_id limit 1`,
    );
    await assign(child!.household_id, 'csr');
    for (const partner of ['ngo', 'csr']) {
      const token = await t.login(partner);
      const ids = await assignedTo(partner);
      expect(ids.length).toBeGreaterThan(0);
      let members = 0;
      let measurements = 0;
      for (const id of ids) {
        const h = (await t.gql(MEMBERS, { id }, token)).data.household;
        for (const m of h.members) {
          members++;
          measurements += m.growthMeasurements.length;
          expect(m.nik).toMatch(/^\*{16}$/);
          expect(m.birthDate).toBeNull();
          expect(m.growthMeasurements.every((g: any) => g.ageDays === null && g.heightForAgeZ === null && g.stuntingStatus)).toBe(true);
          expect(nikCandidates(m)).toBeGreaterThanOrEqual(365 * 9999);
        }
        // An age that moved on the birthday would date it: partners' ages move on 1 January only.
        expect(new Set(h.members.map((m: any) => m.age + m.birthYear)).size).toBe(1);
        for (const need of h.needs) {
          expect(Object.keys(need.evidence).filter((k) => ['measuredOn', 'heightForAgeZ', 'ageMonths', 'age'].includes(k))).toEqual([]);
        }
      }
      expect(members).toBeGreaterThan(0);
      if (partner === 'csr') expect(measurements).toBeGreaterThan(0);
    }
    // The same attack on the full tier does pin the NIK down: the counting above is not vacuous.
    const full = (await t.gql(MEMBERS, { id: child!.household_id }, admin)).data.household;
    const measured = full.members.find((m: any) => m.growthMeasurements.length > 0);
    expect(nikCandidates(measured)).toBe(1);
  });

  it('stuntingByArea for a partner does not move with filter.to inside a quarter', async () => {
    const token = await t.login('csr');
    const Q = `query ($to: LocalDate!) { stuntingByArea(filter: { to: $to }) { code childrenMeasured stunted severelyStunted } }`;
    const days = Array.from({ length: 13 }, (_, i) => addDays('2025-01-01', i * 7));
    const answers = new Set<string>();
    for (const to of days) answers.add(JSON.stringify((await t.gql(Q, { to }, token)).data.stuntingByArea));
    expect(answers.size).toBe(1);
  });
});

describe('identifier search by partners (item 5)', () => {
  it('is audited with its hits even for totalCount only, and throttled per user at N / N+1', async () => {
    const N = DEFAULT_IDENTIFIER_SEARCH.limit;
    const [hit] = await t.query<{ nik: string; household_id: string }>(
      `select p.nik, p.household_id from person p join assignment a on a.household_id = p.household_id
         join app_user u on u.organization_id = a.organization_id
        where u.username = 'ngo' and a.status in ('REQUESTED', 'ACCEPTED') order by p.id limit 1`,
    );
    const ngo = await t.login('ngo');
    const Q = `query ($s: String!) { households(filter: { search: $s }) { totalCount } }`;
    for (let i = 1; i <= N; i++) {
      const res = await t.gql(Q, { s: hit!.nik }, ngo);
      expect(res.errors).toBeUndefined();
      expect(res.data.households.totalCount).toBe(1);
      const e = await lastEvent(`entity_type = 'IdentifierSearch'`);
      expect(e).toMatchObject({ action: 'PII_READ', role: 'NGO_PARTNER', entity_ids: [hit!.household_id] });
      expect(e.new_values).toMatchObject({ operation: 'households', hits: 1, tier: 'MASKED' });
      expect(JSON.stringify(e)).not.toContain(hit!.nik);
    }
    const events = await t.query(`select id from audit_event where entity_type = 'IdentifierSearch'`);
    const refused = await t.gql(Q, { s: hit!.nik }, ngo);
    expect(refused.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.message).toMatch(/^Terlalu banyak pencarian dengan NIK atau nomor KK; coba lagi dalam \d+ detik$/);
    expect(await t.query(`select id from audit_event where entity_type = 'IdentifierSearch'`)).toHaveLength(events.length);
    // The export is the same search by another door.
    const exported = await t.gql(`mutation ($s: String!) { exportHouseholds(filter: { search: $s }) { rowCount } }`, { s: hit!.nik }, ngo);
    expect(exported.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Per user: the company and the government are not held back by the NGO's searches.
    expect((await t.gql(Q, { s: hit!.nik }, await t.login('csr'))).errors).toBeUndefined();
    expect((await t.gql(Q, { s: hit!.nik }, admin)).data.households.totalCount).toBe(1);
  });
});

describe('partners see their own organisation, not others (item 7)', () => {
  it("loggedBy, requestedBy and assessedBy of another organisation are null for partners; another partner's work is not there", async () => {
    const [household] = await assignedTo('ngo');
    await assign(household!, 'csr');
    const [csrProgram] = await t.query<{ id: string; org: string; user: string }>(
      `select p.id, p.owner_id as org, u.id as user from program p join app_user u on u.organization_id = p.owner_id where u.username = 'csr' limit 1`,
    );
    const [govIntervention] = await t.query<{ id: string }>(
      `select i.id from intervention i join organization o on o.id = i.organization_id
        where o.type = 'PERANGKAT_DAERAH' and i.logged_by_id is not null limit 1`,
    );
    await t.query(
      `insert into intervention (id, program_id, household_id, status, delivered_on, period_key, organization_id, logged_by_id)
       values (gen_random_uuid(), ?, ?, 'DELIVERED', '2025-03-01', 'ONCE', ?, ?)`,
      [csrProgram!.id, household, csrProgram!.org, csrProgram!.user],
    );
    await t.query(`update intervention set household_id = ? where id = ?`, [household, govIntervention!.id]);
    const ngo = await t.login('ngo');
    const Q = `query ($id: ID!, $p: ID!) {
      household(id: $id) {
        interventions { id organization { type } loggedBy { username role lastLoginAt } }
        assignments { requestedBy { username role } }
        assessments { assessedBy { username } organization { type } }
      }
      interventions(first: 100, filter: { householdId: $id }) { edges { node { organization { id } } } }
      byProgram: households(filter: { programId: $p }) { totalCount }
    }`;
    const res = await t.gql(Q, { id: household, p: csrProgram!.id }, ngo);
    expect(res.errors).toBeUndefined();
    const h = res.data.household;
    expect(h.interventions.some((i: any) => i.id === govIntervention!.id)).toBe(true);
    expect(h.interventions.every((i: any) => ['PERANGKAT_DAERAH', 'CENTRAL_GOVERNMENT', 'PROVINCIAL_GOVERNMENT', 'NGO'].includes(i.organization.type))).toBe(true);
    expect(h.interventions.filter((i: any) => i.organization.type !== 'NGO').every((i: any) => i.loggedBy === null)).toBe(true);
    expect(h.assignments.length).toBeGreaterThan(0);
    expect(h.assignments.every((a: any) => a.requestedBy === null)).toBe(true);
    expect(h.assessments.length).toBeGreaterThan(0);
    expect(h.assessments.every((a: any) => a.assessedBy === null)).toBe(true);
    expect(res.data.interventions.edges.every((e: any) => e.node.organization.id !== csrProgram!.org)).toBe(true);
    expect(res.data.byProgram.totalCount).toBe(0);

    // The same household as the coordinator: every intervention, with the account of its own staff only.
    const full = (await t.gql(Q, { id: household, p: csrProgram!.id }, admin)).data;
    expect(full.household.interventions.length).toBeGreaterThan(h.interventions.length);
    expect(full.household.interventions.some((i: any) => i.loggedBy?.username === 'csr')).toBe(true);
    expect(full.byProgram.totalCount).toBeGreaterThan(0);
  });

  it("last logins are the administrator's and the user's own business", async () => {
    const dinsos = await t.login('dinsos');
    expect((await t.gql('{ me { lastLoginAt } }', {}, dinsos)).data.me.lastLoginAt).not.toBeNull();
    const [colleague] = await t.query<{ id: string }>(
      `select i.id from intervention i join app_user u on u.id = i.logged_by_id where u.username = 'dinsos' limit 1`,
    );
    const read = async (token: string) =>
      (await t.gql(`{ intervention(id: "${colleague!.id}") { loggedBy { username lastLoginAt } } }`, {}, token)).data.intervention.loggedBy;
    expect((await read(admin)).lastLoginAt).not.toBeNull();
    // Another agency sees neither the account nor its last login.
    expect(await read(await t.login('dinkes'))).toBeNull();
  });
});

describe('what is read is what is audited (item 8)', () => {
  it('a names-only query writes one PII_READ event naming those people and households, with the tier', async () => {
    for (const [user, tier] of [['ngo', 'MASKED'], ['csr', 'PARTNER_PRIVATE'], ['bappeda', 'FULL']] as const) {
      const token = await t.login(user);
      const before = await t.query(`select id from audit_event where action = 'PII_READ'`);
      const res = await t.gql(`{ households(first: 3) { edges { node { members { id name } } } } }`, {}, token);
      const ids = res.data.households.edges.flatMap((e: any) => e.node.members.map((m: any) => m.id));
      expect(ids.length).toBeGreaterThan(0);
      expect(await t.query(`select id from audit_event where action = 'PII_READ'`)).toHaveLength(before.length + 1);
      const e = await lastEvent(`action = 'PII_READ'`);
      expect(e.new_values).toMatchObject({ tier });
      expect(e.entity_ids).toEqual(expect.arrayContaining(ids));
    }
  });

  it('cursors alone are a read of their households', async () => {
    const res = await t.gql(`{ households(first: 2) { edges { cursor } } }`, {}, await t.login('ngo'));
    expect(res.data.households.edges).toHaveLength(2);
    const e = await lastEvent(`action = 'PII_READ'`);
    expect(e.entity_ids).toHaveLength(2);
  });

  it('every personal field of the schema, asked alone, names its subject (generated from the schema)', async () => {
    const schema = await buildSinergiSchema({ sessionTtlHours: 12 });
    // Every object type is classified, and the exceptions name real fields.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      expect(type.name in PERSONAL_TYPES || type.name in NOT_PERSONAL_TYPES, `${type.name} is not classified in personal-data.ts`).toBe(true);
    }
    for (const [name, spec] of Object.entries(PERSONAL_TYPES)) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      for (const f of spec.notPersonal) expect(Object.keys(type.getFields()), `${name}.${f}`).toContain(f);
    }

    const [row] = await t.query<{ household_id: string; person_id: string; nik: string }>(
      `select p.household_id, p.id as person_id, p.nik from person p
        where exists (select 1 from growth_measurement g where g.person_id = p.id)
          and exists (select 1 from intervention i where i.household_id = p.household_id)
          and exists (select 1 from household_need n where n.household_id = p.household_id)
          and exists (select 1 from assignment a where a.household_id = p.household_id)
        order by p.id limit 1`,
    );
    const { household_id: hid, person_id: pid, nik } = row!;
    // An import review: a DTSEN row with a registered child's NIK under another name.
    const [child] = await t.query<{ id: string; nik: string; sex: string; birth: string; kk: string; code: string }>(
      `select p.id, p.nik, p.sex, to_char(p.birth_date, 'YYYY-MM-DD') as birth, h.kk_number as kk, a.code
         from person p join household h on h.id = p.household_id join area a on a.id = h.area_id where p.relation = 'CHILD' order by p.id limit 1`,
    );
    const file = csv([DTSEN_HEADER, [child!.kk, child!.nik, 'Nama Lain Sekali', child!.sex === 'MALE' ? 'L' : 'P', dmy(child!.birth), 'Anak', child!.code, '', '', '', '', '', '']]);
    const job = await uploadImport(t, admin, 'dtsen', 'tinjauan.csv', file);
    for (const [step, want] of [['validateImport', 'VALIDATED'], ['commitImport', 'COMMITTED']] as const) {
      expect((await t.gql(`mutation ($id: ID!) { ${step}(jobId: $id) { id } }`, { id: job }, admin)).errors).toBeUndefined();
      expect(await settleImport(t, job)).toBe(want);
    }
    expect(await t.query(`select 1 from import_review where job_id = ? and person_id = ?`, [job, child!.id])).toHaveLength(1);
    const paths: Record<string, { query: (sel: string) => string; subject: string }> = {
      Household: { query: (s) => `{ household(id: "${hid}") { ${s} } }`, subject: hid },
      Person: { query: (s) => `{ person(id: "${pid}") { ${s} } }`, subject: pid },
      GrowthMeasurement: { query: (s) => `{ person(id: "${pid}") { growthMeasurements { ${s} } } }`, subject: pid },
      Need: { query: (s) => `{ household(id: "${hid}") { needs { ${s} } } }`, subject: hid },
      Intervention: { query: (s) => `{ household(id: "${hid}") { interventions { ${s} } } }`, subject: hid },
      PovertyAssessment: { query: (s) => `{ household(id: "${hid}") { assessments { ${s} } } }`, subject: hid },
      Assignment: { query: (s) => `{ household(id: "${hid}") { assignments { ${s} } } }`, subject: hid },
      // Several edges: the same digits may also be another household's KK number.
      HouseholdEdge: { query: (s) => `{ households(first: 5, filter: { search: "${nik}" }) { edges { ${s} } } }`, subject: hid },
      AuditEvent: { query: (s) => `{ subjectAccessTrail(nik: "${nik}") { ${s} } }`, subject: pid },
      ImportReview: { query: (s) => `{ importReviews(first: 1) { ${s} } }`, subject: child!.id },
    };
    const fields = personalFields(schema);
    expect(Object.keys(paths).sort()).toEqual(Object.keys(fields).sort());
    let asked = 0;
    for (const [typeName, names] of Object.entries(fields)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      for (const name of names) {
        const sel = isObjectType(getNamedType(type.getFields()[name]!.type)) ? `${name} { __typename }` : name;
        const before = await t.query<{ id: string }>(`select max(id) as id from audit_event`);
        const res = await t.gql(paths[typeName]!.query(sel), {}, admin);
        expect(res.errors, `${typeName}.${name}`).toBeUndefined();
        const [e] = await t.query<any>(`select entity_ids from audit_event where action = 'PII_READ' and id > ? order by id desc limit 1`, [before[0]!.id]);
        expect(e?.entity_ids ?? [], `${typeName}.${name}`).toContain(paths[typeName]!.subject);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(60);
  });
});
