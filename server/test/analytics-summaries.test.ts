import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/config/clock.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  addDays, ANALYTICS_DELTA_TABLES, applyAll, expectSummaryPathEqualsRows, STATUSES, summaryCity, type ProgramSpec,
} from './summary-fixture.js';

/**
 * The per-area summaries of migration 0017 stay equal to the aggregates computed from the rows after
 * any sequence of writes: single and bulk inserts, deliveries, verifications, cancellations,
 * corrections (program, value, dates), deletions, a household moving to another kelurahan, a member
 * moving to another household (keeping the interventions recorded under the old one) and a program
 * changing owner. Two views of equality:
 * - the GraphQL aggregates read from the summaries equal the same aggregates on the row path (a
 *   `from` date before every intervention selects the same rows and forces the row path);
 * - the maintained figures (folded deltas, pending ones included) equal a rebuild from the rows
 *   (analytics_rebuild), before and after a compaction.
 * And writers of interventions do not wait for each other (migration 0023): two open transactions on the
 * same area and program both go on, in any order, with a compaction between them.
 */

let t: TestServer;
let coordinator: string;
let officer: string;
let T: string;

const PROGRAMS: ProgramSpec[] = [
  { key: 'P1', frequency: 'MONTHLY', person: true, owner: 'O1', aspects: ['STUNTING'], needs: ['FOOD'], startsOn: '2024-01-01', quota: 5 },
  { key: 'P2', frequency: 'MONTHLY', person: false, owner: 'O2', aspects: ['HOUSING'], needs: ['FOOD'], startsOn: '2024-01-01', quota: 5 },
  { key: 'P3', frequency: 'ONCE', person: false, owner: 'O1', aspects: ['STUNTING'], needs: ['FOOD'], startsOn: '2024-01-01', quota: null },
  { key: 'P4', frequency: 'YEARLY', person: true, owner: 'O2', aspects: ['HOUSING'], needs: ['FOOD'], startsOn: '2024-01-01', quota: 5 },
];
const city = summaryCity({
  name: 'Uji Ringkasan',
  kelurahan: ['Ringkas Satu', 'Ringkas Dua'],
  kkPrefix: '627119010126',
  nikPrefix: '627119010180',
  decile: (n) => 1 + (n % 3),
  organizations: [
    { key: 'O1', name: 'Dinas Uji Ringkasan', type: 'PERANGKAT_DAERAH' },
    { key: 'O2', name: 'Yayasan Uji Ringkasan', type: 'NGO' },
  ],
  programs: PROGRAMS,
});
const { id } = city;

// Each summary folded per key: the maintained figures, pending deltas included, as readers see them.
const FOLDED: Record<string, string> = {
  program_area: `select area_id, program_id, sum(planned) as planned, sum(in_progress) as in_progress, sum(delivered) as delivered,
      sum(verified) as verified, sum(cancelled) as cancelled, sum(value_delivered) as value_delivered, sum(days) as days, sum(timed) as timed,
      sum(reached) as reached, sum(households_delivered) as households_delivered
    from analytics_program_area_current group by 1, 2`,
  owner_area: `select area_id, owner_id, sum(reached) as reached, sum(households_delivered) as households_delivered
    from analytics_owner_area_current group by 1, 2`,
  program_period_area: `select area_id, program_id, period_key, sum(targets) as targets from analytics_program_period_area_current group by 1, 2, 3`,
  program_period: `select program_id, period_key, sum(targets) as targets from analytics_program_period_current group by 1, 2`,
  program_household: `select program_id, household_id, area_id, sum(active) as active, sum(done) as done from (
      select program_id, household_id, area_id, active, done from analytics_program_household
      union all select program_id, household_id, area_id, active, done from analytics_program_household_delta) x group by 1, 2, 3`,
  owner_household: `select owner_id, household_id, area_id, sum(active) as active, sum(done) as done from (
      select owner_id, household_id, area_id, active, done from analytics_owner_household
      union all select owner_id, household_id, area_id, active, done from analytics_owner_household_delta) x group by 1, 2, 3`,
  program_target: `select program_id, period_key, target_id, area_id, sum(n) as n from (
      select program_id, period_key, target_id, area_id, n from analytics_program_target
      union all select program_id, period_key, target_id, area_id, n from analytics_program_target_delta) x group by 1, 2, 3, 4`,
};
// Folded only by the compaction (it decides when a target is in more than one area).
const FOLDED_AFTER_COMPACTION: Record<string, string> = {
  program_target_areas: `select program_id, period_key, target_id, areas from analytics_program_target_areas`,
};
beforeAll(async () => {
  t = await startTestServer();
  coordinator = await t.login('bappeda');
  officer = await t.login('lurah.menteng');
  T = today();
  await city.build(t);
}, 120_000);
afterAll(() => t.close());

