import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DisclosureTier } from '../auth/disclosure.js';
import { CITY_TIME_ZONE, today } from '../config/clock.js';
import type { Context } from '../graphql/context.js';
import { CsvSeparator, toCsv } from '../graphql/csv.js';
import { AuditAction, Relation, Role } from '../graphql/enums.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { Household } from '../households/household.entity.js';
import { ExportLanguage } from '../households/household-export.js';
import { Person } from '../households/person.entity.js';
import { audit } from './audit.service.js';
import { AuditEvent } from './audit-event.entity.js';
import { PERSONAL_ENTITY_TYPES } from './personal-data.js';

registerEnumType(DisclosureTier, { name: 'DisclosureTier', description: 'How much personal data a response showed (the P3KE tiers)' });

export enum AuditSubjectKind {
  PERSON = 'PERSON',
  HOUSEHOLD = 'HOUSEHOLD',
}
registerEnumType(AuditSubjectKind, { name: 'AuditSubjectKind' });

@ObjectType({ description: 'A person or household an audit event names, by name' })
export class AuditSubject {
  @Field(() => ID)
  id!: string;

  @Field(() => AuditSubjectKind)
  kind!: AuditSubjectKind;

  @Field(() => String, { description: "A person's name; for a household, its head's (or the KK number when it has no head)" })
  name!: string;
}

@ObjectType({ description: "A data subject's processing trail as CSV (UU 27/2022 access request)" })
export class SubjectTrailExport {
  @Field(() => String)
  filename!: string;

  @Field(() => String, { description: 'text/csv; charset=utf-8' })
  contentType!: string;

  @Field(() => String, { description: 'The file: UTF-8 with a byte-order mark, CRLF line ends' })
  csv!: string;

  @Field(() => Int)
  rowCount!: number;
}

/** The tier a PII_READ event recorded; other events disclosed nothing by being read. */
export function eventTier(e: AuditEvent): DisclosureTier | null {
  const tier = e.action === AuditAction.PII_READ ? e.newValues?.['tier'] : undefined;
  return Object.values(DisclosureTier).includes(tier as DisclosureTier) ? (tier as DisclosureTier) : null;
}

/**
 * The people and households an event names, as far as the viewer may see them: the scoped loaders answer
 * null outside the viewer's scope, and such a subject stays an id.
 */
export async function eventSubjects(ctx: Context, e: AuditEvent): Promise<AuditSubject[]> {
  if (!PERSONAL_ENTITY_TYPES.has(e.entityType)) return [];
  const ids = e.entityIds.slice(0, 100);
  const [households, people] = await Promise.all([ctx.loaders.household.loadMany(ids), ctx.loaders.person.loadMany(ids)]);
  const out: AuditSubject[] = [];
  for (let i = 0; i < ids.length; i++) {
    const h = households[i];
    const p = people[i];
    if (p instanceof Person) out.push({ id: p.id, kind: AuditSubjectKind.PERSON, name: p.name });
    else if (h instanceof Household) {
      const members = await ctx.loaders.membersByHousehold.load(h.id);
      const head = members.find((m) => m.relation === Relation.HEAD);
      out.push({ id: h.id, kind: AuditSubjectKind.HOUSEHOLD, name: head?.name ?? h.kkNumber });
    }
  }
  return out;
}

/** The person with this NIK and the events naming them or their household in [from, to), newest first. */
export async function subjectEvents(ctx: Context, args: { nik: string; from?: Date; to?: Date }) {
  if (!/^\d{16}$/.test(args.nik)) throw new BadUserInputError('nik', 'must be 16 digits');
  if (args.from && args.to && args.to <= args.from) throw new BadUserInputError('to', 'must be after from');
  const person = await ctx.em.findOne(Person, { nik: args.nik });
  if (!person) throw new NotFoundError('Person', 'nik');
  const occurredAt: Record<string, Date> = {};
  if (args.from) occurredAt['$gte'] = args.from;
  if (args.to) occurredAt['$lt'] = args.to;
  const events = await ctx.em.find(
    AuditEvent,
    { entityIds: { $overlap: [person.id, person.household.id] }, ...(args.from || args.to ? { occurredAt } : {}) },
    { orderBy: { id: 'desc' }, limit: 10_000 },
  );
  return { person, events };
}

const HEADERS: Record<ExportLanguage, string[]> = {
  [ExportLanguage.ID]: ['Waktu (WIB)', 'Aksi', 'Jenis data', 'Subjek', 'Pengguna', 'Peran', 'Organisasi', 'Tingkat pengungkapan', 'Kolom berubah', 'ID permintaan'],
  [ExportLanguage.EN]: ['Time (WIB)', 'Action', 'Data type', 'Subjects', 'User', 'Role', 'Organisation', 'Disclosure tier', 'Changed fields', 'Request id'],
};

const ACTION_LABELS: Record<ExportLanguage, Record<AuditAction, string>> = {
  [ExportLanguage.ID]: {
    CREATE: 'Buat', UPDATE: 'Ubah', DELETE: 'Hapus', PII_READ: 'Baca data pribadi', LOGIN: 'Masuk', LOGIN_FAILED: 'Gagal masuk',
    LOGOUT: 'Keluar', EXPORT: 'Ekspor', IMPORT: 'Impor',
  },
  [ExportLanguage.EN]: {
    CREATE: 'Create', UPDATE: 'Update', DELETE: 'Delete', PII_READ: 'Personal data read', LOGIN: 'Login', LOGIN_FAILED: 'Failed login',
    LOGOUT: 'Logout', EXPORT: 'Export', IMPORT: 'Import',
  },
};

