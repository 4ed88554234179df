import { Migration } from '@mikro-orm/migrations';

/**
 * The second wall (spec §6): row-level security on the personal-data tables, under the role the
 * application connects with. The viewer is set per transaction by the API
 * (set_config('sinergi.role' | 'sinergi.org_id' | 'sinergi.area_code' | 'sinergi.user_id', …, true));
 * with no viewer set, these tables look empty. Table owners (migrations, the demo seed) are not
 * subject to the policies.
 */
const HOUSEHOLD_SCOPE = `
      (select sinergi_city_wide())
      or (coalesce(current_setting('sinergi.role', true), '') = 'KELURAHAN_OFFICER'
          and area_id in (select a.id from area a
                          where a.code = current_setting('sinergi.area_code', true)
                             or a.code like current_setting('sinergi.area_code', true) || '.%'))
      or ((select sinergi_partner()) and id in (select sinergi_assigned_households()))`;

/** The household policy of this migration, which 0005's down restores. */
export const HOUSEHOLD_SCOPE_POLICY = `create policy household_scope on household using (${HOUSEHOLD_SCOPE}) with check (${HOUSEHOLD_SCOPE});`;

// A partner sees its own referrals only, not another partner's referral of the same household,
// and writes only its own (a declined referral leaves its scope, so the check cannot require visibility).
const OWN_ORG = `organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid`;
const HOUSEHOLD_VISIBLE = `((select sinergi_city_wide()) or household_id in (select h.id from household h))`;
/** The referral policy of this migration, which 0005's down restores. */
export const ASSIGNMENT_SCOPE_POLICY = `
      create policy assignment_scope on assignment
        using (${HOUSEHOLD_VISIBLE} and (not (select sinergi_partner()) or ${OWN_ORG}))
        with check (case when (select sinergi_partner()) then ${OWN_ORG} else ${HOUSEHOLD_VISIBLE} end);`;

export class Migration0002AccessControl extends Migration {
  override async up(): Promise<void> {
    // The application's group role; login roles are granted membership in it (see README).
    this.addSql(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'sinergi_app') then
          create role sinergi_app nologin nosuperuser nobypassrls;
        end if;
      end $$;`);
    this.addSql(`grant usage on schema public to sinergi_app;`);
    this.addSql(`
      grant select, insert, update, delete on
        area, organization, app_user, user_session, api_token, household, person,
        growth_measurement, program, intervention, assignment, indicator_value
      to sinergi_app;`);
    // Append-only: the application may write and read the audit trail, never change it.
    this.addSql(`grant select, insert on audit_event to sinergi_app;`);
    this.addSql(`grant usage on all sequences in schema public to sinergi_app;`);

    // Roles that see every household: checked first, so their queries pay nothing for the policies.
    // The policies call these as (select f()): evaluated once per statement, not once per row, and
    // the planner keeps its row estimates.
    this.addSql(`
      create function sinergi_city_wide() returns boolean language sql stable parallel safe as $$
        select coalesce(current_setting('sinergi.role', true), '') in ('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'AUDITOR')
      $$;`);
    this.addSql(`
      create function sinergi_partner() returns boolean language sql stable parallel safe as $$
        select coalesce(current_setting('sinergi.role', true), '') in ('NGO_PARTNER', 'PRIVATE_PARTNER')
      $$;`);
    // The households referred to the viewer's organisation, computed once per statement. It runs with
    // the owner's rights so that the household policy can read assignments without the assignment
    // policy reading households back (which PostgreSQL refuses as infinite recursion).
    this.addSql(`
      create function sinergi_assigned_households() returns setof uuid
      language sql stable security definer set search_path = public as $$
        select a.household_id from assignment a
        where a.organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid
          and a.status in ('REQUESTED', 'ACCEPTED')
      $$;`);
    this.addSql(`revoke all on function sinergi_assigned_households() from public;`);
    this.addSql(`grant execute on function sinergi_assigned_households() to sinergi_app;`);

    this.addSql(`alter table household enable row level security;`);
    this.addSql(HOUSEHOLD_SCOPE_POLICY);

    // Rows hanging off a household are visible when their household is (the subquery is itself
    // filtered by the household policy).
    for (const [table, scope] of [
      ['person', `(select sinergi_city_wide()) or household_id in (select h.id from household h)`],
      ['intervention', `(select sinergi_city_wide()) or household_id in (select h.id from household h)`],
      ['growth_measurement', `(select sinergi_city_wide()) or person_id in (select p.id from person p)`],
    ] as const) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`create policy ${table}_scope on ${table} using (${scope}) with check (${scope});`);
    }

    this.addSql(`alter table assignment enable row level security;`);
    this.addSql(ASSIGNMENT_SCOPE_POLICY);
  }

  override async down(): Promise<void> {
    for (const table of ['assignment', 'growth_measurement', 'intervention', 'person', 'household']) {
      this.addSql(`drop policy if exists ${table}_scope on ${table};`);
      this.addSql(`alter table ${table} disable row level security;`);
    }
    for (const fn of ['sinergi_assigned_households()', 'sinergi_partner()', 'sinergi_city_wide()']) {
      this.addSql(`drop function if exists ${fn};`);
    }
    this.addSql(`revoke all on all tables in schema public from sinergi_app;`);
  }
}
