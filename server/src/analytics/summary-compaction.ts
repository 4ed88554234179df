import type { Knex } from '@mikro-orm/knex';

// The summaries' writers only append deltas (migrations 0021, 0022, 0023); each compaction folds them into one
// row per key without blocking writers, so that the dashboard's reads fold only what came since.
const COMPACTIONS = ['analytics_compact', 'coverage_compact', 'analytics_daily_compact'] as const;

/** Folds the appended deltas of every summary: after bulk writes (seed, import) and every minute in the server. */
export async function compactSummaries(knex: Knex): Promise<void> {
  for (const fn of COMPACTIONS) await knex.raw(`select ${fn}()`);
}