// The writes of the property, each addressed by small indices into the fixture.
const ix = (n: number) => fc.nat({ max: n - 1 });
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), rows: fc.array(fc.tuple(ix(4), ix(6), ix(2), ix(5), ix(3), fc.nat(900_000)), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: ix(5), day: ix(3) }),
  fc.record({ kind: fc.constant('bulkStatus' as const), program: ix(4), status: ix(5) }),
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), program: ix(4), value: fc.nat(500_000) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('moveHousehold' as const), household: ix(6), area: ix(3) }),
  fc.record({ kind: fc.constant('moveMember' as const), household: ix(6), to: ix(6) }),
  fc.record({ kind: fc.constant('owner' as const), program: ix(4), owner: ix(2) }),
  fc.record({ kind: fc.constant('compact' as const) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const DAYS = () => [T, addDays(T, -40), addDays(T, -400)];

async function apply(m: Mutation): Promise<void> {
  switch (m.kind) {
    case 'insert':
      await city.insertInterventions(m.rows.map(([program, household, member, status, day, value]) => ({
        program: PROGRAMS[program]!, household, member, status: STATUSES[status]!, on: DAYS()[day]!, value, organization: program % 2 ? 'O2' : 'O1',
      })));
      return;
    case 'status': {
      const target = await city.pick('intervention', m.pick);
      if (!target) return;
      const s = STATUSES[m.status]!;
      const delivered = s === 'DELIVERED' || s === 'VERIFIED';
      await t.query(
        `update intervention set status = ?, delivered_on = case when ? then coalesce(delivered_on, ?::date) else delivered_on end,
           value_rp = case when ? then coalesce(value_rp, 12345) else value_rp end,
           verified_at = case when ? = 'VERIFIED' then now() end, cancelled_at = case when ? = 'CANCELLED' then now() end
         where id = ?`,
        [s, delivered, DAYS()[m.day], delivered, s, s, target],
      );
      return;
    }
    case 'bulkStatus': {
      const s = STATUSES[m.status]!;
      await t.query(
        `update intervention set status = ?, delivered_on = coalesce(delivered_on, planned_on),
           verified_at = case when ? = 'VERIFIED' then now() end, cancelled_at = case when ? = 'CANCELLED' then now() end
         where program_id = ?`,
        [s, s, s, id(PROGRAMS[m.program]!.key)],
      );
      return;
    }
    case 'correct': {
      const target = await city.pick('intervention', m.pick);
      if (!target) return;
      await t.query(`update intervention set program_id = ?, value_rp = case when delivered_on is null then null else ?::numeric end,
                       planned_on = planned_on - 1 where id = ?`, [id(PROGRAMS[m.program]!.key), m.value, target]);
      return;
    }
    case 'delete':
      await city.drop('intervention', m.pick);
      return;
    case 'moveHousehold':
      await city.moveHousehold(m.household, m.area);
      return;
    case 'moveMember':
      await city.moveMember(m.household, m.to);
      return;
    case 'owner':
      await t.query(`update program set owner_id = ? where id = ?`, [id(m.owner ? 'O2' : 'O1'), id(PROGRAMS[m.program]!.key)]);
      return;
    case 'compact':
      await t.query('select analytics_compact()');
      return;
  }
}

const PERF = `query ($f: AnalyticsFilter) {
  programPerformance(filter: $f) { programId planned inProgress delivered verified cancelled valueDeliveredRp householdsReached
    householdsDelivered averageDaysPlannedToDelivered quotaUsed quotaUsedPct }
  organizationPerformance(filter: $f) { organizationId programs planned inProgress delivered verified cancelled valueDeliveredRp
    householdsReached householdsDelivered averageDaysPlannedToDelivered quota quotaUsed } }`;

async function expectSummariesEqualRows(): Promise<void> {
  const filters = () => [{}, { areaCode: '62.71.19' }, { areaCode: '62.71.19.1002' }, { organizationId: id('O1') }, { focusAspect: 'HOUSING' }];
  for (const [token, list] of [[coordinator, filters()], [officer, [{}, { areaCode: '62.71.03.1002' }]]] as const) {
    for (const f of list) {
      await expectSummaryPathEqualsRows(t, PERF, { f }, token, JSON.stringify(f));
    }
  }
  // The maintained figures (folded with the pending deltas) hold what a rebuild from the rows holds, before
  // and after a compaction (rows that fell back to zero aside).
  const current = await snapshot(FOLDED);
  // Writers append to the deltas only: the folded status rows stay one per (area, program), so that a
  // read scans as many rows as there are keys, however many writes came before (0029).
  expect(await t.query('select area_id, program_id from analytics_program_area group by 1, 2 having count(*) > 1')).toEqual([]);
  await t.query('select analytics_compact()');
  for (const table of ANALYTICS_DELTA_TABLES) expect(await t.query(`select * from ${table}`), table).toEqual([]);
  const compacted = await snapshot({ ...FOLDED, ...FOLDED_AFTER_COMPACTION });
  expect(compacted).toMatchObject(current);
  await t.query('select analytics_rebuild()');
  expect(compacted).toEqual(await snapshot({ ...FOLDED, ...FOLDED_AFTER_COMPACTION }));
}

/** The rows of each query with a non-zero counter, as sorted strings (keys are uuids and text; every number is a counter). */
async function snapshot(queries: Record<string, string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, text] of Object.entries(queries)) {
    const rows = await t.query<{ r: Record<string, unknown> }>(
      `select to_jsonb(t) as r from (${text}) t
        where exists (select 1 from jsonb_each(to_jsonb(t)) e where jsonb_typeof(e.value) = 'number' and e.value::text::numeric <> 0)`,
    );
    out[name] = rows.map((r) => JSON.stringify(Object.entries(r.r).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]))).sort();
  }
  return out;
}

