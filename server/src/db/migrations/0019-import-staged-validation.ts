import { Migration } from '@mikro-orm/migrations';

/**
 * Rows are validated while they are staged (one write per row instead of a second pass rewriting
 * each row's outcome). The job remembers what that validation depended on (the mapping, the reference
 * data, the day, the viewer and the source date, as a hash): the dry run keeps the staged outcomes
 * only while all of it is unchanged, and validates again otherwise.
 */
export class Migration0019ImportStagedValidation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table import_job add column staged_validation text;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table import_job drop column staged_validation;`);
  }
}
