// Benchmark: the household list's keyset pages with each filter, with and without `totalCount`, as
// `bappeda` (the whole city) and as `ngo` (its assigned households), on a generated city. Prints
// p50 / p95 per filter: run it at two sizes to see whether a list stays flat as the city grows.
//
//   pnpm bench:lists [--households N] [--city-dir DIR] [--iterations K]
//
// Uses the built server (server/dist) in this process and an embedded PostgreSQL, throwaway or kept with --city-dir.
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, percentiles, startBenchCity } from './bench-city.mjs';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    iterations: { type: 'string', default: '20' },
  },
});
const households = Number(values.households);
const iterations = Number(values.iterations);

const PAGE = `query ($f: HouseholdFilter, $after: String) { households(first: 50, after: $after, filter: $f) {
  edges { cursor node { id kkNumber povertyStatus welfareDecile area { name } } } pageInfo { hasNextPage } } }`;
const COUNTED = `query ($f: HouseholdFilter, $after: String) { households(first: 50, after: $after, filter: $f) { totalCount
  edges { cursor node { id kkNumber povertyStatus welfareDecile area { name } } } pageInfo { hasNextPage } } }`;

const city = await startBenchCity({ households, cityDir: values['city-dir'] });
try {
  const tokens = { bappeda: await city.login('bappeda'), ngo: await city.login('ngo') };
  const program = (await city.gql('{ programs(first: 1) { edges { node { id } } } }', {}, tokens.bappeda)).programs.edges[0].node.id;
  const FILTERS = [
    ['none', {}],
    ['kelurahan', { areaCode: '62.71.03.1002' }],
    ['kecamatan', { areaCode: '62.71.03' }],
    ['poverty status', { povertyStatus: ['EXTREME_POOR'] }],
    ['decile 1–2', { decileMin: 1, decileMax: 2 }],
    ['need type', { needType: ['STUNTING'] }],
    ['need status', { needStatus: ['UNMET'] }],
    ['program', { programId: program }],
    ['search by name', { search: 'sari' }],
  ];

  const rows = [];
  for (const viewer of ['bappeda', 'ngo']) {
    for (const [name, filter] of FILTERS) {
      for (const [what, query] of [['page', PAGE], ['page + totalCount', COUNTED]]) {
        // The second page, as a user scrolling does: the keyset cursor of the first.
        const first = await city.gql(query, { f: filter }, tokens[viewer]);
        const after = first.households.edges.at(-1)?.cursor ?? null;
        const times = [];
        let count;
        for (let i = 0; i < iterations; i++) {
          const m = await city.measure(() => city.gql(query, { f: filter, after }, tokens[viewer]));
          times.push(m.ms);
          count = m.result.households.totalCount;
        }
        rows.push({ viewer, filter: name, query: what, totalCount: count ?? '', ...percentiles(times) });
        console.log(`  ${viewer} ${name} ${what}: p50 ${rows.at(-1)['p50 ms']} ms`);
      }
    }
  }
  console.log(`\nHousehold list, second page of 50 — ${iterations} requests each, ${households.toLocaleString('en-US')} households:`);
  console.table(rows);
} finally {
  await city.close();
}
process.exit(0);
