import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { quoteColumn } from './alasan.js';
import { today } from '../config/clock.js';
import { isoDate, loadReferenceData, RowValidator, type ReferenceData, type RowOutcome } from './validation.js';
import { inImportTransaction, sqlRaw, type ImportActor } from './import-transaction.js';
import type { SourceKey } from './import.types.js';
import { SOURCES, type MappedRow } from './sources/index.js';

const CHUNK = 2_000;

export interface JobRow {
  id: string;
  source: SourceKey;
  file_name: string;
  status: string;
  headers: string[];
  mapping: Record<string, number | null>;
  source_date: unknown;
  created_by_id: string;
  file_sha256: string;
  rows_total: number;
  staged_validation: string | null;
}

/**
 * What a row's validation depends on besides its cells, as a hash: the staged outcomes stand for the
 * dry run's only while it is unchanged (same mapping, reference data, day, viewer and source date).
 */
export function validationBasis(
  job: { source: SourceKey; mapping: Record<string, number | null>; source_date: unknown },
  actor: ImportActor,
  reference: ReferenceData,
): string {
  const { userId, role, organizationId, areaId, areaCode } = actor.viewer;
  // Keys sorted: the mapping comes back from jsonb in another key order than it was written in.
  const mapping = Object.entries(job.mapping).sort(([a], [b]) => (a < b ? -1 : 1));
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  const basis = [job.source, mapping, isoDate(job.source_date), today(), { userId, role, organizationId, areaId, areaCode }, byId(reference.areas), byId(reference.programs)];
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex');
}

/** Validates staged cells with the job's mapping (the same RowValidator for staging and dry run). */
export function rowChecker(job: { source: SourceKey; mapping: Record<string, number | null>; headers: string[]; source_date: unknown }, actor: ImportActor, reference: ReferenceData) {
  const validator = new RowValidator(job.source, actor, reference, isoDate(job.source_date));
  const keys = Object.entries(job.mapping).filter((e): e is [string, number] => e[1] !== null && e[1] !== undefined);
  return (cells: string[]): RowOutcome => {
    const values: MappedRow = {};
    for (const [key, column] of keys) values[key] = { column: job.headers[column] ?? key, value: cells[column] ?? '' };
    return validator.validate(values);
  };
}

export async function loadJob(trx: Knex.Transaction, id: string): Promise<JobRow | undefined> {
  return (await trx('import_job').where({ id }).first()) as JobRow | undefined;
}

/** Required template columns the mapping leaves out. */
export function unmappedRequired(source: SourceKey, mapping: Record<string, number | null>): string[] {
  return SOURCES[source].columns.filter((c) => c.required && (mapping[c.key] === null || mapping[c.key] === undefined)).map((c) => c.header);
}

/**
 * A key that identifies the same fact twice in one file (SQL over a record `e`): a person in the roster
 * or a pupil; a child on a day; a delivery of a program to a target on a day.
 */
const WHO = `coalesce(e ->> 'nik', lower(e ->> 'name') || '|' || (e ->> 'birthDate'))`;
const DUPLICATE_KEY: Record<SourceKey, string> = {
  dtsen: WHO,
  disdik: WHO,
  dinkes: `${WHO} || '|' || (e ->> 'measuredOn')`,
  dinsos: `coalesce(e ->> 'nik', 'kk:' || (e ->> 'kkNumber')) || '|' || (e ->> 'programId') || '|' || (e ->> 'deliveredOn')`,
};

/**
 * Refuses, in SQL over the staged rows (memory stays flat whatever the file's size), the later of two
 * rows that say the same thing, and a family's second head; the first occurrence stays.
 */
export async function refuseWithinFile(
  trx: Knex.Transaction,
  job: { source: SourceKey; headers: string[]; mapping: Record<string, number | null> },
  // The job's staged rows, or (while staging) the temporary table they are copied into.
  rows: { jobId: string } | { upload: string },
): Promise<void> {
  const table = 'jobId' in rows ? 'import_row' : rows.upload;
  const where = 'jobId' in rows ? 'r.job_id = ? and' : '';
  const bindings = 'jobId' in rows ? [rows.jobId, rows.jobId] : [];
  const refuse = (keys: string, reason: string) =>
    sqlRaw(
      trx,
      // A window over the keys (one sort) rather than a join of the keys with their first lines, whose
      // plan rests on row estimates that rows just staged (a temporary table) do not have.
      `with keys as (${keys}),
            firsts as (select line, min(line) over (partition by key) as first from keys),
            later as (select line, min(first) as first from firsts where first < line group by line)
       update ${table} r set status = 'REJECTED', records = null, group_key = null, reason = ${reason}
         from later d where ${where} r.line = d.line`,
      bindings,
    );
  await refuse(
    `select r.line, ${DUPLICATE_KEY[job.source]} as key from ${table} r cross join jsonb_array_elements(r.records) e
      where ${where} r.status in ('VALID', 'REVIEW')`,
    `'baris ganda: data yang sama sudah ada di baris ' || d.first`,
  );
  if (job.source === 'dtsen') {
    const relation = quoteColumn(job.headers[job.mapping['relation'] ?? -1] ?? 'Hubungan dengan Kepala Keluarga');
    await refuse(
      `select r.line, coalesce(e ->> 'kkNumber', 'ID ' || (e ->> 'familyId')) as key from ${table} r cross join jsonb_array_elements(r.records) e
        where ${where} r.status in ('VALID', 'REVIEW') and e ->> 'relation' = 'HEAD' and (e ->> 'kkNumber' is not null or e ->> 'familyId' is not null)`,
      `'${relation.replace(/'/g, "''")}: keluarga ini sudah punya kepala keluarga di baris ' || d.first`,
    );
  }
}

