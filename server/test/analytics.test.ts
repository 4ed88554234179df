import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leastSquares } from '../src/analytics/analytics.service.js';
import { startTestServer, type TestServer } from './harness.js';
import { now, today } from '../src/config/clock.js';

/**
 * Coverage analytics (issue 4 item 3). A small hand-built kecamatan (62.71.09) inside the demo city,
 * whose figures are worked out by hand below, then the demo city for statement counts and scope.
 *
 *   kelurahan 62.71.09.1001 (K1, population 1,000)   kelurahan 62.71.09.1002 (K2, population 3,000)
 *   H1 decile 1 EXTREME_POOR  child C1 (2 y)            H4 decile 1 EXTREME_POOR  child C4 (4 y)
 *   H2 decile 2 POOR          child C2 (3 y)            H5 decile 5 VULNERABLE    child C5 (6 y)
 *   H3 decile 1 EXTREME_POOR  child C3 (1 y)
 *
 * Programs (O1 = Dinas Uji Analitik, O2 = Yayasan Uji Analitik):
 *   P1 O1 PMT         STUNTING+HEALTH  REDUCE_POVERTY_POCKETS  needs STUNTING       PERSON     MONTHLY quota 10
 *   P2 O1 Gizi        STUNTING         REDUCE_EXPENDITURE      needs STUNTING, FOOD HOUSEHOLD  MONTHLY quota 4
 *   P3 O2 Jamban      HOUSING          REDUCE_POVERTY_POCKETS  needs SANITATION     HOUSEHOLD  ONCE    no quota
 *
 * Needs: H1 STUNTING(C1), SANITATION, FOOD · H2 STUNTING(C2), SANITATION · H3 FOOD · H4 SANITATION.
 *
 * Interventions (T = today in WIB, M0 = first of this month, M1 = first of last month):
 *   I1 P1 H1/C1 DELIVERED  planned T-4,   delivered T       100,000   this month
 *   I2 P2 H1    DELIVERED  planned T-10,  delivered T        50,000   this month
 *   I3 P2 H3    PLANNED    planned T                                   this month
 *   I4 P3 H2    VERIFIED   planned M1,    delivered M1+5    300,000   ONCE
 *   I5 P1 H2/C2 CANCELLED  planned T
 *   I6 P2 H4    DELIVERED  planned M1-6,  delivered M1       50,000   last month
 */

let t: TestServer;
let admin: string;

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** First day of the month `k` months before the month of `iso`. */
const monthStart = (iso: string, k: number) => {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - k);
  return d.toISOString().slice(0, 10);
};

let T: string;
const ids: Record<string, string> = {};
const id = (name: string) => (ids[name] ??= randomUUID());

