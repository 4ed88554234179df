// One process per job of `pnpm bench:import` (see import.mjs), so each measures its own peak RSS.
//
//   node import-worker.mjs generate --dir D --households N --seed S --today YYYY-MM-DD
//     writes D/dtsen.csv (the DTSEN file) and D/household.copy, D/person.copy (the same families as
//     COPY text rows of the tables), before anything is timed.
//   node import-worker.mjs measure --dir D --households N --today YYYY-MM-DD [--batch-size B]
//     a fresh embedded PostgreSQL, migrated and seeded with the demo reference data; imports D/dtsen.csv
//     as admin the way `pnpm import:data` does (stage, dry run, commit), then COPYs D/*.copy into the
//     same tables of a second fresh database of the same cluster. Reports its figures to the parent.
//     With --stage-only: stages only, and reports the staged rows' outcome counts and checksum.
//     With --checksum: after the commit, an md5 per registry table the import writes (see tablesChecksum).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const dist = (p) => import(path.join(root, 'server/dist', p));

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string' },
    households: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    'batch-size': { type: 'string' },
    'stage-only': { type: 'boolean' },
    checksum: { type: 'boolean' },
  },
});
const mode = positionals[0];
const households = Number(values.households);
const today = values.today;
const seconds = (ms) => ms / 1000;

if (mode === 'generate') await generate();
else if (mode === 'measure') await measure();
else throw new Error(`unknown mode ${mode}`);
// Nothing may keep a finished worker alive (the parent waits for its exit).
process.exit(0);

async function generate() {
  const { writeDtsenSample } = await dist('imports/sample-dtsen.js');
  const { DemoCity } = await dist('seed/demo-city.js');
  const seed = Number(values.seed);
  const written = await writeDtsenSample(path.join(values.dir, 'dtsen.csv'), { households, seed, today });
  // The same generator, seed and day give the same rows: the household and person rows as COPY text.
  const city = new DemoCity({ households, seed, today });
  const out = { household: null, person: null };
  for (const table of Object.keys(out)) out[table] = fs.createWriteStream(path.join(values.dir, `${table}.copy`));
  const columns = {};
  const write = async (table, row) => {
    columns[table] ??= Object.keys(row);
    if (!out[table].write(`${columns[table].map((c) => copyValue(row[c])).join('\t')}\n`)) await once(out[table], 'drain');
  };
  let persons = 0;
  for (const batch of city.householdBatches()) {
    for (const h of batch.households) await write('household', h);
    for (const p of batch.persons) await write('person', p);
    persons += batch.persons.length;
  }
  for (const stream of Object.values(out)) {
    stream.end();
    await once(stream, 'finish');
  }
  if (persons !== written.persons) throw new Error(`COPY rows (${persons}) differ from the file's (${written.persons})`);
  fs.writeFileSync(path.join(values.dir, 'columns.json'), JSON.stringify(columns));
  report({ ...written, fileBytes: fs.statSync(path.join(values.dir, 'dtsen.csv')).size });
}

/** To the parent (import.mjs) over IPC; printed when run by hand. */
function report(result) {
  if (process.send) process.send(result);
  else console.log(JSON.stringify(result));
}

