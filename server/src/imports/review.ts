import type { Knex } from '@mikro-orm/knex';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, type Relation } from '../graphql/enums.js';
import { BadUserInputError, ConflictError } from '../graphql/errors.js';
import { requestKnex } from '../graphql/connection.js';
import { Household } from '../households/household.entity.js';
import { validatePerson } from '../households/household.service.js';
import { Person } from '../households/person.entity.js';
import { deriveNeeds } from '../needs/need.service.js';
import { now } from '../config/clock.js';
import { ImportReview, ImportReviewDecision, ImportReviewStatus } from './import.graphql.js';
import type { DtsenRecord } from './sources/index.js';
import { isoDate, toDate } from './validation.js';

export const REVIEW_KINDS: Record<string, string> = {
  NIK_DIFFERENT_PERSON: 'NIK sama, nama atau tanggal lahir berbeda',
  NIK_OTHER_KK: 'NIK sudah terdaftar di KK lain',
  NEAR_DUPLICATE: 'Kemungkinan orang yang sama (NIK berbeda)',
  KK_CONFLICT: 'Nomor KK terdaftar dengan kepala keluarga lain',
  DAMAGED_IDENTIFIER: 'NIK/KK rusak di berkas (mis. diubah Excel)',
  AMBIGUOUS_AREA: 'Kelurahan tidak pasti',
};

// The fields shown side by side, as [label, key in the incoming record, column of the existing person].
const COMPARED: [string, string, string][] = [
  ['NIK', 'nik', 'nik'],
  ['Nama', 'name', 'name'],
  ['Jenis kelamin', 'sex', 'sex'],
  ['Tanggal lahir', 'birthDate', 'birth_date'],
  ['Hubungan', 'relation', 'relation'],
  ['Nomor KK', 'kkNumber', 'kk_number'],
  ['Alamat', 'address', 'address'],
];

const text = (v: unknown): string | null => (v === undefined || v === null ? null : v instanceof Date ? isoDate(v) : String(v));

export async function reviewOf(knex: Knex | Knex.Transaction, row: Record<string, unknown>): Promise<ImportReview> {
  const record = (row['record'] ?? {}) as Record<string, unknown>;
  const existing = row['person_id']
    ? ((await knex('person as p').join('household as h', 'h.id', 'p.household_id').where('p.id', row['person_id'] as string).first('p.*', 'h.kk_number', 'h.address')) as
        | Record<string, unknown>
        | undefined)
    : undefined;
  const review = new ImportReview();
  Object.assign(review, {
    id: row['id'],
    jobId: row['job_id'],
    fileName: row['file_name'] ?? '',
    line: row['line'],
    kind: row['kind'],
    kindLabel: REVIEW_KINDS[row['kind'] as string] ?? (row['kind'] as string),
    detail: row['detail'],
    status: row['status'],
    values: COMPARED.filter(([, key, column]) => record[key] !== undefined || existing?.[column] !== undefined).map(([label, key, column]) => ({
      label,
      incoming: text(record[key]),
      existing: text(existing?.[column]),
    })),
    householdId: row['household_id'] ?? null,
    personId: row['person_id'] ?? null,
    createdAt: toDate(row['created_at']),
    resolvedAt: toDate(row['resolved_at']),
  });
  return review;
}

const STATUS_OF: Record<ImportReviewDecision, ImportReviewStatus> = {
  [ImportReviewDecision.MERGE]: ImportReviewStatus.MERGED,
  [ImportReviewDecision.KEEP_NEW]: ImportReviewStatus.KEPT_NEW,
  [ImportReviewDecision.DISMISS]: ImportReviewStatus.DISMISSED,
};

/**
 * Applies a reviewer's decision, with the API's rules for a member: MERGE writes the file's values onto
 * the existing person (moving them to the file's KK when that was the doubt); KEEP_NEW registers the
 * incoming person in the file's KK (only when their NIK is free); DISMISS leaves the registry as is.
 * A review outside the viewer's scope is not found.
 */
