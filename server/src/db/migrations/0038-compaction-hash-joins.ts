import { Migration } from '@mikro-orm/migrations';

/*
 * analytics_compact() joins CTEs of the pending deltas with what its inserts returned (0023, 0029). Their
 * row estimates come from the delta tables' statistics, taken whenever autovacuum last looked: after a
 * seed or an import, 140,000 pending rows known to the planner as a handful were paired in a nested loop
 * over two CTE scans, and one compaction of a 100,000-household seed ran for over 40 minutes. The function
 * joins only CTEs (its conflicts are resolved by the unique indexes, not by joins), so a hash or merge
 * join is right at any size: nested loops are off while it runs.
 */
export class Migration0038CompactionHashJoins extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter function analytics_compact() set enable_nestloop = off;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter function analytics_compact() reset enable_nestloop;`);
  }
}
