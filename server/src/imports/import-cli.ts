// `pnpm import:data <source> <file>`: imports an agency's file into the configured database (or the
// embedded one in SINERGI_DATA_DIR, shared with a running server), as a named user: stage, dry run,
// commit with a progress bar. A job interrupted earlier (kill -9) with the same file resumes.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { viewerOf } from '../auth/auth.service.js';
import { parseOrUsage, runIfMain, UsageError } from '../config/cli.js';
import { useClock } from '../config/clock.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../db/orm.js';
import { GraphQLError } from 'graphql';
import { User } from '../users/user.entity.js';
import { beginCommit, commitJob } from './commit.js';
import { beginDryRun, dryRun, unmappedRequired } from './dry-run.js';
import { ImportFileError, SOURCE_KEYS, type SourceKey } from './import.types.js';
import { inImportTransaction, type ImportActor } from './import-transaction.js';
import { sha256, stageFile } from './staging.js';
import { SOURCES } from './sources/index.js';

const USAGE = `Usage: pnpm import:data <source> <file> [options]

Imports an agency's CSV or XLSX file (templates: GET /import/templates/<source>.xlsx).
  source          ${SOURCE_KEYS.join(' | ')}
  file            the CSV or XLSX file
  --as <user>     write as this user (default admin); their role and area decide what may be imported
  --sheet <name>  XLSX: the sheet to read (default the first)
  --date <date>   the date the data describes, YYYY-MM-DD (default today)
  --dry-run       check every row and report, write nothing
  --verbose       also print the embedded PostgreSQL log
  -h, --help      show this help
Exit status: 0 imported (rejected rows are listed in the error report), 1 file refused, 2 usage.`;

export interface ImportDataOptions {
  source: SourceKey;
  file: string;
  as: string;
  sheet?: string;
  date?: string;
  dryRun: boolean;
  verbose: boolean;
  help: boolean;
}

export function parseImportDataArgs(argv: readonly string[], cwd: string): ImportDataOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        as: { type: 'string', default: 'admin' },
        sheet: { type: 'string' },
        date: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const help = parsed.values.help ?? false;
  const [source, file, ...rest] = parsed.positionals;
  if (!help) {
    if (!source || !file || rest.length) throw new UsageError('give a source and one file');
    if (!(SOURCE_KEYS as readonly string[]).includes(source)) throw new UsageError(`unknown source "${source}"`);
  }
  return {
    source: source as SourceKey,
    file: file ? path.resolve(cwd, file) : '',
    as: parsed.values.as ?? 'admin',
    sheet: parsed.values.sheet,
    date: parsed.values.date,
    dryRun: parsed.values['dry-run'] ?? false,
    verbose: parsed.values.verbose ?? false,
    help,
  };
}

