// Benchmark of a working day: officers, agency staff and partners reading household lists and
// household pages while agency staff log deliveries and the coordinator reloads the dashboard, each at
// a fixed arrival rate (open loop: a slow answer does not slow the arrivals, so queueing shows in the
// latencies). Prints p50 / p95 / p99 per operation, the errors (the run fails on any), and the server
// process's resident memory over time.
//
//   pnpm bench:mixed [--households N] [--city-dir DIR] [--duration S] [--scale X]
//
// --scale multiplies every arrival rate (1 = the rates in OPERATIONS). The server runs as `pnpm start`
// runs it (server/dist/main.js, production mode) in its own process, on an embedded PostgreSQL, throwaway or kept with --city-dir.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CITY_DIR_OPTION, seedBenchCity } from './bench-city.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { freePort } = await import(path.join(root, 'server/dist/db/embedded.js'));
const { today } = await import(path.join(root, 'server/dist/config/clock.js'));

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    duration: { type: 'string', default: '120' },
    scale: { type: 'string', default: '1' },
  },
});
const households = Number(values.households);
const durationS = Number(values.duration);
const scale = Number(values.scale);

const LIST = `query List($f: HouseholdFilter) { households(first: 20, filter: $f) { totalCount
  edges { cursor node { id kkNumber povertyStatus welfareDecile area { name } head { name } needs { type status } } } } }`;
const PAGE = `query Page($id: ID!) { household(id: $id) { id kkNumber address rt rw povertyStatus welfareDecile area { name }
  members { id name nik age ageMonths relation sex nikPending }
  needs { id type status servingPrograms person { name } }
  interventions { id status deliveredOn periodKey program { name } organization { name } }
  assignments { id status organization { name } } } }`;
const DELIVER = `mutation Deliver($input: LogInterventionInput!) { logIntervention(input: $input) { id status } }`;
const DASHBOARD = `{ coverageByArea { code households needsTotal needsServed coveragePct householdsNeverReached }
  programPerformance { programName planned delivered householdsReached }
  povertyTrend { points { month extremePoorHouseholds coveragePct } onTrack } }`;

// Who reads what: the household list with the filters each role uses most, for five roles.
const READERS = [
  ['bappeda', { areaCode: '62.71.03.1002' }],
  ['lurah.menteng', { needStatus: ['UNMET'] }],
  ['dinkes', { needType: ['STUNTING'] }],
  ['dinsos', { povertyStatus: ['EXTREME_POOR'] }],
  ['ngo', {}],
];

/** Arrivals per second at scale 1. */
const OPERATIONS = [
  { name: 'household list', rate: 4 },
  { name: 'household page', rate: 4 },
  { name: 'log delivery', rate: 1 },
  { name: 'dashboard reload', rate: 0.2 },
];

