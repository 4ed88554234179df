// Benchmark: what scope costs. Runs the same nested page query as `admin` (sees every household) and
// as `ngo` (sees only its assigned households, through the API's SQL scope and PostgreSQL's
// row-level security) and prints SQL statements per request and latency percentiles.
//
//   pnpm bench:scope [--households N] [--city-dir DIR] [--iterations K] [--page P]
//
// Uses the built server (pnpm build) and an embedded PostgreSQL, throwaway or kept with --city-dir.
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, percentiles, startBenchCity } from './bench-city.mjs';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    iterations: { type: 'string', default: '50' },
    page: { type: 'string', default: '50' },
  },
});
const households = Number(values.households);
const iterations = Number(values.iterations);
const pageSize = Number(values.page);

const PAGE = `query ($n: Int!) { households(first: $n) { totalCount edges { node {
  kkNumber area { name } members { nik name } interventions { status program { name owner { name } } } } } } }`;

const city = await startBenchCity({ households, cityDir: values['city-dir'] });
try {
  const rows = [];
  for (const username of ['admin', 'ngo']) {
    const token = await city.login(username);
    for (let i = 0; i < 5; i++) await city.gql(PAGE, { n: pageSize }, token);
    const times = [];
    let last;
    for (let i = 0; i < iterations; i++) {
      last = await city.measure(() => city.gql(PAGE, { n: pageSize }, token));
      times.push(last.ms);
    }
    rows.push({
      viewer: username,
      'households visible': last.result.households.totalCount,
      'nodes per page': last.result.households.edges.length,
      'SQL statements per request': last.statements,
      ...percentiles(times),
    });
  }
  console.log(`\nNested page (first: ${pageSize}) — ${iterations} requests per viewer, ${households.toLocaleString('en-US')} households:`);
  console.table(rows);
} finally {
  await city.close();
}
process.exit(0);
