// Benchmark against a peer: the nested household page served by Sinergi and by PostGraphile 5 on one
// throwaway database, under the same row-level security and viewer settings, as `admin` and as
// `ngo`. Each server runs in its own process; autocannon (in this process) loads them in turn.
//
//   pnpm bench:peer [--households N] [--city-dir DIR] [--duration S] [--connections C] [--rounds R] [--page P] [--cpu-prof DIR]
//                   [--sinergi-main FILE] [--compare-main FILE] [--trivial]
//
// Besides req/s and latency it prints each server's CPU time per request (its process's user + system
// time over the run, from /proc): on a machine shared with other work, req/s follow the load, while
// CPU per request moves much less. --sinergi-main runs another build of Sinergi (default
// server/dist/main.js), e.g. a copy of an older one to alternate with.
//
// --compare-main FILE starts a second Sinergi from another build beside the first, on the same city, and
// loads the three servers in turn (rotating which goes first each round): old and new builds measured
// under the same load.
//
// --trivial loads both servers with `{ __typename }` instead of the page (after the same check): each
// server's fixed cost per request (HTTP, parsing, for Sinergi the viewer's transaction).
//
// --pg-stats prints, after each run, PostgreSQL's statements per request of the server just loaded (calls
// and planning + execution time per request, from pg_stat_statements; BEGIN and COMMIT included). The first run
// with it adds the module to the city's shared_preload_libraries and asks for a second run (it needs a
// restart of the city's PostgreSQL).
//
// --cpu-prof DIR writes a V8 CPU profile of each server process into DIR (open it in Chrome DevTools
// or speedscope).
//
// Before measuring, it checks that both return the same households in the same order, with the same
// number of members and interventions each, for each viewer.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CITY_DIR_OPTION, seedBenchCity } from './bench-city.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const { freePort } = await import(path.join(root, 'server/dist/db/embedded.js'));

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '5000' },
    ...CITY_DIR_OPTION,
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    page: { type: 'string', default: '50' },
    'cpu-prof': { type: 'string' },
    'sinergi-main': { type: 'string', default: 'server/dist/main.js' },
    'compare-main': { type: 'string' },
    trivial: { type: 'boolean', default: false },
    'pg-stats': { type: 'boolean', default: false },
  },
});
const households = Number(values.households);
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const page = Number(values.page);
const VIEWERS = ['admin', 'ngo'];
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** A process's user + system CPU time so far, in ms (Linux /proc). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}
const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`] : [];

// The same page on both: 50 households by KK number with area, members' NIK and name, and
// interventions with program and owner.
const SINERGI_PAGE = `query Page($n: Int!) { households(first: $n) { edges { node {
  id kkNumber area { name } members { nik name } interventions { status program { name owner { name } } } } } } }`;
const PEER_PAGE = `query Page($n: Int!) { allHouseholds(first: $n, orderBy: [KK_NUMBER_ASC, PRIMARY_KEY_ASC]) { nodes {
  rowId kkNumber areaByAreaId { name } peopleByHouseholdId { nodes { nik name } }
  interventionsByHouseholdId { nodes { status programByProgramId { name organizationByOwnerId { name } } } } } } }`;

const TRIVIAL = '{ __typename }';
const [sinergiLoad, peerLoad] = values.trivial ? [TRIVIAL, TRIVIAL] : [SINERGI_PAGE, PEER_PAGE];

/** Starts `args` with `env`, resolving once `readyUrl` answers. */
async function startProcess(name, args, env, readyUrl) {
  const child = spawn(process.execPath, [...profile, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  children.push({ name, child, output: () => output });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${output.slice(-4000)}`);
    const up = await fetch(readyUrl).then(() => true, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within 2 minutes:\n${output.slice(-4000)}`);
}

async function post(url, query, variables, token, retried = false) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  }).catch((error) => {
    // A kept-alive connection the server closed while idle (its keep-alive timeout, on a loaded machine): once more.
    if (!retried && error.cause?.code === 'ECONNRESET') return null;
    throw error;
  });
  if (!res) return post(url, query, variables, token, true);
  const body = await res.json();
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 2000)}`);
  return body.data;
}

/** Both servers' pages for one viewer, as comparable summaries. */
async function samePage(sinergi, peer) {
  const ours = sinergi.households.edges.map(({ node }) => `${node.id} m${node.members.length} i${node.interventions.length}`);
  const theirs = peer.allHouseholds.nodes.map(
    (n) => `${n.rowId} m${n.peopleByHouseholdId.nodes.length} i${n.interventionsByHouseholdId.nodes.length}`,
  );
  return { equal: JSON.stringify(ours) === JSON.stringify(theirs), ours, theirs };
}

function load(url, query, token) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections,
        duration,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { n: page } }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const city = await seedBenchCity({ households, cityDir: values['city-dir'] });
