import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { today } from '../src/config/clock.js';

let t: TestServer;
let dinsos: string;
let householdId: string;
let programId: string;
beforeAll(async () => {
  t = await startTestServer();
  dinsos = await t.login('dinsos');
  // A household-level recurring program owned by Dinas Sosial, and a household it has not reached this month.
  const [program] = await t.query<{ id: string }>(
    `select p.id from program p join app_user u on u.organization_id = p.owner_id
     where u.username = 'dinsos' and p.target_unit = 'HOUSEHOLD' and p.frequency <> 'ONCE'
       and p.starts_on <= current_date and (p.ends_on is null or p.ends_on >= current_date)
     order by p.name limit 1`,
  );
  programId = program!.id;
  const [household] = await t.query<{ id: string }>(
    `select h.id from household h where not exists (
       select 1 from intervention i where i.household_id = h.id and i.program_id = ?) order by h.kk_number limit 1`,
    [programId],
  );
  householdId = household!.id;
});
afterAll(() => t.close());

const LOG = `mutation ($input: LogInterventionInput!) { logIntervention(input: $input) { id status periodKey program { id } household { id } } }`;

describe('logging deliveries', () => {
  it('two concurrent deliveries of the same program, household and period leave one row and one CONFLICT', async () => {
    const input = (key: string) => ({ programId, householdId, idempotencyKey: key, deliveredAt: today(), quantity: 1, valueRp: 200000 });
    const results = await Promise.all([
      t.gql(LOG, { input: input('concurrent-aaaaaaaa') }, dinsos),
      t.gql(LOG, { input: input('concurrent-bbbbbbbb') }, dinsos),
    ]);
    const ok = results.filter((r) => r.data?.logIntervention);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.errors![0]!.extensions!.existingId).toBe(ok[0]!.data.logIntervention.id);
    const rows = await t.query(`select id from intervention where program_id = ? and household_id = ? and status <> 'CANCELLED'`, [programId, householdId]);
    expect(rows).toHaveLength(1);
  });

  it('a retry with the same idempotency key returns the same intervention', async () => {
    const [other] = await t.query<{ id: string }>(
      `select h.id from household h where h.id <> ? and not exists (select 1 from intervention i where i.household_id = h.id and i.program_id = ?) order by h.kk_number limit 1`,
      [householdId, programId],
    );
    const input = { programId, householdId: other!.id, idempotencyKey: 'retry-key-12345678', deliveredAt: today(), valueRp: 150000 };
    const [a, b] = await Promise.all([t.gql(LOG, { input }, dinsos), t.gql(LOG, { input }, dinsos)]);
    const c = await t.gql(LOG, { input }, dinsos);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data.logIntervention.id).toBe(a.data.logIntervention.id);
    expect(c.data.logIntervention.id).toBe(a.data.logIntervention.id);
    const reused = await t.gql(LOG, { input: { ...input, householdId } }, dinsos);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const [{ count: before }] = (await t.query<{ count: string }>('select count(*) from intervention')) as [{ count: string }];
    const base = { programId, householdId, idempotencyKey: 'bad-input-123456', deliveredAt: today() };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ deliveredAt: '2026-02-30' }, 'input.deliveredAt'],
      [{ deliveredAt: '2999-01-01' }, 'input.deliveredAt'],
      [{ quantity: -1 }, 'input.quantity'],
      [{ valueRp: -5 }, 'input.valueRp'],
      [{ idempotencyKey: 'short' }, 'input.idempotencyKey'],
    ];
    for (const [change, field] of cases) {
      const res = await t.gql(LOG, { input: { ...base, ...change } }, dinsos);
      expect(res.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const missing = await t.gql(LOG, { input: { ...base, programId: '00000000-0000-4000-8000-000000000bad' } }, dinsos);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [{ count: after }] = (await t.query<{ count: string }>('select count(*) from intervention')) as [{ count: string }];
    expect(after).toBe(before);
  });

  it("an agency may not log another organisation's program (FORBIDDEN); a partner sees only assigned households", async () => {
    const dinkes = await t.login('dinkes');
    const res = await t.gql(LOG, { input: { programId, householdId, idempotencyKey: 'dinkes-tries-1234', deliveredAt: today() } }, dinkes);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ngo = await t.login('ngo');
    const [ngoProgram] = await t.query<{ id: string }>(
      `select p.id from program p join app_user u on u.organization_id = p.owner_id where u.username = 'ngo' limit 1`,
    );
    const [unassigned] = await t.query<{ id: string }>(
      `select h.id from household h where not exists (select 1 from assignment a join app_user u on u.organization_id = a.organization_id
        where u.username = 'ngo' and a.household_id = h.id) limit 1`,
    );
    const out = await t.gql(LOG, { input: { programId: ngoProgram!.id, householdId: unassigned!.id, idempotencyKey: 'ngo-out-of-scope-1', deliveredAt: today() } }, ngo);
    expect(out.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('plans, advances, verifies and cancels through the allowed transitions only', async () => {
    const [h] = await t.query<{ id: string }>(
      `select h.id from household h where not exists (select 1 from intervention i where i.household_id = h.id and i.program_id = ?) order by h.kk_number desc limit 1`,
      [programId],
    );
    const plan = await t.gql(
      `mutation ($input: PlanInterventionInput!) { planIntervention(input: $input) { id status version } }`,
      { input: { programId, householdId: h!.id, plannedOn: today() } },
      dinsos,
    );
    expect(plan.data.planIntervention.status).toBe('PLANNED');
    const ADVANCE = `mutation ($input: AdvanceInterventionInput!) { advanceIntervention(input: $input) { status deliveredOn version } }`;
    const id = plan.data.planIntervention.id;
    const skip = await t.gql(ADVANCE, { input: { id, status: 'VERIFIED' } }, dinsos);
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    const noDate = await t.gql(ADVANCE, { input: { id, status: 'DELIVERED' } }, dinsos);
    expect(noDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deliveredAt' });
    const delivered = await t.gql(ADVANCE, { input: { id, status: 'DELIVERED', deliveredAt: today() } }, dinsos);
    expect(delivered.data.advanceIntervention).toMatchObject({ status: 'DELIVERED', deliveredOn: today() });
    const agencyVerifies = await t.gql(ADVANCE, { input: { id, status: 'VERIFIED' } }, dinsos);
    expect(agencyVerifies.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bappeda = await t.login('bappeda');
    const verified = await t.gql(ADVANCE, { input: { id, status: 'VERIFIED' } }, bappeda);
    expect(verified.data.advanceIntervention.status).toBe('VERIFIED');
    const cancel = await t.gql(`mutation { cancelIntervention(id: "${id}", reason: "salah input") { status } }`, {}, bappeda);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
