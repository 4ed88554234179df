// Benchmark: the coordinator's dashboard aggregates (coverage per kelurahan and kecamatan, overlap,
// program and organisation performance, the trend toward zero, stunting, an indicator series) on a
// generated city, as `bappeda` over GraphQL. Prints SQL statements per request and latency percentiles;
// given several sizes, also the ratio of each p50 at the largest size to the smallest. --explain FILE
// writes EXPLAIN (ANALYZE, BUFFERS) of each aggregate's statements, run as the application role after
// bappeda's sinergi_open_request (row-level security applies), and adds their execution time in
// PostgreSQL to the table (`SQL ms`).
//
//   pnpm bench:dashboard [--households N[,M…]] [--city-dir DIR[,DIR…]] [--iterations K] [--warmup W] [--explain FILE]
//
// Uses the built server (server/dist) and an embedded PostgreSQL per size, throwaway or kept with --city-dir (one
// directory per size, in the same order). Seeding 1,000,000 households takes about a quarter of an hour; needs are
// derived once after seeding.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, percentiles, startBenchCity } from './bench-city.mjs';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    iterations: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
    explain: { type: 'string' },
  },
});
const sizes = values.households.split(',').map(Number);
const cityDirs = values['city-dir']?.split(',') ?? [];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--households: a comma-separated list of positive integers');
if (cityDirs.length && cityDirs.length !== sizes.length) throw new Error('--city-dir: one directory per size of --households');
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

const explained = [];
const results = [];
for (const [index, households] of sizes.entries()) {
  const city = await startBenchCity({ households, cityDir: cityDirs[index] });
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
      const row = { aggregate: name, 'SQL statements (beyond the per-request constant)': perRequest, ...stats };
      if (values.explain) {
        // PostgreSQL's own execution time of the aggregate's statements (the analytics CTEs), without
        // the HTTP and GraphQL around them.
        const { statements } = await city.capture(() => city.gql(query, {}, token));
        const plan = await city.explain(statements, /^with /);
        explained.push(`## ${households.toLocaleString('en-US')} households, ${name}\n\n${plan}`);
        row['SQL ms'] = [...plan.matchAll(/^Execution Time: ([\d.]+) ms$/gm)].reduce((sum, m) => sum + Number(m[1]), 0).toFixed(1);
      }
      rows.push(row);
      console.log(`  ${households.toLocaleString('en-US')} ${name}: p50 ${stats['p50 ms']} ms`);
    }
    console.log(`\nDashboard aggregates as bappeda — ${iterations} requests each after ${warmup} warm-up, ${households.toLocaleString('en-US')} households:`);
    console.table(rows);
    results.push({ households, rows });
  } finally {
    await city.close();
  }
}
if (results.length > 1) {
  const [small, large] = [results[0], results.at(-1)];
  console.log(`\np50 at ${large.households.toLocaleString('en-US')} / p50 at ${small.households.toLocaleString('en-US')} households:`);
  console.table(
    large.rows.map((row, i) => ({
      aggregate: row.aggregate,
      p50: (row['p50 ms'] / small.rows[i]['p50 ms']).toFixed(2),
      ...(values.explain ? { 'SQL ms': (row['SQL ms'] / small.rows[i]['SQL ms']).toFixed(2) } : {}),
    })),
  );
}
if (values.explain) {
  fs.writeFileSync(values.explain, explained.join('\n\n'));
  console.log(`\nplans written to ${values.explain}`);
}
process.exit(0);
