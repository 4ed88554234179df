import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded.js';
import { ENTITIES } from './entities.js';
import { installQueryDiscipline } from './query-discipline.js';
import { Migration0001InitialSchema } from './migrations/0001-initial-schema.js';
import { Migration0002AccessControl } from './migrations/0002-access-control.js';
import { Migration0003Needs } from './migrations/0003-needs.js';
import { Migration0004PovertyAssessments } from './migrations/0004-poverty-assessments.js';
import { Migration0005WritePolicies } from './migrations/0005-write-policies.js';
import { Migration0007ApiTokenExpiry } from './migrations/0007-api-token-expiry.js';
import { Migration0008Clock } from './migrations/0008-clock.js';
import { Migration0009PasswordHash } from './migrations/0009-password-hash.js';
import { Migration0010Imports } from './migrations/0010-imports.js';
import { Migration0011Register } from './migrations/0011-register.js';
import { Migration0012FieldWork } from './migrations/0012-field-work.js';
import { Migration0013ReferralConsent } from './migrations/0013-referral-consent.js';
import { Migration0015PartnerInterventions } from './migrations/0015-partner-interventions.js';
import { Migration0016ScopePlans } from './migrations/0016-scope-plans.js';
import { Migration0017AnalyticsSummaries } from './migrations/0017-analytics-summaries.js';
import { Migration0018MeasurementIdempotency } from './migrations/0018-measurement-idempotency.js';
import { Migration0019ImportStagedValidation } from './migrations/0019-import-staged-validation.js';
import { Migration0020OpenRequest } from './migrations/0020-open-request.js';
import { Migration0021CoverageSummaries } from './migrations/0021-coverage-summaries.js';
import { Migration0022DailySummaries } from './migrations/0022-daily-summaries.js';
import { Migration0023AnalyticsDeltas } from './migrations/0023-analytics-deltas.js';
import { Migration0024NarrowProvenance } from './migrations/0024-narrow-provenance.js';
import { Migration0026OverlapSummaries } from './migrations/0026-overlap-summaries.js';
import { Migration0027ListScale } from './migrations/0027-list-scale.js';
import { Migration0029ProgramAreaDeltas } from './migrations/0029-program-area-deltas.js';
import { Migration0031SummaryFastPaths } from './migrations/0031-summary-fast-paths.js';
import { Migration0032CoverageOpenRows } from './migrations/0032-coverage-open-rows.js';
import { Migration0033PartnerCaseload } from './migrations/0033-partner-caseload.js';
import { Migration0034CoverageHistoryMerge } from './migrations/0034-coverage-history-merge.js';
import { Migration0035HouseholdFilterCounts } from './migrations/0035-household-filter-counts.js';
import { Migration0036ImportTriggerJoins } from './migrations/0036-import-trigger-joins.js';
import { Migration0037HouseholdSearch } from './migrations/0037-household-search.js';
import { Migration0038CompactionHashJoins } from './migrations/0038-compaction-hash-joins.js';
import { Migration0040PartnerFilterCounts } from './migrations/0040-partner-filter-counts.js';
import { Migration0041ImportTriggerProbes } from './migrations/0041-import-trigger-probes.js';
import { Migration0042TriggerStatementCounts } from './migrations/0042-trigger-statement-counts.js';
import { Migration0044HouseholdSearchOnce } from './migrations/0044-household-search-once.js';
import { Migration0045OfficerSearchCandidates } from './migrations/0045-officer-search-candidates.js';
import { Migration0046PartnerCountStatementRows } from './migrations/0046-partner-count-statement-rows.js';
import { Migration0047PersonBirthDateCovering } from './migrations/0047-person-birth-date-covering.js';
import { Migration0050PartnerRole } from './migrations/0050-partner-role.js';

export const MIGRATIONS = [
  { name: '0001-initial-schema', class: Migration0001InitialSchema },
  { name: '0002-access-control', class: Migration0002AccessControl },
  { name: '0003-needs', class: Migration0003Needs },
  { name: '0004-poverty-assessments', class: Migration0004PovertyAssessments },
  { name: '0005-write-policies', class: Migration0005WritePolicies },
  { name: '0007-api-token-expiry', class: Migration0007ApiTokenExpiry },
  { name: '0008-clock', class: Migration0008Clock },
  { name: '0009-password-hash', class: Migration0009PasswordHash },
  { name: '0010-imports', class: Migration0010Imports },
  { name: '0011-register', class: Migration0011Register },
  { name: '0012-field-work', class: Migration0012FieldWork },
  { name: '0013-referral-consent', class: Migration0013ReferralConsent },
  { name: '0015-partner-interventions', class: Migration0015PartnerInterventions },
  { name: '0016-scope-plans', class: Migration0016ScopePlans },
  { name: '0017-analytics-summaries', class: Migration0017AnalyticsSummaries },
  { name: '0018-measurement-idempotency', class: Migration0018MeasurementIdempotency },
  { name: '0019-import-staged-validation', class: Migration0019ImportStagedValidation },
  { name: '0020-open-request', class: Migration0020OpenRequest },
  { name: '0021-coverage-summaries', class: Migration0021CoverageSummaries },
  { name: '0022-daily-summaries', class: Migration0022DailySummaries },
  { name: '0023-analytics-deltas', class: Migration0023AnalyticsDeltas },
  { name: '0024-narrow-provenance', class: Migration0024NarrowProvenance },
  { name: '0026-overlap-summaries', class: Migration0026OverlapSummaries },
  { name: '0027-list-scale', class: Migration0027ListScale },
  { name: '0029-program-area-deltas', class: Migration0029ProgramAreaDeltas },
  { name: '0031-summary-fast-paths', class: Migration0031SummaryFastPaths },
  { name: '0032-coverage-open-rows', class: Migration0032CoverageOpenRows },
  { name: '0033-partner-caseload', class: Migration0033PartnerCaseload },
  { name: '0034-coverage-history-merge', class: Migration0034CoverageHistoryMerge },
  { name: '0035-household-filter-counts', class: Migration0035HouseholdFilterCounts },
  { name: '0036-import-trigger-joins', class: Migration0036ImportTriggerJoins },
  { name: '0037-household-search', class: Migration0037HouseholdSearch },
  { name: '0038-compaction-hash-joins', class: Migration0038CompactionHashJoins },
  { name: '0040-partner-filter-counts', class: Migration0040PartnerFilterCounts },
  { name: '0041-import-trigger-probes', class: Migration0041ImportTriggerProbes },
  { name: '0042-trigger-statement-counts', class: Migration0042TriggerStatementCounts },
  { name: '0044-household-search-once', class: Migration0044HouseholdSearchOnce },
  { name: '0045-officer-search-candidates', class: Migration0045OfficerSearchCandidates },
  { name: '0046-partner-count-statement-rows', class: Migration0046PartnerCountStatementRows },
  { name: '0047-person-birth-date-covering', class: Migration0047PersonBirthDateCovering },
  { name: '0050-partner-role', class: Migration0050PartnerRole },
];

