import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/config/clock.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let bappeda: string;
let ngo: string;
let ngoOrg: string;
beforeAll(async () => {
  t = await startTestServer();
  bappeda = await t.login('bappeda');
  ngo = await t.login('ngo');
  [{ organization_id: ngoOrg }] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'ngo'`);
});
afterAll(() => t.close());

const CREATE = 'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id lawfulBasis consentMethod consentGivenOn consentGivenBy { id } } }';
const RESPOND = 'mutation ($id: ID!, $accept: Boolean!, $note: String) { respondToAssignment(id: $id, accept: $accept, note: $note) { id status responseNote } }';
const WITHDRAW = 'mutation ($id: ID!, $reason: String!) { withdrawReferralConsent(id: $id, reason: $reason) { id status consentWithdrawnAt consentWithdrawalNote } }';

/** A household nobody has referred yet, with one of its members; `offset` keeps the tests apart. */
async function freshHousehold(offset: number) {
  const [h] = await t.query<{ id: string; area_id: string; member: string; other_member: string }>(
    `select h.id, h.area_id, (select p.id from person p where p.household_id = h.id order by p.id limit 1) as member,
            (select p.id from person p where p.household_id <> h.id order by p.id limit 1) as other_member
       from household h where not exists (select 1 from assignment a where a.household_id = h.id)
      order by h.id offset ? limit 1`,
    [offset],
  );
  return h!;
}

/** Runs SQL as the application role with the viewer of a demo user set (row-level security applies). */
async function asViewer<T extends Record<string, unknown>>(username: string, text: string, params: unknown[] = []): Promise<T[]> {
  const [u] = await t.query<{ id: string; role: string; organization_id: string }>(`select id, role, organization_id from app_user where username = ?`, [username]);
  return t.db.orm.em.fork().transactional(async (tx) => {
    await tx.execute(`select set_config('sinergi.user_id', ?, true), set_config('sinergi.role', ?, true), set_config('sinergi.org_id', ?, true)`, [
      u!.id,
      u!.role,
      u!.organization_id,
    ]);
    return tx.execute<T[]>(text, params);
  });
}

const consentOf = (h: { id: string; member: string }, extra: Record<string, unknown> = {}) => ({
  householdIds: [h.id],
  organizationId: ngoOrg,
  lawfulBasis: 'CONSENT',
  consents: [{ householdId: h.id, givenById: h.member, givenOn: today(), method: 'THUMBPRINT' }],
  ...extra,
});

describe('a referral to a non-government partner rests on consent or another lawful basis', () => {
  it('is refused without one, naming the field, and writes nothing', async () => {
    const h = await freshHousehold(0);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ householdIds: [h.id], organizationId: ngoOrg }, 'input.lawfulBasis'],
      [{ householdIds: [h.id], organizationId: ngoOrg, lawfulBasis: 'CONSENT' }, 'input.householdIds.0'],
      [consentOf({ id: h.id, member: h.other_member }), 'input.consents.0.givenById'],
      [consentOf(h, { consents: [{ householdId: h.id, givenById: h.member, givenOn: '2999-01-01', method: 'VERBAL' }] }), 'input.consents.0.givenOn'],
      [{ ...consentOf(h), lawfulBasis: 'PUBLIC_TASK' }, 'input.consents'],
    ];
    for (const [input, field] of cases) {
      const res = await t.gql(CREATE, { i: input }, bappeda);
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await t.query('select 1 from assignment where household_id = ?', [h.id])).toHaveLength(0);
  });

  it("records who consented, when and how, or the legal basis used; and the database refuses a referral without either", async () => {
    const h = await freshHousehold(1);
    const res = await t.gql(CREATE, { i: consentOf(h) }, bappeda);
    expect(res.errors).toBeUndefined();
    expect(res.data.createAssignments[0]).toMatchObject({ lawfulBasis: 'CONSENT', consentMethod: 'THUMBPRINT', consentGivenOn: today(), consentGivenBy: { id: h.member } });
    const [event] = await t.query<{ new_values: any }>(`select new_values from audit_event where ? = any(entity_ids) and entity_type = 'Assignment' order by id desc limit 1`, [h.id]);
    expect(event!.new_values).toMatchObject({ lawfulBasis: 'CONSENT', consents: [{ givenById: h.member, method: 'THUMBPRINT' }] });

    const other = await freshHousehold(2);
    const legal = await t.gql(CREATE, { i: { householdIds: [other.id], organizationId: ngoOrg, lawfulBasis: 'VITAL_INTEREST' } }, bappeda);
    expect(legal.data.createAssignments[0]).toMatchObject({ lawfulBasis: 'VITAL_INTEREST', consentGivenBy: null, consentMethod: null });

    // Row-level security: the coordinator's insert without a basis is refused by PostgreSQL itself.
    const [coordinator] = await t.query<{ id: string }>(`select id from app_user where username = 'bappeda'`);
    const third = await freshHousehold(3);
    await expect(
      asViewer('bappeda', `insert into assignment (id, household_id, organization_id, status, requested_by_id) values (gen_random_uuid(), ?, ?, 'REQUESTED', ?)`, [
        third.id,
        ngoOrg,
        coordinator!.id,
      ]),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('declining a referral', () => {
  it('needs a reason: without one it is refused and nothing changes; with one it is kept', async () => {
    const h = await freshHousehold(4);
    const made = await t.gql(CREATE, { i: consentOf(h) }, bappeda);
    const id = made.data.createAssignments[0].id;
    const events = async () => (await t.query(`select 1 from audit_event where ? = any(entity_ids)`, [id])).length;
    const before = await events();
    for (const note of [undefined, '', '   ']) {
      const res = await t.gql(RESPOND, { id, accept: false, note }, ngo);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    }
    expect(await t.query('select status, response_note from assignment where id = ?', [id])).toEqual([{ status: 'REQUESTED', response_note: null }]);
    expect(await events()).toBe(before);
    const declined = await t.gql(RESPOND, { id, accept: false, note: 'Kuota program penuh' }, ngo);
    expect(declined.data.respondToAssignment).toMatchObject({ status: 'DECLINED', responseNote: 'Kuota program penuh' });
  });
});

describe('withdrawing consent', () => {
  it('hides the household from the partner: lists, its page, members and interventions, in GraphQL and under RLS', async () => {
    const h = await freshHousehold(5);
    const made = await t.gql(CREATE, { i: consentOf(h) }, bappeda);
    const id = made.data.createAssignments[0].id;
    expect((await t.gql(RESPOND, { id, accept: true }, ngo)).errors).toBeUndefined();

    const HOUSEHOLD = 'query ($id: ID!) { household(id: $id) { id members { id } } }';
    const LISTS = `query ($h: ID!, $area: ID!) {
      households(first: 100, filter: { areaId: $area }) { edges { node { id } } }
      assignments(first: 100, filter: { householdId: $h }) { edges { node { id } } }
      interventions(first: 10, filter: { householdId: $h }) { totalCount }
    }`;
    const MEMBER = 'query ($id: ID!) { person(id: $id) { id } }';
    expect((await t.gql(HOUSEHOLD, { id: h.id }, ngo)).data.household.members.length).toBeGreaterThan(0);
    const listed = (await t.gql(LISTS, { h: h.id, area: h.area_id }, ngo)).data;
    expect(listed.households.edges.map((e: any) => e.node.id)).toContain(h.id);
    expect(listed.assignments.edges.map((e: any) => e.node.id)).toContain(id);
    expect((await t.gql(MEMBER, { id: h.member }, ngo)).data.person).not.toBeNull();
    const rlsCount = async () => {
      const [row] = await asViewer<{ households: string; persons: string; assignments: string }>(
        'ngo',
        `select (select count(*) from household where id = ?) as households, (select count(*) from person where household_id = ?) as persons,
                (select count(*) from assignment where household_id = ?) as assignments`,
        [h.id, h.id, h.id],
      );
      return { households: Number(row!.households), persons: Number(row!.persons), assignments: Number(row!.assignments) };
    };
    expect((await rlsCount()).households).toBe(1);

    // Only the coordinator (or administrator) records the withdrawal; the partner cannot.
    expect((await t.gql(WITHDRAW, { id, reason: 'x' }, ngo)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const blank = await t.gql(WITHDRAW, { id, reason: ' ' }, bappeda);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const withdrawn = await t.gql(WITHDRAW, { id, reason: 'Keluarga menarik persetujuan di kantor kelurahan' }, bappeda);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawReferralConsent).toMatchObject({ status: 'CLOSED', consentWithdrawalNote: 'Keluarga menarik persetujuan di kantor kelurahan' });
    const [event] = await t.query<{ action: string; new_values: any }>(
      `select action, new_values from audit_event where ? = any(entity_ids) and entity_type = 'Assignment' order by id desc limit 1`,
      [id],
    );
    expect(event).toMatchObject({ action: 'UPDATE', new_values: { status: 'CLOSED', consentWithdrawalNote: 'Keluarga menarik persetujuan di kantor kelurahan' } });

    expect((await t.gql(HOUSEHOLD, { id: h.id }, ngo)).data.household).toBeNull();
    const after = (await t.gql(LISTS, { h: h.id, area: h.area_id }, ngo)).data;
    expect(after.households.edges.map((e: any) => e.node.id)).not.toContain(h.id);
    expect(after.assignments.edges.map((e: any) => e.node.id)).not.toContain(id);
    expect(after.interventions.totalCount).toBe(0);
    expect((await t.gql(MEMBER, { id: h.member }, ngo)).data.person).toBeNull();
    expect(await rlsCount()).toEqual({ households: 0, persons: 0, assignments: 0 });
    // The coordinator still sees the referral and why it closed; a second withdrawal is refused.
    expect((await t.gql(HOUSEHOLD, { id: h.id }, bappeda)).data.household.id).toBe(h.id);
    expect((await t.gql(WITHDRAW, { id, reason: 'lagi' }, bappeda)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('even a referral left open with its consent withdrawn grants nothing under RLS', async () => {
    const h = await freshHousehold(6);
    const made = await t.gql(CREATE, { i: consentOf(h) }, bappeda);
    const id = made.data.createAssignments[0].id;
    const [admin] = await t.query<{ id: string }>(`select id from app_user where username = 'admin'`);
    // Written as the owner: the API never leaves it open, the policy must not rely on that.
    await t.query(`update assignment set consent_withdrawn_at = now(), consent_withdrawn_by_id = ?, consent_withdrawal_note = 'uji' where id = ?`, [admin!.id, id]);
    expect(await asViewer('ngo', 'select id from household where id = ?', [h.id])).toHaveLength(0);
    expect((await t.gql('query ($id: ID!) { household(id: $id) { id } }', { id: h.id }, ngo)).data.household).toBeNull();
  });
});

describe('the referrals list filters on the server', () => {
  it('by partner, status, kelurahan and need', async () => {
    const [area] = await t.query<{ id: string; code: string }>(
      `select a.id, a.code from area a where a.level = 'KELURAHAN' and exists (select 1 from assignment s join household h on h.id = s.household_id where h.area_id = a.id) order by a.code limit 1`,
    );
    const LIST = 'query ($f: AssignmentFilter) { assignments(first: 100, filter: $f) { totalCount edges { node { status needType organization { id } household { area { id } } } } } }';
    const expectCount = async (filter: Record<string, unknown>, where: string, params: unknown[]) => {
      const res = await t.gql(LIST, { f: filter }, bappeda);
      expect(res.errors).toBeUndefined();
      const [{ count }] = await t.query<{ count: string }>(`select count(*) from assignment s join household h on h.id = s.household_id where ${where}`, params);
      expect(res.data.assignments.totalCount, JSON.stringify(filter)).toBe(Number(count));
      expect(Number(count), JSON.stringify(filter)).toBeGreaterThan(0);
      return res.data.assignments.edges.map((e: any) => e.node);
    };
    const inArea = await expectCount({ areaId: area!.id }, 'h.area_id = ?', [area!.id]);
    expect(inArea.every((n: any) => n.household.area.id === area!.id)).toBe(true);
    const [need] = await t.query<{ need_type: string }>(`select need_type from assignment where need_type is not null and organization_id = ? and status in ('ACCEPTED', 'DECLINED')
        group by need_type order by count(*) desc limit 1`,
      [ngoOrg],
    );
    const byNeed = await expectCount({ needType: [need!.need_type] }, 's.need_type = ?', [need!.need_type]);
    expect(byNeed.every((n: any) => n.needType === need!.need_type)).toBe(true);
    await expectCount(
      { organizationId: ngoOrg, status: ['ACCEPTED', 'DECLINED'], needType: [need!.need_type] },
      `s.organization_id = ? and s.status in ('ACCEPTED', 'DECLINED') and s.need_type = ?`,
      [ngoOrg, need!.need_type],
    );
    // A kecamatan covers its kelurahan.
    const [kecamatan] = await t.query<{ id: string; code: string }>(`select id, code from area where code = ?`, [area!.code.split('.').slice(0, 3).join('.')]);
    await expectCount({ areaId: kecamatan!.id }, `h.area_id in (select id from area where code like ?)`, [`${kecamatan!.code}.%`]);
  });
});

describe('the partner picker', () => {
  it("names the needs each partner's running programs address", async () => {
    const res = await t.gql('query { organizations(first: 100, filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR] }) { edges { node { id programNeedTypes } } } }', {}, bappeda);
    expect(res.errors).toBeUndefined();
    const served = new Map<string, string[]>(res.data.organizations.edges.map((e: any) => [e.node.id, e.node.programNeedTypes]));
    const rows = await t.query<{ need: string }>(
      `select distinct n as need from program p cross join unnest(p.need_types) n
        where p.owner_id = ? and p.starts_on <= ?::date and (p.ends_on is null or p.ends_on >= ?::date) order by 1`,
      [ngoOrg, today(), today()],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(served.get(ngoOrg)).toEqual(rows.map((r) => r.need));
  });
});