const children = [];
let stats = null;
try {
  if (values['pg-stats']) {
    const { EMBEDDED_DATABASE_NAME } = await import(path.join(root, 'server/dist/db/orm.js'));
    const pg = createRequire(path.join(root, 'server/package.json'))('pg');
    stats = new pg.Client({ connectionString: city.db.embedded.url(EMBEDDED_DATABASE_NAME) });
    await stats.connect();
    const preload = (await stats.query('show shared_preload_libraries')).rows[0].shared_preload_libraries;
    if (!preload.split(',').map((s) => s.trim()).includes('pg_stat_statements')) {
      await stats.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
      console.error('--pg-stats: pg_stat_statements is now preloaded at the next start of this city; run again');
      process.exitCode = 1;
      throw new Error('pg_stat_statements not loaded yet');
    }
    await stats.query('create extension if not exists pg_stat_statements');
    // Planning counts too: a statement planned at every run costs PostgreSQL more than one planned once.
    await stats.query('alter system set pg_stat_statements.track_planning = on');
    await stats.query('select pg_reload_conf()');
  }
  const viewerSettings = Object.fromEntries(
    await city.db.asOwner(async (owner) => {
      const rows = await owner.em.getConnection().execute(
        `select u.username, u.id as "userId", u.role, u.organization_id as "organizationId", coalesce(a.code, '') as "areaCode"
           from app_user u left join area a on a.id = u.area_id where u.username in (${VIEWERS.map(() => '?').join(', ')})`,
        VIEWERS,
      );
      return rows.map(({ username, ...settings }) => [username, settings]);
    }),
  );

  const [sinergiPort, peerPort] = [await freePort(), await freePort()];
  const sinergiEnv = (port) => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: city.urls.appUrl,
    DATABASE_OWNER_URL: city.urls.ownerUrl,
    DB_POOL_MAX: String(connections),
    SINERGI_DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  });
  await startProcess('sinergi', [values['sinergi-main']], sinergiEnv(sinergiPort), `http://127.0.0.1:${sinergiPort}/healthz`);
  await startProcess(
      'postgraphile',
      ['test/bench/peer-postgraphile.mjs'],
      { PEER_DATABASE_URL: city.urls.appUrl, PEER_PORT: String(peerPort), PEER_POOL_MAX: String(connections), PEER_VIEWERS: JSON.stringify(viewerSettings) },
      `http://127.0.0.1:${peerPort}/graphql`,
    );
  const sinergiUrl = `http://127.0.0.1:${sinergiPort}/graphql`;
  const peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
  const comparePort = values['compare-main'] ? await freePort() : null;
  if (comparePort) await startProcess('compared', [values['compare-main']], sinergiEnv(comparePort), `http://127.0.0.1:${comparePort}/healthz`);
  const compareUrl = `http://127.0.0.1:${comparePort}/graphql`;

  const tokens = {};
  for (const username of VIEWERS) {
    const data = await post(sinergiUrl, `mutation { login(username: "${username}", password: "sinergi-demo") { token } }`, {}, '');
    tokens[username] = data.login.token;
    const check = await samePage(
      await post(sinergiUrl, SINERGI_PAGE, { n: page }, tokens[username]),
      await post(peerUrl, PEER_PAGE, { n: page }, username),
    );
    if (!check.equal || check.ours.length === 0) {
      console.error(`${username}: the servers disagree (or the page is empty)\nSinergi:      ${check.ours.join(', ')}\nPostGraphile: ${check.theirs.join(', ')}`);
      process.exitCode = 1;
      throw new Error('not the same page');
    }
    console.log(`${username}: both return the same ${check.ours.length} households in the same order`);
    if (comparePort) {
      const again = await post(compareUrl, SINERGI_PAGE, { n: page }, tokens[username]);
      if (JSON.stringify(again) !== JSON.stringify(await post(sinergiUrl, SINERGI_PAGE, { n: page }, tokens[username]))) {
        process.exitCode = 1;
        throw new Error(`${username}: the compared build answers otherwise`);
      }
      console.log(`${username}: the compared build returns the same page`);
    }
  }

  const servers = comparePort ? ['sinergi', 'compared', 'peer'] : ['sinergi', 'peer'];
  const results = Object.fromEntries(VIEWERS.map((v) => [v, Object.fromEntries(servers.map((s) => [s, []]))]));
  const pids = Object.fromEntries(children.map(({ name, child }) => [name === 'postgraphile' ? 'peer' : name, child.pid]));
  const measured = async (server, run) => {
    if (stats) await stats.query('select pg_stat_statements_reset()');
    const before = cpuMs(pids[server]);
    const r = await run();
    r.cpuPerRequest = (cpuMs(pids[server]) - before) / r.requests.total;
    if (stats) await printStatements(server, r.requests.total);
    return r;
  };
  /** The statements PostgreSQL ran for the server just loaded, per request, most time first. */
  async function printStatements(server, requests) {
    const { rows } = await stats.query(
      `select s.calls, s.total_plan_time + s.total_exec_time as ms, s.total_plan_time as plan_ms, s.rows, s.shared_blks_hit + s.shared_blks_read as blocks, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90) as query
         from pg_stat_statements s join pg_roles r on r.oid = s.userid
        where r.rolname = 'sinergi_app' and s.query not like '%pg_stat_statements%' order by s.total_exec_time desc limit 10`,
    );
    const perRequest = (n) => (Number(n) / requests).toFixed(3);
    const total = rows.reduce((sum, r) => sum + Number(r.ms), 0);
    console.log(`  ${server}: PostgreSQL ${perRequest(total)} ms and ${perRequest(rows.reduce((sum, r) => sum + Number(r.calls), 0))} statements per request (top 10):`);
    for (const r of rows) console.log(`    ${perRequest(r.calls)} × ${perRequest(r.ms)} ms (planning ${perRequest(r.plan_ms)}), ${perRequest(r.blocks)} blocks  ${r.query}`);
  }
  const runs = {
    sinergi: (v) => measured('sinergi', () => load(sinergiUrl, sinergiLoad, tokens[v])),
    peer: (v) => measured('peer', () => load(peerUrl, peerLoad, v)),
    compared: (v) => measured('compared', () => load(compareUrl, sinergiLoad, tokens[v])),
  };
  // Warm both up (JIT, plan caches), then alternate which goes first in each round.
  for (const v of VIEWERS) {
    await post(sinergiUrl, SINERGI_PAGE, { n: page }, tokens[v]);
    await post(peerUrl, PEER_PAGE, { n: page }, v);
    if (comparePort) await post(compareUrl, SINERGI_PAGE, { n: page }, tokens[v]);
  }
  for (let round = 0; round < rounds; round++) {
    for (const v of VIEWERS) {
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      for (const server of order) {
        const r = await runs[server](v);
        if (r.errors || r.non2xx) throw new Error(`${server} as ${v}: ${r.errors} errors, ${r.non2xx} non-2xx responses`);
        results[v][server].push(r);
        console.log(
          `round ${round + 1} ${v} ${server}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
            `CPU ${r.cpuPerRequest.toFixed(1)} ms/request`,
        );
      }
    }
  }

  const mean = (list, f) => list.reduce((sum, r) => sum + f(r), 0) / list.length;
  const summary = VIEWERS.map((v) => {
    const s = results[v].sinergi;
    const p = results[v].peer;
    const sRate = mean(s, (r) => r.requests.average);
    const pRate = mean(p, (r) => r.requests.average);
    const c = results[v].compared;
    return {
      viewer: v,
      ...(comparePort && {
        'compared req/s': mean(c, (r) => r.requests.average).toFixed(1),
        'CPU ms/req compared': mean(c, (r) => r.cpuPerRequest).toFixed(1),
      }),
      'Sinergi req/s': sRate.toFixed(1),
      'PostGraphile req/s': pRate.toFixed(1),
      ratio: (sRate / pRate).toFixed(2),
      'Sinergi p50/p99 ms': `${mean(s, (r) => r.latency.p50).toFixed(0)} / ${mean(s, (r) => r.latency.p99).toFixed(0)}`,
      'PostGraphile p50/p99 ms': `${mean(p, (r) => r.latency.p50).toFixed(0)} / ${mean(p, (r) => r.latency.p99).toFixed(0)}`,
      'CPU ms/req Sinergi / PostGraphile': `${mean(s, (r) => r.cpuPerRequest).toFixed(1)} / ${mean(p, (r) => r.cpuPerRequest).toFixed(1)}`,
      'CPU ratio': (mean(p, (r) => r.cpuPerRequest) / mean(s, (r) => r.cpuPerRequest)).toFixed(2),
    };
  });
  console.log(
    `\n${values.trivial ? '{ __typename }' : `Nested page (first: ${page})`}, ${households.toLocaleString('en-US')} households, ${connections} connections, ` +
      `${rounds} × ${duration} s per server and viewer:`,
  );
  console.table(summary);
} catch (error) {
  // A server that failed a request says why in its own output.
  for (const { name, child, output } of children) console.error(`--- ${name} (exit code ${child.exitCode}):\n${output().slice(-4000)}`);
  throw error;
} finally {
  await stats?.end();
  for (const { child } of children) child.kill('SIGTERM');
  await Promise.all(children.map(({ child: c }) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))));
  await city.cleanup();
}
process.exit(process.exitCode ?? 0);
