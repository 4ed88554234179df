import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../server/src/db/embedded.js';
import { writeDtsenSample } from '../server/src/imports/sample-dtsen.js';
import { ROOT, gql, login, startProduct, tempDataDir } from './product.js';

// Issue 10: a job killed half-way (kill -9 of the command and its embedded PostgreSQL) and run again
// ends with the same tables as a clean run. Two copies of one seeded data directory: one imports the
// file in one go, the other is killed during the commit and run again.

const base = tempDataDir();
const clean = tempDataDir();
const killed = tempDataDir();
const file = path.join(base, '..', `${path.basename(base)}-dtsen.csv`);
afterAll(() => {
  for (const dir of [base, clean, killed]) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(file, { force: true });
});

interface Run {
  code: number | null;
  output: string;
}

/** `pnpm import:data dtsen <file>` as the built command, in a process group of its own. */
function importData(dataDir: string, onOutput?: (output: string, pid: number) => void): Promise<Run> {
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/imports/import-cli.js'), 'dtsen', file, '--as', 'bappeda', '--date', '2026-09-30'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', SINERGI_DATA_DIR: dataDir, IMPORT_BATCH_SIZE: '50', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d;
    onOutput?.(output, child.pid!);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

/** What the registry holds, by natural keys (ids and timestamps differ between two runs by design). */
async function checksums(dataDir: string): Promise<Record<string, string>> {
  const pg = await startEmbeddedPostgres(dataDir);
  const Client = createRequire(path.join(ROOT, 'server/package.json'))('pg').Client;
  const client = new Client({ connectionString: pg.url('sinergi') });
  await client.connect();
  try {
    const sums: Record<string, string> = {};
    const queries: Record<string, string> = {
      household: `select kk_number, a.code, address, rt, rw, welfare_decile, poverty_status, floor_type, wall_type, roof_type, drinking_water,
                         sanitation, electricity, home_ownership, data_sources, version from household h join area a on a.id = h.area_id`,
      person: `select p.nik, h.kk_number, p.name, p.sex, p.birth_date, p.relation, p.education_level, p.occupation, p.jkn_status, p.disability, p.version
                 from person p join household h on h.id = p.household_id`,
      need: `select h.kk_number, p.nik, n.need_type, n.evidence from household_need n join household h on h.id = n.household_id left join person p on p.id = n.person_id`,
      assessment: `select h.kk_number, x.welfare_decile, x.poverty_status, x.reason from poverty_assessment x join household h on h.id = x.household_id`,
      provenance: `select coalesce(h.kk_number, '') || coalesce(p.nik, '') as entity, e.field, f.source, f.source_date::text as source_date
                     from field_provenance f cross join unnest(f.fields) e (field)
                     left join household h on h.id = f.entity_id left join person p on p.id = f.entity_id`,
      staged: `select r.line, r.status, r.reason from import_row r`,
      job: `select status, rows_total, valid_rows, inserted, updated, unchanged, rejected, in_review from import_job`,
      audit: `select action, entity_type, cardinality(entity_ids) - 1 as records, new_values from audit_event where action = 'IMPORT' and entity_type = 'ImportJob'`,
    };
    for (const [name, sql] of Object.entries(queries)) {
      const { rows } = await client.query(`select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from (${sql}) t`);
      sums[name] = `${rows[0].n}:${rows[0].sum}`;
    }
    return sums;
  } finally {
    await client.end();
    await pg.stop();
  }
}

describe('an import killed half-way and run again', () => {
  it('ends with exactly the tables of an uninterrupted run', async () => {
    // A seeded data directory, stopped cleanly, copied twice.
    const product = await startProduct({ SINERGI_DATA_DIR: base });
    expect(await product.stop('SIGTERM')).toBe(0);
    for (const dir of [clean, killed]) fs.cpSync(base, dir, { recursive: true });
    const written = await writeDtsenSample(file, { households: 400, seed: 424242 });

    const uninterrupted = await importData(clean);
    expect(uninterrupted.code, uninterrupted.output).toBe(0);
    expect(uninterrupted.output).toMatch(/Selesai/);

    // Killed as soon as the commit has started writing batches.
    let killedAt = '';
    const first = await importData(killed, (output, pid) => {
      if (!killedAt && /Menyimpan [1-9]\d?%/.test(output)) {
        killedAt = output.match(/Menyimpan (\d+)%/)![1]!;
        process.kill(-pid, 'SIGKILL');
      }
    });
    expect(first.code).toBeNull();
    expect(Number(killedAt)).toBeLessThan(100);
    const resumed = await importData(killed);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toMatch(/Melanjutkan impor/);

    const [a, b] = [await checksums(clean), await checksums(killed)];
    expect(b).toEqual(a);
    // The families are all in, each once.
    expect(Number(a['person']!.split(':')[0])).toBeGreaterThanOrEqual(written.persons);

    // Running the file once more changes nothing; this time beside the running server, whose
    // PostgreSQL the command uses (and leaves running), and whose API then shows the job.
    const server = await startProduct({ SINERGI_DATA_DIR: clean });
    try {
      const again = await importData(clean);
      expect(again.code, again.output).toBe(0);
      expect(again.output).toMatch(/0 baru, 0 diperbarui/);
      expect(again.output).toMatch(/sudah diimpor pada/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const jobs = await gql(server.url, '{ importJobs(first: 5) { status inserted unchanged } }', {}, await login(server.url, 'bappeda'));
      expect(jobs.data.importJobs[0]).toEqual({ status: 'COMMITTED', inserted: 0, unchanged: expect.any(Number) });
      expect(jobs.data.importJobs).toHaveLength(2);
    } finally {
      await server.stop('SIGTERM');
    }
  });
});
