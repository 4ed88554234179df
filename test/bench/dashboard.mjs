// Benchmark: the coordinator's dashboard aggregates (coverage per kelurahan and kecamatan, overlap,
// program and organisation performance, the trend toward zero, stunting, an indicator series) on a
// generated city, as `bappeda` over GraphQL. Prints SQL statements per request and latency percentiles.
//
//   pnpm bench:dashboard [--households N] [--iterations K] [--warmup W]
//
// Uses the built server (server/dist) and a throwaway embedded PostgreSQL. Seeding 1,000,000
// households takes about a quarter of an hour; needs are derived once after seeding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const dist = (p) => path.join(root, 'server/dist', p);
const { createDatabase } = await import(dist('db/orm.js'));
const { createApp } = await import(dist('app.js'));
const { loadConfig } = await import(dist('config/config.js'));
const { seedDemoCity } = await import(dist('seed/seed-database.js'));
const { pino } = await import(path.join(root, 'server/node_modules/pino/pino.js'));
const needService = fs.existsSync(dist('needs/need.service.js')) ? await import(dist('needs/need.service.js')) : null;

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
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
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-'));
fs.chmodSync(dataDir, 0o755);
const config = loadConfig({ SINERGI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const db = await createDatabase(config);
try {
  console.log(`seeding ${households.toLocaleString('en-US')} households…`);
  let started = performance.now();
  let lastLog = 0;
  await db.asOwner((owner) =>
    seedDemoCity(owner.em.getKnex(), {
      households,
      onProgress: ({ phase, done, total }) => {
        if (performance.now() - lastLog > 15_000 || done === total) {
          lastLog = performance.now();
          console.log(`  ${phase} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
        }
      },
    }),
  );
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const derived = await db.asOwner(async (owner) => {
    const knex = owner.em.getKnex();
    const { rows } = await knex.raw('select exists (select 1 from household_need) as has');
    if (rows[0].has || !needService) return null;
    started = performance.now();
    const result = await knex.transaction((trx) => needService.deriveNeeds(trx));
    await knex.raw('analyze household_need');
    return { ...result, seconds: (performance.now() - started) / 1000 };
  });
  if (derived) console.log(`derived ${derived.upserted.toLocaleString('en-US')} needs in ${derived.seconds.toFixed(0)} s`);
  const sizes = await db.asOwner(async (owner) => {
    const { rows } = await owner.em.getKnex().raw(
      `select (select count(*) from household)::int as households, (select count(*) from household_need)::int as needs,
              (select count(*) from intervention)::int as interventions, (select count(*) from poverty_assessment)::int as assessments`,
    );
    return rows[0];
  });
  console.log(Object.entries(sizes).map(([k, v]) => `${k}: ${v.toLocaleString('en-US')}`).join(', '));

  const { app, stop } = await createApp(config, db, pino({ level: 'silent' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${server.address().port}/graphql`;
  let statements = 0;
  db.orm.em.getKnex().on('query', () => statements++);

  const gql = async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const token = (await gql('mutation { login(username: "bappeda", password: "sinergi-demo") { token } }')).login.token;

  // The per-request constant (session lookup, begin, set viewer, commit) plus one statement for `me`.
  await gql('{ me { id } }', {}, token);
  let before = statements;
  await gql('{ me { id } }', {}, token);
  const baseline = statements - before - 1;

  const rows = [];
  for (const [name, query] of AGGREGATES) {
    for (let i = 0; i < warmup; i++) await gql(query, {}, token);
    const times = [];
    let perRequest = 0;
    for (let i = 0; i < iterations; i++) {
      before = statements;
      const t0 = performance.now();
      await gql(query, {}, token);
      times.push(performance.now() - t0);
      perRequest = statements - before - baseline;
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    rows.push({
      aggregate: name,
      'SQL statements (beyond the per-request constant)': perRequest,
      'p50 ms': q(0.5),
      'p95 ms': q(0.95),
      'mean ms': (times.reduce((a, b) => a + b, 0) / times.length).toFixed(1),
    });
    console.log(`  ${name}: p50 ${q(0.5)} ms`);
  }
  console.log(`\nDashboard aggregates as bappeda — ${iterations} requests each after ${warmup} warm-up, ${households.toLocaleString('en-US')} households:`);
  console.table(rows);
  server.close();
  server.closeAllConnections();
  await stop();
} finally {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
