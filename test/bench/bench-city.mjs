// Shared by the benchmark scripts: an embedded PostgreSQL with a generated city (needs derived),
// throwaway or kept in a directory for the next run (`--city-dir`), the built app on a free port,
// and helpers to call it and time calls.
//
// Run directly, it only seeds (or checks) a kept city:
//   pnpm bench:city --households N --city-dir DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const dist = (p) => path.join(root, 'server/dist', p);
const { createDatabase, EMBEDDED_DATABASE_NAME } = await import(dist('db/orm.js'));
const { createApp } = await import(dist('app.js'));
const { loadConfig } = await import(dist('config/config.js'));
const { seedDemoCity } = await import(dist('seed/seed-database.js'));
const { deriveNeeds } = await import(dist('needs/need.service.js'));
const { compactSummaries } = await import(dist('analytics/summary-compaction.js'));
const { pino } = await import(path.join(root, 'server/node_modules/pino/pino.js'));

const fmt = (n) => n.toLocaleString('en-US');

/** p50 / p95 / mean of a list of milliseconds, as strings with one decimal. */
export function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
  return { 'p50 ms': q(0.5), 'p95 ms': q(0.95), 'mean ms': (sorted.reduce((a, b) => a + b, 0) / sorted.length).toFixed(1) };
}

/** The option every bench script takes, spread into its `parseArgs` options. */
export const CITY_DIR_OPTION = { 'city-dir': { type: 'string' } };

// Written into a kept city's directory: `complete` turns true once the seed and the derived needs
// are committed, so an interrupted seed is recognised (and redone) rather than measured.
const MARKER = 'bench-city.json';
const DERIVE_BATCH = 50_000;

/**
 * Where the city lives and whether it is already seeded. Without `cityDir`, a fresh temporary
 * directory removed at cleanup; with it, that directory, kept: reused when it holds a finished city
 * of the same size, seeded there when it is empty or holds an interrupted seed, refused otherwise
 * (it is not ours, or it is another size).
 */