const ROLE_LABELS: Record<ExportLanguage, Record<Role, string>> = {
  [ExportLanguage.ID]: {
    ADMIN: 'Administrator', COORDINATOR: 'Koordinator (Bappeda)', AGENCY_STAFF: 'Staf perangkat daerah', KELURAHAN_OFFICER: 'Petugas kelurahan',
    NGO_PARTNER: 'Mitra LSM', PRIVATE_PARTNER: 'Mitra swasta (CSR)', AUDITOR: 'Auditor (Inspektorat)',
  },
  [ExportLanguage.EN]: {
    ADMIN: 'Administrator', COORDINATOR: 'Coordinator (Bappeda)', AGENCY_STAFF: 'Agency staff', KELURAHAN_OFFICER: 'Kelurahan officer',
    NGO_PARTNER: 'NGO partner', PRIVATE_PARTNER: 'Private partner (CSR)', AUDITOR: 'Auditor (Inspektorat)',
  },
};

const ENTITY_LABELS: Record<ExportLanguage, Record<string, string>> = {
  [ExportLanguage.ID]: {
    Household: 'Rumah tangga', Person: 'Anggota', PersonalData: 'Data pribadi', Intervention: 'Intervensi', GrowthMeasurement: 'Pengukuran pertumbuhan',
    PovertyAssessment: 'Penilaian kemiskinan', Assignment: 'Rujukan', IdentifierSearch: 'Pencarian NIK/KK', ImportReview: 'Tinjauan impor',
  },
  [ExportLanguage.EN]: {
    Household: 'Household', Person: 'Member', PersonalData: 'Personal data', Intervention: 'Intervention', GrowthMeasurement: 'Growth measurement',
    PovertyAssessment: 'Poverty assessment', Assignment: 'Referral', IdentifierSearch: 'NIK/KK search', ImportReview: 'Import review',
  },
};

const TIER_LABELS: Record<ExportLanguage, Record<DisclosureTier, string>> = {
  [ExportLanguage.ID]: { FULL: 'Penuh', MASKED: 'Tersamar', PARTNER_PRIVATE: 'Tersamar (mitra swasta)' },
  [ExportLanguage.EN]: { FULL: 'Full', MASKED: 'Masked', PARTNER_PRIVATE: 'Masked (private partner)' },
};

/** 07/03/2026 14:05 in Palangka Raya's time (WIB): the day first, as Indonesians write it. */
const wib = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/**
 * The trail of `subjectAccessTrail` as a CSV file for the data subject, in their language. Values of
 * changes are left out (they may name other people); the changed fields are listed. Audited as an EXPORT
 * naming the person and household, so the export shows in the trail it exported.
 */
export async function exportSubjectTrail(
  ctx: Context,
  args: { nik: string; from?: Date; to?: Date; language?: ExportLanguage; separator?: CsvSeparator },
): Promise<SubjectTrailExport> {
  const language = args.language ?? ExportLanguage.ID;
  const { person, events } = await subjectEvents(ctx, args);
  const rows: unknown[][] = [];
  for (const e of events) {
    const actor = e.actor ? await ctx.loaders.user.load(e.actor.id) : null;
    const organization = e.organization ? await ctx.loaders.organization.load(e.organization.id) : null;
    const subjects = await eventSubjects(ctx, e);
    const tier = eventTier(e);
    const changed = [...new Set([...Object.keys(e.oldValues ?? {}), ...Object.keys(e.newValues ?? {})])].sort();
    rows.push([
      `${wib.format(e.occurredAt).replace(',', '')} WIB`,
      ACTION_LABELS[language][e.action],
      ENTITY_LABELS[language][e.entityType] ?? e.entityType,
      subjects.map((s) => s.name).join(', '),
      actor ? `${actor.displayName} (${actor.username})` : '',
      e.role ? ROLE_LABELS[language][e.role] : '',
      organization?.name ?? '',
      tier ? TIER_LABELS[language][tier] : '',
      e.action === AuditAction.PII_READ ? '' : changed.join(', '),
      e.requestId ?? '',
    ]);
  }
  const csv = toCsv([HEADERS[language], ...rows], args.separator);
  audit(ctx.em, ctx, {
    action: AuditAction.EXPORT,
    entityType: 'Person',
    entityIds: [person.id, person.household.id],
    newValues: {
      format: 'CSV',
      kind: 'SUBJECT_TRAIL',
      rows: rows.length,
      from: args.from?.toISOString() ?? null,
      to: args.to?.toISOString() ?? null,
      separator: args.separator ?? CsvSeparator.COMMA,
      language,
    },
  });
  await ctx.em.flush();
  return {
    // No NIK in the name: downloaded files outlive the request.
    filename: `${language === ExportLanguage.EN ? 'access-trail' : 'jejak-akses'}-${today()}.csv`,
    contentType: 'text/csv; charset=utf-8',
    csv,
    rowCount: rows.length,
  };
}