/**
 * The viewer's own job, or NOT_FOUND naming `jobId`: another user's job is out of the viewer's scope
 * (only its owner drives it, even where a coordinator may read it), and is answered like a missing one.
 */
export async function ownJob(trx: Knex.Transaction, actor: ImportActor, jobId: string): Promise<JobRow> {
  const job = await loadJob(trx, jobId);
  if (!job || job.created_by_id !== actor.viewer.userId) throw new NotFoundError('ImportJob', 'jobId');
  return job;
}

/** Starts the dry run (in the caller's transaction): a job not yet committed, with every required column mapped. */
export async function beginDryRun(trx: Knex.Transaction, actor: ImportActor, jobId: string): Promise<void> {
  const job = await ownJob(trx, actor, jobId);
  const committedSome = job.status === 'FAILED' && (await trx('import_row').where({ job_id: jobId }).whereIn('status', ['INSERTED', 'UPDATED', 'UNCHANGED']).first('line'));
  if (!['UPLOADED', 'VALIDATED', 'FAILED'].includes(job.status) || committedSome) {
    throw new ConflictError(`Uji coba tidak dapat dijalankan: impor ini berstatus ${job.status}`, { field: 'jobId' });
  }
  const missing = unmappedRequired(job.source, job.mapping);
  if (missing.length) throw new BadUserInputError('columns', `kolom wajib belum dipetakan: ${missing.join(', ')}`);
  await trx('import_job').where({ id: jobId }).update({ status: 'VALIDATING', rows_done: 0, message: null, updated_at: trx.fn.now() });
}

/**
 * The dry run: every staged row is checked with the source's mapping and the API's rules, duplicates
 * inside the file are caught, and the outcome is stored on the staged rows (nothing of the registry is
 * written). Ends VALIDATED with the counts, ready to commit.
 */
export async function dryRun(orm: MikroORM, actor: ImportActor, jobId: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const { job, reference } = await inImportTransaction(orm, actor, null, async (_em, trx) => {
    const job = await ownJob(trx, actor, jobId);
    if (job.status !== 'VALIDATING') throw new ConflictError(`Impor ini berstatus ${job.status}`, { field: 'jobId' });
    return { job, reference: await loadReferenceData(trx) };
  });
  // Rows validated while staging, on the same basis, already carry their outcome (duplicates inside
  // the file included): nothing to redo.
  const again = job.staged_validation === null || job.staged_validation !== validationBasis(job, actor, reference);
  if (again) await validateStaged(orm, actor, job, reference, onProgress);
  await inImportTransaction(orm, actor, null, async (_em, trx) => {
    if (again) await refuseWithinFile(trx, job, { jobId });
    const counts = Object.fromEntries(
      ((await trx('import_row').where({ job_id: jobId }).groupBy('status').select('status').count({ n: '*' })) as { status: string; n: string }[]).map(
        (c) => [c.status, Number(c.n)],
      ),
    );
    await trx('import_job').where({ id: jobId }).update({
      status: 'VALIDATED',
      // Once only: a later dry run (after a failure, or a mapping changed back) validates again.
      staged_validation: null,
      rows_done: job.rows_total,
      valid_rows: counts['VALID'] ?? 0,
      rejected: counts['REJECTED'] ?? 0,
      in_review: counts['REVIEW'] ?? 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      validated_at: trx.fn.now(),
      updated_at: trx.fn.now(),
    });
  });
  onProgress?.(job.rows_total, job.rows_total);
}

/** Validates every staged row again, in chunks, storing each outcome on its row. */
async function validateStaged(
  orm: MikroORM,
  actor: ImportActor,
  job: JobRow,
  reference: ReferenceData,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const check = rowChecker(job, actor, reference);
  let after = 0;
  let done = 0;
  try {
    for (;;) {
      const finished = await inImportTransaction(orm, actor, null, async (_em, trx) => {
        const rows = (await trx('import_row').where({ job_id: job.id }).andWhere('line', '>', after).orderBy('line').limit(CHUNK).select('line', 'cells')) as {
          line: number;
          cells: string[];
        }[];
        if (!rows.length) return true;
        const outcomes = rows.map((row) => ({ line: row.line, outcome: check(row.cells) }));
        await sqlRaw(
          trx,
          `update import_row r set status = x.status, records = x.records::jsonb, group_key = x.group_key, reason = x.reason
             from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(line, status, records, group_key, reason)
            where r.job_id = ? and r.line = x.line`,
          [
            outcomes.map((o) => o.line),
            outcomes.map((o) => o.outcome.status),
            outcomes.map((o) => ('records' in o.outcome ? JSON.stringify(o.outcome.records) : null)),
            outcomes.map((o) => ('groupKey' in o.outcome ? o.outcome.groupKey : null)),
            outcomes.map((o) => ('reason' in o.outcome ? o.outcome.reason : null)),
            job.id,
          ],
        );
        after = rows[rows.length - 1]!.line;
        done += rows.length;
        await trx('import_job').where({ id: job.id }).update({ rows_done: done, updated_at: trx.fn.now() });
        return false;
      });
      onProgress?.(done, job.rows_total);
      if (finished) break;
    }
  } catch (error) {
    await markFailed(orm, actor, job.id, 'Uji coba gagal karena kesalahan sistem; coba lagi.');
    throw error;
  }
}

export async function markFailed(orm: MikroORM, actor: ImportActor, jobId: string, message: string): Promise<void> {
  await inImportTransaction(orm, actor, null, (_em, trx) =>
    trx('import_job').where({ id: jobId }).update({ status: 'FAILED', message, updated_at: trx.fn.now() }),
  ).catch(() => undefined);
}
