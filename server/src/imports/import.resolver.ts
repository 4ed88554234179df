import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { audit } from '../audit/audit.service.js';
import { roleMay, userVisible } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, Role } from '../graphql/enums.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { requestKnex } from '../graphql/connection.js';
import type { Knex } from '@mikro-orm/knex';
import { beginCommit } from './commit.js';
import { beginDryRun, ownJob } from './dry-run.js';
import { importRunner } from './import-runner.js';
import type { ImportActor } from './import-transaction.js';
import { SOURCE_KEYS } from './import.types.js';
import {
  ImportColumnInput,
  ImportColumnMapping,
  ImportJob,
  ImportReview,
  ImportReviewDecision,
  ImportReviewStatus,
  ImportRowError,
  ImportSource,
  ImportSourceInfo,
} from './import.graphql.js';
import { reviewOf, resolveReview } from './review.js';
import { rememberMapping } from './staging.js';
import { SOURCES } from './sources/index.js';
import { isoDate, toDate } from './validation.js';
import { Row } from '../graphql/row.js';

const IMPORTERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER];
const JOB_READERS = [...IMPORTERS, Role.AUDITOR];
const REVIEW_READERS = [Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER, Role.AUDITOR];

export function actorOf(ctx: Context): ImportActor {
  return { viewer: ctx.viewer!, requestId: ctx.requestId, ip: ctx.ip };
}

export function jobOf(row: Record<string, unknown>): ImportJob {
  const job = new ImportJob();
  Object.assign(job, {
    id: row['id'],
    source: row['source'],
    fileName: row['file_name'],
    format: row['format'],
    sheet: row['sheet'] ?? null,
    status: row['status'],
    headers: row['headers'],
    mappingByKey: row['mapping'],
    sourceDate: isoDate(row['source_date']),
    rowsTotal: row['rows_total'],
    rowsDone: row['rows_done'],
    validRows: row['valid_rows'],
    inserted: row['inserted'],
    updated: row['updated'],
    unchanged: row['unchanged'],
    rejected: row['rejected'],
    inReview: row['in_review'],
    message: row['message'] ?? null,
    duplicateOfId: row['duplicate_of_id'] ?? null,
    createdById: row['created_by_id'],
    createdAt: toDate(row['created_at']),
    validatedAt: toDate(row['validated_at']),
    committedAt: toDate(row['committed_at']),
    errorReportUrl: `/import/jobs/${row['id'] as string}/errors.csv`,
  });
  return job;
}

/**
 * Who started a dry run or a commit, and when: the request's own event. The commit's batches write
 * their IMPORT events (naming the records) later, under the same request id.
 */
async function auditStart(ctx: Context, jobId: string, step: 'dryRun' | 'commit'): Promise<void> {
  audit(ctx.em, ctx, { action: AuditAction.UPDATE, entityType: 'ImportJob', entityIds: [jobId], newValues: { step, status: step === 'dryRun' ? 'VALIDATING' : 'COMMITTING' } });
  await ctx.em.flush();
}

@Resolver(() => ImportJob)
export class ImportResolver {
  @Authorized()
  @Query(() => [ImportSourceInfo], { description: 'The import sources, their templates and whether the viewer may import each' })
  importSources(@Ctx() ctx: Context): ImportSourceInfo[] {
    return SOURCE_KEYS.map((key) => ({
      source: key as ImportSource,
      key,
      label: SOURCES[key].label,
      description: SOURCES[key].description,
      columns: SOURCES[key].columns.map((c) => ({ key: c.key, header: c.header, required: c.required, description: c.description, example: c.example })),
      mayImport: roleMay(ctx.viewer, `import.${key}`),
    }));
  }

  @Authorized(JOB_READERS)
  @Query(() => [ImportJob], { description: 'Import jobs, newest first: your own (coordinators, administrators and auditors: all)' })
  async importJobs(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: Context): Promise<ImportJob[]> {
    if (first < 1 || first > 100) throw new BadUserInputError('first', 'must be between 1 and 100');
    const rows = (await requestKnex(ctx.em)('import_job').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(first).select('*')) as Record<string, unknown>[];
    return rows.map(jobOf);
  }

  @Authorized(JOB_READERS)
  @Query(() => ImportJob, { nullable: true })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob | null> {
    const row = (await requestKnex(ctx.em)('import_job').where({ id }).first()) as Record<string, unknown> | undefined;
    return row ? jobOf(row) : null;
  }

