// Benchmark: what scope costs. Runs the same nested page query as `admin` (sees every household) and
// as `ngo` (sees only its assigned households, through the API's SQL scope and PostgreSQL's
// row-level security) and prints SQL statements per request and latency percentiles.
//
//   pnpm bench:scope [--households N] [--iterations K] [--page P]
//
// Uses the built server (pnpm build) and a throwaway embedded PostgreSQL.
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

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    iterations: { type: 'string', default: '50' },
    page: { type: 'string', default: '50' },
  },
});
const households = Number(values.households);
const iterations = Number(values.iterations);
const pageSize = Number(values.page);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-'));
fs.chmodSync(dataDir, 0o755);
const config = loadConfig({ SINERGI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const db = await createDatabase(config);
try {
  console.log(`seeding ${households.toLocaleString('en-US')} households…`);
  await db.asOwner((owner) => seedDemoCity(owner.em.getKnex(), { households }));
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
  const login = async (u) => (await gql(`mutation { login(username: "${u}", password: "sinergi-demo") { token } }`)).login.token;
  const PAGE = `query ($n: Int!) { households(first: $n) { totalCount edges { node {
    kkNumber area { name } members { nik name } interventions { status program { name owner { name } } } } } } }`;

  const rows = [];
  for (const username of ['admin', 'ngo']) {
    const token = await login(username);
    for (let i = 0; i < 5; i++) await gql(PAGE, { n: pageSize }, token);
    const times = [];
    let perRequest = 0;
    let visible = 0;
    let returned = 0;
    for (let i = 0; i < iterations; i++) {
      const before = statements;
      const started = performance.now();
      const data = await gql(PAGE, { n: pageSize }, token);
      times.push(performance.now() - started);
      perRequest = statements - before;
      visible = data.households.totalCount;
      returned = data.households.edges.length;
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    rows.push({
      viewer: username,
      'households visible': visible,
      'nodes per page': returned,
      'SQL statements per request': perRequest,
      'p50 ms': q(0.5),
      'p95 ms': q(0.95),
      'mean ms': (times.reduce((a, b) => a + b, 0) / times.length).toFixed(1),
    });
  }
  console.log(`\nNested page (first: ${pageSize}) — ${iterations} requests per viewer, ${households.toLocaleString('en-US')} households:`);
  console.table(rows);
  server.close();
  server.closeAllConnections();
  await stop();
} finally {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
