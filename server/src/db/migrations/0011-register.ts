import { Migration } from '@mikro-orm/migrations';

/**
 * Register maintenance (issue 11): a newborn may be registered before Dukcapil issues a NIK, and a
 * member who dies or moves out stays on record (never deleted) with the date and reason they left.
 * Who may write is unchanged (0005/0010): administrators anywhere, kelurahan officers in their own
 * area — the person policy's WITH CHECK also keeps a member from being moved out of the officer's area.
 */
export class Migration0011Register extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table person alter column nik drop not null;`);
    // Only a child or grandchild (a birth) waits for a NIK; the API also requires them to be under a year old.
    this.addSql(`alter table person add constraint person_nik_pending_check check (nik is not null or relation = 'CHILD' or relation = 'GRANDCHILD');`);
    this.addSql(`
      alter table person
        add column left_on date,
        add column left_reason text check (left_reason in ('DECEASED', 'MOVED_OUT')),
        add column left_note text check (length(left_note) <= 500),
        add constraint person_left_check check ((left_on is null) = (left_reason is null) and (left_on is null or left_on >= birth_date));`);
    // One head among the members still living in the household; a former head stays on record.
    this.addSql(`drop index person_one_head_per_household;`);
    this.addSql(`create unique index person_one_head_per_household on person (household_id) where relation = 'HEAD' and left_on is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index person_one_head_per_household;`);
    this.addSql(`create unique index person_one_head_per_household on person (household_id) where relation = 'HEAD';`);
    this.addSql(`alter table person drop constraint person_left_check, drop column left_note, drop column left_reason, drop column left_on;`);
    this.addSql(`alter table person drop constraint person_nik_pending_check;`);
    this.addSql(`alter table person alter column nik set not null;`);
  }
}
