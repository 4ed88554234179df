// Shared by the benchmark scripts: a throwaway embedded PostgreSQL with a generated city (needs
// derived), the built app on a free port, and helpers to call it and time calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

/**
 * A throwaway embedded PostgreSQL holding a generated city with its needs derived. `urls` connect
 * to it as the application role (row-level security applies) and as the owner.
 */
export async function seedBenchCity({ households }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({ SINERGI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const db = await createDatabase(config);
  const cleanup = async () => {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    console.log(`seeding ${fmt(households)} households…`);
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
      const result = await knex.transaction((trx) => deriveNeeds(trx));
      await knex.raw('analyze household_need');
      // One row per key of the deltas that seeding and the derivation appended batch by batch.
      await compactSummaries(knex);
      await knex.raw('analyze coverage_delta');
      return result;
    });
    console.log(`derived ${fmt(derived.upserted)} needs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const urls = await db.embedded.provisionDatabase(EMBEDDED_DATABASE_NAME);
    return { db, config, urls, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The same city, served by the built app in this process. */
export async function startBenchCity({ households }) {
  const { db, config, cleanup } = await seedBenchCity({ households });
  try {
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
