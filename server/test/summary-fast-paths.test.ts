import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { coverageEvents, expectEachReadOnce, transitionTableScans } from './summary-fixture.js';

/**
 * Migration 0031 writes the summary parts of new households, their new needs and their first assessments
 * from the statements' rows instead of recomputing each household. Written as an import batch writes
 * them (one statement per table), and in the cases that must take the general refresh (a household that
 * already has an intervention, older needs or assessments, a household and its needs in one query), the
 * maintained summaries equal those computed from the rows. Migration 0036 keeps those results and
 * finds a household's rows outside the statement by key (a second batch beside registered households).
 * Migration 0042 finds them by counting, so a statement larger than work_mem reads its rows once.
 */

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(async () => {
  await t.close();
});

// Twelve digits; a serial makes the last four (as summary-fixture.ts numbers them).
const KK = '627103010131';
const NIK = '627103010132';
const serial = (n: number) => String(n).padStart(4, '0');

async function expectSummariesEqualRows(): Promise<void> {
  // Coverage: every household's parts as computed now, and the appended deltas summing to the parts.
  const parts = `select household_id, area_id, aspect, item, r::text, n from %s order by 1, 2, 3, 4, 5, 6`;
  expect(await t.query(parts.replace('%s', 'coverage_part'))).toEqual(await t.query(parts.replace('%s', 'coverage_compute((select array_agg(id) from household))')));
  expect(await t.query(coverageEvents('coverage_delta'))).toEqual(await t.query(coverageEvents('coverage_part')));
  // Daily summaries: the state of every extreme-poor and need entity as computed now, and the events summing to the states.
  for (const [kind, ids] of [['E', 'select array_agg(distinct household_id) from poverty_assessment'], ['N', 'select array_agg(id) from household_need']]) {
    expect(await t.query(`select entity_id, area_id, days::text from analytics_daily_state where kind = ? order by 1`, [kind])).toEqual(
      await t.query(`select entity_id, area_id, days::text from analytics_daily_compute(?, (${ids})) order by 1`, [kind]),
    );
  }
  expect(
    await t.query(`select area_id, kind, day::text, sum(delta)::int as d from analytics_daily_delta where kind in ('E', 'N') group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3`),
  ).toEqual(
    await t.query(`select s.area_id, s.kind, e.day::text, sum(e.delta)::int as d from analytics_daily_state s cross join lateral analytics_daily_events(s.days) e
                    where s.kind in ('E', 'N') group by 1, 2, 3 having sum(e.delta) <> 0 order by 1, 2, 3`),
  );
}