export async function resolveReview(ctx: Context, id: string, decision: ImportReviewDecision): Promise<ImportReview | null> {
  const knex = requestKnex(ctx.em) as Knex.Transaction;
  const row = (await knex('import_review').where({ id }).first()) as
    | Record<string, unknown>
    | undefined;
  if (!row) return null;
  if (row['status'] !== ImportReviewStatus.OPEN) throw new ConflictError('Peninjauan ini sudah diselesaikan', { field: 'id' });
  const kind = row['kind'] as string;
  const record = row['record'] as DtsenRecord;
  let change: PersonChange | undefined;
  if (decision !== ImportReviewDecision.DISMISS) {
    if (row['source'] !== 'dtsen' || kind === 'DAMAGED_IDENTIFIER' || kind === 'AMBIGUOUS_AREA') {
      throw new BadUserInputError('decision', 'baris ini hanya dapat diabaikan; perbaiki berkasnya lalu impor ulang');
    }
    if (decision === ImportReviewDecision.KEEP_NEW && kind !== 'NEAR_DUPLICATE') {
      throw new BadUserInputError('decision', 'NIK ini sudah dipakai orang yang terdaftar: gabungkan atau abaikan');
    }
    await knex.raw(`select set_config('sinergi.import_review', ?, true)`, [id]);
    change = await apply(ctx, row, record, decision);
  }
  await knex('import_review').where({ id }).update({ status: STATUS_OF[decision], resolved_by_id: ctx.viewer!.userId, resolved_at: now() });
  // One event for the decision and what it did to the person (a mutation's own event is one).
  const named = [row['person_id'], row['household_id'], ...(change?.entityIds ?? [])].filter((v): v is string => typeof v === 'string');
  audit(ctx.em, ctx, {
    action: AuditAction.UPDATE,
    entityType: 'ImportReview',
    entityIds: [...new Set([id, ...named])],
    oldValues: change?.oldValues ? { person: change.oldValues } : null,
    newValues: { decision, kind, ...(change ? { person: change.newValues } : {}) },
  });
  await ctx.em.flush();
  return reviewOf(knex, { ...row, status: STATUS_OF[decision], resolved_at: now() });
}

/** What a decision did to the registry, for the review's audit event. */
interface PersonChange {
  entityIds: string[];
  oldValues?: Record<string, unknown>;
  newValues: Record<string, unknown>;
}

async function apply(ctx: Context, row: Record<string, unknown>, record: DtsenRecord, decision: ImportReviewDecision): Promise<PersonChange> {
  const em = ctx.em;
  const target = record.kkNumber ? await em.findOne(Household, { kkNumber: record.kkNumber }) : null;
  const fields = {
    nik: record.nik,
    name: record.name,
    sex: record.sex,
    birthDate: record.birthDate,
    relation: record.relation as Relation,
    educationLevel: record.educationLevel,
    schoolEnrolled: record.schoolEnrolled,
    occupation: record.occupation,
    employmentStatus: record.employmentStatus,
    jknStatus: record.jknStatus,
    disability: record.disability,
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  validatePerson('record.', { ...defined } as never);
  try {
    // A new member of a KK registered with another head: merging adds them to that family.
    if (decision === ImportReviewDecision.KEEP_NEW || (row['kind'] === 'KK_CONFLICT' && !row['person_id'])) {
      if (!target) throw new BadUserInputError('decision', 'KK di berkas belum terdaftar; impor keluarganya dulu');
      const person = em.create(Person, { ...defined, household: target } as Person);
      await em.flush();
      await deriveNeeds(em, [target.id]);
      return { entityIds: [person.id, target.id], newValues: snapshot(person) };
    }
    const person = await em.findOne(Person, { id: row['person_id'] as string });
    if (!person) throw new ConflictError('Orang yang dibandingkan sudah tidak ada', { field: 'id' });
    const before = snapshot(person);
    const from = person.household.id;
    if (row['kind'] === 'NIK_OTHER_KK' || row['kind'] === 'KK_CONFLICT') {
      if (!target) throw new BadUserInputError('decision', 'KK di berkas belum terdaftar; impor keluarganya dulu');
      person.household = target;
    }
    // The person keeps their NIK: a near duplicate merged is the same person under the registered NIK.
    const { nik: _nik, ...rest } = defined;
    em.assign(person, row['kind'] === 'NEAR_DUPLICATE' ? rest : defined);
    await em.flush();
    // The provenance is scoped by household: it moves with the person.
    if (person.household.id !== from) {
      await requestKnex(em)('field_provenance').where({ entity_id: person.id }).update({ household_id: person.household.id });
    }
    await deriveNeeds(em, [...new Set([from, person.household.id])]);
    return { entityIds: [person.id, from, person.household.id], ...difference(before, snapshot(person)) };
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError('Keluarga tujuan sudah punya kepala keluarga atau NIK sudah dipakai', { field: 'decision' });
    }
    throw error;
  }
}