// COPY text format: \N is null; backslash, tab and line breaks escaped; jsonb as JSON text.
function copyValue(value) {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function measure() {
  const { createDatabase, ormConfig } = await dist('db/orm.js');
  const { loadConfig } = await dist('config/config.js');
  const { useClock } = await dist('config/clock.js');
  const { seedDemoCity } = await dist('seed/seed-database.js');
  const { viewerOf } = await dist('auth/auth.service.js');
  const { User } = await dist('users/user.entity.js');
  const { stageFile } = await dist('imports/staging.js');
  const { beginDryRun, dryRun } = await dist('imports/dry-run.js');
  const { beginCommit, commitJob } = await dist('imports/commit.js');
  const { inImportTransaction } = await dist('imports/import-transaction.js');
  const { MikroORM } = await import(path.join(root, 'server/node_modules/@mikro-orm/postgresql/index.js'));
  const { from: copyFrom } = (await import(path.join(root, 'server/node_modules/pg-copy-streams/index.js'))).default;

  // The demo city's reference data (areas, organisations, users, programs). The seed needs one family;
  // it goes again: the generator numbers KKs by kelurahan and issue day, so another seed's family can
  // share its KK, and the bench measures new families only.
  const seedReference = async (knex) => {
    await seedDemoCity(knex, { households: 1, today });
    for (const table of ['intervention', 'assignment', 'growth_measurement', 'poverty_assessment', 'person', 'household']) await knex(table).del();
  };

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-import-'));
  // The embedded PostgreSQL runs as the postgres user when we are root.
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({ SINERGI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  useClock(config.SINERGI_CLOCK);
  const batchSize = Number(values['batch-size'] ?? config.IMPORT_BATCH_SIZE);
  let db = null;
  const cleanup = async () => {
    const open = db;
    db = null;
    try {
      await open?.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().finally(() => process.exit(130)));
  try {
    db = await createDatabase(config);
    await db.asOwner((owner) => seedReference(owner.em.getKnex()));
    if (process.env.BENCH_BATCH_STATEMENTS) {
      // pg_stat_statements loads at start only: set it for the cluster, then start it again.
      const su = await superuser(db.embedded.url('sinergi'));
      await su.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
      await su.query(`alter system set pg_stat_statements.track = 'all'`);
      await su.query(`alter system set pg_stat_statements.max = 10000`);
      await su.end();
      await db.close();
      db = await createDatabase(config);
    }
    const user = await db.orm.em.fork().findOne(User, { username: 'admin', active: true }, { populate: ['area'] });
    const actor = { viewer: viewerOf(user, { readOnly: false, sessionId: null, tokenId: null }), requestId: `bench:${process.pid}`, ip: null };
    const file = path.join(values.dir, 'dtsen.csv');
    const fileBytes = fs.statSync(file).size;
    // The configured limits, raised to the bench file where it exceeds them (the limits are not measured).
    const limits = {
      maxBytes: Math.max(config.IMPORT_MAX_MB * 1024 * 1024, fileBytes),
      maxRows: Math.max(config.IMPORT_MAX_ROWS, households * 10),
    };
    const rssBeforeMb = process.resourceUsage().maxRSS / 1024;
    const sqlTiming = process.env.BENCH_SQL_TIMING ? timeStatements(db.orm.em.getKnex()) : null;
    const functionTiming = process.env.BENCH_FUNCTION_TIMING ? await timeFunctions(db.embedded.url('sinergi')) : null;

    // The import, as `pnpm import:data dtsen <file> --as admin` chains it.
    const clusterDir = path.join(dataDir, 'postgres');
    const walClient = await superuser(db.embedded.url('sinergi'));
    const wal0 = await walCounters(walClient);
    const pgCpu0 = postgresCpuSeconds(clusterDir);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const jobId = await stageFile(db.orm, actor, { source: 'dtsen', path: file, fileName: 'dtsen.csv', sourceDate: today }, limits);
    const t1 = performance.now();
    // This process's CPU while staging (less sensitive to other processes' load than the wall clock).
    const cpu = process.cpuUsage(cpu0);
    if (values['stage-only']) {
      // The staged outcomes, to compare runs of different code: counts and one checksum over every row.
      const staged = await inImportTransaction(db.orm, actor, null, async (_em, trx) => {
        const r = await trx.raw(
          `select count(*) filter (where status = 'VALID') as valid, count(*) filter (where status = 'REJECTED') as rejected,
                  count(*) filter (where status = 'REVIEW') as review,
                  md5(string_agg(concat_ws('|', line, cells::text, status, records::text, group_key, reason), E'\\n' order by line)) as checksum
             from import_row where job_id = ?`,
          [jobId],
        );
        return r.rows[0];
      });
      sqlTiming?.print();
      report({ households, stageOnly: true, stage: seconds(t1 - t0), stageCpu: (cpu.user + cpu.system) / 1e6, rows: Number(staged.valid) + Number(staged.rejected) + Number(staged.review), staged });
      return;
    }
    await inImportTransaction(db.orm, actor, null, (_em, trx) => beginDryRun(trx, actor, jobId));
    await dryRun(db.orm, actor, jobId);
    const t2 = performance.now();
    await inImportTransaction(db.orm, actor, null, (_em, trx) => beginCommit(trx, actor, jobId));
    const perBatch = process.env.BENCH_BATCH_STATEMENTS ? await batchStatements(db.embedded.url('sinergi')) : null;
    if (perBatch) console.error(`PostgreSQL CPU for staging and dry run: ${(postgresCpuSeconds(clusterDir) - pgCpu0).toFixed(1)} s`);
    await commitJob(db.orm, actor, jobId, { batchSize, onProgress: perBatch ? () => perBatch.snapshot() : undefined });
    if (perBatch) console.error(`PostgreSQL CPU for the whole import: ${(postgresCpuSeconds(clusterDir) - pgCpu0).toFixed(1)} s`);
    await perBatch?.print();
    const t3 = performance.now();
    const importCpu = process.cpuUsage(cpu0);
    const pgCpu1 = postgresCpuSeconds(clusterDir);
    const importWal = walDelta(wal0, await walCounters(walClient));
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    sqlTiming?.print();
    await functionTiming?.print();
    const job = await inImportTransaction(db.orm, actor, null, (_em, trx) => trx('import_job').where({ id: jobId }).first());
    const written = await db.asOwner(async (owner) => {
      const knex = owner.em.getKnex();
      const count = async (table, where = {}) => Number((await knex(table).where(where).count({ n: '*' }))[0].n);
      return {
        household_need: await count('household_need'),
        poverty_assessment: await count('poverty_assessment'),
        field_provenance: await count('field_provenance'),
        audit_event: await count('audit_event', { action: 'IMPORT' }),
        import_row: await count('import_row'),
      };
    });
    const checksums = values.checksum ? await db.asOwner((owner) => tablesChecksum(owner.em.getKnex())) : null;

    // The baseline: the same household and person rows COPYed as the owner into a second fresh
    // database of the same cluster (migrated, the same reference data), one transaction.
    const { ownerUrl } = await db.embedded.provisionDatabase('sinergi_copy');
    const owner = await MikroORM.init(ormConfig(ownerUrl, 2));
    let copy;
    try {
      await owner.getMigrator().up();
      await seedReference(owner.em.getKnex());
      const columns = JSON.parse(fs.readFileSync(path.join(values.dir, 'columns.json'), 'utf8'));
      const counts = {};
      const c0 = performance.now();
      const copyPgCpu0 = postgresCpuSeconds(clusterDir);
      const copyWal0 = await walCounters(walClient);
      await owner.em.getKnex().transaction(async (trx) => {
        const connection = await trx.client.acquireConnection();
        for (const table of ['household', 'person']) {
          const stream = connection.query(copyFrom(`copy ${table} (${columns[table].join(', ')}) from stdin`));
          await pipeline(fs.createReadStream(path.join(values.dir, `${table}.copy`)), stream);
          counts[table] = stream.rowCount;
        }
      });
      copy = { seconds: seconds(performance.now() - c0), pgCpu: postgresCpuSeconds(clusterDir) - copyPgCpu0, wal: walDelta(copyWal0, await walCounters(walClient)), ...counts };
    } finally {
      await owner.close(true);
      await walClient.end();
    }

    report({
      households,
      batchSize,
      fileBytes,
      rows: Number(job.rows_total),
      job: { status: job.status, inserted: job.inserted, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected, inReview: job.in_review },
      stage: seconds(t1 - t0),
      dryRun: seconds(t2 - t1),
      commit: seconds(t3 - t2),
      total: seconds(t3 - t0),
      nodeCpu: (importCpu.user + importCpu.system) / 1e6,
      pgCpu: pgCpu1 - pgCpu0,
      wal: importWal,
      rssBeforeMb,
      peakRssMb,
      written,
      checksums,
      copy,
    });
  } finally {
    await cleanup();
  }
}

/** BENCH_SQL_TIMING=1: seconds per statement shape (first 100 characters), to stderr after the commit. */
function timeStatements(knex) {
  const started = new Map();
  const totals = new Map();
  const shape = (q) => q.sql.replace(/\s+/g, ' ').trim().slice(0, 100);
  knex.on('query', (q) => started.set(q.__knexQueryUid, performance.now()));
  knex.on('query-response', (_r, q) => {
    const t = started.get(q.__knexQueryUid);
    if (t === undefined) return;
    started.delete(q.__knexQueryUid);
    const k = shape(q);
    const e = totals.get(k) ?? { n: 0, ms: 0, calls: [] };
    const ms = performance.now() - t;
    e.n += 1;
    e.ms += ms;
    e.calls.push(ms);
    totals.set(k, e);
  });
  // A statement run once per batch whose time per call rises from the first to the last quarter of its
  // calls grows with the registry (the batch's own size does not change).
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  return {
    print() {
      for (const [k, e] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.error(`${(e.ms / 1000).toFixed(2).padStart(8)} s ${String(e.n).padStart(6)}x  ${k}`);
      console.error('ms per call, first quarter -> last quarter of the calls (shapes called at least 8 times, most growth first):');
      const growth = [...totals]
        .filter(([, e]) => e.n >= 8)
        .map(([k, e]) => ({ k, n: e.n, first: mean(e.calls.slice(0, e.n >> 2)), last: mean(e.calls.slice(e.n - (e.n >> 2))) }))
        .sort((a, b) => (b.last - b.first) * b.n - (a.last - a.first) * a.n)
        .slice(0, 15);
      for (const g of growth) console.error(`${g.first.toFixed(1).padStart(9)} -> ${g.last.toFixed(1).padStart(9)} ms ${String(g.n).padStart(6)}x  ${g.k}`);
    },
  };
}

/**
 * BENCH_FUNCTION_TIMING=1: seconds per PL/pgSQL function (the triggers) during the import, from
 * track_functions (set by the superuser; the idle backends flush their counters within 10 s).
 */
async function timeFunctions(url) {
  const client = await superuser(url);
  await client.query(`alter system set track_functions = 'pl'`);
  await client.query('select pg_reload_conf()');
  await client.query('select pg_stat_reset()');
  return {
    async print() {
      await new Promise((r) => setTimeout(r, 11_000));
      const { rows } = await client.query(
        `select funcname, calls, round(total_time::numeric / 1000, 2) as total, round(self_time::numeric / 1000, 2) as self
           from pg_stat_user_functions order by total_time desc limit 25`,
      );
      for (const r of rows) console.error(`${String(r.total).padStart(8)} s total ${String(r.self).padStart(8)} s self ${String(r.calls).padStart(6)}x  ${r.funcname}`);
      const av = await client.query(`select relname, autovacuum_count, autoanalyze_count, round(total_autovacuum_time::numeric/1000,1) as vac_s, round(total_autoanalyze_time::numeric/1000,1) as an_s from pg_stat_user_tables where autovacuum_count + autoanalyze_count > 0 order by total_autovacuum_time + total_autoanalyze_time desc limit 12`).catch((e) => ({ rows: [{ error: e.message }] }));
      for (const r of av.rows) console.error(JSON.stringify(r));
      for (const q of ['select * from pg_stat_checkpointer', 'select wal_records, wal_fpi, wal_bytes from pg_stat_wal']) console.error(JSON.stringify((await client.query(q).catch((e) => ({ rows: [e.message] }))).rows[0]));
      await client.end();
    },
  };
}

/**
 * --checksum: what the import left in the registry, comparable between runs of different code: per
 * table (households, people, assessments, needs, provenance, the coverage and analytics summaries), a
 * row count and an md5 over its rows as JSON, without what differs from run to run by design (random
 * ids, timestamps, sequence numbers, the job's id); a household or person referenced by id is named
 * by its KK number or NIK instead, a need by both and its type.
 */
async function tablesChecksum(knex) {
  const { rows: tables } = await knex.raw(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and (table_name in ('household', 'person', 'poverty_assessment', 'household_need', 'field_provenance')
             or table_name like 'analytics%' or table_name like 'coverage%')
      order by table_name`,
  );
  // A need (the daily summaries' entity) by its household's KK, its member's NIK and its type.
  const natural = (column) =>
    `coalesce((select p.nik from person p where p.id = t.${column}), (select h.kk_number from household h where h.id = t.${column}),
              (select concat_ws('|', h.kk_number, p.nik, n.need_type) from household_need n join household h on h.id = n.household_id
                 left join person p on p.id = n.person_id where n.id = t.${column}), t.${column}::text)`;
  const out = {};
  for (const { table_name: table } of tables) {
    const { rows: columns } = await knex.raw(
      `select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position`,
      [table],
    );
    const kept = columns.filter((c) => !['id', 'seq', 'job_id'].includes(c.column_name) && !c.data_type.startsWith('timestamp'));
    const value = (c) => (['household_id', 'person_id', 'entity_id'].includes(c.column_name) ? natural(c.column_name) : `t.${c.column_name}`);
    const row = `jsonb_build_object(${kept.map((c) => `'${c.column_name}', ${value(c)}`).join(', ')})::text`;
    const { rows } = await knex.raw(`select count(*)::int as n, md5(coalesce(string_agg(r, E'\\n' order by r), '')) as md5 from (select ${row} as r from ${table} t) x`);
    out[table] = `${rows[0].n} ${rows[0].md5}`;
  }
  return out;
}

/**
 * CPU seconds the embedded PostgreSQL has used so far: its postmaster and live backends, plus the
 * backends already gone (counted in the postmaster's children). Unlike the wall clock, other processes'
 * load on the machine barely moves it.
 */
function postgresCpuSeconds(clusterDir) {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  const postmaster = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  // /proc/<pid>/stat: the fields after the command's closing parenthesis, from field 3 (state) on.
  const stat = (pid) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let f;
    try {
      f = stat(entry);
    } catch {
      continue; // ended meanwhile
    }
    const pid = Number(entry);
    // ppid is field 4, utime..cstime fields 14-17 (here shifted by 3).
    if (pid === postmaster) total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (Number(f[1]) === postmaster) total += Number(f[11]) + Number(f[12]);
  }
  return total / ticks;
}

/**
 * The cluster's WAL written so far (records, full-page images, bytes: autovacuum's and the checkpointer's
 * too) and its checkpoints (timed, and requested by WAL volume).
 */
async function walCounters(client) {
  const { rows } = await client.query(
    `select w.wal_records, w.wal_fpi, w.wal_bytes, c.num_timed, c.num_requested from pg_stat_wal w, pg_stat_checkpointer c`,
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

function walDelta(before, after) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
}

async function superuser(url) {
  const { default: pg } = await import(path.join(root, 'server/node_modules/pg/lib/index.js'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * BENCH_BATCH_STATEMENTS=1: buffers (shared hits and reads, load-independent) and milliseconds per
 * statement and batch from pg_stat_statements (nested statements too: triggers, foreign keys), a
 * snapshot after each batch; prints the statements whose buffers per batch grew most from the second
 * batch to the last full one (the batches are the same size, so growth comes from the registry), the
 * top-level total per batch, autovacuum and checkpoints. Counts grow with what a statement reads.
 */
async function batchStatements(url) {
  const client = await superuser(url);
  await client.query('create extension if not exists pg_stat_statements');
  await client.query('select pg_stat_statements_reset()');
  const snapshots = [];
  const take = async () =>
    new Map(
      (await client.query(
        `select queryid::text || toplevel::text as id, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q, toplevel,
                shared_blks_hit + shared_blks_read as blks, total_exec_time as ms, calls
           from pg_stat_statements`,
      )).rows.map((r) => [r.id, r]),
    );
  return {
    async snapshot() {
      snapshots.push(await take());
    },
    async print() {
      const per = new Map();
      snapshots.forEach((snap, i) => {
        for (const [id, r] of snap) {
          const prev = i ? snapshots[i - 1].get(id) : undefined;
          const e = per.get(id) ?? { q: r.q, top: r.toplevel, blks: [], ms: [], calls: [] };
          e.blks[i] = Number(r.blks) - Number(prev?.blks ?? 0);
          e.ms[i] = Number(r.ms) - Number(prev?.ms ?? 0);
          e.calls[i] = Number(r.calls) - Number(prev?.calls ?? 0);
          per.set(id, e);
        }
      });
      // The last snapshot follows the empty last call; the one before may be a partial batch.
      const last = snapshots.length - 3;
      if (last < 2) return client.end();
      const rows = [...per.values()].map((e) => ({ ...e, b1: e.blks[1] ?? 0, bl: e.blks[last] ?? 0, m1: e.ms[1] ?? 0, ml: e.ms[last] ?? 0 }));
      console.error(`buffers per batch (ms), batch 2 -> batch ${last + 1}, most growth first:`);
      for (const r of rows.sort((a, b) => b.bl - b.b1 - (a.bl - a.b1)).slice(0, 25)) {
        console.error(`${String(r.b1).padStart(9)} -> ${String(r.bl).padStart(9)}  (${r.m1.toFixed(0)} -> ${r.ml.toFixed(0)} ms, ${r.calls[last] ?? 0} calls)${r.top ? '' : ' nested'}  ${r.q}`);
      }
      for (let i = 1; i <= last; i += Math.max(1, Math.floor(last / 10))) {
        let b = 0;
        let m = 0;
        for (const e of per.values()) if (e.top) (b += e.blks[i] ?? 0), (m += e.ms[i] ?? 0);
        console.error(`batch ${i + 1}: top-level statements ${b} buffers, ${m.toFixed(0)} ms`);
      }
      const vacuums = await client.query(
        `select relname, autovacuum_count, autoanalyze_count, round(total_autovacuum_time::numeric / 1000, 1) as vacuum_s, round(total_autoanalyze_time::numeric / 1000, 1) as analyze_s
           from pg_stat_user_tables where autovacuum_count + autoanalyze_count > 0 order by total_autovacuum_time + total_autoanalyze_time desc limit 8`,
      );
      for (const r of vacuums.rows) console.error(`autovacuum ${JSON.stringify(r)}`);
      console.error(`checkpointer ${JSON.stringify((await client.query('select num_timed, num_requested, buffers_written from pg_stat_checkpointer')).rows[0])}`);
      console.error(`wal ${JSON.stringify((await client.query('select wal_records, wal_fpi, wal_bytes from pg_stat_wal')).rows[0])}`);
      await client.end();
    },
  };
}