function cityDirectory(households, cityDir) {
  if (!cityDir) return { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-')), keep: false, seeded: false };
  const dataDir = path.resolve(cityDir);
  const markerFile = path.join(dataDir, MARKER);
  if (fs.existsSync(markerFile)) {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
    if (marker.complete) {
      if (marker.households !== households) {
        throw new Error(`${dataDir} holds a city of ${fmt(marker.households)} households, not ${fmt(households)}: pass --households ${marker.households} or another --city-dir`);
      }
      return { dataDir, keep: true, seeded: true, marker };
    }
    console.log(`${dataDir} holds an interrupted seed (started ${marker.startedAt}): seeding again`);
    for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  } else if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty and holds no bench city (${MARKER}): choose an empty or new directory`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  return { dataDir, keep: true, seeded: false };
}

/**
 * An embedded PostgreSQL holding a generated city with its needs derived: throwaway, or kept in
 * `cityDir` and reused by later runs (pending migrations are applied on start; a bench that writes,
 * such as bench:mixed, leaves its writes there). `urls` connect to it as the application role
 * (row-level security applies) and as the owner.
 */
export async function seedBenchCity({ households, cityDir }) {
  const { dataDir, keep, seeded, marker } = cityDirectory(households, cityDir);
  // The embedded PostgreSQL runs as the `postgres` user when we are root.
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({ SINERGI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const db = await createDatabase(config);
  const cleanup = async () => {
    await db.close();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (seeded) {
      console.log(`reusing the city of ${fmt(households)} households in ${dataDir} (seeded ${marker.seededAt})`);
    } else {
      const markerFile = path.join(dataDir, MARKER);
      const startedAt = new Date().toISOString();
      if (keep) fs.writeFileSync(markerFile, JSON.stringify({ households, complete: false, startedAt }, null, 2));
      console.log(`seeding ${fmt(households)} households${keep ? ` into ${dataDir}` : ''}…`);
      let started = performance.now();
      let lastLog = 0;
      await db.asOwner((owner) =>
        seedDemoCity(owner.em.getKnex(), {
          households,
          onProgress: ({ phase, done, total }) => {
            if (performance.now() - lastLog > 15_000 || done === total) {
              lastLog = performance.now();
              console.log(`  ${phase} ${fmt(done)}/${fmt(total)}`);
            }
          },
        }),
      );
      console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      started = performance.now();
      const derived = await db.asOwner(async (owner) => {
        const knex = owner.em.getKnex();
        // In batches of households, each its own transaction, as an import derives them: one statement for a
        // whole 1,000,000-household city holds 1.3 million needs in its triggers' transition tables.
        const ids = (await knex.raw('select id from household order by id')).rows.map((r) => r.id);
        const result = { upserted: 0 };
        for (let i = 0; i < ids.length; i += DERIVE_BATCH) {
          const batch = ids.slice(i, i + DERIVE_BATCH);
          result.upserted += (await knex.transaction((trx) => deriveNeeds(trx, batch, { newHouseholds: true }))).upserted;
          if (ids.length > DERIVE_BATCH) console.log(`  needs ${fmt(i + batch.length)}/${fmt(ids.length)} households`);
        }
        await knex.raw('analyze household_need');
        // One row per key of the deltas that seeding and the derivation appended batch by batch.
        await compactSummaries(knex);
        await knex.raw('analyze coverage_delta, analytics_daily_delta');
        return result;
      });
      console.log(`derived ${fmt(derived.upserted)} needs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (keep) {
        await db.asOwner((owner) => owner.em.getKnex().raw('analyze'));
        const seededAt = new Date().toISOString();
        fs.writeFileSync(markerFile, JSON.stringify({ households, complete: true, startedAt, seededAt }, null, 2));
      }
    }
    const urls = await db.embedded.provisionDatabase(EMBEDDED_DATABASE_NAME);
    return { db, config, urls, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The same city, served by the built app in this process. */
export async function startBenchCity({ households, cityDir }) {
  const { db, config, cleanup } = await seedBenchCity({ households, cityDir });
  try {
    const { app, stop } = await createApp(config, db, pino({ level: 'silent' }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${server.address().port}/graphql`;
    let statements = 0;
    let captured = null;
    db.orm.em.getKnex().on('query', ({ sql, bindings }) => {
      statements++;
      captured?.push({ sql, bindings: bindings ?? [] });
    });

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
    return {
      db,
      gql,
      login: async (username) => (await gql(`mutation { login(username: "${username}", password: "sinergi-demo") { token } }`)).login.token,
      /** Runs `fn`, returning its result, its duration in ms and the SQL statements it caused. */
      measure: async (fn) => {
        const before = statements;
        const t0 = performance.now();
        const result = await fn();
        return { result, ms: performance.now() - t0, statements: statements - before };
      },
      /** Runs `fn`, returning its result and the SQL statements (text and bindings) it caused. */
      capture: async (fn) => {
        captured = [];
        try {
          return { result: await fn(), statements: captured };
        } finally {
          captured = null;
        }
      },
      /**
       * EXPLAIN (ANALYZE, BUFFERS) of the captured statements matching `pattern`, each run as the
       * application role after the request's own opening statement (sinergi_open_request: clock,
       * session, viewer), so row-level security and the clock apply as they did; rolled back.
       */
      explain: async (captured, pattern) => {
        const client = await db.orm.em.getKnex().client.acquireConnection();
        try {
          await client.query('begin');
          const plans = [];
          for (const { sql, bindings } of captured) {
            if (/^select set_config|sinergi_open_request/.test(sql)) await client.query(sql, bindings);
            else if (pattern.test(sql)) {
              const { rows } = await client.query(`explain (analyze, buffers) ${sql}`, bindings);
              plans.push(`${sql}\n\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
            }
          }
          return plans.join('\n\n');
        } finally {
          await client.query('rollback');
          await db.orm.em.getKnex().client.releaseConnection(client);
        }
      },
      close: async () => {
        server.close();
        server.closeAllConnections();
        await stop();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { households: { type: 'string', default: '5000' }, ...CITY_DIR_OPTION } });
  if (!values['city-dir']) throw new Error('--city-dir DIR: where to keep the city');
  const city = await seedBenchCity({ households: Number(values.households), cityDir: values['city-dir'] });
  await city.cleanup();
  process.exit(0);
}