/** A progress bar on a terminal, a line per tenth otherwise (logs of a scheduled run). */
function progress(label: string) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const share = total ? done / total : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${done}/${total}`);
      if (done >= total) process.stderr.write('\n');
    } else if (Math.floor(share * 10) !== lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${label} ${Math.floor(share * 100)}% (${done}/${total})\n`);
    }
  };
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const options = parseOrUsage(() => parseImportDataArgs(argv, process.env['INIT_CWD'] ?? process.cwd()), USAGE);
  if (typeof options === 'number') return options;
  const config = loadConfig();
  useClock(config.SINERGI_CLOCK);
  const db = await createDatabase(config, options.verbose ? (line) => console.error(`[postgres] ${line}`) : undefined, { attachEmbedded: true });
  try {
    const user = await db.orm.em.fork().findOne(User, { username: options.as.toLowerCase(), active: true }, { populate: ['area'] });
    if (!user) {
      console.error(`No active user "${options.as}".`);
      return 2;
    }
    const actor: ImportActor = {
      viewer: viewerOf(user, { readOnly: false, sessionId: null, tokenId: null }),
      requestId: `cli:${process.pid}:${Date.now()}`,
      ip: null,
    };
    const limits = { maxBytes: config.IMPORT_MAX_MB * 1024 * 1024, maxRows: config.IMPORT_MAX_ROWS };
    // The same file of this user left half-way: resume it rather than start over.
    const hash = await sha256(options.file).catch(() => null);
    if (hash === null) {
      console.error(`Berkas ditolak: ${options.file} tidak dapat dibaca.`);
      return 1;
    }
    const unfinished = await inImportTransaction(db.orm, actor, null, (_em, trx) =>
      trx('import_job')
        .where({ source: options.source, file_sha256: hash, created_by_id: actor.viewer.userId })
        .whereIn('status', ['COMMITTING', 'VALIDATING', 'FAILED', 'UPLOADED', 'VALIDATED'])
        .orderBy('created_at', 'desc')
        .first('id', 'status', 'validated_at'),
    );
    let jobId: string;
    if (unfinished && !options.dryRun && (unfinished.status === 'COMMITTING' || (unfinished.status === 'FAILED' && unfinished.validated_at))) {
      jobId = unfinished.id as string;
      console.log(`Melanjutkan impor ${jobId} yang terhenti.`);
    } else {
      jobId = await stageFile(db.orm, actor, { source: options.source, path: options.file, fileName: path.basename(options.file), sheet: options.sheet, sourceDate: options.date }, limits);
      const missing = await inImportTransaction(db.orm, actor, null, async (_em, trx) => {
        const job = await trx('import_job').where({ id: jobId }).first('mapping');
        return unmappedRequired(options.source, job.mapping as Record<string, number | null>);
      });
      if (missing.length) {
        console.error(`Berkas ditolak: kolom wajib tidak ditemukan: ${missing.join(', ')}. Kolom templat ${options.source}: ${SOURCES[options.source].columns.map((c) => c.header).join(', ')}.`);
        return 1;
      }
      await inImportTransaction(db.orm, actor, null, (_em, trx) => beginDryRun(trx, actor, jobId));
      await dryRun(db.orm, actor, jobId, progress('Uji coba'));
      const job = await summary(db.orm, actor, jobId);
      console.log(`Uji coba: ${job.rows_total} baris, ${job.valid_rows} valid, ${job.rejected} ditolak, ${job.in_review} perlu ditinjau.`);
      for (const e of job.errors) console.log(`  baris ${e.line}: ${e.reason}`);
      if (options.dryRun) return 0;
      await inImportTransaction(db.orm, actor, null, (_em, trx) => beginCommit(trx, actor, jobId));
    }
    await commitJob(db.orm, actor, jobId, { batchSize: config.IMPORT_BATCH_SIZE, onProgress: progress('Menyimpan') });
    const job = await summary(db.orm, actor, jobId);
    console.log(
      `Selesai (impor ${jobId}): ${job.inserted} baru, ${job.updated} diperbarui, ${job.unchanged} tidak berubah, ${job.rejected} ditolak, ${job.in_review} perlu ditinjau.`,
    );
    if (job.message) console.log(job.message);
    if (job.rejected) console.log(`Laporan kesalahan: GET /import/jobs/${jobId}/errors.csv (atau halaman Impor data).`);
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof GraphQLError) {
      console.error(`Berkas ditolak: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

async function summary(orm: Parameters<typeof stageFile>[0], actor: ImportActor, jobId: string) {
  return inImportTransaction(orm, actor, null, async (_em, trx) => {
    const job = (await trx('import_job').where({ id: jobId }).first()) as Record<string, number | string | null>;
    const errors = (await trx('import_row').where({ job_id: jobId, status: 'REJECTED' }).orderBy('line').limit(10).select('line', 'reason')) as { line: number; reason: string }[];
    return { ...job, errors } as Record<string, number> & { message: string | null; errors: typeof errors };
  });
}

runIfMain(import.meta.url, () => main());
