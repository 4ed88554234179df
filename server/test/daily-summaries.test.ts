import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now, today, useClock } from '../src/config/clock.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  addDays, applyAll, DAY, expectSummaryPathEqualsRows, HOUSEHOLDS, STATUSES, summaryCity, type ProgramSpec,
} from './summary-fixture.js';

/**
 * The day-exact summaries of migration 0022 (per-area day events) stay equal to the trend and the
 * stunting figures computed from the rows after any sequence of writes — assessments (single and bulk),
 * needs appearing and going, interventions delivered, cancelled, corrected and deleted, growth
 * measurements recorded, corrected and deleted, a child's birth date or leaving corrected, a member
 * moving to another household, a household moving to another kelurahan, a program changing frequency
 * or need types — and whatever day the clock shows (children turn five, months end). Two views of equality:
 * - povertyTrend and stuntingByArea read from the summaries equal the same queries on the row path (a
 *   `from` date before every record selects the same rows and forces the row path), for a coordinator
 *   (city, a kecamatan, a kelurahan, `to` dates) and a kelurahan officer;
 * - the maintained events and states equal a rebuild from the rows (analytics_daily_rebuild).
 */

let t: TestServer;
let T: string;
const START = now();

const FREQUENCIES = ['ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const PROGRAMS: ProgramSpec[] = [
  { key: 'P1', frequency: 'MONTHLY', person: true, needs: ['FOOD'], aspects: ['HOUSING'] },
  { key: 'P2', frequency: 'WEEKLY', person: false, needs: ['FOOD', 'HOUSING'], aspects: ['HOUSING'] },
  { key: 'P3', frequency: 'ONCE', person: false, needs: ['HOUSING'], aspects: ['HOUSING'] },
  { key: 'P4', frequency: 'QUARTERLY', person: true, needs: ['FOOD'], aspects: ['HOUSING'] },
];
const NEED_TYPES = ['FOOD', 'HOUSING'];
const POVERTY = ['EXTREME_POOR', 'POOR', 'GRADUATED'];
const STUNTING = ['NORMAL', 'STUNTED', 'SEVERELY_STUNTED'];
const city = summaryCity({
  name: 'Uji Tren',
  kelurahan: ['Tren Satu', 'Tren Dua'],
  kkPrefix: '627119010127',
  nikPrefix: '627119010181',
  // The children are from under one to nearly five: the clock's moves take some past their fifth birthday.
  childBirthDate: (n) => addDays(today(), -300 * (n + 1)),
  programs: PROGRAMS,
});
const { id } = city;

beforeAll(async () => {
  t = await startTestServer();
  T = today();
  await city.build(t);
}, 120_000);
afterAll(async () => {
  useClock(START);
  await t.close();
});

