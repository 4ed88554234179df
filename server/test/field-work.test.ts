import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './harness.js';
import { now, today } from '../src/config/clock.js';
import { periodKey } from '../src/interventions/period-key.js';

/** Issue 11 item 4: weekly programs, corrections by the logger, work queue filters and counts. */

let t: TestServer;
let dinkes: string;
let weekly: { id: string };
let child: { id: string; household_id: string };

function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await startTestServer();
  dinkes = await t.login('dinkes');
  [weekly] = (await t.query<{ id: string }>(`select id from program where frequency = 'WEEKLY' and name like 'PMT Penyuluhan Mingguan%'`)) as [{ id: string }];
  // A child of 8–22 months (6–23 at both delivery dates below), in a household nobody delivered it to.
  [child] = (await t.query<{ id: string; household_id: string }>(
    `select p.id, p.household_id from person p
      where p.birth_date between ?::date - interval '22 months' and ?::date - interval '8 months'
        and not exists (select 1 from intervention i where i.person_id = p.id)
      order by p.id limit 1`,
    [today(), today()],
  )) as [{ id: string; household_id: string }];
});
afterAll(() => t.close());

const LOG = `mutation ($input: LogInterventionInput!) { logIntervention(input: $input) { id status periodKey version quantity } }`;
const CORRECT = `mutation ($input: CorrectInterventionInput!) { correctIntervention(input: $input) { id version quantity note deliveredOn periodKey } }`;
const CANCEL = `mutation ($id: ID!) { cancelIntervention(id: $id, reason: "salah catat") { id status } }`;
let n = 0;
const log = (deliveredAt: string, token = dinkes, extra: Record<string, unknown> = {}) =>
  t.gql(LOG, { input: { programId: weekly.id, householdId: child.household_id, personId: child.id, deliveredAt, quantity: 1, idempotencyKey: `field-work-${++n}-key`, ...extra } }, token);

describe('a weekly program', () => {
  it('is in the demo data, owned by Dinas Kesehatan, for children of 6–23 months', async () => {
    const [p] = await t.query(`select p.frequency, p.target_min_age_months, p.target_max_age_months, o.short_name from program p join organization o on o.id = p.owner_id where p.id = ?`, [weekly.id]);
    expect(p).toMatchObject({ frequency: 'WEEKLY', target_min_age_months: 6, target_max_age_months: 23 });
    expect(child).toBeDefined();
  });

  it('accepts a visit in a new week, and answers a second one in the same week with CONFLICT naming the first', async () => {
    const lastWeek = await log(daysBefore(today(), 7));
    const thisWeek = await log(today());
    expect(lastWeek.errors).toBeUndefined();
    expect(thisWeek.errors).toBeUndefined();
    expect(thisWeek.data.logIntervention.periodKey).toBe(periodKey('WEEKLY', today()));
    expect(lastWeek.data.logIntervention.periodKey).not.toBe(thisWeek.data.logIntervention.periodKey);

    const again = await log(today());
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingId: thisWeek.data.logIntervention.id });
    const rows = await t.query(`select id from intervention where program_id = ? and person_id = ? and status <> 'CANCELLED'`, [weekly.id, child.id]);
    expect(rows).toHaveLength(2);
  });

  it('the SQL period key agrees with the API period key for weeks', async () => {
    for (const day of ['2026-01-01', '2027-01-01', '2024-12-30', '2026-07-19', '2026-07-20', '2025-12-29', '2021-01-03']) {
      const [row] = await t.query<{ k: string }>(`select sinergi_period_key('WEEKLY', ?::date) as k`, [day]);
      expect(row!.k, day).toBe(periodKey('WEEKLY', day));
    }
  });
});

