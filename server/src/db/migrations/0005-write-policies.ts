import { Migration } from '@mikro-orm/migrations';
import { ASSIGNMENT_SCOPE_POLICY, HOUSEHOLD_SCOPE_POLICY } from './0002-access-control.js';

/**
 * The second wall, completed (issue 9): every table the application role can reach gets a read and a
 * write policy per role (spec §1), matching what the API does and nothing more. Policies decide which
 * rows; BEFORE UPDATE triggers decide which columns and status transitions, where a policy cannot say
 * "only these columns" or "only from this status". The matrix in server/test/rls-matrix.test.ts is the
 * documentation (summarised in the README's access-control section).
 *
 * Anonymous (no viewer) is what the login and the session/token lookup run as: they read users, live
 * sessions and live tokens, record the login, and nothing else.
 */

const ROLE = '(select sinergi_role())';
const UID = '(select sinergi_user_id())';
const ORG = '(select sinergi_org_id())';
const CITY_WIDE = '(select sinergi_city_wide())';
const PARTNER = '(select sinergi_partner())';
const roleIn = (...roles: string[]) => `${ROLE} in (${roles.map((r) => `'${r}'`).join(', ')})`;

// As in 0002: evaluated once per statement for the roles that see every household.
const HOUSEHOLD_SCOPE = `
  ${CITY_WIDE}
  or (${ROLE} = 'KELURAHAN_OFFICER'
      and area_id in (select a.id from area a
                      where a.code = current_setting('sinergi.area_code', true)
                         or a.code like current_setting('sinergi.area_code', true) || '.%'))
  or (${PARTNER} and id in (select sinergi_assigned_households()))`;
/** A row hanging off a household is visible when its household is (the subquery obeys the household policy). */
const VIA_HOUSEHOLD = `(${CITY_WIDE} or household_id in (select h.id from household h))`;
const OWN_ORG = `organization_id = ${ORG}`;

// Policies of 0002–0004, replaced by one policy per command below.
const OLD_POLICIES = ['household', 'person', 'growth_measurement', 'intervention', 'assignment', 'household_need', 'poverty_assessment'];
const GUARDED = ['household', 'intervention', 'assignment', 'app_user', 'user_session', 'api_token'];

interface TablePolicies {
  select?: string;
  insert?: string;
  /** USING and WITH CHECK (the same unless `updateCheck` says otherwise). */
  update?: string;
  updateCheck?: string;
  delete?: string;
}

