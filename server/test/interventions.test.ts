import http from 'node:http';
import pg from 'pg';
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
/** Posts on a connection of its own (no keep-alive agent), as 50 separate clients would. */
function postOnNewConnection(query: string, variables: Record<string, unknown>, token: string) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const body = JSON.stringify({ query, variables });
    const req = http.request(
      `${t.url}/graphql`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

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

  it('50 concurrent deliveries with one idempotency key, each on its own connection, leave one row and give all 50 its id', async () => {
    // The database's unique index holds it, not the service's look-up before inserting: the index exists...
    const [index] = await t.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where tablename = 'intervention' and indexname = 'intervention_idempotency_key_key'`,
    );
    expect(index?.indexdef).toMatch(/^CREATE UNIQUE INDEX \S+ ON \S*intervention USING btree \(idempotency_key\)$/);
    const [other] = await t.query<{ id: string }>(
      `select h.id from household h where h.id <> ? and not exists (select 1 from intervention i where i.household_id = h.id and i.program_id = ?) order by h.kk_number limit 1`,
      [householdId, programId],
    );
    const key = 'race-key-12345678';
    const input = { programId, householdId: other!.id, idempotencyKey: key, deliveredAt: today(), valueRp: 150000 };

    // ...and an uncommitted row with the key, held by a connection of our own, makes every request find
    // nothing before inserting and then wait on the index. Its rollback lets one insert win; every
    // other insert then fails on the index and has to be answered from the winner's row.
    const blocker = new pg.Client({ connectionString: t.ownerUrl });
    await blocker.connect();
    await blocker.query('begin');
    const { rows: [xact] } = await blocker.query<{ id: string }>('select pg_current_xact_id()::text as id');
    await blocker.query(
      `insert into intervention select (jsonb_populate_record(null::intervention, to_jsonb(i) || jsonb_build_object(
         'id', gen_random_uuid(), 'idempotency_key', $1::text, 'status', 'CANCELLED', 'cancelled_at', now(), 'cancel_reason', 'race blocker'))).*
       from intervention i order by id limit 1`,
      [key],
    );
    const calls = Array.from({ length: 50 }, () => postOnNewConnection(LOG, { input }, dinsos));
    // All of the server's pool (DB_POOL_MAX, 10 by default) waits on the blocker's row; the rest queue for a connection.
    for (let waiting = 0; waiting < 10; ) {
      await new Promise((resolve) => setImmediate(resolve));
      [{ waiting }] = (await t.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_locks where locktype = 'transactionid' and transactionid::text = ? and not granted`,
        [xact!.id],
      )) as [{ waiting: number }];
    }
    await blocker.query('rollback');
    await blocker.end();

    const results = await Promise.all(calls);
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(results.filter((r) => r.body.errors)).toEqual([]);
    const ids = new Set(results.map((r) => r.body.data.logIntervention.id));
    expect(ids.size).toBe(1);
    const rows = await t.query<{ id: string }>('select id from intervention where idempotency_key = ?', [key]);
    expect(rows.map((r) => r.id)).toEqual([...ids]);

    // A later retry gets the same answer; the key with another target is a CONFLICT.
    const retry = await t.gql(LOG, { input }, dinsos);
    expect(retry.data.logIntervention.id).toBe(rows[0]!.id);
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
