import type { Knex } from '@mikro-orm/knex';
import { clockValues, SET_CLOCK_SQL } from '../config/clock.js';

// The summaries' writers only append deltas (migrations 0021, 0022, 0023, 0035, 0040); each compaction folds them into one
// row per key without blocking writers, so that the dashboard's and the list counts' reads fold only what came since.
const COMPACTIONS = ['analytics_compact', 'coverage_compact', 'analytics_daily_compact', 'household_filter_count_compact', 'partner_filter_count_compact'] as const;

/**
 * Folds the appended deltas of every summary: after bulk writes (seed, import) and every minute in the server.
 * Each runs in its own transaction on the application clock, as requests do: the coverage compaction cuts
 * open ranges at sinergi_today(), which would otherwise be the database's date, not a configured clock's.
 */
export async function compactSummaries(knex: Knex): Promise<void> {
  for (const fn of COMPACTIONS) {
    await knex.transaction(async (trx) => {
      await trx.raw(SET_CLOCK_SQL, clockValues());
      await trx.raw(`select ${fn}()`);
    });
  }
}
