import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/**
 * A partner's household list reads its caseload (0033): one row per organisation and household with an
 * open referral, kept by triggers with the household's keyset columns. These tests hold the list to
 * what the referrals say, through every change of a referral or a household, and show that the caseload
 * only chooses rows: the household policy still decides.
 */
let t: TestServer;
let bappeda: string;
let ngo: string;
let ngoOrg: string;

const LIST = `query ($f: HouseholdFilter, $after: String, $o: HouseholdOrder) {
  households(first: 100, after: $after, filter: $f, orderBy: $o) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;
const CREATE = 'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }';
const CLOSE = 'mutation ($id: ID!) { closeAssignment(id: $id) { id status } }';

beforeAll(async () => {
  t = await startTestServer();
  bappeda = await t.login('bappeda');
  ngo = await t.login('ngo');
  [{ organization_id: ngoOrg }] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'ngo'`);
});
afterAll(() => t.close());

/** Every page of the partner's list, in order, and the list's totalCount. */
async function partnerList(order?: { field: string; direction: string }, filter: Record<string, unknown> = {}) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const res: { data?: any; errors?: unknown } = await t.gql(LIST, { f: filter, after, o: order }, ngo);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const page: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } =
      res.data.households;
    total = page.totalCount;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, total };
    after = page.pageInfo.endCursor;
  }
}

/** The households with an open referral to the partner, in the given order (what the household policy lets it see). */
async function referred(orderBy = 'h.kk_number, h.id') {
  const rows = await t.query<{ id: string }>(
    `select h.id from household h
      where exists (select 1 from assignment a where a.household_id = h.id and a.organization_id = ?
                       and a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null)
      order by ${orderBy}`,
    [ngoOrg],
  );
  return rows.map((r) => r.id);
}

/** The caseload rows of every organisation: the open referrals' households, with the household's keyset columns. */
async function expectCaseloadExact() {
  const stale = await t.query(
    `(select c.organization_id, c.household_id, c.kk_number, c.welfare_decile, c.updated_at from partner_caseload c
      except
      select distinct a.organization_id, h.id, h.kk_number, h.welfare_decile, h.updated_at from assignment a join household h on h.id = a.household_id
       where a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null)
     union all
     (select distinct a.organization_id, h.id, h.kk_number, h.welfare_decile, h.updated_at from assignment a join household h on h.id = a.household_id
       where a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null
      except
      select c.organization_id, c.household_id, c.kk_number, c.welfare_decile, c.updated_at from partner_caseload c)`,
  );
  expect(stale).toEqual([]);
}

async function refer(householdId: string, needType: string | null) {
  const res = await t.gql(CREATE, { i: { householdIds: [householdId], organizationId: ngoOrg, needType, lawfulBasis: 'PUBLIC_TASK' } }, bappeda);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createAssignments[0].id as string;
}

describe("a partner's household list from its caseload", () => {
  it('holds exactly the households of its open referrals, each once, in every order', async () => {
    // Filled by the migration from the seeded referrals.
    await expectCaseloadExact();
    const expected = await referred();
    expect(expected.length).toBeGreaterThan(0);
    expect(await partnerList()).toEqual({ ids: expected, total: expected.length });
    expect((await partnerList({ field: 'WELFARE_DECILE', direction: 'DESC' })).ids).toEqual(await referred('h.welfare_decile desc, h.id desc'));
    expect((await partnerList({ field: 'UPDATED_AT', direction: 'ASC' })).ids).toEqual(await referred('h.updated_at, h.id'));
  });

  it('follows referrals as they open and close, and a household counted once for two open referrals', async () => {
    const [h] = await t.query<{ id: string }>(`select id from household where id not in (select household_id from assignment) order by kk_number limit 1`);
    const before = await partnerList();
    expect(before.ids).not.toContain(h!.id);
    const food = await refer(h!.id, 'FOOD');
    const water = await refer(h!.id, 'WATER');
    const opened = await partnerList();
    expect(opened.ids.filter((id) => id === h!.id)).toHaveLength(1);
    expect(opened.total).toBe(before.total + 1);
    expect(opened.ids).toEqual(await referred());
    await expectCaseloadExact();
    // One referral closed, the other still open: the household stays.
    expect((await t.gql(CLOSE, { id: food }, bappeda)).errors).toBeUndefined();
    expect((await partnerList()).ids).toContain(h!.id);
    expect((await t.gql(CLOSE, { id: water }, bappeda)).errors).toBeUndefined();
    expect(await partnerList()).toEqual(before);
    await expectCaseloadExact();
  });

  it("follows a household's keyset columns as they change", async () => {
    const ids = await referred();
    const last = ids.at(-1)!;
    // The last household by KK number becomes the first, and the poorest.
    await t.query(`update household set kk_number = '0000000000000001', welfare_decile = 1, updated_at = updated_at + interval '1 day' where id = ?`, [last]);
    await expectCaseloadExact();
    expect((await partnerList()).ids[0]).toBe(last);
    expect((await partnerList()).ids).toEqual(await referred());
    expect((await partnerList({ field: 'WELFARE_DECILE', direction: 'ASC' })).ids).toEqual(await referred('h.welfare_decile, h.id'));
    expect((await partnerList({ field: 'UPDATED_AT', direction: 'DESC' })).ids).toEqual(await referred('h.updated_at desc, h.id desc'));
    expect((await partnerList(undefined, { decileMax: 1 })).ids).toEqual(await referred('h.kk_number, h.id').then(async (all) => {
      const poorest = await t.query<{ id: string }>(`select id from household where welfare_decile = 1`);
      return all.filter((id) => poorest.some((p) => p.id === id));
    }));
  });

  it('only chooses rows: a caseload row without an open referral shows nothing', async () => {
    const [h] = await t.query<{ id: string }>(`select id from household where id not in (select household_id from assignment) order by kk_number limit 1`);
    const before = await partnerList();
    // Written as the owner, as no role can: the household policy still hides the household.
    await t.query(
      `insert into partner_caseload (organization_id, household_id, kk_number, welfare_decile, updated_at)
       select ?, id, kk_number, welfare_decile, updated_at from household where id = ?`,
      [ngoOrg, h!.id],
    );
    try {
      expect(await partnerList()).toEqual(before);
    } finally {
      await t.query(`delete from partner_caseload where household_id = ?`, [h!.id]);
    }
  });
});
