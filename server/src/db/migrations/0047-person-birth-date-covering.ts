import { Migration } from '@mikro-orm/migrations';

/**
 * The import's near-duplicate search reads its candidates from the birth-date index alone (issue 10 item 9).
 *
 * For every new person an import batch reads the people of the same birth date city-wide, tests the name's
 * similarity, and only then the kelurahan (`NEAR_DUPLICATES` in imports/merge.ts). Their number grows with
 * the registry (about 125 per birth date at 1,000,000 households), and each cost a random heap page: at
 * 60,000 households the statement's buffers per batch had grown fivefold (8,095 → 40,679), the only
 * statement of a batch that grew in proportion to the registry. The index now carries the columns the
 * statement reads, so the candidates of a birth date come from a few adjacent leaf pages; its key is
 * unchanged, so every other use of it (the name and birth-date match of people without a NIK) plans as
 * before.
 */
export class Migration0047PersonBirthDateCovering extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index person_birth_date_idx;`);
    this.addSql(`create index person_birth_date_idx on person (birth_date) include (name, household_id, id, nik);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index person_birth_date_idx;`);
    this.addSql(`create index person_birth_date_idx on person (birth_date);`);
  }
}