const ix = (n: number) => fc.nat({ max: n - 1 });
// Days from 500 before the suite's today to 100 after it (assessments and deliveries may predate the trend's window).
const day = fc.integer({ min: -500, max: 100 });
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('assess' as const), rows: fc.array(fc.tuple(ix(6), ix(3), day), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('need' as const), rows: fc.array(fc.tuple(ix(6), ix(3), ix(2)), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('dropNeed' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deliver' as const), rows: fc.array(fc.tuple(ix(4), ix(6), ix(2), ix(5), day), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: ix(5), day }),
  fc.record({ kind: fc.constant('deleteIntervention' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('moveHousehold' as const), household: ix(6), area: ix(3) }),
  fc.record({ kind: fc.constant('program' as const), program: ix(4), frequency: ix(5), needs: ix(3) }),
  fc.record({ kind: fc.constant('measure' as const), rows: fc.array(fc.tuple(ix(6), ix(2), day, ix(3)), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('restatus' as const), pick: fc.nat(), status: ix(3) }),
  fc.record({ kind: fc.constant('dropMeasurement' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('birth' as const), household: ix(6), born: fc.integer({ min: -2000, max: 0 }), left: fc.option(day, { nil: null }),
  }),
  fc.record({ kind: fc.constant('moveMember' as const), household: ix(6), to: ix(6) }),
  fc.record({ kind: fc.constant('clock' as const), day }),
  // Folding into the monthly subtotals between writes and clock moves (migration 0026).
  fc.record({ kind: fc.constant('compact' as const) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

async function pickMeasurement(n: number): Promise<string | null> {
  const rows = await t.query<{ id: string }>(`select g.id from growth_measurement g where g.person_id = any (?::uuid[]) order by g.id`, [
    HOUSEHOLDS.flatMap((h) => [id(`${h}a`), id(`${h}b`)]),
  ]);
  return rows.length ? rows[n % rows.length]!.id : null;
}

async function apply(m: Mutation): Promise<void> {
  switch (m.kind) {
    case 'assess': {
      // One statement for all the rows, as an import batch writes them.
      const rows = m.rows.map(([h, s, d]) => [randomUUID(), id(HOUSEHOLDS[h]!), addDays(T, d), POVERTY[s]!]);
      await t.query(
        `insert into poverty_assessment (id, household_id, assessed_on, welfare_decile, poverty_status, reason)
         values ${rows.map(() => `(?, ?, ?::date, 1, ?, 'uji tren')`).join(', ')}`,
        rows.flat(),
      );
      return;
    }
    case 'need': {
      const rows = m.rows.map(([h, member, type]) => [
        id(HOUSEHOLDS[h]!), member === 2 ? null : city.member(h, member), NEED_TYPES[type % 2]!,
      ]);
      await t.query(
        `insert into household_need (household_id, person_id, need_type, rule_version, evidence)
         values ${rows.map(() => `(?, ?::uuid, ?, 1, '{}'::jsonb)`).join(', ')} on conflict do nothing`,
        rows.flat(),
      );
      return;
    }
    case 'dropNeed':
      await city.drop('household_need', m.pick);
      return;
    case 'deliver':
      await city.insertInterventions(m.rows.map(([p, household, member, s, d]) => ({
        program: PROGRAMS[p]!, household, member, status: STATUSES[s]!, on: addDays(T, d), value: 1000, organization: 'O1',
      })));
      return;
    case 'status': {
      const target = await city.pick('intervention', m.pick);
      if (!target) return;
      const s = STATUSES[m.status]!;
      const delivered = s === 'DELIVERED' || s === 'VERIFIED';
      await t.query(
        `update intervention set status = ?, delivered_on = case when ? then ?::date end, value_rp = case when ? then 1000 end,
           verified_at = case when ? = 'VERIFIED' then now() end, cancelled_at = case when ? = 'CANCELLED' then now() end
         where id = ?`,
        [s, delivered, addDays(T, m.day), delivered, s, s, target],
      );
      return;
    }
    case 'deleteIntervention':
      await city.drop('intervention', m.pick);
      return;
    case 'moveHousehold':
      await city.moveHousehold(m.household, m.area);
      return;
    case 'program':
      await t.query(`update program set frequency = ?, need_types = ?::text[] where id = ?`, [
        FREQUENCIES[m.frequency]!, [['FOOD'], ['HOUSING'], ['FOOD', 'HOUSING']][m.needs]!, id(PROGRAMS[m.program]!.key),
      ]);
      return;
    case 'measure': {
      const rows = m.rows.map(([h, member, d, s]) => [randomUUID(), city.member(h, member), addDays(T, d), STUNTING[s]!]);
      await t.query(
        `insert into growth_measurement (id, person_id, measured_on, age_days, height_cm, position, height_for_age_z, stunting_status)
         select v.id::uuid, v.person_id::uuid, v.measured_on::date, greatest(0, least(1826, v.measured_on::date - p.birth_date)), 80,
                'STANDING', case v.status when 'NORMAL' then 0 when 'STUNTED' then -2.5 else -3.5 end, v.status
           from (values ${rows.map(() => '(?, ?, ?, ?)').join(', ')}) as v (id, person_id, measured_on, status)
           join person p on p.id = v.person_id::uuid
         on conflict do nothing`,
        rows.flat(),
      );
      return;
    }
    case 'restatus': {
      const target = await pickMeasurement(m.pick);
      if (target) await t.query(`update growth_measurement set stunting_status = ? where id = ?`, [STUNTING[m.status]!, target]);
      return;
    }
    case 'dropMeasurement': {
      const target = await pickMeasurement(m.pick);
      if (target) await t.query(`delete from growth_measurement where id = ?`, [target]);
      return;
    }
    case 'birth':
      await t.query(`update person set birth_date = ?::date, left_on = ?::date where id = ?`, [
        addDays(T, m.born), m.left === null ? null : addDays(T, m.left), city.member(m.household, 1),
      ]);
      return;
    case 'moveMember':
      await city.moveMember(m.household, m.to);
      return;
    case 'clock':
      // The application's clock moves; the summaries hold no date of their own, so they need no upkeep.
      useClock(new Date(START.getTime() + m.day * DAY));
      return;
    case 'compact':
      await t.query('select analytics_daily_compact()');
      return;
  }
}

const TREND = `query ($f: AnalyticsFilter) {
  povertyTrend(filter: $f, months: 24) { asOf currentNeeds points { month monthEnd extremePoorHouseholds needsServed coveragePct }
    fitMonths slopePerMonth projectedAtTarget projectedZeroDate onTrack }
  stuntingByArea(filter: $f) { areaId code childrenMeasured stunted severelyStunted prevalencePct } }`;

// What the comparisons saw: equality of zeros alone would prove nothing.
const seen = { extremePoor: 0, served: 0, severe: 0 };

async function expectSummariesEqualRows(): Promise<void> {
  // Sessions are dated by the clock that just moved: sign in on the day of the comparison.
  const coordinator = await t.login('bappeda');
  const officer = await t.login('lurah.menteng');
  const d = today();
  const filters = [{}, { areaCode: '62.71.19' }, { areaCode: '62.71.19.1002' }, { to: addDays(d, -45) }, { areaCode: '62.71.03', to: addDays(d, -400) }];
  for (const [token, list] of [[coordinator, filters], [officer, [{}, { areaCode: '62.71.03.1002' }, { to: addDays(d, -10) }]]] as const) {
    for (const f of list) {
      const data = (await expectSummaryPathEqualsRows(t, TREND, { f }, token, JSON.stringify(f))) as {
        povertyTrend: { points: Array<{ extremePoorHouseholds: number; needsServed: number }> };
        stuntingByArea: Array<{ childrenMeasured: number; severelyStunted: number }>;
      };
      seen.extremePoor += data.povertyTrend.points.reduce((n, p) => n + p.extremePoorHouseholds, 0);
      seen.served += data.povertyTrend.points.reduce((n, p) => n + p.needsServed, 0);
      seen.severe += data.stuntingByArea.reduce((n, a) => n + a.severelyStunted, 0);
    }
  }
  const snapshot = async () => ({
    events: await t.query(`select area_id, kind, day, sum(delta)::int as n from analytics_daily_delta
                            group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3`),
    states: await t.query(`select kind, entity_id, area_id, days::text from analytics_daily_state where days <> '{}' order by 1, 2`),
  });
  // The monthly subtotals (migration 0026) are the sums of the events the compactions folded.
  expect(await t.query(`select area_id, kind, month::text as m, delta from analytics_daily_month order by 1, 2, 3`)).toEqual(
    await t.query(`select area_id, kind, date_trunc('month', day)::date::text as m, sum(delta)::int as delta
                     from analytics_daily_delta where folded group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3`),
  );
  const maintained = await snapshot();
  await t.query('select analytics_daily_rebuild()');
  expect(maintained).toEqual(await snapshot());
}

describe('trend summaries', () => {
  it('equal the trend and stunting computed from the rows after any sequence of writes and clock moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 8 }), async (mutations) => {
        // A write the database refuses (one active intervention per target and period) changes nothing.
        await applyAll(mutations, apply, /intervention_once_per_period|violates check constraint/);
        await expectSummariesEqualRows();
      }),
      { numRuns: 25, seed: 20261206 },
    );
    expect(seen.extremePoor).toBeGreaterThan(0);
    expect(seen.served).toBeGreaterThan(0);
    expect(seen.severe).toBeGreaterThan(0);
  }, 900_000);

  it('compaction folds the events without changing the trend', async () => {
    const coordinator = await t.login('bappeda');
    const before = await t.gql(TREND, { f: {} }, coordinator);
    const [{ n: rowsBefore }] = (await t.query<{ n: number }>(`select count(*)::int as n from analytics_daily_delta`)) as [{ n: number }];
    await t.query('select analytics_daily_compact()');
    const [{ n: rowsAfter }] = (await t.query<{ n: number }>(`select count(*)::int as n from analytics_daily_delta`)) as [{ n: number }];
    const [{ n: distinct }] = (await t.query<{ n: number }>(
      `select count(*)::int as n from (select distinct area_id, kind, day from analytics_daily_delta) x`,
    )) as [{ n: number }];
    expect(rowsAfter).toBeLessThanOrEqual(rowsBefore);
    expect(rowsAfter).toBe(distinct);
    expect((await t.gql(TREND, { f: {} }, coordinator)).data).toEqual(before.data);
  });

  it('a period key names the days of its period, and nothing for another frequency', async () => {
    const rows = await t.query<{ f: string; k: string; r: string }>(
      `select f, k, analytics_period_days(f, k)::text as r from (values ('ONCE', 'ONCE'), ('WEEKLY', '2025-W01'), ('WEEKLY', '2025-W53'),
         ('WEEKLY', '2026-W53'), ('MONTHLY', '2025-02'), ('QUARTERLY', '2025-Q4'), ('YEARLY', '2024'), ('MONTHLY', 'ONCE'), ('YEARLY', '2024-01')) v (f, k)`,
    );
    expect(rows.map((r) => r.r)).toEqual([
      '(,)', '[2024-12-30,2025-01-06)', 'empty', '[2026-12-28,2027-01-04)', '[2025-02-01,2025-03-01)', '[2025-10-01,2026-01-01)', '[2024-01-01,2025-01-01)', 'empty', 'empty',
    ]);
  });
});