const POLICIES: Record<string, TablePolicies> = {
  household: {
    select: HOUSEHOLD_SCOPE,
    insert: `${roleIn('ADMIN', 'KELURAHAN_OFFICER')} and (${HOUSEHOLD_SCOPE})`,
    // Coordinators and agency staff through an assessment only (columns: household_guard).
    update: `${roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER')} and (${HOUSEHOLD_SCOPE})`,
  },
  person: {
    select: VIA_HOUSEHOLD,
    insert: `${ROLE} = 'ADMIN' or (${ROLE} = 'KELURAHAN_OFFICER' and household_id in (select h.id from household h))`,
    update: `${ROLE} = 'ADMIN' or (${ROLE} = 'KELURAHAN_OFFICER' and household_id in (select h.id from household h))`,
  },
  growth_measurement: {
    select: `${CITY_WIDE} or person_id in (select p.id from person p)`,
    insert: `${roleIn('ADMIN', 'AGENCY_STAFF')} and recorded_by_id = ${UID} and ${OWN_ORG}`,
  },
  intervention: {
    select: VIA_HOUSEHOLD,
    // Coordinators for any program; agencies and partners for their own organisation's programs, on
    // households they see; always in the logger's own name, never already verified or cancelled.
    insert: `${VIA_HOUSEHOLD}
      and (${roleIn('ADMIN', 'COORDINATOR')}
           or (${roleIn('AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER')} and program_id in (select p.id from program p where p.owner_id = ${ORG})))
      and logged_by_id = ${UID}
      and organization_id = (select p.owner_id from program p where p.id = program_id)
      and status in ('PLANNED', 'DELIVERED') and verified_at is null and verified_by_id is null and cancelled_at is null`,
    // Transitions and columns: intervention_guard.
    update: `${VIA_HOUSEHOLD}
      and (${roleIn('ADMIN', 'COORDINATOR')}
           or (${roleIn('AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER')} and program_id in (select p.id from program p where p.owner_id = ${ORG})))`,
  },
  assignment: {
    // A partner sees its own referrals only, not another partner's referral of the same household.
    select: `${VIA_HOUSEHOLD} and (not ${PARTNER} or ${OWN_ORG})`,
    // Only coordinators refer, to a non-government partner, in their own name.
    insert: `${roleIn('ADMIN', 'COORDINATOR')} and status = 'REQUESTED' and requested_by_id = ${UID}
      and responded_by_id is null and responded_at is null and closed_at is null
      and organization_id in (select o.id from organization o where o.type in ('NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR'))`,
    // Partners answer their own referrals, coordinators close them (transitions: assignment_guard). A
    // declined referral leaves the partner's scope, so the check cannot require the household visible.
    update: `${VIA_HOUSEHOLD} and (${roleIn('ADMIN', 'COORDINATOR')} or (${PARTNER} and ${OWN_ORG}))`,
    updateCheck: `${roleIn('ADMIN', 'COORDINATOR')} or (${PARTNER} and ${OWN_ORG})`,
  },
  household_need: {
    select: VIA_HOUSEHOLD,
    // Derived rows: whoever changes a household's data re-derives its needs, within their scope.
    insert: `${roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER')} and ${VIA_HOUSEHOLD}`,
    update: `${roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER')} and ${VIA_HOUSEHOLD}`,
    delete: `${roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER')} and ${VIA_HOUSEHOLD}`,
  },
  poverty_assessment: {
    select: VIA_HOUSEHOLD,
    insert: `${roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER')} and ${VIA_HOUSEHOLD}
      and assessed_by_id = ${UID} and ${OWN_ORG}`,
  },
  audit_event: {
    // Administrators and auditors read the trail; anyone else only their own logins, and what the
    // current transaction writes (an insert returns its generated id; audit_event_stamp dates it).
    select: `${roleIn('ADMIN', 'AUDITOR')} or (actor_id = ${UID} and action in ('LOGIN', 'LOGIN_FAILED'))
      or (occurred_at = now() and (actor_id = ${UID} or action in ('LOGIN', 'LOGIN_FAILED')))`,
    // Events in the viewer's own name; the login (which may run with no viewer) names the user it is about.
    insert: `(actor_id = ${UID} and role = ${ROLE} and ${OWN_ORG})
      or (action in ('LOGIN', 'LOGIN_FAILED') and sinergi_login_actor(actor_id, role, organization_id))`,
  },
  app_user: {
    // Anonymous: the login looks a user up by name. Partners see their own organisation's people.
    select: `${roleIn('', 'ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'AUDITOR')} or (${PARTNER} and ${OWN_ORG})`,
    insert: `${ROLE} = 'ADMIN'`,
    // Own row (password) and the login's last_login_at; columns: app_user_guard.
    update: `${roleIn('', 'ADMIN')} or id = ${UID}`,
  },
  user_session: {
    // Anonymous: the lookup of a request's session, live sessions only.
    select: `${ROLE} = 'ADMIN' or user_id = ${UID} or (${ROLE} = '' and revoked_at is null and expires_at > now())`,
    insert: `(${ROLE} = '' or user_id = ${UID}) and revoked_at is null and expires_at > now()`,
    // Revocation only (user_session_guard): logout, password change, administrators.
    update: `${ROLE} = 'ADMIN' or user_id = ${UID}`,
  },
  api_token: {
    select: `${ROLE} = 'ADMIN' or user_id = ${UID}
      or (${ROLE} = '' and revoked_at is null and (expires_at is null or expires_at > now()))`,
    insert: `user_id = ${UID} and revoked_at is null and last_used_at is null`,
    // Revocation by its user or an administrator; anonymous: last_used_at of a live token (api_token_guard).
    update: `${ROLE} = 'ADMIN' or user_id = ${UID}
      or (${ROLE} = '' and revoked_at is null and (expires_at is null or expires_at > now()))`,
  },
  area: {
    select: 'true',
    update: `${ROLE} = 'ADMIN'`,
  },
  organization: {
    select: 'true',
    insert: `${ROLE} = 'ADMIN'`,
    update: `${ROLE} = 'ADMIN'`,
  },
  program: {
    select: `${ROLE} <> ''`,
    insert: roleIn('ADMIN', 'COORDINATOR'),
    update: roleIn('ADMIN', 'COORDINATOR'),
  },
  indicator_value: {
    select: `${ROLE} <> ''`,
    // Agencies record the aspects their own programs work on.
    insert: `recorded_by_id = ${UID} and (${roleIn('ADMIN', 'COORDINATOR')} or (${ROLE} = 'AGENCY_STAFF' and sinergi_works_on_indicator(indicator)))`,
    update: `${roleIn('ADMIN', 'COORDINATOR')} or (${ROLE} = 'AGENCY_STAFF' and sinergi_works_on_indicator(indicator))`,
  },
};