async function insert(table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  await t.query(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`, Object.values(row));
}

async function buildCity() {
  const [{ city }] = (await t.query<{ city: string }>(`select id as city from area where code = '62.71'`)) as [{ city: string }];
  await insert('area', { id: id('KEC'), code: '62.71.09', name: 'Uji Analitik', level: 'KECAMATAN', parent_id: city, population: 4000 });
  await insert('area', { id: id('K1'), code: '62.71.09.1001', name: 'Uji Satu', level: 'KELURAHAN', parent_id: id('KEC'), population: 1000 });
  await insert('area', { id: id('K2'), code: '62.71.09.1002', name: 'Uji Dua', level: 'KELURAHAN', parent_id: id('KEC'), population: 3000 });

  const households: Array<[string, string, number, string]> = [
    ['H1', 'K1', 1, 'EXTREME_POOR'],
    ['H2', 'K1', 2, 'POOR'],
    ['H3', 'K1', 1, 'EXTREME_POOR'],
    ['H4', 'K2', 1, 'EXTREME_POOR'],
    ['H5', 'K2', 5, 'VULNERABLE'],
  ];
  let serial = 0;
  for (const [h, area, decile, status] of households) {
    serial += 1;
    await insert('household', {
      id: id(h),
      kk_number: `627109010126${String(serial).padStart(4, '0')}`,
      area_id: id(area),
      address: `Jl. Uji Analitik ${serial}`,
      welfare_decile: decile,
      poverty_status: status,
    });
    await insert('person', {
      id: id(`${h}-head`),
      household_id: id(h),
      nik: `627109010180${String(serial).padStart(4, '0')}`,
      name: `Kepala ${h}`,
      sex: 'MALE',
      birth_date: '1980-01-01',
      relation: 'HEAD',
    });
  }
  const children: Array<[string, string, number]> = [
    ['C1', 'H1', 2],
    ['C2', 'H2', 3],
    ['C3', 'H3', 1],
    ['C4', 'H4', 4],
    ['C5', 'H5', 6],
  ];
  for (const [c, h, years] of children) {
    serial += 1;
    await insert('person', {
      id: id(c),
      household_id: id(h),
      nik: `627109010120${String(serial).padStart(4, '0')}`,
      name: `Anak ${c}`,
      sex: 'FEMALE',
      birth_date: addDays(T, -Math.round(years * 365.25) - 10),
      relation: 'CHILD',
    });
  }
  const measurements: Array<[string, number, string]> = [
    ['C1', -30, 'STUNTED'],
    ['C2', -200, 'NORMAL'],
    ['C2', -20, 'SEVERELY_STUNTED'],
    ['C4', -60, 'STUNTED'],
    ['C4', -10, 'NORMAL'],
    ['C5', -730, 'STUNTED'], // measured at four; six years old now, so no longer an under-five
  ];
  for (const [c, day, status] of measurements) {
    const z = status === 'NORMAL' ? -0.5 : status === 'STUNTED' ? -2.5 : -3.5;
    await t.query(
      `insert into growth_measurement (id, person_id, measured_on, age_days, height_cm, position, height_for_age_z, stunting_status)
       select ?, p.id, ?::date, ?::date - p.birth_date, 80, 'STANDING', ?, ? from person p where p.id = ?`,
      [randomUUID(), addDays(T, day), addDays(T, day), z, status, id(c)],
    );
  }

  await insert('organization', { id: id('O1'), name: 'Dinas Uji Analitik', type: 'PERANGKAT_DAERAH' });
  await insert('organization', { id: id('O2'), name: 'Yayasan Uji Analitik', type: 'NGO' });
  const programs: Array<[string, string, string, string[], string, string[], string, string, number | null]> = [
    ['P1', 'O1', 'Uji PMT', ['STUNTING', 'HEALTH'], 'REDUCE_POVERTY_POCKETS', ['STUNTING'], 'PERSON', 'MONTHLY', 10],
    ['P2', 'O1', 'Uji Gizi', ['STUNTING'], 'REDUCE_EXPENDITURE', ['STUNTING', 'FOOD'], 'HOUSEHOLD', 'MONTHLY', 4],
    ['P3', 'O2', 'Uji Jamban', ['HOUSING'], 'REDUCE_POVERTY_POCKETS', ['SANITATION'], 'HOUSEHOLD', 'ONCE', null],
  ];
  for (const [p, owner, name, aspects, strategy, needs, unit, frequency, quota] of programs) {
    await t.query(
      `insert into program (id, owner_id, name, focus_aspects, strategy, need_types, target_unit, delivery_unit, frequency, starts_on, quota)
       values (?, ?, ?, ?::text[], ?, ?::text[], ?, 'paket', ?, '2024-01-01', ?)`,
      [id(p), id(owner), name, aspects, strategy, needs, unit, frequency, quota],
    );
  }

  // Current needs, as the need rules would have derived them.
  const needCols = (await t.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_name = 'household_need'`,
  )).map((r) => r.column_name);
  const needs: Array<[string, string | null, string]> = [
    ['H1', 'C1', 'STUNTING'],
    ['H1', null, 'SANITATION'],
    ['H1', null, 'FOOD'],
    ['H2', 'C2', 'STUNTING'],
    ['H2', null, 'SANITATION'],
    ['H3', null, 'FOOD'],
    ['H4', null, 'SANITATION'],
  ];
  for (const [h, person, type] of needs) {
    await insert('household_need', {
      id: randomUUID(),
      household_id: id(h),
      person_id: person ? id(person) : null,
      need_type: type,
      rule_version: 1,
      evidence: JSON.stringify({ test: true }),
      ...(needCols.includes('rule_code') ? { rule_code: type } : {}),
    });
  }

  const M1 = monthStart(T, 1);
  const interventions: Array<{
    n: string; p: string; h: string; person?: string; status: string; planned?: string; delivered?: string; value?: number; frequency: string;
  }> = [
    { n: 'I1', p: 'P1', h: 'H1', person: 'C1', status: 'DELIVERED', planned: addDays(T, -4), delivered: T, value: 100_000, frequency: 'MONTHLY' },
    { n: 'I2', p: 'P2', h: 'H1', status: 'DELIVERED', planned: addDays(T, -10), delivered: T, value: 50_000, frequency: 'MONTHLY' },
    { n: 'I3', p: 'P2', h: 'H3', status: 'PLANNED', planned: T, frequency: 'MONTHLY' },
    { n: 'I4', p: 'P3', h: 'H2', status: 'VERIFIED', planned: M1, delivered: addDays(M1, 5), value: 300_000, frequency: 'ONCE' },
    { n: 'I5', p: 'P1', h: 'H2', person: 'C2', status: 'CANCELLED', planned: T, frequency: 'MONTHLY' },
    { n: 'I6', p: 'P2', h: 'H4', status: 'DELIVERED', planned: addDays(M1, -6), delivered: M1, value: 50_000, frequency: 'MONTHLY' },
  ];
  for (const i of interventions) {
    await t.query(
      `insert into intervention (id, program_id, household_id, person_id, status, planned_on, delivered_on, period_key, value_rp,
                                 organization_id, verified_at, cancelled_at)
       values (?, ?, ?, ?, ?, ?::date, ?::date, sinergi_period_key(?, coalesce(?::date, ?::date)), ?,
               (select owner_id from program where id = ?), ?, ?)`,
      [
        id(i.n), id(i.p), id(i.h), i.person ? id(i.person) : null, i.status, i.planned ?? null, i.delivered ?? null,
        i.frequency, i.delivered ?? null, i.planned ?? null, i.value ?? null, id(i.p),
        i.status === 'VERIFIED' ? now() : null, i.status === 'CANCELLED' ? now() : null,
      ],
    );
  }

  // Poverty assessments (m_k = first day of the month k months ago):
  //   H1 EXTREME_POOR from m_12 · H2 EXTREME_POOR from m_12, POOR from m_3 + 14 days
  //   H3 POOR from m_12, EXTREME_POOR from m_6 · H4 EXTREME_POOR from m_12; on m_2 POOR then (recorded
  //   later the same day) EXTREME_POOR · H5 VULNERABLE from m_12
  const assessments: Array<[string, string, string, number, string]> = [
    ['H1', monthStart(T, 12), 'EXTREME_POOR', 1, '2020-01-01T00:00:00Z'],
    ['H2', monthStart(T, 12), 'EXTREME_POOR', 1, '2020-01-01T00:00:00Z'],
    ['H2', addDays(monthStart(T, 3), 14), 'POOR', 2, '2020-01-01T00:00:00Z'],
    ['H3', monthStart(T, 12), 'POOR', 2, '2020-01-01T00:00:00Z'],
    ['H3', monthStart(T, 6), 'EXTREME_POOR', 1, '2020-01-01T00:00:00Z'],
    ['H4', monthStart(T, 12), 'EXTREME_POOR', 1, '2020-01-01T00:00:00Z'],
    ['H4', monthStart(T, 2), 'POOR', 2, '2020-01-01T00:00:00Z'],
    ['H4', monthStart(T, 2), 'EXTREME_POOR', 1, '2020-01-02T00:00:00Z'],
    ['H5', monthStart(T, 12), 'VULNERABLE', 5, '2020-01-01T00:00:00Z'],
  ];
  for (const [h, on, status, decile, created] of assessments) {
    await insert('poverty_assessment', {
      id: randomUUID(),
      household_id: id(h),
      assessed_on: on,
      welfare_decile: decile,
      poverty_status: status,
      reason: 'Uji analitik',
      created_at: created,
    });
  }

  // Indicators: investment recorded per kelurahan, and once for the kecamatan itself (which wins);
  // the P3DN share per kelurahan only (weighted by population).
  const indicators: Array<[string, string, number, number, number]> = [
    ['K1', 'INVESTMENT_REALISATION_RP', 2026, 1, 100],
    ['K2', 'INVESTMENT_REALISATION_RP', 2026, 1, 50],
    ['K1', 'INVESTMENT_REALISATION_RP', 2026, 2, 200],
    ['KEC', 'INVESTMENT_REALISATION_RP', 2026, 2, 999],
    ['K1', 'P3DN_SHARE_PCT', 2026, 1, 40],
    ['K2', 'P3DN_SHARE_PCT', 2026, 1, 60],
  ];
  for (const [area, indicator, year, quarter, value] of indicators) {
    await insert('indicator_value', { id: randomUUID(), area_id: id(area), indicator, year, quarter, value, source: 'Uji analitik' });
  }
}

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
  T = today();
  await buildCity();
}, 60_000);
afterAll(() => t.close());

