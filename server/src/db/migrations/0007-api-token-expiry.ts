import { Migration } from '@mikro-orm/migrations';

/**
 * Every API token expires. Tokens created without an expiry get the default maximum lifetime
 * (API_TOKEN_MAX_DAYS, 90 days) counted from their creation.
 */
export class Migration0007ApiTokenExpiry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update api_token set expires_at = created_at + interval '90 days' where expires_at is null;`);
    this.addSql(`alter table api_token alter column expires_at set not null;`);
    this.addSql(`alter table api_token add constraint api_token_expires_after_creation check (expires_at > created_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table api_token drop constraint api_token_expires_after_creation;`);
    this.addSql(`alter table api_token alter column expires_at drop not null;`);
  }
}