async function post(url, query, variables, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (!res.ok || body.errors) throw new Error(`${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const city = await seedBenchCity({ households, cityDir: values['city-dir'] });
let child;
let output = '';
try {
  const port = await freePort();
  child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: city.urls.appUrl,
      DATABASE_OWNER_URL: city.urls.ownerUrl,
      SINERGI_DEMO_SEED: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let up = false, deadline = Date.now() + 120_000; !up; ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output.slice(-4000)}`);
    up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 250));
  }

  const tokens = {};
  for (const username of ['admin', 'bappeda', 'lurah.menteng', 'dinkes', 'dinsos', 'ngo']) {
    tokens[username] = (await post(url, `mutation { login(username: "${username}", password: "sinergi-demo") { token } }`)).login.token;
  }
  // Each reader opens the households its own lists show.
  const seen = {};
  for (const [username, filter] of READERS) {
    const data = await post(url, `query ($f: HouseholdFilter) { households(first: 100, filter: $f) { edges { node { id } } } }`, { f: filter }, tokens[username]);
    seen[username] = data.households.edges.map((e) => e.node.id);
    if (seen[username].length === 0) throw new Error(`${username} sees no household with ${JSON.stringify(filter)}`);
  }
  // A program of Dinas Sosial delivered once per household, so that no delivery of the run is a duplicate.
  const dinsos = await post(url, '{ me { organization { id } } }', {}, tokens.dinsos);
  const program = await post(
    url,
    `mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
    {
      input: {
        ownerId: dinsos.me.organization.id, name: `Bantuan beban kerja ${Date.now()}`, focusAspects: ['SOCIAL_PROTECTION'],
        strategy: 'REDUCE_EXPENDITURE', targetUnit: 'HOUSEHOLD', deliveryUnit: 'paket', frequency: 'ONCE', startsOn: today(),
      },
    },
    tokens.admin,
  );
  const recipients = [];
  for (let after = null; recipients.length < 100_000; ) {
    const data = await post(
      url,
      `query ($after: String) { households(first: 500, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage } } }`,
      { after },
      tokens.dinsos,
    );
    recipients.push(...data.households.edges.map((e) => e.node.id));
    if (!data.households.pageInfo.hasNextPage) break;
    after = data.households.edges.at(-1).cursor;
  }

  let listCount = 0;
  let pageCount = 0;
  let deliveries = 0;
  const run = {
    'household list': () => {
      const [username, filter] = READERS[listCount++ % READERS.length];
      return post(url, LIST, { f: filter }, tokens[username]);
    },
    'household page': () => {
      const [username] = READERS[pageCount % READERS.length];
      const ids = seen[username];
      return post(url, PAGE, { id: ids[Math.floor(pageCount++ / READERS.length) % ids.length] }, tokens[username]);
    },
    'log delivery': () => {
      const i = deliveries++;
      if (i >= recipients.length) throw new Error('more deliveries than households: lower --duration or --scale');
      return post(url, DELIVER, {
        input: { programId: program.createProgram.id, householdId: recipients[i], deliveredAt: today(), valueRp: 200_000, idempotencyKey: `bench-mixed-${i}-${program.createProgram.id}` },
      }, tokens.dinsos);
    },
    'dashboard reload': () => post(url, DASHBOARD, {}, tokens.bappeda),
  };

  // Warm up (JIT, plan caches), then the measured run.
  for (const op of OPERATIONS) for (let i = 0; i < 3; i++) await run[op.name]();
  const latencies = Object.fromEntries(OPERATIONS.map((op) => [op.name, []]));
  const errors = Object.fromEntries(OPERATIONS.map((op) => [op.name, []]));
  const memory = [];
  const started = performance.now();
  const endAt = started + durationS * 1000;
  const pending = new Set();

  const sampler = setInterval(() => memory.push({ s: (performance.now() - started) / 1000, mb: rssMb(child.pid) }), 1000);
  await Promise.all(
    OPERATIONS.map(async (op) => {
      const interval = 1000 / (op.rate * scale);
      for (let i = 0; ; i++) {
        // The i-th arrival is due at a fixed time; its latency counts from then, not from when it was sent.
        const due = started + i * interval;
        if (due >= endAt) break;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const request = (async () => {
          try {
            await run[op.name]();
            latencies[op.name].push(performance.now() - due);
          } catch (error) {
            errors[op.name].push(error.message);
          }
        })();
        pending.add(request);
        request.finally(() => pending.delete(request));
      }
    }),
  );
  await Promise.all(pending);
  clearInterval(sampler);
  const elapsed = (performance.now() - started) / 1000;

  const q = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(0) : '–');
  console.log(
    `\nMixed load, ${households.toLocaleString('en-US')} households, ${durationS} s at scale ${scale} ` +
      `(${OPERATIONS.map((op) => `${op.name} ${op.rate * scale}/s`).join(', ')}), finished in ${elapsed.toFixed(0)} s:`,
  );
  console.table(
    OPERATIONS.map((op) => {
      const sorted = [...latencies[op.name]].sort((a, b) => a - b);
      return { operation: op.name, requests: sorted.length, errors: errors[op.name].length, 'p50 ms': q(sorted, 0.5), 'p95 ms': q(sorted, 0.95), 'p99 ms': q(sorted, 0.99) };
    }),
  );
  // Memory in tenths of the run: a leak shows as a climb from the first tenths to the last.
  const tenths = Array.from({ length: 10 }, (_, k) => memory.filter((m) => m.s >= (k * durationS) / 10 && m.s < ((k + 1) * durationS) / 10));
  console.log('Server resident memory (MB), mean per tenth of the run:');
  console.log(tenths.map((t) => (t.length ? (t.reduce((a, m) => a + m.mb, 0) / t.length).toFixed(0) : '–')).join('  '));
  const firstHalf = memory.filter((m) => m.s < durationS / 2).map((m) => m.mb);
  const secondHalf = memory.filter((m) => m.s >= durationS / 2).map((m) => m.mb);
  console.log(`peak ${Math.max(...memory.map((m) => m.mb)).toFixed(0)} MB; max of the second half / max of the first half: ${(Math.max(...secondHalf) / Math.max(...firstHalf)).toFixed(2)}`);

  const failed = OPERATIONS.flatMap((op) => errors[op.name].slice(0, 3).map((e) => `${op.name}: ${e}`));
  if (failed.length) {
    console.error(`\nErrors (first three per operation):\n${failed.join('\n')}`);
    // What the server logged about them (masked for clients, logged with the request id).
    const logged = output.split('\n').filter((line) => /"level":(50|60)/.test(line));
    console.error(`\nThe server's last error log lines:\n${logged.slice(-5).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await city.cleanup();
}
process.exit(process.exitCode ?? 0);
