import { Migration } from '@mikro-orm/migrations';

/**
 * A partner's request runs as a role of its own, whose household policy probes the referrals row by row
 * (issue 12 item 4).
 *
 * The household policy's partner branch (`id in (select sinergi_assigned_households())`) collects the
 * partner's whole caseload once per statement, in every statement that reads households, itself or through
 * the policies of the rows hanging off them (0027): 10,276 referrals read for a page of 50 at 1,000,000
 * households. A per-row form of that branch cannot live in the shared policy: PostgreSQL prices a subquery
 * or function of a policy on every row whichever branch of the OR runs, and the other viewers' plans
 * changed (README, "A partner's list reads its caseload").
 *
 * So partners get their own database role, sinergi_partner_app: the request's opening switches to it (SET
 * LOCAL ROLE, for the transaction only) when the viewer is a partner. The household policies now apply to
 * sinergi_app only; sinergi_partner_app has one household policy, for select, which probes the open
 * referrals of the viewer's organisation by household, per household read (partner_open_referral, a view
 * read with its owner's rights as sinergi_assigned_households is, so the assignment policy does not read
 * households back; a plain subquery, so the probe is an index lookup in the plan, not a function call).
 * Partners never insert or update households (the sinergi_app policies admit only other roles), so no other
 * household policy is needed. Every other table's policies apply to every role, and read households through
 * this policy. sinergi_partner_app has exactly sinergi_app's grants (copied here: a later migration that
 * grants sinergi_app something must grant it too).
 *
 * sinergi_app may SET ROLE to it but does not inherit its privileges, so the partner role's policy never
 * applies to (nor is priced in) another viewer's statements; the migration checks that.
 */
const PARTNER = 'sinergi_partner_app';
// A DBA may create the role and the membership beforehand (README, "Using an external PostgreSQL"); the
// owner then needs no CREATEROLE.
const ROLE = `
  do $$ begin
    if not exists (select 1 from pg_roles where rolname = '${PARTNER}') then
      create role ${PARTNER} nologin nosuperuser nobypassrls;
    end if;
    if not exists (select 1 from pg_auth_members where roleid = '${PARTNER}'::regrole and member = 'sinergi_app'::regrole) then
      if current_setting('server_version_num')::int >= 160000 then
        execute 'grant ${PARTNER} to sinergi_app with inherit false, set true';
      else
        -- Before PostgreSQL 16 a membership's inheritance is the member's attribute.
        alter role sinergi_app noinherit;
        grant ${PARTNER} to sinergi_app;
      end if;
    end if;
    if pg_has_role('sinergi_app', '${PARTNER}', 'USAGE') or not pg_has_role('sinergi_app', '${PARTNER}', 'MEMBER') then
      raise exception 'sinergi_app must be a member of ${PARTNER} (to SET ROLE) without inheriting its privileges and policies';
    end if;
  end $$;`;

/** Grants `to` exactly what `from` has in the public schema (tables, columns, sequences, functions). */
const copyGrants = (from: string, to: string) => `
  do $$
  declare r record;
  begin
    execute 'grant usage on schema public to ${to}';
    for r in
      select c.oid::regclass::text as obj, a.privilege_type as priv, c.relkind = 'S' as seq
        from pg_class c, aclexplode(c.relacl) a
       where c.relnamespace = 'public'::regnamespace and a.grantee = '${from}'::regrole
    loop
      execute format('grant %s on %s %s to ${to}', r.priv, case when r.seq then 'sequence' else 'table' end, r.obj);
    end loop;
    for r in
      select c.oid::regclass::text as obj, att.attname as col, a.privilege_type as priv
        from pg_attribute att join pg_class c on c.oid = att.attrelid, aclexplode(att.attacl) a
       where c.relnamespace = 'public'::regnamespace and a.grantee = '${from}'::regrole
    loop
      execute format('grant %s (%I) on table %s to ${to}', r.priv, r.col, r.obj);
    end loop;
    for r in
      select p.oid::regprocedure::text as obj
        from pg_proc p, aclexplode(p.proacl) a
       where p.pronamespace = 'public'::regnamespace and a.grantee = '${from}'::regrole and a.privilege_type = 'EXECUTE'
    loop
      execute format('grant execute on function %s to ${to}', r.obj);
    end loop;
  end $$;`;

