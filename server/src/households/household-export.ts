import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { audit } from '../audit/audit.service.js';
import { disclosureTier, kkNumber, mayReadAddress } from '../auth/disclosure.js';
import { scopeHouseholds } from '../auth/scope-sql.js';
import { sql } from '../graphql/connection.js';
import { CsvSeparator, toCsv } from '../graphql/csv.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, type NeedType, PovertyStatus, SortDirection, VerificationStatus } from '../graphql/enums.js';
import { BadUserInputError } from '../graphql/errors.js';
import { } from '../graphql/validate.js';
import { type HouseholdFilter, type HouseholdOrder, HouseholdOrderField } from './household.inputs.js';
import { applyFilter, ORDER_COLUMNS } from './household.service.js';
import type { IdentifierSearchGuard } from './identifier-search.js';
import { today } from '../config/clock.js';

/** One export is one response: beyond this the caller narrows the filter (or uses the API in pages). */
export const EXPORT_ROW_LIMIT = 50_000;

export enum ExportLanguage {
  ID = 'ID',
  EN = 'EN',
}
registerEnumType(ExportLanguage, { name: 'ExportLanguage', description: 'Language of the CSV headers and labels' });

@ObjectType({ description: 'A CSV file of households, with the same scope and masking as the API' })
export class HouseholdExport {
  @Field(() => String)
  filename!: string;

  @Field(() => String, { description: 'text/csv; charset=utf-8' })
  contentType!: string;

  @Field(() => String, { description: 'The file: UTF-8 with a byte-order mark (for spreadsheet programs), CRLF line ends' })
  csv!: string;

  @Field(() => Int)
  rowCount!: number;
}

const HEADERS: Record<ExportLanguage, string[]> = {
  [ExportLanguage.ID]: [
    'No. KK', 'Kepala keluarga', 'Kecamatan', 'Kelurahan', 'Alamat', 'RT', 'RW', 'Desil', 'Status kemiskinan',
    'Status verifikasi', 'Jumlah anggota', 'Kebutuhan belum terpenuhi', 'Jenis kebutuhan belum terpenuhi',
    'Diperbarui',
  ],
  [ExportLanguage.EN]: [
    'KK number', 'Head of household', 'Kecamatan', 'Kelurahan', 'Address', 'RT', 'RW', 'Decile', 'Poverty status',
    'Verification status', 'Members', 'Unmet needs', 'Unmet need types', 'Updated',
  ],
};

const POVERTY_LABELS: Record<ExportLanguage, Record<PovertyStatus, string>> = {
  [ExportLanguage.ID]: {
    EXTREME_POOR: 'Miskin ekstrem', POOR: 'Miskin', VULNERABLE: 'Rentan', NOT_POOR: 'Tidak miskin', GRADUATED: 'Lulus (graduasi)',
  },
  [ExportLanguage.EN]: {
    EXTREME_POOR: 'Extreme poor', POOR: 'Poor', VULNERABLE: 'Vulnerable', NOT_POOR: 'Not poor', GRADUATED: 'Graduated',
  },
};

const VERIFICATION_LABELS: Record<ExportLanguage, Record<VerificationStatus, string>> = {
  [ExportLanguage.ID]: { UNVERIFIED: 'Belum diverifikasi', VERIFIED: 'Terverifikasi', NEEDS_UPDATE: 'Perlu pembaruan' },
  [ExportLanguage.EN]: { UNVERIFIED: 'Unverified', VERIFIED: 'Verified', NEEDS_UPDATE: 'Needs update' },
};

// As the portal labels needs (web/src/i18n), so an Indonesian file has no English codes.
const NEED_LABELS: Record<ExportLanguage, Record<NeedType, string>> = {
  [ExportLanguage.ID]: {
    STUNTING: 'Stunting', NUTRITION_RISK: 'Risiko gizi', HEALTH_INSURANCE: 'Jaminan kesehatan', SCHOOLING: 'Sekolah', HOUSING: 'Rumah layak',
    WATER: 'Air minum', SANITATION: 'Sanitasi', ELECTRICITY: 'Listrik', INCOME: 'Pendapatan', FOOD: 'Pangan',
  },
  [ExportLanguage.EN]: {
    STUNTING: 'Stunting', NUTRITION_RISK: 'Nutrition risk', HEALTH_INSURANCE: 'Health insurance', SCHOOLING: 'Schooling', HOUSING: 'Decent housing',
    WATER: 'Drinking water', SANITATION: 'Sanitation', ELECTRICITY: 'Electricity', INCOME: 'Income', FOOD: 'Food',
  },
};