describe('analytics summaries', () => {
  it('equal the aggregates computed from the rows after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 8 }), async (mutations) => {
        // A write the database refuses (one active intervention per target and period) changes nothing.
        await applyAll(mutations, apply, /intervention_once_per_period|violates check constraint/);
        await expectSummariesEqualRows();
      }),
      { numRuns: 25, seed: 20261206 },
    );
  }, 600_000);
});

describe('concurrent writers of interventions', () => {
  const clients: pg.Client[] = [];
  afterAll(() => Promise.all(clients.map((c) => c.end())));

  /**
   * A connection that gives up on any lock wait: a writer that had to wait for the other open transaction
   * would wait until it commits, which the test does only afterwards (lock_timeout turns that into an error
   * instead of a hang; no duration is asserted).
   */
  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: t.ownerUrl });
    await c.connect();
    clients.push(c);
    await c.query(`set lock_timeout = '500ms'`);
    await c.query('begin');
    return c;
  }
  // A delivery of the household-wide monthly program P2 in a month of its own (one per target and period).
  const deliver = (c: pg.Client, households: string[], period: string) =>
    c.query(
      `insert into intervention (id, program_id, household_id, status, planned_on, delivered_on, period_key, value_rp, organization_id)
       select gen_random_uuid(), $1, h, 'DELIVERED', $2::date, $2::date + 3, $3, 1000, $4 from unnest($5::uuid[]) h`,
      [id('P2'), `${period}-01`, period, id('O2'), households.map((h) => id(h))],
    );
  const pid = async (c: pg.Client) => (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const advisoryLocks = (backend: number) =>
    t.query<{ mode: string; granted: boolean }>(`select mode, granted from pg_locks where locktype = 'advisory' and pid = ?`, [backend]);

  beforeAll(async () => {
    // Two households in each of two kelurahan: the writes below share their (area, program) figures.
    await t.query(`update household set area_id = ? where id in (?, ?)`, [id('K1'), id('H1'), id('H4')]);
    await t.query(`update household set area_id = ? where id in (?, ?)`, [id('K2'), id('H2'), id('H5')]);
  });

  it('writers of different households in the same area and program both proceed: the second does not wait for the first', async () => {
    const [a, b] = [await connect(), await connect()];
    await deliver(a, ['H1'], '1991-01');
    // The first writer holds no exclusive lock that a second one would queue behind.
    expect((await advisoryLocks(await pid(a))).filter((l) => l.mode !== 'ShareLock')).toEqual([]);
    await deliver(b, ['H4'], '1991-01');
    await deliver(b, ['H4'], '1991-02');
    // A compaction while both are open goes on too, and leaves their rows for the next one.
    const c = await connect();
    await c.query('select analytics_compact()');
    await c.query('commit');
    await b.query('commit');
    await a.query('commit');
    await expectSummariesEqualRows();
  }, 120_000);

  it('writers of one household take turns (the coverage and trend summaries recompute it from what the first committed)', async () => {
    const a = await connect();
    await deliver(a, ['H1'], '1991-03');
    const b = new pg.Client({ connectionString: t.ownerUrl });
    await b.connect();
    clients.push(b);
    await b.query('begin');
    const waiting = await pid(b);
    const second = deliver(b, ['H1'], '1991-04');
    while (!(await t.query(`select 1 from pg_locks where pid = ? and not granted`, [waiting])).length) await new Promise((r) => setTimeout(r, 20));
    await a.query('commit');
    await second;
    await b.query('commit');
    await expectSummariesEqualRows();
  }, 120_000);

  it('writers of different households in opposite orders of their areas do not deadlock', async () => {
    const [a, b] = [await connect(), await connect()];
    await deliver(a, ['H1'], '1992-01');
    await deliver(b, ['H5'], '1992-01');
    await deliver(a, ['H2'], '1992-02');
    await deliver(b, ['H4'], '1992-02');
    // Status changes of their rows too, in one statement each.
    await a.query(`update intervention set status = 'VERIFIED', verified_at = now() where period_key = '1992-02' and household_id = $1`, [id('H2')]);
    await b.query(`update intervention set status = 'VERIFIED', verified_at = now() where period_key = '1992-02' and household_id = $1`, [id('H4')]);
    await Promise.all([a.query('commit'), b.query('commit')]);
    await expectSummariesEqualRows();
  }, 120_000);

  it('a household moving to another kelurahan waits for the writers in flight on it, and the figures stay exact', async () => {
    const a = await connect();
    await deliver(a, ['H1'], '1993-01');
    const m = new pg.Client({ connectionString: t.ownerUrl });
    await m.connect();
    clients.push(m);
    const mover = await pid(m);
    const moved = m.query(`update household set area_id = $1 where id = $2`, [id('K2'), id('H1')]);
    // The move queues behind the open writer (on the household's row, which the coverage and trend summaries
    // lock, or on its bucket lock) instead of reading its area.
    while (!(await t.query(`select 1 from pg_locks where pid = ? and not granted`, [mover])).length) await new Promise((r) => setTimeout(r, 20));
    await a.query('commit');
    await moved;
    await expectSummariesEqualRows();
  }, 120_000);
});