describe('summary fast paths (migrations 0031, 0036)', () => {
  it('new households, their needs and assessments in batch statements leave the summaries a recomputation gives', async () => {
    const areas = await t.query<{ id: string }>(`select id from area where level = 'KELURAHAN' order by code limit 3`);
    const [program] = await t.query<{ id: string; need_types: string[] }>(`select id, need_types from program order by name limit 1`);
    const households = Array.from({ length: 8 }, (_, n) => ({
      id: randomUUID(),
      kk_number: `${KK}${serial(n)}`,
      area_id: areas[n % areas.length]!.id,
      address: `Jl. Cepat ${n}`,
      welfare_decile: 1 + (n % 4),
      poverty_status: n % 2 ? 'POOR' : 'EXTREME_POOR',
    }));
    // The listed columns only (the table's defaults fill the rest), as the import's batch writes do.
    const rows = (table: string, list: Record<string, unknown>[]) => {
      const columns = Object.keys(list[0]!).join(', ');
      return t.query(`insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [JSON.stringify(list)]);
    };
    // One statement each, as an import batch; household 7 existed before (it has a need and an assessment already).
    await rows('household', households.slice(7));
    await t.query(`insert into household_need (household_id, need_type, rule_version, evidence) values (?, 'FOOD', 1, '{}')`, [households[7]!.id]);
    await t.query(
      `insert into poverty_assessment (id, household_id, assessed_on, welfare_decile, poverty_status, reason) values (?, ?, '2025-01-01', 1, 'EXTREME_POOR', 'uji')`,
      [randomUUID(), households[7]!.id],
    );
    await rows('household', households.slice(0, 7));
    await rows('person', households.map((h, n) => ({ id: randomUUID(), household_id: h.id, nik: `${NIK}${serial(n)}`, name: `Warga Cepat ${n}`, sex: 'FEMALE', birth_date: '1990-01-01', relation: 'HEAD' })));
    // Household 6 is delivered to before its needs appear: the general refresh.
    await t.query(
      `insert into intervention (id, program_id, household_id, status, planned_on, delivered_on, period_key, value_rp, organization_id)
       select ?, p.id, ?, 'DELIVERED', current_date, current_date, sinergi_period_key(p.frequency, current_date), 1000, p.owner_id from program p where p.id = ?`,
      [randomUUID(), households[6]!.id, program!.id],
    );
    // Two assessments for household 0 (extreme poor, then poor), one for the others, one more for household 7.
    await rows(
      'poverty_assessment',
      [
        { household_id: households[0]!.id, assessed_on: '2024-01-01', poverty_status: 'EXTREME_POOR' },
        { household_id: households[0]!.id, assessed_on: '2025-06-01', poverty_status: 'POOR' },
        ...households.slice(1).map((h, n) => ({ household_id: h.id, assessed_on: '2025-03-01', poverty_status: n % 2 ? 'POOR' : 'EXTREME_POOR' })),
      ].map((a) => ({ id: randomUUID(), welfare_decile: 1, reason: 'uji', created_at: new Date().toISOString(), ...a })),
    );
    const types = ['FOOD', 'WATER', 'STUNTING', ...program!.need_types];
    await rows(
      'household_need',
      households.flatMap((h, n) => types.slice(0, 1 + (n % 3)).filter((type, i, all) => all.indexOf(type) === i).map((need_type) => ({
        id: randomUUID(), household_id: h.id, need_type, rule_version: 1, evidence: {}, derived_at: new Date().toISOString(),
      }))).filter((need) => !(need.household_id === households[7]!.id && need.need_type === 'FOOD')),
    );
    await expectSummariesEqualRows();

    // A household and its needs in one query: whichever trigger runs first, the parts are written once.
    const h = { ...households[0]!, id: randomUUID(), kk_number: `${KK}${serial(9)}`, poverty_status: 'VULNERABLE' };
    await t.query(
      `with h as (insert into household (id, kk_number, area_id, address, welfare_decile, poverty_status)
                  select id, kk_number, area_id, address, welfare_decile, poverty_status from jsonb_populate_record(null::household, ?::jsonb) returning id)
       insert into household_need (household_id, need_type, rule_version, evidence) select h.id, 'WATER', 1, '{}' from h`,
      [JSON.stringify(h)],
    );
    await expectSummariesEqualRows();
    const [count] = await t.query<{ n: number }>(`select count(*)::int as n from coverage_part where household_id = ?`, [h.id]);
    expect(count!.n).toBeGreaterThan(1);

    // A second batch (migration 0036 finds the rows outside the statement by key, per household): new
    // households beside registered ones that gain a need and an assessment in the same statements.
    const second = Array.from({ length: 6 }, (_, n) => ({
      id: randomUUID(),
      kk_number: `${KK}${serial(20 + n)}`,
      area_id: areas[n % areas.length]!.id,
      address: `Jl. Cepat Dua ${n}`,
      welfare_decile: 1 + (n % 3),
      poverty_status: n % 2 ? 'EXTREME_POOR' : 'POOR',
    }));
    await rows('household', second);
    const touched = [...second, households[1]!, households[2]!];
    await rows(
      'poverty_assessment',
      touched.map((x, n) => ({
        id: randomUUID(), household_id: x.id, assessed_on: '2025-09-01', poverty_status: n % 2 ? 'POOR' : 'EXTREME_POOR', welfare_decile: 1, reason: 'uji',
        created_at: new Date().toISOString(),
      })),
    );
    await rows(
      'household_need',
      touched.flatMap((x, n) => ['SANITATION', ...(n % 2 ? ['ELECTRICITY'] : [])].map((need_type) => ({
        id: randomUUID(), household_id: x.id, need_type, rule_version: 1, evidence: {}, derived_at: new Date().toISOString(),
      }))),
    );
    await expectSummariesEqualRows();
  }, 120_000);

  it('reads a statement of needs or assessments larger than work_mem once, not once per household (0042)', async () => {
    // 0036's NOT IN over the statement's rows became a plain subplan once the ids outgrew work_mem: deriving
    // a 1,000,000-household city's needs re-read 1.3 million rows per household. The smallest hash memory
    // shows it with a few thousand rows.
    const size = 2000;
    const fresh = `select id from household where address like 'Jl. Besar %'`;
    const scans = await transitionTableScans(
      t.ownerUrl,
      [
        `insert into household (id, kk_number, area_id, address, welfare_decile, poverty_status)
         select gen_random_uuid(), '${KK}' || lpad((5000 + g)::text, 4, '0'), a.id, 'Jl. Besar ' || g, 1 + g % 4, 'EXTREME_POOR'
           from generate_series(1, ${size}) g
           cross join lateral (select id from area where level = 'KELURAHAN' order by code offset g % 3 limit 1) a`,
      ],
      [
        `insert into household_need (household_id, need_type, rule_version, evidence)
         select h.id, t.need_type, 1, '{}' from (${fresh}) h cross join (values ('FOOD'), ('WATER')) t(need_type)`,
        `insert into poverty_assessment (id, household_id, assessed_on, welfare_decile, poverty_status, reason)
         select gen_random_uuid(), h.id, '2025-01-01', 1, 'EXTREME_POOR', 'uji' from (${fresh}) h`,
      ],
    );
    expectEachReadOnce(scans);
    const [written] = await t.query<{ n: number }>(`select count(*)::int as n from coverage_part p join household h on h.id = p.household_id where h.address like 'Jl. Besar %'`);
    expect(written!.n).toBeGreaterThan(size);
    await expectSummariesEqualRows();
  }, 120_000);
});