interface ExportRow {
  id: string;
  kk_number: string;
  head_name: string | null;
  kecamatan: string | null;
  kelurahan: string;
  address: string;
  rt: string | null;
  rw: string | null;
  welfare_decile: number;
  poverty_status: PovertyStatus;
  verification_status: VerificationStatus;
  members: number;
  unmet: number;
  unmet_types: NeedType[] | null;
  updated_at: Date;
}

/**
 * The households of the current list view as CSV, in one statement: the same filter, order and scope as
 * `households`, identifiers masked and addresses withheld as for the API. The export is audited with its
 * filter and every household in it, so a subject-access request shows who took their data out.
 */
export async function exportHouseholds(
  ctx: Context,
  args: { filter?: HouseholdFilter; orderBy?: HouseholdOrder; language?: ExportLanguage; separator?: CsvSeparator },
  searchGuard: IdentifierSearchGuard,
): Promise<HouseholdExport> {
  const { em } = ctx;
  const knex = em.getKnex();
  await searchGuard.check(ctx, args.filter, 'exportHouseholds', () =>
    scopeHouseholds(knex, applyFilter(knex, sql(em, 'household as h'), args.filter, ctx.viewer), ctx.viewer).select('h.id'),
  );
  const language = args.language ?? ExportLanguage.ID;
  const order = ORDER_COLUMNS[args.orderBy?.field ?? HouseholdOrderField.KK_NUMBER];
  const direction = args.orderBy?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const query = scopeHouseholds(knex, applyFilter(knex, sql(em, 'household as h'), args.filter, ctx.viewer), ctx.viewer)
    .join('area as kel', 'kel.id', 'h.area_id')
    .leftJoin('area as kec', 'kec.id', 'kel.parent_id')
    .select(
      'h.id', 'h.kk_number', 'h.address', 'h.rt', 'h.rw', 'h.welfare_decile', 'h.poverty_status', 'h.verification_status',
      'h.updated_at', 'kel.name as kelurahan', 'kec.name as kecamatan',
      knex.raw(`(select p.name from person p where p.household_id = h.id and p.relation = 'HEAD' and p.left_on is null) as head_name`),
      knex.raw(`(select count(*)::int from person p where p.household_id = h.id and p.left_on is null) as members`),
      knex.raw(`(select count(*)::int from household_need_status n where n.household_id = h.id and n.status = 'UNMET') as unmet`),
      knex.raw(
        `(select array_agg(distinct n.need_type order by n.need_type) from household_need_status n
           where n.household_id = h.id and n.status = 'UNMET') as unmet_types`,
      ),
    )
    .orderBy([{ column: order.column, order: direction }, { column: 'h.id', order: direction }])
    // One row more than allowed tells that the view is too large, without counting it separately.
    .limit(EXPORT_ROW_LIMIT + 1);
  const rows = (await query) as ExportRow[];
  if (rows.length > EXPORT_ROW_LIMIT) {
    throw new BadUserInputError(
      'filter',
      `the view has more than ${EXPORT_ROW_LIMIT} households; narrow the filter (for example to one kecamatan) and export again`,
    );
  }

  const withAddress = mayReadAddress(ctx);
  const records = rows.map((r) => [
    kkNumber(ctx, r.kk_number),
    r.head_name ?? '',
    r.kecamatan ?? '',
    r.kelurahan,
    withAddress ? r.address : '',
    withAddress ? (r.rt ?? '') : '',
    withAddress ? (r.rw ?? '') : '',
    r.welfare_decile,
    POVERTY_LABELS[language][r.poverty_status],
    VERIFICATION_LABELS[language][r.verification_status],
    r.members,
    r.unmet,
    (r.unmet_types ?? []).map((n) => NEED_LABELS[language][n]).join('; '),
    new Date(r.updated_at).toISOString(),
  ]);
  const csv = toCsv([HEADERS[language], ...records], args.separator);

  audit(em, ctx, {
    action: AuditAction.EXPORT,
    entityType: 'Household',
    entityIds: rows.map((r) => r.id),
    newValues: {
      format: 'CSV',
      separator: args.separator ?? CsvSeparator.COMMA,
      rows: rows.length,
      filter: args.filter ? JSON.parse(JSON.stringify(args.filter)) : null,
      orderBy: args.orderBy ? JSON.parse(JSON.stringify(args.orderBy)) : null,
      tier: disclosureTier(ctx.viewer),
      address: withAddress,
    },
  });
  await em.flush();

  return {
    filename: `${language === ExportLanguage.EN ? 'households' : 'rumah-tangga'}-${today()}.csv`,
    contentType: 'text/csv; charset=utf-8',
    csv,
    rowCount: rows.length,
  };
}
