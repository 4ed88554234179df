import { Migration } from '@mikro-orm/migrations';

/**
 * A staged row's original cells and validated records (about a kilobyte) move out of line: the commit
 * then rewrites each row's status and reason as a small tuple that keeps pointers to them, instead of
 * copying the whole row once more per row of the file.
 */
export class Migration0024ImportRowToast extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table import_row alter column cells set storage external, alter column records set storage external;`);
    this.addSql(`alter table import_row set (toast_tuple_target = 128);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table import_row reset (toast_tuple_target);`);
    this.addSql(`alter table import_row alter column cells set storage extended, alter column records set storage extended;`);
  }
}
