import { Migration } from '@mikro-orm/migrations';

/**
 * Growth measurements keep the client's idempotency key as interventions do (0001): the offline
 * outbox resends an entry whose answer it never got, and the key, not a match of the values, tells
 * the server it is the same entry. Unique across the table, like intervention.idempotency_key.
 */
export class Migration0018MeasurementIdempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table growth_measurement
        add column idempotency_key text unique check (length(idempotency_key) between 8 and 128);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table growth_measurement drop column idempotency_key;`);
  }
}