/** sinergi_open_request (0020) as it was, and with the switch to the partner role. */
const openRequest = (partnerRole: string) => `
  create or replace function sinergi_open_request(p_now text, p_today text, p_session_hash text)
  returns table (user_id uuid, username text, role text, organization_id uuid, area_id uuid, area_code text, session_id uuid)
  language plpgsql volatile security invoker set search_path = public as $$
  declare
    v_user uuid; v_username text; v_role text; v_org uuid; v_area uuid; v_code text; v_session uuid;
  begin
    perform set_config('sinergi.now', p_now, true), set_config('sinergi.today', p_today, true);
    if p_session_hash is not null then
      select u.id, u.username, u.role, u.organization_id, u.area_id, a.code, s.id
        into v_user, v_username, v_role, v_org, v_area, v_code, v_session
        from user_session s
        join app_user u on u.id = s.user_id
        left join area a on a.id = u.area_id
       where s.token_hash = p_session_hash and s.revoked_at is null and s.expires_at > sinergi_now() and u.active;
    end if;
    perform set_config('sinergi.user_id', coalesce(v_user::text, ''), true), set_config('sinergi.role', coalesce(v_role, ''), true),
            set_config('sinergi.org_id', coalesce(v_org::text, ''), true), set_config('sinergi.area_code', coalesce(v_code, ''), true);${partnerRole}
    if v_user is not null then
      return query select v_user, v_username, v_role, v_org, v_area, v_code, v_session;
    end if;
  end $$;`;

const PARTNER_SWITCH = `
    -- The rest of the transaction as the partner role (SET LOCAL ROLE; not a SECURITY DEFINER function).
    if v_role in ('NGO_PARTNER', 'PRIVATE_PARTNER') then
      perform set_config('role', '${PARTNER}', true);
    end if;`;

const HOUSEHOLD_POLICIES = ['household_select', 'household_insert', 'household_update'];

export class Migration0050PartnerRole extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROLE);
    this.addSql(copyGrants('sinergi_app', PARTNER));
    // The open referrals of the viewer's organisation, read with the view owner's rights (the table owner's:
    // no assignment policy, which would read households back). A partner may read it: it lists the
    // households it sees anyway.
    this.addSql(`
      create view partner_open_referral as
        select a.household_id from assignment a
         where a.organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid
           and a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null;`);
    this.addSql(`grant select on partner_open_referral to ${PARTNER};`);
    // The policy's probe per household, from the index alone: only open referrals, keyed by household.
    this.addSql(`
      create index assignment_open_household_idx on assignment (household_id, organization_id)
        where status in ('REQUESTED', 'ACCEPTED') and consent_withdrawn_at is null;`);
    for (const policy of HOUSEHOLD_POLICIES) this.addSql(`alter policy ${policy} on household to sinergi_app;`);
    // `offset 0`: a probe per household read, never the organisation's referrals hashed first (the planner
    // turns a plain EXISTS into a hashed subplan, as 0027's policies avoid).
    this.addSql(`
      create policy household_select_partner on household for select to ${PARTNER}
        using ((select sinergi_partner()) and exists (select 1 from partner_open_referral r where r.household_id = household.id offset 0));`);
    this.addSql(openRequest(PARTNER_SWITCH));
  }

  override async down(): Promise<void> {
    this.addSql(openRequest(''));
    this.addSql(`drop policy household_select_partner on household;`);
    for (const policy of HOUSEHOLD_POLICIES) this.addSql(`alter policy ${policy} on household to public;`);
    this.addSql(`drop index assignment_open_household_idx;`);
    this.addSql(`drop view partner_open_referral;`);
    // The role is the cluster's (other databases may use it): only this database's grants go.
    this.addSql(`revoke all on all tables in schema public from ${PARTNER};`);
    this.addSql(`revoke all on all sequences in schema public from ${PARTNER};`);
    this.addSql(`revoke all on all functions in schema public from ${PARTNER};`);
    this.addSql(`revoke usage on schema public from ${PARTNER};`);
  }
}
