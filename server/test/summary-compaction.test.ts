import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactSummaries } from '../src/analytics/summary-compaction.js';
import { today } from '../src/config/clock.js';
import { startTestServer, type TestServer } from './harness.js';
import { SUMMARY_DELTA_TABLES } from './summary-fixture.js';

// The server folds every summary's deltas each minute as the application role (main.ts): the role may
// run each compaction, and folding changes no figure the dashboard shows.
let t: TestServer;
let coordinator: string;

beforeAll(async () => {
  t = await startTestServer();
  coordinator = await t.login('bappeda');
});
afterAll(() => t.close());

const DASHBOARD = `{
  coverageByArea(level: KELURAHAN) { code households householdsWithUnmetNeed needsByType { needType total unmet planned served } householdsNeverReached }
  povertyTrend(months: 24) { points { month extremePoorHouseholds needsServed } }
  stuntingByArea { code childrenMeasured stunted severelyStunted }
  overlap { overlappingNeeds overlappingNeedsByType { key count } householdsWithOverlappingPrograms householdsWithOverlappingProgramsByAspect { key count } }
  programPerformance { programId planned inProgress delivered verified cancelled valueDeliveredRp householdsReached householdsDelivered quotaUsed }
}`;

async function rows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SUMMARY_DELTA_TABLES) counts[table] = Number((await t.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  return counts;
}

describe('folding the summaries', () => {
  it('runs as the application role and changes no figure, after deliveries appended their deltas', async () => {
    // The day's first compaction cuts the open coverage ranges at today (0032), which adds rows once a day.
    await compactSummaries(t.db.orm.em.getKnex());
    const dinsos = await t.login('dinsos');
    const [program] = await t.query<{ id: string }>(
      `select p.id from program p join app_user u on u.organization_id = p.owner_id
        where u.username = 'dinsos' and p.target_unit = 'HOUSEHOLD' and p.frequency <> 'ONCE'
          and p.starts_on <= sinergi_today() and (p.ends_on is null or p.ends_on >= sinergi_today())
        order by p.name limit 1`,
    );
    const targets = await t.query<{ id: string }>(
      `select h.id from household h where not exists (select 1 from intervention i where i.household_id = h.id and i.program_id = ?) order by h.id limit 3`,
      [program!.id],
    );
    for (const [n, h] of targets.entries()) {
      const res = await t.gql(
        'mutation ($input: LogInterventionInput!) { logIntervention(input: $input) { id } }',
        { input: { programId: program!.id, householdId: h.id, idempotencyKey: `compaction-${n}-0123456789`, deliveredAt: today(), valueRp: 200000 } },
        dinsos,
      );
      expect(res.errors).toBeUndefined();
    }
    const before = await t.gql(DASHBOARD, {}, coordinator);
    expect(before.errors).toBeUndefined();
    const appended = await rows();

    await compactSummaries(t.db.orm.em.getKnex());

    const after = await t.gql(DASHBOARD, {}, coordinator);
    expect(after).toEqual(before);
    const folded = await rows();
    // Folding leaves at most as many rows as it found, and fewer where deliveries appended to shared keys.
    for (const table of SUMMARY_DELTA_TABLES) expect(folded[table], table).toBeLessThanOrEqual(appended[table]!);
    expect(Object.values(folded).reduce((a, b) => a + b, 0)).toBeLessThan(Object.values(appended).reduce((a, b) => a + b, 0));
  });

  it('folds only what is pending: the folded rows without new deltas stay where they are (0029)', async () => {
    const knex = t.db.orm.em.getKnex();
    await compactSummaries(knex);
    // Where each folded row lives in its table's heap: a rewrite (delete and insert) moves it.
    const places = async () => ({
      daily: await t.query<{ ctid: string }>(`select ctid::text from analytics_daily_delta where folded order by ctid`),
      programArea: await t.query<{ ctid: string }>(`select ctid::text from analytics_program_area order by ctid`),
    });
    const before = await places();
    expect(before.daily.length).toBeGreaterThan(0);
    expect(before.programArea.length).toBeGreaterThan(0);
    await compactSummaries(knex);
    expect(await places()).toEqual(before);
  });

  it('cuts the open coverage ranges at its day once, then leaves them in place (0032)', async () => {
    const knex = t.db.orm.em.getKnex();
    await compactSummaries(knex);
    const open = `select ctid::text, r::text, n from coverage_delta where ends_on > sinergi_today() order by ctid`;
    const before = await t.query<{ ctid: string; r: string }>(open);
    expect(before.length).toBeGreaterThan(0);
    // Every open range starts today at the earliest (or is unbounded below): one row per key and last day.
    expect(before.filter(({ r }) => /^\[\d{4}-\d{2}-\d{2},/.test(r) && r.slice(1, 11) < today())).toEqual([]);
    await compactSummaries(knex);
    expect(await t.query(open)).toEqual(before);
  });
  it('folds a large backlog with statistics taken when the deltas were few, without nested loops over its CTEs (0038)', async () => {
    // Seeding 100,000 households left 140,000 program deltas that statistics taken earlier knew as a handful:
    // the planner paired two CTE scans in a nested loop and one compaction ran for over 40 minutes.
    const client = new pg.Client({ connectionString: t.ownerUrl });
    await client.connect();
    const plans: string[] = [];
    client.on('notice', (notice) => plans.push(notice.message ?? ''));
    try {
      await client.query('begin');
      for (const table of ['analytics_program_household_delta', 'analytics_owner_household_delta']) {
        for (const column of ['household_id', 'area_id', table.startsWith('analytics_program') ? 'program_id' : 'owner_id']) {
          await client.query(`alter table ${table} alter column ${column} set (n_distinct = 1)`);
        }
        await client.query(`analyze ${table}`);
      }
      // Every household gains one delivery of one program (the transaction is rolled back).
      await client.query(
        `with p as (select id, owner_id from program order by name limit 1),
         a as (insert into analytics_program_household_delta (program_id, household_id, area_id, active, done)
               select p.id, h.id, h.area_id, 1, 1 from household h, p)
         insert into analytics_owner_household_delta (owner_id, household_id, area_id, active, done)
         select p.owner_id, h.id, h.area_id, 1, 1 from household h, p`,
      );
      await client.query(`load 'auto_explain'`);
      await client.query(`set local auto_explain.log_min_duration = 0`);
      await client.query(`set local auto_explain.log_nested_statements = on`);
      await client.query(`set local auto_explain.log_level = notice`);
      await client.query('select analytics_compact()');
      const folds = plans.filter((plan) => plan.includes('analytics_program_household') || plan.includes('analytics_owner_household'));
      expect(folds.length).toBeGreaterThan(0);
      expect(folds.filter((plan) => plan.includes('Nested Loop'))).toEqual([]);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  });
});
