// Benchmark: the coordinator's dashboard aggregates (coverage per kelurahan and kecamatan, overlap,
// program and organisation performance, the trend toward zero, stunting, an indicator series) on a
// generated city, as `bappeda` over GraphQL. Prints SQL statements per request and latency percentiles.
//
//   pnpm bench:dashboard [--households N] [--city-dir DIR] [--iterations K] [--warmup W]
//
// Uses the built server (server/dist) and an embedded PostgreSQL, throwaway or kept with --city-dir. Seeding 1,000,000
// households takes about a quarter of an hour; needs are derived once after seeding.
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, percentiles, startBenchCity } from './bench-city.mjs';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    iterations: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
  },
});
const households = Number(values.households);
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);

// What the coordinator's home page asks for (spec §7), one request per aggregate.
const AGGREGATES = [
  ['coverage per kelurahan', `{ coverageByArea { code households extremePoorHouseholds householdsWithUnmetNeed needsTotal needsServed
     coveragePct householdsNeverReached householdsByPovertyStatus { key count } householdsByDecile { key count }
     needsByType { needType total unmet planned served } } }`],
  ['coverage per kecamatan', `{ coverageByArea(level: KECAMATAN) { code households needsTotal needsServed coveragePct householdsNeverReached } }`],
  ['coverage, one kelurahan, aspect STUNTING', `{ coverageByArea(filter: { areaCode: "62.71.03.1002", focusAspect: STUNTING }) { code needsTotal coveragePct } }`],
  ['overlap', `{ overlap { overlappingNeeds overlappingNeedsByType { key count } householdsWithOverlappingPrograms
     householdsWithOverlappingProgramsByAspect { key count } } }`],
  ['program performance', `{ programPerformance { programName organizationName planned inProgress delivered verified cancelled
     valueDeliveredRp householdsReached quotaUsedPct averageDaysPlannedToDelivered } }`],
  ['organisation performance', `{ organizationPerformance { organizationName programs planned delivered verified valueDeliveredRp
     householdsReached quotaUsedPct averageDaysPlannedToDelivered } }`],
  ['poverty trend (24 months)', `{ povertyTrend { points { month extremePoorHouseholds needsServed coveragePct } slopePerMonth
     projectedAtTarget projectedZeroDate onTrack } }`],
  ['stunting per kelurahan', `{ stuntingByArea { code childrenMeasured stunted severelyStunted prevalencePct } }`],
  ['indicator series (P3DN)', `{ indicatorSeries(indicator: P3DN_SHARE_PCT) { points { year quarter value } } }`],
  // The coordinator's home (web/src/features/dashboard/dashboard-page.tsx): its one request, fragments spelt out.
  ["coordinator's home (one request)", `{
    kecamatan: coverageByArea(level: KECAMATAN) { areaId code name households extremePoorHouseholds householdsWithUnmetNeed needsTotal
      needsServed needsPlanned needsUnmet coveragePct needsByType { needType total unmet planned served } householdsNeverReached }
    kelurahan: coverageByArea(level: KELURAHAN) { areaId code name coveragePct area { id hasBoundary parent { id code name } } }
    organizationPerformance { organizationId organizationName programs planned inProgress delivered verified cancelled householdsReached
      householdsDelivered valueDeliveredRp quotaUsedPct averageDaysPlannedToDelivered }
    povertyTrend { asOf targetDate projectedAtTarget projectedZeroDate onTrack points { month extremePoorHouseholds coveragePct } } }`],
];

const city = await startBenchCity({ households, cityDir: values['city-dir'] });
try {
  const token = await city.login('bappeda');
  // The per-request constant (session lookup, begin, set viewer, commit) plus one statement for `me`.
  await city.gql('{ me { id } }', {}, token);
  const baseline = (await city.measure(() => city.gql('{ me { id } }', {}, token))).statements - 1;

  const rows = [];
  for (const [name, query] of AGGREGATES) {
    for (let i = 0; i < warmup; i++) await city.gql(query, {}, token);
    const times = [];
    let perRequest = 0;
    for (let i = 0; i < iterations; i++) {
      const m = await city.measure(() => city.gql(query, {}, token));
      times.push(m.ms);
      perRequest = m.statements - baseline;
    }
    const stats = percentiles(times);
    rows.push({ aggregate: name, 'SQL statements (beyond the per-request constant)': perRequest, ...stats });
    console.log(`  ${name}: p50 ${stats['p50 ms']} ms`);
  }
  console.log(`\nDashboard aggregates as bappeda — ${iterations} requests each after ${warmup} warm-up, ${households.toLocaleString('en-US')} households:`);
  console.table(rows);
} finally {
  await city.close();
}
process.exit(0);
