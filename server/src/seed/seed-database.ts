// Streams the generated demo city into PostgreSQL: reference data first, then households in
// batches (one transaction per batch, multi-row INSERTs), so memory stays flat at any size.

import type { Knex } from '@mikro-orm/knex';
import { type Algorithm, hash } from '@node-rs/argon2';
import { DEFAULT_BATCH_SIZE, DEFAULT_HOUSEHOLDS, DEMO_SEED, DemoCity, type HouseholdBatch } from './demo-city.js';
import { compactSummaries } from '../analytics/summary-compaction.js';
import { stableUuid } from './random.js';
import { DEMO_PASSWORD } from './reference-data.js';

export const SEED_TABLES = [
  'area',
  'organization',
  'app_user',
  'program',
  'household',
  'poverty_assessment',
  'person',
  'growth_measurement',
  'assignment',
  'intervention',
  'indicator_value',
  'audit_event',
] as const;

export type SeedTable = (typeof SEED_TABLES)[number];

export interface SeedProgress {
  phase: 'reference' | 'households' | 'indicators' | 'analyze';
  done: number;
  total: number;
}

export interface SeedOptions {
  households?: number;
  seed?: number;
  /** Households generated and inserted per transaction (default 1,000). */
  batchSize?: number;
  /** Batch transactions in flight at once (default 2; each uses one pooled connection). */
  concurrency?: number;
  onProgress?: (p: SeedProgress) => void;
  /** The seeding day the city is generated around (YYYY-MM-DD); default: today by the application clock. */
  today?: string;
}

export interface SeedSummary {
  seed: number;
  today: string;
  households: number;
  /** Rows inserted per table (reference rows that already existed are not counted). */
  counts: Record<SeedTable, number>;
  elapsedMs: number;
}

export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}

// Algorithm.Argon2id. The package declares Algorithm as an ambient const enum, which isolatedModules
// cannot read, so the value is spelled out (the hash then starts with "$argon2id$").
export const ARGON2ID = 2 as Algorithm;

// PostgreSQL accepts at most 65,535 bind parameters per statement.
const MAX_BIND_PARAMETERS = 65_535;
const MAX_ROWS_PER_INSERT = 2_000;

/**
 * Loads the demo city into an empty, migrated database. Refuses (SeedRefusedError) when any
 * household exists, so it never mixes demo people into real data.
 */
