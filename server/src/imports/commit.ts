import type { Knex } from '@mikro-orm/knex';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ConflictError } from '../graphql/errors.js';
import { compactSummaries } from '../analytics/summary-compaction.js';
import { deriveNeeds } from '../needs/need.service.js';
import { toDate } from './validation.js';
import { inImportTransaction, sqlRaw, type ImportActor } from './import-transaction.js';
import { markFailed, ownJob, type JobRow } from './dry-run.js';
import { mergeBatch, type BatchResult, type StagedRow } from './merge.js';

export interface CommitOptions {
  /** Households (DTSEN) or rows (other sources) per all-or-nothing batch. */
  batchSize: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Commits a validated job in all-or-nothing batches: each batch writes its records, their derived
 * needs, its provenance, its review entries, the staged rows' outcomes, the job's counters and one
 * IMPORT audit event in one transaction. A killed process leaves whole batches only; running the
 * commit again (or resuming at start-up) continues with the rows still marked VALID, so the end state
 * is the one of an uninterrupted run.
 */
/**
 * Starts the commit (in the caller's transaction) of a dry-run job, or resumes one that stopped. The
 * same file imported before does not stop it (it changes nothing), but the job says so.
 */
export async function beginCommit(trx: Knex.Transaction, actor: ImportActor, jobId: string): Promise<void> {
  const job = await ownJob(trx, actor, jobId);
  const resumable = job.status === 'FAILED' && (await trx('import_job').where({ id: jobId }).whereNotNull('validated_at').first('id'));
  if (job.status !== 'VALIDATED' && !resumable) {
    throw new ConflictError(
      job.status === 'COMMITTED' ? 'Impor ini sudah disimpan' : job.status === 'COMMITTING' ? 'Impor ini sedang disimpan' : 'Jalankan uji coba (dry run) dulu sebelum menyimpan',
      { field: 'jobId' },
    );
  }
  const previous = await trx('import_job')
    .where({ source: job.source, file_sha256: job.file_sha256, status: 'COMMITTED' })
    .whereNot({ id: jobId })
    .orderBy('committed_at', 'desc')
    .first('id', 'committed_at');
  await trx('import_job')
    .where({ id: jobId })
    .update({
      status: 'COMMITTING',
      duplicate_of_id: previous?.id ?? null,
      message: previous
        ? `Berkas yang sama sudah diimpor pada ${toDate(previous.committed_at)!.toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' })}; data yang sudah sama tidak diubah.`
        : null,
      ...(job.status === 'VALIDATED' ? { rows_done: 0 } : {}),
      updated_at: trx.fn.now(),
    });
}

/**
 * Commits a job in all-or-nothing batches: each batch writes its records, their derived needs, its
 * provenance, its review entries, the staged rows' outcomes, the job's counters and one IMPORT audit
 * event in one transaction. A killed process leaves whole batches only; running the commit again (or
 * resuming at start-up) continues with the rows still marked VALID, so the end state is the one of an
 * uninterrupted run. Batches of one job never overlap (an advisory lock per job).
 */
// What a constraint of the registry says to the person reading the error report.
const CONSTRAINT_REASONS: Record<string, string> = {
  person_one_head_per_household: '"Hubungan dengan Kepala Keluarga": keluarga ini sudah punya kepala keluarga',
  person_nik_key: '"NIK": sudah terdaftar untuk orang lain',
  household_kk_number_key: '"Nomor KK": sudah terdaftar (mungkin di luar wilayah Anda)',
  growth_measurement_person_id_measured_on_key: '"Tanggal Pengukuran": anak ini sudah punya pengukuran pada tanggal itu',
  intervention_once_per_period: '"Program": penyaluran ini sudah tercatat untuk periode tersebut',
};

const isConstraintViolation = (error: unknown) => typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('23');

/**
 * A batch in a savepoint; when the registry refuses it (a constraint the checks before could not see,
 * e.g. a row written meanwhile by someone else), each group again in a savepoint of its own, and the
 * groups still refused are rejected with the reason: one bad family never stops the file.
 */
async function mergeSafely(trx: Knex.Transaction, actor: ImportActor, job: JobRow, rows: StagedRow[]): Promise<BatchResult> {
  try {
    return await trx.transaction((savepoint) => mergeBatch(savepoint, actor, job, rows));
  } catch (error) {
    if (!isConstraintViolation(error)) throw error;
  }
  const result: BatchResult = { rows: [], householdIds: new Set(), newHouseholdIds: new Set(), personIds: new Set() };
  const groups = new Map<string, StagedRow[]>();
  for (const row of rows) (groups.get(row.group_key) ?? groups.set(row.group_key, []).get(row.group_key)!).push(row);
  for (const group of groups.values()) {
    try {
      const one = await trx.transaction((savepoint) => mergeBatch(savepoint, actor, job, group));
      result.rows.push(...one.rows);
      for (const id of one.householdIds) result.householdIds.add(id);
      for (const id of one.newHouseholdIds) result.newHouseholdIds.add(id);
      for (const id of one.personIds) result.personIds.add(id);
    } catch (error) {
      if (!isConstraintViolation(error)) throw error;
      const reason = CONSTRAINT_REASONS[(error as { constraint?: string }).constraint ?? ''] ?? 'bertentangan dengan data yang sudah terdaftar';
      for (const row of group) result.rows.push({ line: row.line, status: 'REJECTED', reason });
    }
  }
  return result;
}

export async function commitJob(orm: MikroORM, actor: ImportActor, jobId: string, options: CommitOptions): Promise<void> {
  const job = await inImportTransaction(orm, actor, null, async (_em, trx) => {
    const job = await ownJob(trx, actor, jobId);
    if (job.status !== 'COMMITTING') throw new ConflictError(`Impor ini berstatus ${job.status}`, { field: 'jobId' });
    return job;
  });
  try {
    await openReviewsFromValidation(orm, actor, job);
    // Lines before the cursor hold no VALID row any more (a run starts from the top: it may be a resumption).
    let cursor: number | null = 0;
    for (;;) {
      const after: number = cursor;
      cursor = await inImportTransaction(orm, actor, jobId, async (em, trx) => commitBatch(em, trx, actor, job, options.batchSize, after));
      if (options.onProgress) {
        const done = await inImportTransaction(orm, actor, null, (_em, trx) => trx('import_job').where({ id: jobId }).first('rows_done', 'rows_total'));
        options.onProgress(done.rows_done as number, done.rows_total as number);
      }
      if (cursor === null) break;
    }
  } catch (error) {
    await markFailed(orm, actor, jobId, 'Penyimpanan berhenti karena kesalahan sistem; batch yang sudah selesai tetap tersimpan. Jalankan lagi untuk melanjutkan.');
    throw error;
  }
  // The batches' summary deltas folded into one row per key now, not by the dashboard's next reads; before
  // the job says COMMITTED, so that whoever waits for that status finds the import's writes finished.
  await inImportTransaction(orm, actor, null, (_em, trx) => compactSummaries(trx));
  await inImportTransaction(orm, actor, jobId, (_em, trx) =>
    trx('import_job').where({ id: jobId }).update({ status: 'COMMITTED', committed_at: trx.fn.now(), updated_at: trx.fn.now() }),
  );
}

/** Rows the dry run already held for review (a damaged NIK, an ambiguous kelurahan) enter the queue. */
async function openReviewsFromValidation(orm: MikroORM, actor: ImportActor, job: JobRow): Promise<void> {
  await inImportTransaction(orm, actor, job.id, async (_em, trx) => {
    await sqlRaw(
        trx,
      `insert into import_review (id, job_id, source, file_name, line, kind, record, detail)
       select gen_random_uuid(), r.job_id, j.source, j.file_name, r.line,
              case when r.reason ilike '%NIK%' or r.reason ilike '%KK%' then 'DAMAGED_IDENTIFIER' else 'AMBIGUOUS_AREA' end,
              coalesce(r.records -> 0, '{}'::jsonb), r.reason
         from import_row r join import_job j on j.id = r.job_id where r.job_id = ? and r.status = 'REVIEW'
       on conflict (job_id, line, kind) do nothing`,
      [job.id],
    );
  });
}

/** One batch; returns the line up to which no VALID row is left, or null when the job has none. */
async function commitBatch(em: EntityManager, trx: Knex.Transaction, actor: ImportActor, job: JobRow, batchSize: number, after: number): Promise<number | null> {
  await sqlRaw(trx, 'select pg_advisory_xact_lock(hashtext(?))', [`sinergi.import.${job.id}`]);
  // Whole groups (a family's rows share its KK), the earliest first: walking the pending rows in line
  // order from the cursor, every row up to the new cursor belongs to a group taken (no rescan of the job).
  const window = (await trx('import_row')
    .where({ job_id: job.id, status: 'VALID' })
    .andWhere('line', '>', after)
    .orderBy('line')
    .limit(batchSize * 8)
    .select('line', 'group_key')) as { line: number; group_key: string }[];
  const keys = new Set<string>();
  let cursor = after;
  for (const row of window) {
    if (!keys.has(row.group_key)) {
      if (keys.size === batchSize) break;
      keys.add(row.group_key);
    }
    cursor = row.line;
  }
  if (!keys.size) return null;
  // The groups' rows by the pending index, key by key (`offset 0`): as one filter, the planner, with
  // statistics from before staging, read every pending row of the job in each batch.
  const rows = (await sqlRaw(
    trx,
    `select r.line, r.records, r.group_key
       from unnest(?::text[]) as k(key)
       cross join lateral (select i.line, i.records, i.group_key from import_row i
                            where i.job_id = ? and i.status = 'VALID' and i.group_key = k.key offset 0) r
      order by r.line`,
    [[...keys], job.id],
  )).rows as unknown as StagedRow[];
  const result = await mergeSafely(trx, actor, job, rows);
  // The outcomes by status, each a probe of the key per line: joined as sets, row-level security made
  // the planner expect a handful of the job's rows and it scanned them all (or nested-looped) per batch.
  const byStatus = new Map<string, number[]>();
  for (const r of result.rows) if (!r.reason) (byStatus.get(r.status) ?? byStatus.set(r.status, []).get(r.status)!).push(r.line);
  for (const [status, lines] of byStatus) {
    await sqlRaw(trx, `update import_row set status = ? where job_id = ? and line = any (?::int[])`, [status, job.id, lines]);
  }
  const withReason = result.rows.filter((r) => r.reason);
  if (withReason.length) {
    await sqlRaw(
      trx,
      `update import_row r set status = x.status, reason = x.reason
         from unnest(?::int[], ?::text[], ?::text[]) as x(line, status, reason)
        where r.job_id = ? and r.line = any (?::int[]) and r.line = x.line`,
      [withReason.map((r) => r.line), withReason.map((r) => r.status), withReason.map((r) => r.reason), job.id, withReason.map((r) => r.line)],
    );
  }
  const count = (status: string) => result.rows.filter((r) => r.status === status).length;
  await trx('import_job')
    .where({ id: job.id })
    .update({
      inserted: trx.raw('inserted + ?', [count('INSERTED')]),
      updated: trx.raw('updated + ?', [count('UPDATED')]),
      unchanged: trx.raw('unchanged + ?', [count('UNCHANGED')]),
      rejected: trx.raw('rejected + ?', [count('REJECTED')]),
      in_review: trx.raw('in_review + ?', [count('REVIEW')]),
      valid_rows: trx.raw('valid_rows - ?', [count('REJECTED') + count('REVIEW')]),
      rows_done: trx.raw('rows_done + ?', [rows.length]),
      updated_at: trx.fn.now(),
    });
  const changed = [...result.householdIds].filter((id) => !result.newHouseholdIds.has(id));
  if (changed.length) await deriveNeeds(em, changed);
  if (result.newHouseholdIds.size) await deriveNeeds(em, [...result.newHouseholdIds], { newHouseholds: true });
  const lines = rows.map((r) => r.line);
  await trx('audit_event').insert({
    actor_id: actor.viewer.userId,
    organization_id: actor.viewer.organizationId,
    role: actor.viewer.role,
    action: 'IMPORT',
    entity_type: 'ImportJob',
    entity_ids: [job.id, ...result.householdIds, ...result.personIds],
    new_values: JSON.stringify({
      source: job.source,
      lines: [Math.min(...lines), Math.max(...lines)],
      inserted: count('INSERTED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      rejected: count('REJECTED'),
      review: count('REVIEW'),
    }),
    request_id: actor.requestId,
    ip: actor.ip,
  });
  return cursor;
}
