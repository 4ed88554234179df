import { Migration } from '@mikro-orm/migrations';

/**
 * An import's outcome writes no longer copy the staged row (issue 10 item 9).
 *
 * The commit sets each staged row's outcome (VALID → INSERTED, UPDATED, UNCHANGED, REJECTED or REVIEW).
 * `status` was a key of `import_row_status_idx` and the predicate of `import_row_pending_idx`, so no such
 * update could be HOT: each wrote a new copy of the wide row (the cells and records as jsonb) on another
 * page, to the WAL in full, plus an entry in every index, and left the old one to autovacuum. No index
 * now names `status`, and the table's pages keep half their space free, so the new version of a row fits
 * on its page (a batch updates a page's rows in one transaction, so all of them need the room at once)
 * and PostgreSQL logs only the bytes that changed. The readers by status walk the job's rows by line
 * (the primary key): the commit from its cursor, the error report by page, the counts once per dry run;
 * a batch reads its families' rows by key from `import_row_group_idx`.
 */
export class Migration0048ImportRowHotOutcomes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index import_row_pending_idx;`);
    this.addSql(`drop index import_row_status_idx;`);
    this.addSql(`create index import_row_group_idx on import_row (job_id, group_key);`);
    this.addSql(`alter table import_row set (fillfactor = 50);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table import_row reset (fillfactor);`);
    this.addSql(`drop index import_row_group_idx;`);
    this.addSql(`create index import_row_pending_idx on import_row (job_id, group_key) where status = 'VALID';`);
    this.addSql(`create index import_row_status_idx on import_row (job_id, status, line);`);
  }
}
