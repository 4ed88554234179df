import { Migration } from '@mikro-orm/migrations';

const ROLE = '(select sinergi_role())';
const UID = '(select sinergi_user_id())';

/** The expiry checks of 0005's session and token policies, at a given "now". */
function expiryPolicies(now: string) {
  return {
    user_session_select: `on user_session using (${ROLE} = 'ADMIN' or user_id = ${UID} or (${ROLE} = '' and revoked_at is null and expires_at > ${now}))`,
    user_session_insert: `on user_session with check ((${ROLE} = '' or user_id = ${UID}) and revoked_at is null and expires_at > ${now})`,
    api_token_select: `on api_token using (${ROLE} = 'ADMIN' or user_id = ${UID}
      or (${ROLE} = '' and revoked_at is null and (expires_at is null or expires_at > ${now})))`,
    api_token_update: `on api_token using (${ROLE} = 'ADMIN' or user_id = ${UID}
      or (${ROLE} = '' and revoked_at is null and (expires_at is null or expires_at > ${now})))
      with check (${ROLE} = 'ADMIN' or user_id = ${UID}
      or (${ROLE} = '' and revoked_at is null and (expires_at is null or expires_at > ${now})))`,
  };
}

/**
 * One clock (server/src/config/clock.ts): the application hands its time and Palangka Raya's date to
 * each request's transaction (sinergi.now, sinergi.today), and SQL that decides by time reads them
 * here instead of the database's own now(), so that a clock set for tests (SINERGI_CLOCK) holds in
 * SQL too. Unset (psql, maintenance), they fall back to the database's clock in WIB.
 *
 * Left on the database's clock on purpose: the audit trail (audit_event_stamp dates an event by its
 * transaction; no application setting may date it) and row bookkeeping (derived_at, column defaults).
 */
export class Migration0008Clock extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function sinergi_now() returns timestamptz language sql stable parallel safe as $$
        select coalesce(nullif(current_setting('sinergi.now', true), '')::timestamptz, now())
      $$;`);
    this.addSql(`
      create or replace function sinergi_today() returns date language sql stable parallel safe as $$
        select coalesce(nullif(current_setting('sinergi.today', true), '')::date, (sinergi_now() at time zone 'Asia/Jakarta')::date)
      $$;`);
    for (const [name, body] of Object.entries(expiryPolicies('sinergi_now()'))) this.addSql(`alter policy ${name} ${body};`);
  }

  override async down(): Promise<void> {
    for (const [name, body] of Object.entries(expiryPolicies('now()'))) this.addSql(`alter policy ${name} ${body};`);
    this.addSql(`
      create or replace function sinergi_today() returns date language sql stable parallel safe as $$
        select (now() at time zone 'Asia/Jakarta')::date
      $$;`);
    this.addSql(`drop function sinergi_now();`);
  }
}
