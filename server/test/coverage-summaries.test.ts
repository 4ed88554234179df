import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now, today, useClock } from '../src/config/clock.js';
import { MERGE_HISTORY } from '../src/db/migrations/0034-coverage-history-merge.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  addDays, applyAll, coverageEvents, expectSummaryPathEqualsRows, HOUSEHOLDS, STATUSES, summaryCity, type ProgramSpec,
} from './summary-fixture.js';

/**
 * coverageByArea and overlap read from the summaries of migrations 0021 and 0026 equal coverageByArea and
 * overlap computed from the rows after any sequence of writes (interventions single and in bulk, status changes, corrections,
 * deletions, needs appearing and going, households moving or changing status, members moving,
 * programs changing frequency, need types or aspects) AND of clock moves across period boundaries
 * (weeks, months, quarters, years): a need served this month is unmet next month without any write.
 * Two views of equality:
 * - the GraphQL answer on the summary path equals the row path's (a `from` date before every
 *   intervention selects the same rows and forces the row path), for city-wide roles at each level
 *   and with an aspect filter, and for a kelurahan officer;
 * - the maintained parts and the folded deltas equal a rebuild from the rows (coverage_rebuild).
 */

let t: TestServer;
let coordinator: string;
let officer: string;
let T: string;
const startedAt = now();

const PROGRAMS: ProgramSpec[] = [
  { key: 'P1', frequency: 'MONTHLY', person: true, needs: ['FOOD'], aspects: ['STUNTING'] },
  { key: 'P2', frequency: 'WEEKLY', person: false, needs: ['FOOD', 'WATER'], aspects: ['HOUSING'] },
  { key: 'P3', frequency: 'ONCE', person: false, needs: ['WATER'], aspects: ['HOUSING'] },
  { key: 'P4', frequency: 'YEARLY', person: true, needs: ['STUNTING', 'FOOD'], aspects: ['STUNTING', 'HEALTH'] },
  { key: 'P5', frequency: 'QUARTERLY', person: false, needs: ['FOOD'], aspects: ['HEALTH'] },
];
const NEEDS = ['FOOD', 'WATER', 'STUNTING'];
const POVERTY = ['EXTREME_POOR', 'POOR', 'VULNERABLE'];
const city = summaryCity({
  name: 'Uji Cakupan',
  kelurahan: ['Cakupan Satu', 'Cakupan Dua'],
  kkPrefix: '627119010126',
  nikPrefix: '627119010180',
  decile: (n) => 1 + (n % 3),
  programs: PROGRAMS,
});
const { id } = city;

// Days of the interventions, and days the clock moves to: either side of week, month, quarter and year ends.
const DAYS = () => [T, addDays(T, -6), addDays(T, -40), addDays(T, 25), addDays(T, -400)];
const CLOCK_DAYS = [0, 3, 8, 31, -31, 95, 370, -45];

// Sessions that outlive every clock move of the property.
async function loginForever(user: string): Promise<string> {
  const token = await t.login(user);
  await t.query(`update user_session set expires_at = '2999-01-01'`);
  return token;
}

beforeAll(async () => {
  t = await startTestServer();
  coordinator = await loginForever('bappeda');
  officer = await loginForever('lurah.menteng');
  T = today();
  await city.build(t);
}, 120_000);
afterAll(async () => {
  useClock(startedAt);
  await t.close();
});

