// What graphql-js alone costs for the nested household page, against what Sinergi's whole stack costs.
// Runs in one process on a throwaway city: the page as served over HTTP by the built app (CPU per
// page, including this process's HTTP client), then the same document executed by graphql-js on the
// printed schema with default resolvers over the page's own result as root value (no database, no
// type-graphql, no Apollo): the floor any graphql-js server pays for these fields.
//
//   pnpm bench:floor [--households N] [--city-dir DIR] [--iterations K] [--page P]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, startBenchCity } from './bench-city.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { buildSchema, execute, parse, validate } = await import(path.join(root, 'server/node_modules/graphql/index.js'));

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '2000' },
    ...CITY_DIR_OPTION,
    iterations: { type: 'string', default: '100' },
    page: { type: 'string', default: '50' },
  },
});
const iterations = Number(values.iterations);
const n = Number(values.page);

// The page of bench:peer.
const PAGE = `query Page($n: Int!) { households(first: $n) { edges { node {
  id kkNumber area { name } members { nik name } interventions { status program { name owner { name } } } } } } }`;

/** CPU milliseconds (user + system) of this process per call of `fn`. */
async function cpuPerCall(fn) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn();
  const before = process.cpuUsage();
  for (let i = 0; i < iterations; i++) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / iterations;
}

function countFields(value) {
  if (Array.isArray(value)) return value.reduce((sum, v) => sum + countFields(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((sum, v) => sum + 1 + countFields(v), 0);
  return 0;
}

const city = await startBenchCity({ households: Number(values.households), cityDir: values['city-dir'] });
try {
  const rows = [];
  const schema = buildSchema(fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
  const document = parse(PAGE);
  for (const username of ['admin', 'ngo']) {
    const token = await city.login(username);
    const data = await city.gql(PAGE, { n }, token);
    const served = await cpuPerCall(() => city.gql(PAGE, { n }, token));
    const executed = await cpuPerCall(() => execute({ schema, document, rootValue: data, variableValues: { n } }));
    const parsed = await cpuPerCall(() => validate(schema, parse(PAGE)));
    rows.push({
      viewer: username,
      'fields in the response': countFields(data),
      'Sinergi CPU ms/page (with client)': served.toFixed(1),
      'graphql-js execute ms': executed.toFixed(2),
      'graphql-js parse + validate ms': parsed.toFixed(2),
    });
  }
  console.log(`\nNested page (first: ${n}), ${iterations} calls each:`);
  console.table(rows);
} finally {
  await city.close();
}
process.exit(0);
