import { Migration } from '@mikro-orm/migrations';

/**
 * The second wall (spec §6): row-level security on the personal-data tables, under the role the
 * application connects with. The viewer is set per transaction by the API
 * (set_config('sinergi.role' | 'sinergi.org_id' | 'sinergi.area_code' | 'sinergi.user_id', …, true));
 * with no viewer set, these tables look empty. Table owners (migrations, the demo seed) are not
 * subject to the policies.
 */
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

    // Runs with the owner's rights so that the household policy can look at assignments without
    // the assignment policy looking back at households (which PostgreSQL refuses as recursion).
    this.addSql(`
      create function sinergi_assigned_to_viewer(p_household uuid) returns boolean
      language sql stable security definer set search_path = public as $$
        select exists (
          select 1 from assignment a
          where a.household_id = p_household
            and a.organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid
            and a.status in ('REQUESTED', 'ACCEPTED'))
      $$;`);
    this.addSql(`revoke all on function sinergi_assigned_to_viewer(uuid) from public;`);
    this.addSql(`grant execute on function sinergi_assigned_to_viewer(uuid) to sinergi_app;`);

    this.addSql(`
      create function sinergi_household_visible(p_area uuid, p_household uuid) returns boolean
      language sql stable as $$
        select case current_setting('sinergi.role', true)
          when 'ADMIN' then true
          when 'COORDINATOR' then true
          when 'AGENCY_STAFF' then true
          when 'AUDITOR' then true
          when 'KELURAHAN_OFFICER' then exists (
            select 1 from area a where a.id = p_area
              and (a.code = current_setting('sinergi.area_code', true)
                   or a.code like current_setting('sinergi.area_code', true) || '.%'))
          when 'NGO_PARTNER' then sinergi_assigned_to_viewer(p_household)
          when 'PRIVATE_PARTNER' then sinergi_assigned_to_viewer(p_household)
          else false
        end
      $$;`);

    this.addSql(`alter table household enable row level security;`);
    this.addSql(`
      create policy household_scope on household
        using (sinergi_household_visible(area_id, id))
        with check (sinergi_household_visible(area_id, id));`);

    for (const [table, fk] of [
      ['person', 'household_id'],
      ['intervention', 'household_id'],
    ] as const) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`
        create policy ${table}_scope on ${table}
          using (exists (select 1 from household h where h.id = ${table}.${fk}))
          with check (exists (select 1 from household h where h.id = ${table}.${fk}));`);
    }

    this.addSql(`alter table growth_measurement enable row level security;`);
    this.addSql(`
      create policy growth_measurement_scope on growth_measurement
        using (exists (select 1 from person p where p.id = growth_measurement.person_id))
        with check (exists (select 1 from person p where p.id = growth_measurement.person_id));`);

    // A partner sees its own referrals only, not another partner's referral of the same household,
    // and writes only its own (a declined referral leaves its scope, so the check cannot require visibility).
    const partner = `coalesce(current_setting('sinergi.role', true), '') in ('NGO_PARTNER', 'PRIVATE_PARTNER')`;
    const ownOrg = `assignment.organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid`;
    const householdVisible = `exists (select 1 from household h where h.id = assignment.household_id)`;
    this.addSql(`alter table assignment enable row level security;`);
    this.addSql(`
      create policy assignment_scope on assignment
        using (${householdVisible} and (not ${partner} or ${ownOrg}))
        with check (case when ${partner} then ${ownOrg} else ${householdVisible} end);`);
  }

  override async down(): Promise<void> {
    for (const table of ['assignment', 'growth_measurement', 'intervention', 'person', 'household']) {
      this.addSql(`drop policy if exists ${table}_scope on ${table};`);
      this.addSql(`alter table ${table} disable row level security;`);
    }
    this.addSql(`drop function if exists sinergi_household_visible(uuid, uuid);`);
    this.addSql(`drop function if exists sinergi_assigned_to_viewer(uuid);`);
    this.addSql(`revoke all on all tables in schema public from sinergi_app;`);
  }
}