export async function seedDemoCity(knex: Knex, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const households = options.households ?? DEFAULT_HOUSEHOLDS;
  const seed = options.seed ?? DEMO_SEED;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // Inside a caller's transaction there is a single connection: batches become savepoints, one at a time.
  const concurrency = knex.isTransaction ? 1 : Math.max(1, options.concurrency ?? 2);
  const progress = options.onProgress ?? (() => {});
  const city = new DemoCity({ households, seed, ...(options.today ? { today: options.today } : {}) });
  const counts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<SeedTable, number>;

  const existing = await knex('household').select('id').limit(1);
  if (existing.length > 0) {
    throw new SeedRefusedError('The database already has households; the demo city is only loaded into an empty database.');
  }

  // One hash for all demo users. The salt comes from the seed so two seeds are byte-identical;
  // that is acceptable only because the demo password is public anyway.
  const salt = Buffer.from(stableUuid('demo-password-salt', seed).replace(/-/g, ''), 'hex');
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: ARGON2ID, salt });

  progress({ phase: 'reference', done: 0, total: 4 });
  try {
    await knex.transaction(async (trx) => {
      // Reruns after a crash between the reference data and the first batch find the rows there.
      counts.area += await insertRows(trx, 'area', city.areas(), true);
      progress({ phase: 'reference', done: 1, total: 4 });
      counts.organization += await insertRows(trx, 'organization', city.organizations(), true);
      progress({ phase: 'reference', done: 2, total: 4 });
      counts.app_user += await insertRows(trx, 'app_user', city.users(passwordHash), true);
      progress({ phase: 'reference', done: 3, total: 4 });
      counts.program += await insertRows(trx, 'program', city.programRows(), true);
      progress({ phase: 'reference', done: 4, total: 4 });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new SeedRefusedError(
        'Reference data of the demo city collides with existing rows (an area code, organisation name, username or program name is taken by another id). Seed into an empty database.',
      );
    }
    throw error;
  }

  progress({ phase: 'households', done: 0, total: households });
  let done = 0;
  let failure: unknown = null;
  // A few batches in flight let PostgreSQL write one while the next is generated; memory stays
  // bounded by `concurrency` batches.
  const inFlight = new Set<Promise<void>>();
  for (const batch of city.householdBatches(batchSize)) {
    if (failure !== null) break;
    const task: Promise<void> = insertHouseholdBatch(knex, batch, counts)
      .then(
        () => {
          done += batch.households.length;
          progress({ phase: 'households', done, total: households });
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;

  progress({ phase: 'indicators', done: 0, total: 1 });
  await knex.transaction(async (trx) => {
    counts.indicator_value += await insertRows(trx, 'indicator_value', city.indicatorValues());
    // The load is an import like any other: it leaves one trace in the audit log.
    await trx('audit_event').insert({
      action: 'IMPORT',
      entity_type: 'DemoCity',
      entity_ids: [],
      new_values: JSON.stringify({ seed, households, counts }),
    });
    counts.audit_event += 1;
  });
  progress({ phase: 'indicators', done: 1, total: 1 });

  // Fresh statistics, so the first queries after a large load get sensible plans; the analytics
  // deltas of every batch folded into one row per key first, so that reads do not fold them.
  progress({ phase: 'analyze', done: 0, total: 1 });
  await compactSummaries(knex);
  await knex.raw('analyze');
  progress({ phase: 'analyze', done: 1, total: 1 });

  return { seed, today: city.calendar.today, households, counts, elapsedMs: Math.round(performance.now() - started) };
}

async function insertHouseholdBatch(knex: Knex, batch: HouseholdBatch, counts: Record<SeedTable, number>): Promise<void> {
  await knex.transaction(async (trx) => {
    // Each batch is all-or-nothing; waiting for the WAL flush of every commit buys nothing here.
    await trx.raw('set local synchronous_commit = off');
    const n = {
      household: await insertRows(trx, 'household', batch.households),
      poverty_assessment: await insertRows(trx, 'poverty_assessment', batch.povertyAssessments),
      person: await insertRows(trx, 'person', batch.persons),
      growth_measurement: await insertRows(trx, 'growth_measurement', batch.growthMeasurements),
      assignment: await insertRows(trx, 'assignment', batch.assignments),
      intervention: await insertRows(trx, 'intervention', batch.interventions),
    };
    // Counted once every statement succeeded; a failed commit fails the whole seed anyway.
    for (const [table, count] of Object.entries(n)) counts[table as SeedTable] += count;
  });
}

/** Multi-row INSERTs in chunks under the bind-parameter limit; returns the rows inserted. */
async function insertRows(trx: Knex.Transaction, table: SeedTable, rows: readonly object[], ignoreExistingIds = false): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!).length;
  const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_BIND_PARAMETERS / columns)));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += perInsert) {
    const chunk = rows.slice(i, i + perInsert).map(toDatabaseValues);
    if (ignoreExistingIds) {
      const result = await trx(table).insert(chunk).onConflict('id').ignore().returning('id');
      inserted += result.length;
    } else {
      await trx(table).insert(chunk);
      inserted += chunk.length;
    }
  }
  return inserted;
}

// jsonb columns need JSON text: the pg driver would turn a JS array into a PostgreSQL array.
const JSON_COLUMNS = new Set(['data_sources', 'boundary', 'old_values', 'new_values']);

function toDatabaseValues(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = JSON_COLUMNS.has(key) && value !== null ? JSON.stringify(value) : value;
  }
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