export const EMBEDDED_DATABASE_NAME = 'sinergi';

export interface SessionTimeouts {
  statementMs: number;
  idleInTransactionMs: number;
}

export function ormConfig(clientUrl: string, poolMax = 10, log: (line: string) => void = () => {}, timeouts?: SessionTimeouts) {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, warnWhenNoEntities: true },
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'schema_migration',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    // Entities are loaded per request; nothing should be flushed that a resolver did not ask for.
    allowGlobalContext: false,
    logger: log,
    debug: false,
    driverOptions: {
      // A failed statement's error message shows $1… placeholders, not the row values (kept out of logs).
      compileSqlOnError: false,
      // Set by the client at connect time, so they hold whatever role DATABASE_URL logs in as.
      ...(timeouts
        ? { connection: { statement_timeout: timeouts.statementMs, idle_in_transaction_session_timeout: timeouts.idleInTransactionMs } }
        : {}),
    },
  });
}

export interface Database {
  /** Connected as the application role: subject to row-level security. */
  orm: MikroORM;
  embedded?: EmbeddedDatabase;
  /** True when the database is the embedded one (demo data may be loaded automatically). */
  isEmbedded: boolean;
  /** Runs `fn` connected as the owner of the tables (migrations, the demo seed): not subject to row-level security. */
  asOwner<T>(fn: (orm: MikroORM) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class UnsafeDatabaseRoleError extends Error {}

/** The application's connection must not be able to skip row-level security. */
async function assertSubjectToRowLevelSecurity(orm: MikroORM): Promise<void> {
  const [role] = await orm.em.fork().getConnection().execute<Array<{ name: string; superuser: boolean; bypass: boolean; owns: boolean }>>(
    `select current_user as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
            pg_has_role(current_user, c.relowner, 'USAGE') as owns
       from pg_roles r, pg_class c
      where r.rolname = current_user and c.oid = 'public.household'::regclass`,
  );
  if (!role || role.superuser || role.bypass || role.owns) {
    throw new UnsafeDatabaseRoleError(
      `The application connects as "${role?.name}", which ${role?.owns ? 'owns the tables' : 'bypasses row-level security'}. ` +
        'Connect DATABASE_URL as a role that is a member of sinergi_app (not the owner, not a superuser, no BYPASSRLS) ' +
        'and run migrations through DATABASE_OWNER_URL; see "Using an external PostgreSQL" in the README.',
    );
  }
}

/**
 * Connects (starting the embedded PostgreSQL when no DATABASE_URL is set), runs pending migrations
 * as the owner, and opens the application's pool as the row-level-security-bound role.
 */
export async function createDatabase(
  config: Pick<
    Config,
    'DATABASE_URL' | 'DATABASE_OWNER_URL' | 'SINERGI_DATA_DIR' | 'DB_POOL_MAX' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'
  >,
  log: (line: string) => void = () => {},
  options: { attachEmbedded?: boolean } = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let appUrl: string;
  let ownerUrl: string;
  if (config.DATABASE_URL) {
    appUrl = config.DATABASE_URL;
    ownerUrl = config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres(config.SINERGI_DATA_DIR, log, { attach: options.attachEmbedded });
    ({ appUrl, ownerUrl } = await embedded.provisionDatabase(EMBEDDED_DATABASE_NAME));
  }
  const asOwner = async <T>(fn: (orm: MikroORM) => Promise<T>): Promise<T> => {
    const owner = await MikroORM.init(ormConfig(ownerUrl, 4, log));
    try {
      return await fn(owner);
    } finally {
      await owner.close(true);
    }
  };
  try {
    await asOwner((owner) => owner.getMigrator().up());
    const orm = await MikroORM.init(
      ormConfig(appUrl, config.DB_POOL_MAX, log, {
        statementMs: config.DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      }),
    );
    installQueryDiscipline(orm.em.getKnex());
    try {
      await assertSubjectToRowLevelSecurity(orm);
    } catch (error) {
      await orm.close(true);
      throw error;
    }
    return {
      orm,
      embedded,
      isEmbedded: Boolean(embedded),
      asOwner,
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
