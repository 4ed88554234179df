import { Migration } from '@mikro-orm/migrations';

/**
 * Work that fits the field (issue 11, item 4).
 *
 * - WEEKLY programs (e.g. PMT at the posyandu each week): their period key is the ISO week
 *   (2026-W07), so the next week's visit is a new slot while a second delivery in the same week still
 *   hits intervention_once_per_period.
 * - The logger of a delivery corrects it (date, amounts, note) or cancels it within
 *   CORRECTION_WINDOW_DAYS of logging, until it is verified; coordinators and administrators at any time
 *   before verification (policy.ts, 'intervention.amend'). intervention_guard says the same.
 */

/** CORRECTION_WINDOW_DAYS of server/src/auth/policy.ts (test/field-work.test.ts checks both walls agree). */
const CORRECTION_WINDOW_SQL = `interval '7 days'`;

const FREQUENCIES = ['ONCE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const OLD_FREQUENCIES = ['ONCE', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const PERIOD_KEY = `'^(ONCE|[0-9]{4}(-[0-9]{2}|-Q[1-4]|-W[0-9]{2})?)$'`;
const OLD_PERIOD_KEY = `'^(ONCE|[0-9]{4}(-[0-9]{2}|-Q[1-4])?)$'`;

function periodKeyFunction(weekly: boolean) {
  // Must agree with server/src/interventions/period-key.ts (a test compares them).
  return `
    create or replace function sinergi_period_key(p_frequency text, p_day date) returns text language sql immutable parallel safe as $$
      select case p_frequency
        when 'ONCE' then 'ONCE'
        ${weekly ? `when 'WEEKLY' then to_char(p_day, 'IYYY') || '-W' || to_char(p_day, 'IW')` : ''}
        when 'MONTHLY' then to_char(p_day, 'YYYY-MM')
        when 'QUARTERLY' then to_char(p_day, 'YYYY') || '-Q' || to_char(p_day, 'Q')
        when 'YEARLY' then to_char(p_day, 'YYYY')
      end
    $$;`;
}

function interventionGuard(amend: boolean) {
  const amender = `(r in ('ADMIN', 'COORDINATOR')
                    or (old.logged_by_id = sinergi_user_id() and old.created_at >= sinergi_now() - ${CORRECTION_WINDOW_SQL}))`;
  return `
    create or replace function intervention_guard() returns trigger language plpgsql as $$
    declare
      r text := sinergi_role();
      changed text[] := sinergi_changed_columns(to_jsonb(old), to_jsonb(new));
    begin
      if not row_security_active(tg_relid) or changed = '{}' then return new; end if;
      if not changed <@ array['status', 'delivered_on', 'period_key', 'quantity', 'value_rp', 'note', 'verified_at', 'verified_by_id',
                               'cancelled_at', 'cancel_reason', 'version', 'updated_at'] then
        perform sinergi_refuse('intervention', 'change ' || array_to_string(changed, ', '));
      end if;
      ${
        amend
          ? `-- Forward only: planned, in progress, delivered, verified; cancelled before delivery. A delivery is
      -- corrected (same status) or cancelled by its logger within the window, or by a coordinator, until verified.
      if not ((old.status = 'PLANNED' and new.status in ('IN_PROGRESS', 'DELIVERED', 'CANCELLED'))
              or (old.status = 'IN_PROGRESS' and new.status in ('DELIVERED', 'CANCELLED'))
              or (old.status = 'DELIVERED' and new.status = 'VERIFIED' and r in ('ADMIN', 'COORDINATOR'))
              or (old.status = 'DELIVERED' and new.status = 'CANCELLED' and ${amender})
              or (old.status = 'DELIVERED' and new.status = 'DELIVERED' and ${amender}
                  and changed <@ array['delivered_on', 'period_key', 'quantity', 'value_rp', 'note', 'version', 'updated_at'])) then`
          : `-- Forward only: planned, in progress, delivered, verified; cancelled before delivery (after it by a coordinator).
      if not ((old.status = 'PLANNED' and new.status in ('IN_PROGRESS', 'DELIVERED', 'CANCELLED'))
              or (old.status = 'IN_PROGRESS' and new.status in ('DELIVERED', 'CANCELLED'))
              or (old.status = 'DELIVERED' and new.status in ('VERIFIED', 'CANCELLED') and r in ('ADMIN', 'COORDINATOR'))) then`
      }
        perform sinergi_refuse('intervention', 'move an intervention from ' || old.status || ' to ' || new.status);
      end if;
      if ('verified_by_id' = any (changed) or 'verified_at' = any (changed))
         and (new.status <> 'VERIFIED' or new.verified_by_id is distinct from sinergi_user_id()) then
        perform sinergi_refuse('intervention', 'verify in another name');
      end if;
      return new;
    end $$;`;
}

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export class Migration0012FieldWork extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table program drop constraint program_frequency_check;`);
    this.addSql(`alter table program add constraint program_frequency_check check (frequency in (${inList(FREQUENCIES)}));`);
    this.addSql(`alter table intervention drop constraint intervention_period_key_check;`);
    this.addSql(`alter table intervention add constraint intervention_period_key_check check (period_key ~ ${PERIOD_KEY});`);
    this.addSql(periodKeyFunction(true));
    this.addSql(interventionGuard(true));
  }

  override async down(): Promise<void> {
    this.addSql(interventionGuard(false));
    this.addSql(periodKeyFunction(false));
    this.addSql(`alter table intervention drop constraint intervention_period_key_check;`);
    this.addSql(`alter table intervention add constraint intervention_period_key_check check (period_key ~ ${OLD_PERIOD_KEY});`);
    this.addSql(`alter table program drop constraint program_frequency_check;`);
    this.addSql(`alter table program add constraint program_frequency_check check (frequency in (${inList(OLD_FREQUENCIES)}));`);
  }
}
