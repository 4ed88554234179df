// Benchmark: a DTSEN import of generated families (about 3.6 people each) the way `pnpm import:data`
// runs it (stage with COPY, dry run, commit in batches, as admin), next to a plain COPY of the same
// household and person rows into the same tables, measured in the same run; and the import's peak RSS
// at each size (flat memory: the peak should not grow with the file).
//
//   pnpm bench:import [--households 100000,200000] [--batch-size N] [--seed S] [--cpu-prof DIR] [--stage-only] [--checksum]
//
// --stage-only: staging alone (parse, validate, COPY, in-file duplicates, import_row), with the staged
// outcomes' counts and checksum (the same file must give the same checksum whatever the code's speed).
//
// Uses the built server (server/dist). Per size: one process writes the file (its memory is not
// counted), another starts a throwaway embedded PostgreSQL, imports, then COPYs; both are removed.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '100000,200000' },
    'batch-size': { type: 'string' },
    // Not the demo city's seed (20261127): the file's families are new to the database.
    seed: { type: 'string', default: '424242' },
    'cpu-prof': { type: 'string' },
    'stage-only': { type: 'boolean' },
    // After the commit, a checksum per registry table the import writes (to compare code versions).
    checksum: { type: 'boolean' },
  },
});
const sizes = values.households.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--households: a comma-separated list of positive integers');
const worker = path.join(import.meta.dirname, 'import-worker.mjs');
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
// The day the families are generated around, the same for the file and the COPY rows.
const today = new Date().toISOString().slice(0, 10);