/** Rows are never deleted through the application, except derived needs. */
const COMMANDS = ['select', 'insert', 'update', 'delete'] as const;

/** The policy of `table` for `command`, as this migration creates it (0010's down restores some). */
export function policySql(table: string, command: (typeof COMMANDS)[number]): string {
  const p = POLICIES[table]!;
  switch (command) {
    case 'select':
      return `create policy ${table}_select on ${table} for select using (${p.select});`;
    case 'insert':
      return `create policy ${table}_insert on ${table} for insert with check (${p.insert});`;
    case 'update':
      return `create policy ${table}_update on ${table} for update using (${p.update}) with check (${p.updateCheck ?? p.update});`;
    case 'delete':
      return `create policy ${table}_delete on ${table} for delete using (${p.delete});`;
  }
}

// Each guard applies to the application role only (the owner, i.e. migrations and seeds, is not
// subject to row-level security); `changed` holds the columns the update actually changes.
const guard = (table: string, body: string) => `
      create or replace function ${table}_guard() returns trigger language plpgsql as $$
      declare
        r text := sinergi_role();
        changed text[] := sinergi_changed_columns(to_jsonb(old), to_jsonb(new));
      begin
        if not row_security_active(tg_relid) or changed = '{}' then return new; end if;
        ${body}
        return new;
      end $$;`;

/** The household guard of this migration (0010's down restores it). */
export const HOUSEHOLD_GUARD = guard(
  'household',
  `-- Coordinators and agency staff change a household through a poverty assessment only.
        if r in ('COORDINATOR', 'AGENCY_STAFF')
           and not changed <@ array['welfare_decile', 'poverty_status', 'monthly_expenditure_per_capita', 'updated_at', 'version'] then
          perform sinergi_refuse('household', 'change ' || array_to_string(changed, ', '));
        end if;`,
);

const NO_DELETE = Object.keys(POLICIES).filter((t) => !POLICIES[t]!.delete && t !== 'audit_event');