const ix = (n: number) => fc.nat({ max: n - 1 });
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), rows: fc.array(fc.tuple(ix(5), ix(6), ix(2), ix(5), ix(5)), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: ix(5) }),
  fc.record({ kind: fc.constant('bulkStatus' as const), program: ix(5), status: ix(5) }),
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), program: ix(5) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('need' as const), household: ix(6), member: ix(3), type: ix(3) }),
  fc.record({ kind: fc.constant('dropNeed' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('moveHousehold' as const), household: ix(6), area: ix(3) }),
  fc.record({ kind: fc.constant('poverty' as const), household: ix(6), status: ix(3), decile: ix(10) }),
  fc.record({ kind: fc.constant('moveMember' as const), household: ix(6), to: ix(6) }),
  fc.record({ kind: fc.constant('programNeeds' as const), program: ix(5), types: fc.subarray(NEEDS, { minLength: 1 }) }),
  fc.record({ kind: fc.constant('programAspects' as const), program: ix(5), aspects: fc.subarray(['STUNTING', 'HOUSING', 'HEALTH'], { minLength: 1 }) }),
  fc.record({ kind: fc.constant('programFrequency' as const), program: ix(5), frequency: fc.constantFrom('WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'ONCE') }),
  fc.record({ kind: fc.constant('clock' as const), offset: ix(CLOCK_DAYS.length) }),
  fc.record({ kind: fc.constant('compact' as const) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function setClock(offset: number) {
  // 10:00 WIB on the day.
  useClock(new Date(`${addDays(T, offset)}T03:00:00Z`));
}

async function apply(m: Mutation): Promise<void> {
  switch (m.kind) {
    case 'insert':
      await city.insertInterventions(m.rows.map(([program, household, member, status, day]) => ({
        program: PROGRAMS[program]!, household, member, status: STATUSES[status]!, on: DAYS()[day]!, value: 1000, organization: 'O1',
      })));
      return;
    case 'status': {
      const target = await city.pick('intervention', m.pick);
      if (!target) return;
      const s = STATUSES[m.status]!;
      const delivered = s === 'DELIVERED' || s === 'VERIFIED';
      await t.query(
        `update intervention set status = ?, delivered_on = case when ? then coalesce(delivered_on, planned_on) else delivered_on end,
           value_rp = case when ? then coalesce(value_rp, 12345) else value_rp end,
           verified_at = case when ? = 'VERIFIED' then now() end, cancelled_at = case when ? = 'CANCELLED' then now() end
         where id = ?`,
        [s, delivered, delivered, s, s, target],
      );
      return;
    }
    case 'bulkStatus': {
      const s = STATUSES[m.status]!;
      await t.query(
        `update intervention set status = ?, delivered_on = coalesce(delivered_on, planned_on), value_rp = coalesce(value_rp, 1),
           verified_at = case when ? = 'VERIFIED' then now() end, cancelled_at = case when ? = 'CANCELLED' then now() end
         where program_id = ?`,
        [s, s, s, id(PROGRAMS[m.program]!.key)],
      );
      return;
    }
    case 'correct': {
      const target = await city.pick('intervention', m.pick);
      if (target) await t.query(`update intervention set program_id = ? where id = ?`, [id(PROGRAMS[m.program]!.key), target]);
      return;
    }
    case 'delete':
      await city.drop('intervention', m.pick);
      return;
    case 'need': {
      const h = HOUSEHOLDS[m.household]!;
      const person = m.member === 2 ? null : city.member(m.household, m.member);
      await t.query(
        `insert into household_need (household_id, person_id, need_type, rule_version, evidence)
         select ?, p.id, ?, 1, '{}'::jsonb from (select ?::uuid as id) p
          where p.id is null or exists (select 1 from person where id = p.id and household_id = ?)
         on conflict do nothing`,
        [id(h), NEEDS[m.type], person, id(h)],
      );
      return;
    }
    case 'dropNeed':
      await city.drop('household_need', m.pick);
      return;
    case 'moveHousehold':
      await city.moveHousehold(m.household, m.area);
      return;
    case 'poverty':
      await t.query(`update household set poverty_status = ?, welfare_decile = ? where id = ?`,
        [POVERTY[m.status], m.decile + 1, id(HOUSEHOLDS[m.household]!)]);
      return;
    case 'moveMember':
      await city.moveMember(m.household, m.to);
      return;
    case 'programNeeds':
      await t.query(`update program set need_types = ?::text[] where id = ?`, [m.types, id(PROGRAMS[m.program]!.key)]);
      return;
    case 'programAspects':
      await t.query(`update program set focus_aspects = ?::text[] where id = ?`, [m.aspects, id(PROGRAMS[m.program]!.key)]);
      return;
    case 'programFrequency':
      await t.query(`update program set frequency = ? where id = ?`, [m.frequency, id(PROGRAMS[m.program]!.key)]);
      return;
    case 'clock':
      setClock(CLOCK_DAYS[m.offset]!);
      return;
    case 'compact':
      await t.query(`select coverage_compact()`);
      return;
  }
}

const COVERAGE = `query ($f: AnalyticsFilter, $level: AreaLevel) {
  coverageByArea(filter: $f, level: $level) { areaId code households householdsByPovertyStatus { key count } householdsByDecile { key count }
    extremePoorHouseholds householdsWithUnmetNeed needsByType { needType total unmet planned served coveragePct }
    needsByStatus { key count } needsTotal needsServed needsPlanned needsUnmet coveragePct householdsNeverReached } }`;
const OVERLAP = `query ($f: AnalyticsFilter) {
  overlap(filter: $f) { asOf overlappingNeeds overlappingNeedsByType { key count } householdsWithOverlappingPrograms
    householdsWithOverlappingProgramsByAspect { key count } } }`;
// Whether some run found overlapping needs and households (so that the equality is not only of zeros).
const overlapSeen = { needs: false, households: false };

async function expectSummariesEqualRows(): Promise<void> {
  const coordinatorCases: Array<[Record<string, unknown>, string]> = [
    [{}, 'KELURAHAN'], [{}, 'KECAMATAN'], [{}, 'CITY'], [{ areaCode: '62.71.19' }, 'KELURAHAN'], [{ areaCode: '62.71.19.1002' }, 'KELURAHAN'],
    [{ focusAspect: 'STUNTING' }, 'KELURAHAN'], [{ focusAspect: 'HOUSING', areaCode: '62.71.19' }, 'KECAMATAN'], [{ focusAspect: 'HEALTH' }, 'CITY'],
  ];
  const officerCases: Array<[Record<string, unknown>, string]> = [[{}, 'KELURAHAN'], [{ focusAspect: 'STUNTING' }, 'KELURAHAN'], [{}, 'CITY']];
  for (const [token, cases] of [[coordinator, coordinatorCases], [officer, officerCases]] as const) {
    for (const [f, level] of cases) {
      await expectSummaryPathEqualsRows(t, COVERAGE, { f, level }, token, `${JSON.stringify(f)} ${level} on ${today()}`);
    }
  }
  const overlapCases: Array<[string, Array<Record<string, unknown>>]> = [
    [coordinator, [{}, { areaCode: '62.71.19' }, { areaCode: '62.71.19.1002' }, { focusAspect: 'STUNTING' }, { focusAspect: 'HOUSING', areaCode: '62.71.19' }]],
    [officer, [{}, { focusAspect: 'HEALTH' }]],
  ];
  for (const [token, cases] of overlapCases) {
    for (const f of cases) {
      const { overlap } = (await expectSummaryPathEqualsRows(t, OVERLAP, { f }, token, `overlap ${JSON.stringify(f)} on ${today()}`)) as {
        overlap: { overlappingNeeds: number; householdsWithOverlappingPrograms: number };
      };
      overlapSeen.needs ||= overlap.overlappingNeeds > 0;
      overlapSeen.households ||= overlap.householdsWithOverlappingPrograms > 0;
    }
  }
  // The maintained parts and the sums of the appended deltas are what a rebuild from the rows gives.
  const snapshot = async () => ({
    parts: (await t.query<{ k: string }>(
      `select concat_ws('|', household_id, area_id, aspect, item, r, n) as k from coverage_part order by 1`)).map((r) => r.k),
    sums: (await t.query<{ k: string }>(coverageEvents('coverage_delta'))).map((r) => r.k),
  });
  const maintained = await snapshot();
  await t.query('select coverage_rebuild()');
  expect(maintained).toEqual(await snapshot());
}

describe('coverage summaries', () => {
  it('turn days into date ranges that agree with sinergi_period_key', async () => {
    const rows = await t.query<{ bad: number }>(
      `select count(*)::int as bad
         from generate_series('2019-12-20'::date, '2027-01-10'::date, interval '1 day') d(day),
              unnest(array['ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY']) f(freq)
        where not coverage_period_range(freq, sinergi_period_key(freq, day::date)) @> day::date`,
    );
    expect(rows[0]!.bad).toBe(0);
    const [r] = await t.query<{ a: string; b: string; c: string; d: string }>(
      `select coverage_period_range('WEEKLY', '2021-W53')::text as a, coverage_period_range('WEEKLY', '2020-W53')::text as b,
              coverage_period_range('MONTHLY', '2026-Q1')::text as c, coverage_period_range('QUARTERLY', '2026-Q4')::text as d`,
    );
    expect(r).toEqual({ a: 'empty', b: '[2020-12-28,2021-01-04)', c: 'empty', d: '[2026-10-01,2027-01-01)' });
  });

  it('equal coverageByArea computed from the rows after any sequence of writes and clock moves', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 10 }), async (mutations) => {
        // A write the database refuses (one active intervention per target and period, a guard) changes nothing.
        await applyAll(mutations, apply, /intervention_once_per_period|violates|check constraint|not allowed|cannot/i);
        await expectSummariesEqualRows();
        setClock(0);
      }),
      { numRuns: 20, seed: 20261207 },
    );
    expect(overlapSeen).toEqual({ needs: true, households: true });
  }, 900_000);

  it('compaction leaves open rows that start today at the earliest, one per key, counting the same days', async () => {
    // The state the property left (rebuilt: pending rows, ranges as the parts have them), several days after its clock's start.
    setClock(3);
    const openBeforeToday = `select count(*)::int as n from coverage_delta
      where ends_on > sinergi_today() and not lower_inf(r) and lower(r) < sinergi_today()`;
    const [split] = await t.query<{ n: number }>(openBeforeToday);
    expect(split!.n).toBeGreaterThan(0);
    const events = (await t.query<{ k: string }>(coverageEvents('coverage_delta'))).map((r) => r.k);
    await t.query('select coverage_compact()');
    expect(await t.query(openBeforeToday)).toEqual([{ n: 0 }]);
    expect(await t.query(`select count(*)::int as n from coverage_delta where not folded or n = 0`)).toEqual([{ n: 0 }]);
    expect((await t.query<{ k: string }>(coverageEvents('coverage_delta'))).map((r) => r.k)).toEqual(events);
    // Idempotent on the same day; the readers at today agree with the rows.
    const rows = await t.query(`select area_id, aspect, item, r::text, n from coverage_delta order by 1, 2, 3, 4`);
    await t.query('select coverage_compact()');
    expect(await t.query(`select area_id, aspect, item, r::text, n from coverage_delta order by 1, 2, 3, 4`)).toEqual(rows);
    await expectSummariesEqualRows();
    setClock(0);
  }, 120_000);

  it('compaction day after day without writes adds no rows after the first day (0034), counting the same days', async () => {
    const count = async () => (await t.query<{ n: number }>(`select count(*)::int as n from coverage_delta`))[0]!.n;
    const events = async () => (await t.query<{ k: string }>(coverageEvents('coverage_delta'))).map((r) => r.k);
    // Owner connections keep the day they opened with: each compaction states its day.
    const compactOn = (day: string) => t.query(`select coverage_compact() from (select set_config('sinergi.today', ?, true)) s`, [day]);
    // A day after one of a key's ranges ends, the key's closed piece counts less than the one before it and
    // adds a row: that is a change, not a day without one. So the days are the first run from T on which no
    // range ends (from the day before the first to the day after the last): whatever day the suite runs.
    const [{ start }] = (await t.query<{ start: string }>(
      `select d::date::text as start from generate_series(?::date, ?::date + 120, interval '1 day') d
        where not exists (select 1 from coverage_delta where ends_on between d::date - 1 and d::date + 5)
        order by d limit 1`,
      [T, T],
    )) as [{ start: string }];
    // A range's first cut adds its closed piece once (ranges starting on a day are first cut the day after).
    await compactOn(start);
    await compactOn(addDays(start, 1));
    const rows = await count();
    const days = await events();
    let cuts = 0;
    for (const day of [2, 3, 4].map((d) => addDays(start, d))) {
      // Ranges that started before the day and end after it: what the day's compaction cuts.
      const [open] = await t.query<{ n: number }>(`select count(*)::int as n from coverage_delta
        where ends_on > ?::date and not lower_inf(r) and lower(r) < ?::date`, [day, day]);
      cuts += open!.n;
      await compactOn(day);
      expect(await count(), `rows on day ${day}`).toBe(rows);
      expect(await events(), `counts on day ${day}`).toEqual(days);
    }
    expect(cuts).toBeGreaterThan(0);
    await expectSummariesEqualRows();
    setClock(0);
  }, 120_000);

  it('the migration merges adjacent closed pieces of a key with the same count (0034 backfill)', async () => {
    setClock(10);
    await t.query('select coverage_compact()');
    const count = async () => (await t.query<{ n: number }>(`select count(*)::int as n from coverage_delta`))[0]!.n;
    const events = async () => (await t.query<{ k: string }>(coverageEvents('coverage_delta'))).map((r) => r.k);
    const rows = await count();
    const days = await events();
    // Cut a closed piece of two days or more of each key in two, as 0032's daily cuts left the history (pieces
    // whose halves meet no other piece of the key, so that the halves are a run of their own).
    await t.query(`with cut as (
        delete from coverage_delta where (area_id, aspect, item, r) in (
          select distinct on (area_id, aspect, item) area_id, aspect, item, r from coverage_delta d
           where folded and not lower_inf(r) and ends_on < 'infinity' and upper(r) - lower(r) >= 2
             and not exists (select 1 from coverage_delta o where o.folded and o.area_id = d.area_id and o.aspect = d.aspect
                               and o.item = d.item and o.r <> d.r
                               and (lower(o.r) in (lower(d.r), lower(d.r) + 1) or upper(o.r) = lower(d.r) + 1))
           order by area_id, aspect, item, r)
        returning area_id, aspect, item, r, n)
      insert into coverage_delta (area_id, aspect, item, r, n, folded)
      select area_id, aspect, item, x.r, n, true from cut cross join lateral (values
        (daterange(lower(cut.r), lower(cut.r) + 1)), (daterange(lower(cut.r) + 1, upper(cut.r)))) x(r)`);
    expect(await count()).toBeGreaterThan(rows);
    expect(await events()).toEqual(days);
    await t.query(MERGE_HISTORY);
    expect(await count()).toBeLessThanOrEqual(rows);
    expect(await events()).toEqual(days);
    await expectSummariesEqualRows();
    setClock(0);
  }, 120_000);
});