const children = new Set();
function run(args, execArgv = []) {
  return new Promise((resolve, reject) => {
    const child = fork(worker, args, { execArgv, stdio: 'inherit' });
    children.add(child);
    let result = null;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (result && code === 0) resolve(result);
      else reject(new Error(`${path.basename(worker)} ${args[0]} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

const dirs = [];
const removeDirs = () => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
};
// Ctrl-C reaches the workers too; they stop their PostgreSQL and remove their data directories.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await Promise.all([...children].map((c) => new Promise((r) => c.once('exit', r))));
    removeDirs();
    process.exit(130);
  });
}

const cpus = os.cpus();
console.log(`machine: ${os.platform()} ${os.arch()}, ${cpus.length} CPUs (${cpus[0]?.model ?? 'unknown'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB memory, Node ${process.version}`);
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const results = [];
try {
  for (const households of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-file-'));
    dirs.push(dir);
    console.log(`\n${fmt(households)} households: writing the DTSEN file and the COPY rows…`);
    const file = await run(['generate', '--dir', dir, '--households', String(households), '--seed', values.seed, '--today', today]);
    console.log(`  ${fmt(file.persons)} rows, ${fmt(file.fileBytes / 2 ** 20, 1)} MiB; importing, then COPY…`);
    const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof']), '--cpu-prof-name', `import-${households}.cpuprofile`] : [];
    const args = ['measure', '--dir', dir, '--households', String(households), '--today', today];
    if (values['batch-size']) args.push('--batch-size', values['batch-size']);
    if (values['stage-only']) args.push('--stage-only');
    if (values.checksum) args.push('--checksum');
    const r = await run(args, profile);
    removeDirs();
    if (r.stageOnly) {
      const s = r.staged;
      console.log(`  staged ${fmt(r.rows)} rows in ${fmt(r.stage, 1)} s (${fmt(r.rows / r.stage)} rows/s; Node CPU ${fmt(r.stageCpu, 1)} s): ${s.valid} valid, ${s.rejected} rejected, ${s.review} review; checksum ${s.checksum}`);
      console.log(`  load average now: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      continue;
    }
    const j = r.job;
    console.log(
      `  job ${j.status}: ${fmt(j.inserted)} inserted, ${fmt(j.updated)} updated, ${fmt(j.unchanged)} unchanged, ${fmt(j.rejected)} rejected, ${fmt(j.inReview)} in review`,
    );
    console.log(`  the import also wrote: ${Object.entries(r.written).map(([t, n]) => `${fmt(n)} ${t}`).join(', ')}`);
    if (r.checksums) for (const [table, sum] of Object.entries(r.checksums)) console.log(`  checksum ${table}: ${sum}`);
    if (r.copy.person !== r.rows) console.log(`  note: COPY wrote ${fmt(r.copy.person)} person rows, the file has ${fmt(r.rows)}`);
    // Each size as soon as it is measured (a long run interrupted later keeps the figures so far).
    const importRate = r.rows / r.total;
    const copyRate = r.copy.person / r.copy.seconds;
    console.log(`  import ${fmt(importRate)} rows/s (${fmt(r.total, 1)} s), COPY ${fmt(copyRate)} rows/s (${fmt(r.copy.seconds, 1)} s): ${fmt(importRate / copyRate, 2)} of COPY; peak RSS ${fmt(r.peakRssMb)} MB`);
    // CPU time is what other processes' load moves least: PostgreSQL's for the import against the COPY's.
    console.log(`  CPU: import PostgreSQL ${fmt(r.pgCpu, 1)} s + Node ${fmt(r.nodeCpu, 1)} s, COPY PostgreSQL ${fmt(r.copy.pgCpu, 1)} s: COPY / import PostgreSQL CPU ${fmt(r.copy.pgCpu / r.pgCpu, 2)}`);
    // WAL is what a long import adds outside its statements (checkpoints' full-page images, autovacuum).
    const wal = (w) => `${fmt(w.wal_bytes / 2 ** 20)} MiB WAL (${fmt(w.wal_fpi)} full-page images, ${fmt(w.wal_bytes / r.rows / 1024, 1)} kB per row), checkpoints ${w.num_timed} timed + ${w.num_requested} requested`;
    console.log(`  import ${wal(r.wal)}; COPY ${wal(r.copy.wal)}`);
    console.log(`  load average now: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    results.push(r);
  }
} finally {
  removeDirs();
}

console.log(`\nload average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (values['stage-only']) process.exit(0);
console.log('\nDTSEN import (stage + dry run + commit, as admin) vs plain COPY of the same rows, one run:');
console.table(
  results.map((r) => {
    const importRate = r.rows / r.total;
    const copyRate = r.copy.person / r.copy.seconds;
    return {
      households: fmt(r.households),
      rows: fmt(r.rows),
      'stage s': fmt(r.stage, 1),
      'dry run s': fmt(r.dryRun, 1),
      'commit s': fmt(r.commit, 1),
      'import s': fmt(r.total, 1),
      'import rows/s': fmt(importRate),
      'import households/s': fmt(r.households / r.total),
      'import PG CPU s': fmt(r.pgCpu, 1),
      'import Node CPU s': fmt(r.nodeCpu, 1),
      'COPY s': fmt(r.copy.seconds, 1),
      'COPY PG CPU s': fmt(r.copy.pgCpu, 1),
      'COPY rows/s': fmt(copyRate),
      'import / COPY': fmt(importRate / copyRate, 2),
      'RSS before MB': fmt(r.rssBeforeMb),
      'peak RSS MB': fmt(r.peakRssMb),
    };
  }),
);
console.log(`batch size ${results[0]?.batchSize} households per commit transaction; rows = data lines of the file = persons.
COPY baseline: the same household and person rows (from the generator, same seed and day) COPYed as the table
owner into a fresh database of the same cluster, in one transaction; rows/s = person rows / seconds. It writes
nothing else: no derived needs, no poverty assessments, no field provenance, no audit events, no staging rows.
The import in addition: stages every line with its validation outcome (validated while it streams, COPY into a
temporary table, in-file duplicates found there, then import_row; the dry run keeps those outcomes), then per
batch matches households by KK and persons by NIK, writes them,
their poverty assessment, derived needs, field-level provenance, the rows' outcomes and one IMPORT audit event,
as the application role under row-level security.
CPU s = CPU time of the embedded PostgreSQL (postmaster, backends, ended backends) and of the import's Node process,
from the start of staging to the end of the commit (COPY: its transaction); less moved by other processes' load.
peak RSS = the import process's maxRSS after the commit (RSS before = after starting and seeding, before staging).`);
process.exit(0);