export class Migration0005WritePolicies extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function sinergi_role() returns text language sql stable parallel safe as $$
        select coalesce(current_setting('sinergi.role', true), '')
      $$;`);
    this.addSql(`
      create function sinergi_user_id() returns uuid language sql stable parallel safe as $$
        select nullif(current_setting('sinergi.user_id', true), '')::uuid
      $$;`);
    this.addSql(`
      create function sinergi_org_id() returns uuid language sql stable parallel safe as $$
        select nullif(current_setting('sinergi.org_id', true), '')::uuid
      $$;`);
    // A login event names its user with that user's role and organisation (or nobody, for an unknown
    // name). Owner's rights: a partner logged in elsewhere in the browser cannot see that user.
    this.addSql(`
      create function sinergi_login_actor(p_actor uuid, p_role text, p_org uuid) returns boolean
      language sql stable security definer set search_path = public as $$
        select case when p_actor is null then p_role is null and p_org is null
                    else exists (select 1 from app_user u where u.id = p_actor and u.role = p_role and u.organization_id = p_org) end
      $$;`);
    // Mirrors INDICATOR_ASPECT (server/src/indicators/indicator.service.ts).
    this.addSql(`
      create function sinergi_works_on_indicator(p_indicator text) returns boolean language sql stable as $$
        select exists (
          select 1 from program p
           where p.owner_id = nullif(current_setting('sinergi.org_id', true), '')::uuid
             and (case p_indicator when 'STUNTING_PREVALENCE_PCT' then 'STUNTING' when 'INVESTMENT_REALISATION_RP' then 'INVESTMENT'
                                   when 'P3DN_SHARE_PCT' then 'P3DN' when 'INFLATION_YOY_PCT' then 'INFLATION' end) = any (p.focus_aspects))
      $$;`);
    for (const fn of ['sinergi_role()', 'sinergi_user_id()', 'sinergi_org_id()', 'sinergi_login_actor(uuid, text, uuid)', 'sinergi_works_on_indicator(text)']) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to sinergi_app;`);
    }

    for (const table of OLD_POLICIES) this.addSql(`drop policy ${table}_scope on ${table};`);
    for (const [table, p] of Object.entries(POLICIES)) {
      this.addSql(`alter table ${table} enable row level security;`);
      for (const command of COMMANDS) if (p[command]) this.addSql(policySql(table, command));
    }

    // Privileges follow the policies, so that a refused write is an error rather than zero rows.
    this.addSql(`revoke delete on ${NO_DELETE.join(', ')} from sinergi_app;`);
    this.addSql(`revoke insert on area from sinergi_app;`);
    this.addSql(`revoke update on growth_measurement from sinergi_app;`);

    this.addSql(`
      create function sinergi_changed_columns(p_old jsonb, p_new jsonb) returns text[] language sql immutable parallel safe as $$
        select coalesce(array_agg(e.key order by e.key), '{}') from jsonb_each(p_new) e where e.value is distinct from p_old -> e.key
      $$;`);
    this.addSql(`
      create function sinergi_refuse(p_table text, p_what text) returns void language plpgsql as $$
      begin
        raise exception 'row-level security: % may not %', coalesce(nullif(sinergi_role(), ''), 'anonymous'), p_what
          using errcode = '42501', table = p_table;
      end $$;`);

    this.addSql(HOUSEHOLD_GUARD);
    this.addSql(
      guard(
        'intervention',
        `if not changed <@ array['status', 'delivered_on', 'period_key', 'quantity', 'value_rp', 'note', 'verified_at', 'verified_by_id',
                                 'cancelled_at', 'cancel_reason', 'version', 'updated_at'] then
          perform sinergi_refuse('intervention', 'change ' || array_to_string(changed, ', '));
        end if;
        -- Forward only: planned, in progress, delivered, verified; cancelled before delivery (after it by a coordinator).
        if not ((old.status = 'PLANNED' and new.status in ('IN_PROGRESS', 'DELIVERED', 'CANCELLED'))
                or (old.status = 'IN_PROGRESS' and new.status in ('DELIVERED', 'CANCELLED'))
                or (old.status = 'DELIVERED' and new.status in ('VERIFIED', 'CANCELLED') and r in ('ADMIN', 'COORDINATOR'))) then
          perform sinergi_refuse('intervention', 'move an intervention from ' || old.status || ' to ' || new.status);
        end if;
        if ('verified_by_id' = any (changed) or 'verified_at' = any (changed))
           and (new.status <> 'VERIFIED' or new.verified_by_id is distinct from sinergi_user_id()) then
          perform sinergi_refuse('intervention', 'verify in another name');
        end if;`,
      ),
    );
    this.addSql(
      guard(
        'assignment',
        `if r in ('NGO_PARTNER', 'PRIVATE_PARTNER') then
          if not changed <@ array['status', 'response_note', 'responded_by_id', 'responded_at', 'closed_at', 'version', 'updated_at']
             or not ((old.status = 'REQUESTED' and new.status in ('ACCEPTED', 'DECLINED') and new.responded_by_id = sinergi_user_id())
                     or (old.status in ('REQUESTED', 'ACCEPTED') and new.status = 'CLOSED'
                         and new.responded_by_id is not distinct from old.responded_by_id)) then
            perform sinergi_refuse('assignment', 'change ' || array_to_string(changed, ', ') || ' from ' || old.status);
          end if;
        elsif r in ('ADMIN', 'COORDINATOR') then
          -- Coordinators close a referral; accepting or declining is the partner's.
          if not changed <@ array['status', 'response_note', 'closed_at', 'version', 'updated_at']
             or not (old.status in ('REQUESTED', 'ACCEPTED') and new.status = 'CLOSED') then
            perform sinergi_refuse('assignment', 'change ' || array_to_string(changed, ', ') || ' from ' || old.status);
          end if;
        else
          perform sinergi_refuse('assignment', 'change a referral');
        end if;`,
      ),
    );
    this.addSql(
      guard(
        'app_user',
        `-- Who a user is and what they may do is the administrator's; the user changes their password, the login last_login_at.
        if r <> 'ADMIN' and (changed && array['id', 'username', 'role', 'organization_id', 'area_id', 'active', 'created_at']
                             or (r = '' and not changed <@ array['last_login_at', 'updated_at'])) then
          perform sinergi_refuse('app_user', 'change ' || array_to_string(changed, ', '));
        end if;`,
      ),
    );
    this.addSql(
      guard(
        'user_session',
        `if changed <> array['revoked_at'] or old.revoked_at is not null or new.revoked_at is null then
          perform sinergi_refuse('user_session', 'change a session other than by ending it');
        end if;`,
      ),
    );
    this.addSql(
      guard(
        'api_token',
        `if not changed <@ (case when r = '' then array['last_used_at'] else array['last_used_at', 'revoked_at'] end)
           or ('revoked_at' = any (changed) and (old.revoked_at is not null or new.revoked_at is null)) then
          perform sinergi_refuse('api_token', 'change a token other than by revoking it');
        end if;`,
      ),
    );
    // The application cannot date an event: it happened when its transaction did.
    this.addSql(`
      create function audit_event_stamp() returns trigger language plpgsql as $$
      begin
        if row_security_active(tg_relid) then new.occurred_at := now(); end if;
        return new;
      end $$;`);
    this.addSql(`create trigger audit_event_stamp before insert on audit_event for each row execute function audit_event_stamp();`);
    for (const table of GUARDED) {
      this.addSql(`create trigger ${table}_guard before update on ${table} for each row execute function ${table}_guard();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_event_stamp on audit_event;`);
    this.addSql(`drop function if exists audit_event_stamp();`);
    for (const table of GUARDED) {
      this.addSql(`drop trigger if exists ${table}_guard on ${table};`);
      this.addSql(`drop function if exists ${table}_guard();`);
    }
    for (const [table, p] of Object.entries(POLICIES)) {
      for (const command of COMMANDS) {
        if (p[command]) this.addSql(`drop policy if exists ${table}_${command} on ${table};`);
      }
      if (!OLD_POLICIES.includes(table)) this.addSql(`alter table ${table} disable row level security;`);
    }
    // The single policies of 0002–0004.
    this.addSql(HOUSEHOLD_SCOPE_POLICY);
    for (const table of ['person', 'intervention', 'household_need', 'poverty_assessment']) {
      this.addSql(`create policy ${table}_scope on ${table} using (${VIA_HOUSEHOLD}) with check (${VIA_HOUSEHOLD});`);
    }
    const measured = `${CITY_WIDE} or person_id in (select p.id from person p)`;
    this.addSql(`create policy growth_measurement_scope on growth_measurement using (${measured}) with check (${measured});`);
    this.addSql(ASSIGNMENT_SCOPE_POLICY);
    this.addSql(`grant delete on ${NO_DELETE.filter((t) => t !== 'poverty_assessment').join(', ')} to sinergi_app;`);
    this.addSql(`grant insert on area to sinergi_app;`);
    this.addSql(`grant update on growth_measurement to sinergi_app;`);
    for (const fn of [
      'sinergi_role()',
      'sinergi_user_id()',
      'sinergi_org_id()',
      'sinergi_refuse(text, text)',
      'sinergi_changed_columns(jsonb, jsonb)',
      'sinergi_works_on_indicator(text)',
      'sinergi_login_actor(uuid, text, uuid)',
    ]) {
      this.addSql(`drop function if exists ${fn};`);
    }
  }
}
