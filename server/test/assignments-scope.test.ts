import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('household.assignments', () => {
  it('shows a partner only the referrals to its own organisation, and others all of them', async () => {
    const bappeda = await t.login('bappeda');
    const ngo = await t.login('ngo');
    const orgs = await t.query<{ username: string; organization_id: string }>(
      `select username, organization_id from app_user where username in ('ngo', 'csr')`,
    );
    const orgOf = Object.fromEntries(orgs.map((o) => [o.username, o.organization_id]));
    const [{ id: householdId }] = await t.query<{ id: string }>(
      `select h.id from household h where not exists (select 1 from assignment a where a.household_id = h.id) order by h.kk_number limit 1`,
    );
    for (const partner of ['ngo', 'csr']) {
      const res = await t.gql(
        'mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }',
        { i: { householdIds: [householdId], organizationId: orgOf[partner], note: 'both partners asked', lawfulBasis: 'PUBLIC_TASK' } },
        bappeda,
      );
      expect(res.errors).toBeUndefined();
    }
    const query = 'query ($id: ID!) { household(id: $id) { assignments { organization { id } } } }';
    const asCoordinator = await t.gql(query, { id: householdId }, bappeda);
    expect(asCoordinator.data.household.assignments.map((a: any) => a.organization.id).sort()).toEqual(
      [orgOf['ngo'], orgOf['csr']].sort(),
    );
    const asNgo = await t.gql(query, { id: householdId }, ngo);
    expect(asNgo.data.household.assignments.map((a: any) => a.organization.id)).toEqual([orgOf['ngo']]);
  });
});

describe('createAssignments', () => {
  it('refuses a second open referral of a household to the same partner, naming the first, and writes nothing', async () => {
    const bappeda = await t.login('bappeda');
    const [{ organization_id: ngoOrg }] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'ngo'`);
    const [{ id: householdId }] = await t.query<{ id: string }>(
      `select h.id from household h where not exists (select 1 from assignment a where a.household_id = h.id) order by h.kk_number desc limit 1`,
    );
    const refer = () =>
      t.gql('mutation ($i: CreateAssignmentInput!) { createAssignments(input: $i) { id } }', { i: { householdIds: [householdId], organizationId: ngoOrg, lawfulBasis: 'PUBLIC_TASK' } }, bappeda);
    const first = await refer();
    expect(first.errors).toBeUndefined();
    const second = await refer();
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingId: first.data.createAssignments[0].id, field: 'input.householdIds.0' });
    const rows = await t.query(`select 1 from assignment where household_id = ? and organization_id = ?`, [householdId, ngoOrg]);
    expect(rows).toHaveLength(1);
  });
});