describe('correcting and cancelling a delivery', () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    // Three weeks back: a slot of its own.
    const res = await log(daysBefore(today(), 21));
    id = res.data.logIntervention.id;
    version = res.data.logIntervention.version;
  });

  it('the logger corrects amounts and note, audited, and a stale version answers CONFLICT', async () => {
    const res = await t.gql(CORRECT, { input: { id, version, quantity: 2, note: 'dua paket' } }, dinkes);
    expect(res.errors).toBeUndefined();
    expect(res.data.correctIntervention).toMatchObject({ quantity: 2, note: 'dua paket', version: version + 1 });
    const [row] = await t.query(`select quantity::float as quantity, note from intervention where id = ?`, [id]);
    expect(row).toEqual({ quantity: 2, note: 'dua paket' });
    const [event] = await t.query<{ old_values: any; new_values: any }>(
      `select old_values, new_values from audit_event where entity_type = 'Intervention' and action = 'UPDATE' and ? = any (entity_ids) order by id desc limit 1`,
      [id],
    );
    expect(event!.old_values).toMatchObject({ quantity: 1 });
    expect(event!.new_values).toMatchObject({ quantity: 2, note: 'dua paket' });

    const stale = await t.gql(CORRECT, { input: { id, version, quantity: 3 } }, dinkes);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    version += 1;
  });

  it('keeps the limits of logging: no future date, no week already served (CONFLICT naming that record)', async () => {
    const future = await t.gql(CORRECT, { input: { id, version, deliveredAt: '2999-01-01' } }, dinkes);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deliveredAt' });
    const [taken] = await t.query<{ id: string }>(`select id from intervention where person_id = ? and period_key = ?`, [child.id, periodKey('WEEKLY', today())]);
    const clash = await t.gql(CORRECT, { input: { id, version, deliveredAt: today() } }, dinkes);
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', existingId: taken!.id });
    const moved = await t.gql(CORRECT, { input: { id, version, deliveredAt: daysBefore(today(), 14) } }, dinkes);
    expect(moved.data.correctIntervention.periodKey).toBe(periodKey('WEEKLY', daysBefore(today(), 14)));
    version = (await t.query<{ version: number }>(`select version from intervention where id = ?`, [id]))[0]!.version;
  });

  it('a colleague who did not log it is refused; a coordinator may', async () => {
    const admin = await t.login('admin');
    const [org] = await t.query<{ organization_id: string }>(`select organization_id from app_user where username = 'dinkes'`);
    const created = await t.gql(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'bidan.field', displayName: 'Bidan Lapangan', organizationId: org!.organization_id, role: 'AGENCY_STAFF', password: DEMO_PASSWORD } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const colleague = await t.login('bidan.field');
    const refused = await t.gql(CORRECT, { input: { id, version, quantity: 5 } }, colleague);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CANCEL, { id }, colleague)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await t.query(`select quantity::float as quantity, status from intervention where id = ?`, [id]);
    expect(row).toEqual({ quantity: 2, status: 'DELIVERED' });

    const coordinator = await t.gql(CORRECT, { input: { id, version, note: 'dicek koordinator' } }, await t.login('bappeda'));
    expect(coordinator.errors).toBeUndefined();
    version += 1;
  });

  it('the logger is refused after the 7-day window, in the API and in the database', async () => {
    await t.query(`update intervention set created_at = ?::timestamptz - interval '8 days' where id = ?`, [now().toISOString(), id]);
    const late = await t.gql(CORRECT, { input: { id, version, quantity: 4 } }, dinkes);
    expect(late.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CANCEL, { id }, dinkes)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t.query(`update intervention set created_at = ? where id = ?`, [now().toISOString(), id]);
  });

  it('the logger cancels within the window; a verified delivery is neither corrected nor cancelled', async () => {
    const cancelled = await t.gql(CANCEL, { id }, dinkes);
    expect(cancelled.data?.cancelIntervention.status).toBe('CANCELLED');
    const fresh = await log(daysBefore(today(), 28));
    const verify = await t.gql(
      `mutation ($i: AdvanceInterventionInput!) { advanceIntervention(input: $i) { status version } }`,
      { i: { id: fresh.data.logIntervention.id, status: 'VERIFIED' } },
      await t.login('bappeda'),
    );
    expect(verify.data.advanceIntervention.status).toBe('VERIFIED');
    const corrected = await t.gql(CORRECT, { input: { id: fresh.data.logIntervention.id, version: verify.data.advanceIntervention.version, quantity: 9 } }, dinkes);
    expect(corrected.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect((await t.gql(CANCEL, { id: fresh.data.logIntervention.id }, dinkes)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('work queue filters and counts', () => {
  const COUNTS = `query ($f: WorkQueueFilter) { myWorkQueueCounts(filter: $f) { total needTypes { needType count } areas { area { id name } count } programs { program { id } count } } }`;
  const TOTAL = `query ($f: WorkQueueFilter) { myWorkQueue(first: 1, filter: $f) { totalCount } }`;
  const total = async (f: Record<string, unknown>, token: string) => (await t.gql(TOTAL, { f }, token)).data.myWorkQueue.totalCount as number;

  it('each count is the size of the list filtered by that value (and the other filters)', async () => {
    const all = (await t.gql(COUNTS, {}, dinkes)).data.myWorkQueueCounts;
    expect(all.total).toBe(await total({}, dinkes));
    expect(all.needTypes.length).toBeGreaterThan(1);
    for (const c of all.needTypes) expect(await total({ needTypes: [c.needType] }, dinkes), c.needType).toBe(c.count);
    for (const c of all.programs) expect(await total({ programId: c.program.id }, dinkes)).toBe(c.count);
    for (const c of all.areas.slice(0, 5)) expect(await total({ areaId: c.area.id }, dinkes), c.area.name).toBe(c.count);

    // Combined: a need type and a kelurahan; the area list applies the need type, the need list the area.
    const needType = all.needTypes[0].needType;
    const byNeed = (await t.gql(COUNTS, { f: { needTypes: [needType] } }, dinkes)).data.myWorkQueueCounts;
    const area = byNeed.areas[0];
    expect(await total({ needTypes: [needType], areaId: area.area.id }, dinkes)).toBe(area.count);
    const both = (await t.gql(COUNTS, { f: { needTypes: [needType], areaId: area.area.id } }, dinkes)).data.myWorkQueueCounts;
    expect(both.total).toBe(area.count);
    expect(both.needTypes.find((c: any) => c.needType === needType).count).toBe(area.count);
  });

  it('is scoped like the list: a partner counts its referred households only', async () => {
    const ngo = await t.login('ngo');
    const counts = (await t.gql(COUNTS, {}, ngo)).data.myWorkQueueCounts;
    expect(counts.total).toBe(await total({}, ngo));
    const [assigned] = await t.query<{ n: number }>(
      `select count(distinct household_id)::int as n from assignment a join app_user u on u.organization_id = a.organization_id
        where u.username = 'ngo' and a.status in ('REQUESTED', 'ACCEPTED')`,
    );
    expect(counts.total).toBeLessThanOrEqual(assigned!.n);
    for (const c of counts.needTypes) expect(await total({ needTypes: [c.needType] }, ngo)).toBe(c.count);
  });

  it('is not for coordinators', async () => {
    const res = await t.gql(COUNTS, {}, await t.login('bappeda'));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