const HERE = { areaCode: '62.71.09' };
const counts = (list: Array<{ key: string; count: number }>) => Object.fromEntries(list.filter((c) => c.count > 0).map((c) => [c.key, c.count]));

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = admin): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const COVERAGE = `query ($f: AnalyticsFilter, $l: AreaLevel!) { coverageByArea(filter: $f, level: $l) {
  areaId code name level households householdsByPovertyStatus { key count } householdsByDecile { key count }
  extremePoorHouseholds householdsWithUnmetNeed needsByType { needType total unmet planned served coveragePct }
  needsByStatus { key count } needsTotal needsServed needsPlanned needsUnmet coveragePct householdsNeverReached } }`;

describe('coverage per area, hand-built kecamatan', () => {
  it('counts households, needs and coverage per kelurahan', async () => {
    const { coverageByArea: rows } = await ok(COVERAGE, { f: HERE, l: 'KELURAHAN' });
    expect(rows.map((r: any) => r.code)).toEqual(['62.71.09.1001', '62.71.09.1002']);
    const [k1, k2] = rows;
    expect(k1).toMatchObject({
      households: 3,
      extremePoorHouseholds: 2,
      householdsWithUnmetNeed: 2, // H1 (sanitation), H2 (stunting: its only intervention was cancelled)
      needsTotal: 6,
      needsServed: 3, // H1 stunting (P1 and P2), H1 food (P2), H2 sanitation (P3, once)
      needsPlanned: 1, // H3 food
      needsUnmet: 2,
      coveragePct: 50,
      householdsNeverReached: 0,
    });
    expect(counts(k1.householdsByPovertyStatus)).toEqual({ EXTREME_POOR: 2, POOR: 1 });
    expect(k1.householdsByPovertyStatus.map((c: any) => c.key)).toEqual(['EXTREME_POOR', 'POOR', 'VULNERABLE', 'NOT_POOR', 'GRADUATED']);
    expect(counts(k1.householdsByDecile)).toEqual({ '1': 2, '2': 1 });
    expect(k1.householdsByDecile).toHaveLength(10);
    expect(counts(k1.needsByStatus)).toEqual({ UNMET: 2, PLANNED: 1, SERVED: 3 });
    const byType = Object.fromEntries(k1.needsByType.filter((n: any) => n.total > 0).map((n: any) => [n.needType, n]));
    expect(byType).toEqual({
      STUNTING: { needType: 'STUNTING', total: 2, unmet: 1, planned: 0, served: 1, coveragePct: 50 },
      SANITATION: { needType: 'SANITATION', total: 2, unmet: 1, planned: 0, served: 1, coveragePct: 50 },
      FOOD: { needType: 'FOOD', total: 2, unmet: 0, planned: 1, served: 1, coveragePct: 50 },
    });
    expect(k1.needsByType.find((n: any) => n.needType === 'WATER')).toEqual({ needType: 'WATER', total: 0, unmet: 0, planned: 0, served: 0, coveragePct: null });

    expect(k2).toMatchObject({
      households: 2,
      extremePoorHouseholds: 1,
      householdsWithUnmetNeed: 1,
      needsTotal: 1,
      needsServed: 0,
      needsUnmet: 1,
      coveragePct: 0,
      householdsNeverReached: 1, // H5; H4 was reached last month
    });
    expect(counts(k2.householdsByPovertyStatus)).toEqual({ EXTREME_POOR: 1, VULNERABLE: 1 });
    expect(counts(k2.householdsByDecile)).toEqual({ '1': 1, '5': 1 });
  });

  it('rolls up to the kecamatan, and to the enclosing area of a higher level', async () => {
    const { coverageByArea: [kec] } = await ok(COVERAGE, { f: HERE, l: 'KECAMATAN' });
    expect(kec).toMatchObject({ code: '62.71.09', households: 5, extremePoorHouseholds: 3, needsTotal: 7, needsServed: 3, householdsWithUnmetNeed: 3, householdsNeverReached: 1 });
    expect(kec.coveragePct).toBeCloseTo(42.86, 2);
    const { coverageByArea: city } = await ok(COVERAGE, { f: HERE, l: 'CITY' });
    expect(city).toHaveLength(1);
    expect(city[0]).toMatchObject({ code: '62.71', households: 5, needsTotal: 7 });
    const { coverageByArea: one } = await ok(COVERAGE, { f: { areaCode: '62.71.09.1002' }, l: 'KELURAHAN' });
    expect(one.map((r: any) => [r.code, r.households])).toEqual([['62.71.09.1002', 2]]);
  });

  it('an organisation filter counts only its programs and the needs they address', async () => {
    const { coverageByArea: [k1, k2] } = await ok(COVERAGE, { f: { ...HERE, organizationId: id('O2') }, l: 'KELURAHAN' });
    // Only sanitation needs (P3): H1 unmet, H2 served; H4 unmet. Never reached by P3: H1, H3 · H4, H5.
    expect(k1).toMatchObject({ needsTotal: 2, needsServed: 1, needsUnmet: 1, coveragePct: 50, householdsWithUnmetNeed: 1, householdsNeverReached: 2, households: 3 });
    expect(k2).toMatchObject({ needsTotal: 1, needsServed: 0, householdsNeverReached: 2 });
  });

  it('from/to bound the interventions that count', async () => {
    const { coverageByArea: [k1, k2] } = await ok(COVERAGE, { f: { ...HERE, from: addDays(T, -20) }, l: 'KELURAHAN' });
    // I4 (H2 sanitation) and I6 (H4) are older: H2 sanitation becomes unmet, H2 and H4 unreached.
    expect(k1).toMatchObject({ needsServed: 2, needsPlanned: 1, needsUnmet: 3, householdsWithUnmetNeed: 2, householdsNeverReached: 1 });
    expect(k2).toMatchObject({ needsServed: 0, householdsNeverReached: 2 });
  });

  it('refuses a bad filter', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ areaCode: 'kota' }, 'filter.areaCode'],
      [{ areaCode: '62.71.99' }, 'filter.areaCode'],
      [{ from: '2026-05-01', to: '2026-04-01' }, 'filter.to'],
      [{ organizationId: 'not-an-id' }, 'filter.organizationId'],
    ];
    for (const [f, field] of cases) {
      for (const q of [COVERAGE, 'query ($f: AnalyticsFilter) { overlap(filter: $f) { overlappingNeeds } }']) {
        const res = await t.gql(q, { f, l: 'KELURAHAN' }, admin);
        expect(res.errors?.[0]?.extensions, `${JSON.stringify(f)}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    }
    const months = await t.gql('{ povertyTrend(months: 0) { asOf } }', {}, admin);
    expect(months.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
  });
});

describe('overlap, performance, trend and aspects, hand-built kecamatan', () => {
  it('finds needs served twice and households with two programs of one aspect', async () => {
    const { overlap } = await ok(`query ($f: AnalyticsFilter) { overlap(filter: $f) { asOf overlappingNeeds overlappingNeedsByType { key count }
      householdsWithOverlappingPrograms householdsWithOverlappingProgramsByAspect { key count } } }`, { f: HERE });
    expect(overlap).toEqual({
      asOf: T,
      overlappingNeeds: 1, // H1's child: P1 (PMT) and P2 (Gizi) this month
      overlappingNeedsByType: [{ key: 'STUNTING', count: 1 }],
      householdsWithOverlappingPrograms: 1, // H1: P1 and P2 both STUNTING (HEALTH is P1 alone)
      householdsWithOverlappingProgramsByAspect: [{ key: 'STUNTING', count: 1 }],
    });
    const { overlap: none } = await ok(`query ($f: AnalyticsFilter) { overlap(filter: $f) { overlappingNeeds householdsWithOverlappingPrograms } }`, {
      f: { ...HERE, strategy: 'REDUCE_POVERTY_POCKETS' },
    });
    expect(none).toEqual({ overlappingNeeds: 0, householdsWithOverlappingPrograms: 0 });
  });

  const PROGRAMS = `query ($f: AnalyticsFilter) { programPerformance(filter: $f) { programId programName organizationId organizationName
    frequency focusAspects strategy planned inProgress delivered verified cancelled valueDeliveredRp householdsReached householdsDelivered
    quota quotaUsed quotaUsedPct averageDaysPlannedToDelivered program { name } organization { name } } }`;

  it('sums deliveries per program', async () => {
    const { programPerformance: rows } = await ok(PROGRAMS, { f: HERE });
    const of = (p: string) => rows.find((r: any) => r.programId === id(p));
    expect(of('P1')).toMatchObject({
      programName: 'Uji PMT', organizationName: 'Dinas Uji Analitik', frequency: 'MONTHLY', focusAspects: ['STUNTING', 'HEALTH'],
      planned: 0, inProgress: 0, delivered: 1, verified: 0, cancelled: 1, valueDeliveredRp: 100_000,
      householdsReached: 1, householdsDelivered: 1, quota: 10, quotaUsed: 1, quotaUsedPct: 10, averageDaysPlannedToDelivered: 4,
      program: { name: 'Uji PMT' }, organization: { name: 'Dinas Uji Analitik' },
    });
    expect(of('P2')).toMatchObject({
      planned: 1, delivered: 2, verified: 0, cancelled: 0, valueDeliveredRp: 100_000,
      householdsReached: 3, householdsDelivered: 2, quota: 4, quotaUsed: 2, quotaUsedPct: 50, averageDaysPlannedToDelivered: 8,
    });
    expect(of('P3')).toMatchObject({
      verified: 1, valueDeliveredRp: 300_000, householdsReached: 1, quota: null, quotaUsed: 1, quotaUsedPct: null, averageDaysPlannedToDelivered: 5,
    });
    // Programs without work in the area are listed with zeros.
    const others = rows.filter((r: any) => ![id('P1'), id('P2'), id('P3')].includes(r.programId));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r: any) => r.planned + r.delivered + r.verified + r.cancelled + r.inProgress === 0)).toBe(true);

    const { programPerformance: recent } = await ok(PROGRAMS, { f: { ...HERE, organizationId: id('O1'), from: addDays(T, -20) } });
    expect(recent.map((r: any) => r.programName)).toEqual(['Uji Gizi', 'Uji PMT']);
    expect(recent[0]).toMatchObject({ planned: 1, delivered: 1, householdsReached: 2, valueDeliveredRp: 50_000, averageDaysPlannedToDelivered: 10 });
    const { programPerformance: stunting } = await ok(PROGRAMS, { f: { ...HERE, focusAspect: 'HEALTH' } });
    expect(stunting.every((r: any) => r.focusAspects.includes('HEALTH'))).toBe(true);
  });

  it('rolls the same up per organisation', async () => {
    const { organizationPerformance: rows } = await ok(`query ($f: AnalyticsFilter) { organizationPerformance(filter: $f) {
      organizationId organizationName programs planned inProgress delivered verified cancelled valueDeliveredRp householdsReached
      householdsDelivered quota quotaUsed quotaUsedPct averageDaysPlannedToDelivered organization { id } } }`, { f: HERE });
    const o1 = rows.find((r: any) => r.organizationId === id('O1'));
    const o2 = rows.find((r: any) => r.organizationId === id('O2'));
    expect(o1).toEqual({
      organizationId: id('O1'), organizationName: 'Dinas Uji Analitik', programs: 2,
      planned: 1, inProgress: 0, delivered: 3, verified: 0, cancelled: 1, valueDeliveredRp: 200_000,
      householdsReached: 3, householdsDelivered: 2, // H1 counted once across its two programs
      quota: 14, quotaUsed: 3, quotaUsedPct: 21.43, averageDaysPlannedToDelivered: 6.67, // (4 + 10 + 6) / 3
      organization: { id: id('O1') },
    });
    expect(o2).toMatchObject({ programs: 1, verified: 1, valueDeliveredRp: 300_000, householdsReached: 1, quota: null, quotaUsed: 0, quotaUsedPct: null });
  });

  it('follows extreme poverty month by month from the assessment history, and projects it', async () => {
    const { povertyTrend: trend } = await ok(`query ($f: AnalyticsFilter) { povertyTrend(filter: $f) { asOf currentNeeds
      points { month monthEnd extremePoorHouseholds needsServed coveragePct }
      fitMonths slopePerMonth targetDate projectedAtTarget projectedZeroDate onTrack } }`, { f: HERE });
    expect(trend.asOf).toBe(T);
    expect(trend.points).toHaveLength(24);
    expect(trend.points[23].month).toBe(T.slice(0, 7));
    expect(trend.points[23].monthEnd).toBe(T);
    expect(trend.points[0].month).toBe(monthStart(T, 23).slice(0, 7));
    // months ago: 23…13 none assessed yet · 12…7 H1 H2 H4 · 6…4 + H3 · 3…0 − H2 (POOR from m_3 + 14 days)
    const expected = [...Array(11).fill(0), ...Array(6).fill(3), ...Array(3).fill(4), ...Array(4).fill(3)];
    expect(trend.points.map((p: any) => p.extremePoorHouseholds)).toEqual(expected);
    // Coverage: 7 current needs. This month H1 stunting + food (I1, I2) and H2 sanitation (I4, once, last
    // month); last month only H2 sanitation (I6 served H4, whose need P2 does not address); none before.
    expect(trend.currentNeeds).toBe(7);
    expect(trend.points.map((p: any) => p.needsServed)).toEqual([...Array(22).fill(0), 1, 3]);
    expect(trend.points[23].coveragePct).toBeCloseTo(42.86, 2);
    expect(trend.points[0].coveragePct).toBe(0);

    const last6 = trend.points.slice(-6).map((p: any) => ({ x: Date.parse(p.monthEnd) / 86_400_000, y: p.extremePoorHouseholds }));
    const fit = leastSquares(last6)!;
    expect(fit.slope).toBeLessThan(0);
    expect(trend.fitMonths).toBe(6);
    expect(trend.slopePerMonth).toBeCloseTo((fit.slope * 365.2425) / 12, 1);
    expect(trend.targetDate).toBe('2029-12-31');
    expect(trend.projectedAtTarget).toBeCloseTo(fit.intercept + fit.slope * (Date.parse('2029-12-31') / 86_400_000), 1);
    const zero = -fit.intercept / fit.slope;
    expect(Math.abs(Date.parse(trend.projectedZeroDate) / 86_400_000 - zero)).toBeLessThanOrEqual(1);
    expect(trend.onTrack).toBe(true);

    const soon = await ok(`query ($f: AnalyticsFilter, $d: LocalDate!) { povertyTrend(filter: $f, months: 3, targetDate: $d) { points { extremePoorHouseholds } onTrack } }`, {
      f: HERE,
      d: addDays(T, 30),
    });
    expect(soon.povertyTrend.points.map((p: any) => p.extremePoorHouseholds)).toEqual([3, 3, 3]);
    expect(soon.povertyTrend.onTrack).toBe(false); // flat: never reaches zero
  });

  it('computes stunting per kelurahan from each child’s latest measurement', async () => {
    const { stuntingByArea: rows } = await ok(`query ($f: AnalyticsFilter) { stuntingByArea(filter: $f) {
      code childrenMeasured stunted severelyStunted prevalencePct } }`, { f: HERE });
    expect(rows).toEqual([
      // C1 stunted, C2 severely stunted now (normal before); C3 never measured
      { code: '62.71.09.1001', childrenMeasured: 2, stunted: 2, severelyStunted: 1, prevalencePct: 100 },
      // C4 normal at the latest measurement; C5 is six
      { code: '62.71.09.1002', childrenMeasured: 1, stunted: 0, severelyStunted: 0, prevalencePct: 0 },
    ]);
  });

  it('gives indicator series per quarter: the area’s own value, else its kelurahan combined', async () => {
    const Q = `query ($f: AnalyticsFilter, $i: Indicator!) { indicatorSeries(filter: $f, indicator: $i) {
      areaCode areaName indicator points { year quarter value aggregated areasReporting source } } }`;
    const { indicatorSeries: inv } = await ok(Q, { f: HERE, i: 'INVESTMENT_REALISATION_RP' });
    expect(inv).toEqual({
      areaCode: '62.71.09',
      areaName: 'Uji Analitik',
      indicator: 'INVESTMENT_REALISATION_RP',
      points: [
        { year: 2026, quarter: 1, value: 150, aggregated: true, areasReporting: 2, source: null },
        { year: 2026, quarter: 2, value: 999, aggregated: false, areasReporting: 1, source: 'Uji analitik' },
      ],
    });
    const { indicatorSeries: p3dn } = await ok(Q, { f: HERE, i: 'P3DN_SHARE_PCT' });
    expect(p3dn.points).toEqual([{ year: 2026, quarter: 1, value: 55, aggregated: true, areasReporting: 2, source: null }]); // (40·1000 + 60·3000) / 4000
    const { indicatorSeries: q2 } = await ok(Q, { f: { ...HERE, from: '2026-04-01', to: '2026-06-30' }, i: 'INVESTMENT_REALISATION_RP' });
    expect(q2.points.map((p: any) => p.quarter)).toEqual([2]);
    const { indicatorSeries: city } = await ok(Q, { i: 'INFLATION_YOY_PCT' });
    expect(city.areaCode).toBe('62.71');
    expect(city.points.length).toBeGreaterThan(0);
  });
});

const AGGREGATES: Record<string, string> = {
  coverageByArea: '{ coverageByArea { code households needsTotal needsServed coveragePct householdsByDecile { key count } needsByType { needType served } } }',
  coverageByKecamatan: '{ coverageByArea(level: KECAMATAN) { code households coveragePct householdsNeverReached } }',
  overlap: '{ overlap { overlappingNeeds overlappingNeedsByType { key count } householdsWithOverlappingPrograms householdsWithOverlappingProgramsByAspect { key count } } }',
  programPerformance: '{ programPerformance { programName organizationName planned delivered verified valueDeliveredRp householdsReached quotaUsedPct averageDaysPlannedToDelivered } }',
  organizationPerformance: '{ organizationPerformance { organizationName programs delivered valueDeliveredRp householdsReached quotaUsedPct } }',
  povertyTrend: '{ povertyTrend { points { month extremePoorHouseholds coveragePct } slopePerMonth projectedZeroDate onTrack } }',
  stuntingByArea: '{ stuntingByArea { code childrenMeasured stunted prevalencePct } }',
  indicatorSeries: '{ indicatorSeries(indicator: STUNTING_PREVALENCE_PCT) { points { year quarter value } } }',
};

describe('demo city', () => {
  it('each aggregate is one SQL statement, like a trivial query', async () => {
    const bappeda = await t.login('bappeda');
    await ok('{ me { id } }', {}, bappeda);
    const trivial = await t.countStatements(() => ok('{ me { id } }', {}, bappeda)); // per-request constant + the user
    for (const [name, query] of Object.entries(AGGREGATES)) {
      let data: any;
      const n = await t.countStatements(async () => (data = await ok(query, {}, bappeda)));
      expect(n, name).toBe(trivial);
      expect(Object.values(data)[0], name).toBeTruthy();
    }
    // Filters add no round-trip either.
    const filtered = await t.countStatements(() =>
      ok('query ($f: AnalyticsFilter) { coverageByArea(filter: $f) { code } overlap(filter: $f) { overlappingNeeds } }', {
        f: { areaCode: '62.71.03', focusAspect: 'STUNTING', from: '2025-01-01', to: T },
      }, bappeda),
    );
    expect(filtered).toBe(trivial + 1);
  });

  it('the demo city has coverage figures worth looking at', async () => {
    const { coverageByArea: rows } = await ok(AGGREGATES.coverageByArea!);
    const sql = await t.query<{ households: string; needs: string }>(
      `select (select count(*) from household) as households, (select count(*) from household_need) as needs`,
    );
    expect(rows).toHaveLength(32); // 30 kelurahan + the two built here
    expect(rows.reduce((s: number, r: any) => s + r.households, 0)).toBe(Number(sql[0]!.households));
    expect(rows.reduce((s: number, r: any) => s + r.needsTotal, 0)).toBe(Number(sql[0]!.needs));
  });

  it('a partner counts only its assigned households; a kelurahan officer only its area', async () => {
    const ngo = await t.login('ngo');
    const [assigned] = await t.query<{ households: string; needs: string; interventions: string; children: string }>(
      `with a as (select distinct x.household_id from assignment x join app_user u on u.organization_id = x.organization_id
                   where u.username = 'ngo' and x.status in ('REQUESTED', 'ACCEPTED'))
       select (select count(*) from a) as households,
              (select count(*) from household_need n where n.household_id in (select household_id from a)) as needs,
              -- Its own organisation's interventions and the government agencies', not another partner's.
              (select count(*) from intervention i join organization o on o.id = i.organization_id
                where i.household_id in (select household_id from a)
                  and (o.id = (select organization_id from app_user where username = 'ngo')
                       or o.type in ('PERANGKAT_DAERAH', 'CENTRAL_GOVERNMENT', 'PROVINCIAL_GOVERNMENT'))) as interventions`,
    );
    expect(Number(assigned!.households)).toBeGreaterThan(0);
    const { coverageByArea: city } = await ok('{ coverageByArea(level: CITY) { households needsTotal } }', {}, ngo);
    expect(city).toEqual([{ households: Number(assigned!.households), needsTotal: Number(assigned!.needs) }]);
    const { programPerformance: perf } = await ok('{ programPerformance { planned inProgress delivered verified cancelled } }', {}, ngo);
    const total = perf.reduce((s: number, r: any) => s + r.planned + r.inProgress + r.delivered + r.verified + r.cancelled, 0);
    expect(total).toBe(Number(assigned!.interventions));
    const { coverageByArea: mine } = await ok('{ coverageByArea(filter: { areaCode: "62.71.09" }) { households } }', {}, ngo);
    expect(mine.map((r: any) => r.households)).toEqual([0, 0]); // the hand-built households are not assigned to it

    const lurah = await t.login('lurah.menteng');
    const [menteng] = await t.query<{ households: string }>(
      `select count(*) as households from household h join area a on a.id = h.area_id where a.code = '62.71.03.1002'`,
    );
    const { coverageByArea: rows } = await ok('{ coverageByArea { code households } }', {}, lurah);
    const nonZero = rows.filter((r: any) => r.households > 0);
    expect(nonZero).toEqual([{ code: '62.71.03.1002', households: Number(menteng!.households) }]);
    const { stuntingByArea: stunting } = await ok('{ stuntingByArea { code childrenMeasured } }', {}, lurah);
    expect(stunting.filter((r: any) => r.childrenMeasured > 0).map((r: any) => r.code)).toEqual(['62.71.03.1002']);
    const { povertyTrend: trend } = await ok('query ($f: AnalyticsFilter) { povertyTrend(filter: $f) { points { extremePoorHouseholds } } }', { f: HERE }, lurah);
    expect(trend.points.every((p: any) => p.extremePoorHouseholds === 0)).toBe(true);
  });
});