  @Authorized(REVIEW_READERS)
  @Query(() => [ImportReview], { description: 'Uncertain matches of imports, oldest first (kelurahan officers: their area)' })
  async importReviews(
    @Arg('status', () => ImportReviewStatus, { defaultValue: ImportReviewStatus.OPEN }) status: ImportReviewStatus,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ImportReview[]> {
    if (first < 1 || first > 100) throw new BadUserInputError('first', 'must be between 1 and 100');
    const knex = requestKnex(ctx.em) as Knex.Transaction;
    const rows = (await knex('import_review')
      .where('status', status)
      .orderBy([{ column: 'created_at', order: status === ImportReviewStatus.OPEN ? 'asc' : 'desc' }, { column: 'id' }])
      .limit(first)
      .select('*')) as Record<string, unknown>[];
    return Promise.all(rows.map((row) => reviewOf(knex, row)));
  }

  @Authorized(IMPORTERS)
  @Mutation(() => ImportJob, { description: "Maps the file's columns (0-based) to the template's keys; remembered for the source" })
  async setImportMapping(
    @Arg('jobId', () => ID) jobId: string,
    @Arg('columns', () => [ImportColumnInput]) columns: ImportColumnInput[],
    @Ctx() ctx: Context,
  ): Promise<ImportJob> {
    const trx = requestKnex(ctx.em) as Knex.Transaction;
    const actor = actorOf(ctx);
    const job = await ownJob(trx, actor, jobId);
    if (!['UPLOADED', 'VALIDATED', 'FAILED'].includes(job.status) || (job.status === 'FAILED' && (await trx('import_job').where({ id: jobId }).whereNotNull('validated_at').first('id')))) {
      throw new BadUserInputError('jobId', 'kolom hanya dapat dipetakan sebelum impor disimpan');
    }
    const keys = new Set(SOURCES[job.source].columns.map((c) => c.key));
    const mapping: Record<string, number | null> = { ...job.mapping };
    const used = new Map<number, string>();
    columns.forEach((c, i) => {
      if (!keys.has(c.key)) throw new BadUserInputError(`columns.${i}.key`, `bukan kolom templat ${job.source}`);
      const column = c.column ?? null;
      if (column !== null && (!Number.isInteger(column) || column < 0 || column >= job.headers.length)) {
        throw new BadUserInputError(`columns.${i}.column`, `harus 0–${job.headers.length - 1}`);
      }
      mapping[c.key] = column;
    });
    for (const [key, column] of Object.entries(mapping)) {
      if (column === null) continue;
      if (used.has(column)) throw new BadUserInputError('columns', `kolom "${job.headers[column]}" dipetakan dua kali (${used.get(column)}, ${key})`);
      used.set(column, key);
    }
    await trx('import_job').where({ id: jobId }).update({ mapping: JSON.stringify(mapping), status: job.status === 'VALIDATED' ? 'UPLOADED' : job.status, updated_at: trx.fn.now() });
    await rememberMapping(trx, actor, job.source, job.headers, mapping);
    audit(ctx.em, ctx, { action: AuditAction.UPDATE, entityType: 'ImportJob', entityIds: [jobId], oldValues: { mapping: job.mapping }, newValues: { mapping } });
    await ctx.em.flush();
    return jobOf((await trx('import_job').where({ id: jobId }).first()) as Record<string, unknown>);
  }

  @Authorized(IMPORTERS)
  @Mutation(() => ImportJob, { description: 'Dry run: checks every row in the background (status VALIDATING, then VALIDATED); writes nothing to the registry' })
  async validateImport(@Arg('jobId', () => ID) jobId: string, @Ctx() ctx: Context): Promise<ImportJob> {
    const trx = requestKnex(ctx.em) as Knex.Transaction;
    await beginDryRun(trx, actorOf(ctx), jobId);
    await auditStart(ctx, jobId, 'dryRun');
    importRunner().afterCommit(ctx, actorOf(ctx), jobId, 'dryRun');
    return jobOf((await trx('import_job').where({ id: jobId }).first()) as Record<string, unknown>);
  }

  @Authorized(IMPORTERS)
  @Mutation(() => ImportJob, { description: 'Commits a dry-run job in the background in all-or-nothing batches (status COMMITTING, then COMMITTED); resumes a stopped one' })
  async commitImport(@Arg('jobId', () => ID) jobId: string, @Ctx() ctx: Context): Promise<ImportJob> {
    const trx = requestKnex(ctx.em) as Knex.Transaction;
    await beginCommit(trx, actorOf(ctx), jobId);
    await auditStart(ctx, jobId, 'commit');
    importRunner().afterCommit(ctx, actorOf(ctx), jobId, 'commit');
    return jobOf((await trx('import_job').where({ id: jobId }).first()) as Record<string, unknown>);
  }

  @Authorized([Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER])
  @Mutation(() => ImportReview, { description: 'Resolves an uncertain match: merge into the existing record, keep as new, or dismiss' })
  async resolveImportReview(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ImportReviewDecision) decision: ImportReviewDecision,
    @Ctx() ctx: Context,
  ): Promise<ImportReview> {
    const review = await resolveReview(ctx, id, decision);
    if (!review) throw new NotFoundError('ImportReview', 'id');
    return review;
  }

  @FieldResolver(() => [ImportColumnMapping], { description: "The template's columns and the file's column mapped to each" })
  mapping(@Row() job: ImportJob): ImportColumnMapping[] {
    return SOURCES[job.source].columns.map((c) => {
      const column = job.mappingByKey[c.key] ?? null;
      return { key: c.key, header: c.header, required: c.required, column, fileHeader: column === null ? null : (job.headers[column] ?? null) };
    });
  }

  @FieldResolver(() => ImportJob, { nullable: true, description: 'An earlier import of the same file' })
  async duplicateOf(@Row() job: ImportJob, @Ctx() ctx: Context): Promise<ImportJob | null> {
    if (!job.duplicateOfId) return null;
    const row = (await requestKnex(ctx.em)('import_job').where({ id: job.duplicateOfId }).first()) as Record<string, unknown> | undefined;
    return row ? jobOf(row) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who started the import (when the viewer may see that account)' })
  async createdByName(@Row() job: ImportJob, @Ctx() ctx: Context): Promise<string | null> {
    const user = await ctx.loaders.user.load(job.createdById);
    return user && userVisible(ctx.viewer, { id: user.id, organizationId: user.organization.id }) ? user.displayName : null;
  }

  @FieldResolver(() => [ImportRowError], { description: 'The first rejected rows, by line' })
  async firstErrors(@Row() job: ImportJob, @Arg('first', () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: Context): Promise<ImportRowError[]> {
    if (first < 1 || first > 200) throw new BadUserInputError('first', 'must be between 1 and 200');
    return (await requestKnex(ctx.em)('import_row')
      .where({ job_id: job.id, status: 'REJECTED' })
      .orderBy('line')
      .limit(first)
      .select('line', 'reason')) as ImportRowError[];
  }
}
