// Benchmark: the household list's keyset pages with each filter, and their `totalCount` alone, as
// `bappeda` (the whole city), `lurah.menteng` (one kelurahan) and `ngo` (its assigned households),
// on a generated city. Prints p50 / p95 per filter for the page and for the count; given several
// sizes, also the ratio of each p50 at the largest size to the smallest: whether a list stays flat
// as the city grows. --explain FILE writes EXPLAIN (ANALYZE, BUFFERS) of each page's and count's SQL,
// run as the application role with the viewer's settings (row-level security applies), and adds
// each statement's execution time in PostgreSQL to the table (`page SQL`, `count SQL`).
//
//   pnpm bench:lists [--households N[,M…]] [--city-dir DIR[,DIR…]] [--iterations K] [--explain FILE]
//
// Uses the built server (server/dist) in this process and an embedded PostgreSQL per size,
// throwaway or kept with --city-dir (one directory per size, in the same order).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, percentiles, startBenchCity } from './bench-city.mjs';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    iterations: { type: 'string', default: '20' },
    explain: { type: 'string' },
  },
});
const sizes = values.households.split(',').map(Number);
const cityDirs = values['city-dir']?.split(',') ?? [];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--households: a comma-separated list of positive integers');
if (cityDirs.length && cityDirs.length !== sizes.length) throw new Error('--city-dir: one directory per size of --households');
const iterations = Number(values.iterations);
const fmt = (n) => n.toLocaleString('en-US');

const NODE = 'edges { cursor node { id kkNumber povertyStatus welfareDecile area { name } } } pageInfo { hasNextPage }';
const PAGE = `query ($f: HouseholdFilter, $after: String) { households(first: 50, after: $after, filter: $f) { ${NODE} } }`;
// `first: 0` reads no rows: the count alone.
const COUNT = 'query ($f: HouseholdFilter) { households(first: 0, filter: $f) { totalCount totalCountIsExact } }';
const VIEWERS = ['bappeda', 'lurah.menteng', 'ngo'];

const explained = [];
const results = [];
for (const [index, households] of sizes.entries()) {
  const city = await startBenchCity({ households, cityDir: cityDirs[index] });
  try {
    const tokens = Object.fromEntries(await Promise.all(VIEWERS.map(async (v) => [v, await city.login(v)])));
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
    for (const viewer of VIEWERS) {
      for (const [name, filter] of FILTERS) {
        // The second page, as a user scrolling does: the keyset cursor of the first.
        const first = await city.gql(PAGE, { f: filter }, tokens[viewer]);
        const after = first.households.edges.at(-1)?.cursor ?? null;
        const pageTimes = [];
        const countTimes = [];
        let counted;
        for (let i = 0; i < iterations; i++) {
          pageTimes.push((await city.measure(() => city.gql(PAGE, { f: filter, after }, tokens[viewer]))).ms);
          const m = await city.measure(() => city.gql(COUNT, { f: filter }, tokens[viewer]));
          countTimes.push(m.ms);
          counted = m.result.households;
        }
        const page = percentiles(pageTimes);
        const count = percentiles(countTimes);
        const row = {
          viewer,
          filter: name,
          totalCount: `${counted.totalCountIsExact ? '' : '> '}${fmt(counted.totalCount)}`,
          'page p50': page['p50 ms'],
          'page p95': page['p95 ms'],
          'count p50': count['p50 ms'],
          'count p95': count['p95 ms'],
        };
        if (values.explain) {
          // PostgreSQL's own execution time of the statement: what the plan costs, without the HTTP
          // and GraphQL around it (and less disturbed by other load on the machine).
          for (const [what, query, variables] of [['page', PAGE, { f: filter, after }], ['count', COUNT, { f: filter }]]) {
            const { statements } = await city.capture(() => city.gql(query, variables, tokens[viewer]));
            // A partner's list reads its caseload joined to the households (0033); a count with one need
            // type or program, the kept counts (0035); a partner's count, its organisation's kept counts (0040).
            const plan = await city.explain(statements, /from "(household" as "h"|partner_caseload" as "c" cross join lateral|(household|partner)_filter_count" as "d")/);
            explained.push(`## ${fmt(households)} households, ${viewer}, ${name}, ${what}\n\n${plan}`);
            row[`${what} SQL`] = [...plan.matchAll(/^Execution Time: ([\d.]+) ms$/gm)].reduce((sum, m) => sum + Number(m[1]), 0).toFixed(1);
          }
        }
        rows.push(row);
        console.log(`  ${fmt(households)} ${viewer} ${name}: page p50 ${page['p50 ms']} ms, count p50 ${count['p50 ms']} ms`);
      }
    }
    console.log(`\nHousehold list, ${fmt(households)} households — second page of 50 and totalCount alone, ${iterations} requests each (ms):`);
    console.table(rows);
    results.push({ households, rows });
  } finally {
    await city.close();
  }
}
if (results.length > 1) {
  const [small, large] = [results[0], results.at(-1)];
  console.log(`\np50 at ${fmt(large.households)} / p50 at ${fmt(small.households)} households:`);
  console.table(
    large.rows.map((row, i) => ({
      viewer: row.viewer,
      filter: row.filter,
      page: (row['page p50'] / small.rows[i]['page p50']).toFixed(2),
      count: (row['count p50'] / small.rows[i]['count p50']).toFixed(2),
      ...(values.explain
        ? { 'page SQL': (row['page SQL'] / small.rows[i]['page SQL']).toFixed(2), 'count SQL': (row['count SQL'] / small.rows[i]['count SQL']).toFixed(2) }
        : {}),
    })),
  );
}
if (values.explain) {
  fs.writeFileSync(values.explain, explained.join('\n\n'));
  console.log(`\nplans written to ${values.explain}`);
}
process.exit(0);
