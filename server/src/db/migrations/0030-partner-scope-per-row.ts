import { Migration } from '@mikro-orm/migrations';

/**
 * A partner's household scope tested per row, not collected per statement. The household policies
 * said `id in (select sinergi_assigned_households())`: under an OR with the other roles' branches
 * PostgreSQL runs that as a hashed subplan, so every statement of a partner first collected its whole
 * caseload through the (never inlined) security-definer function: 10,276 households, 57 ms, at
 * 1,000,000 households, before reading a single row. Now the branch probes the household's open
 * referral to the viewer's organisation by index, per row (`offset 0`, as 0027 does for the child
 * tables), so a statement pays for the households it reads.
 *
 * The probe is sinergi_referred(household), a security-definer function like the one it replaces: it
 * reads assignment past that table's own row-level security (whose policy reads household: the
 * policies would otherwise recurse) and tests the same rows: the viewer organisation's referrals that
 * are requested or accepted and whose consent was not withdrawn. It is a function, not an EXISTS in
 * the policy, for the planner: it adds a subquery's cost to every row a plan may test, whichever
 * branch of the OR runs, so an officer's page in KK order looked dearer than sorting the whole
 * kelurahan (0.3 s instead of 6 ms at 100,000 households). `cost 1` says what a probe of a small
 * partial index costs. The partial indexes hold only open referrals: by household (the probe) and by
 * organisation (a partner's count or page driven from its caseload, the scope the API adds itself,
 * scope-sql.ts).
 */

const OPEN = `status in ('REQUESTED', 'ACCEPTED') and consent_withdrawn_at is null`;

/** Rewrites the USING and WITH CHECK of every household policy matching `pattern` (regexp_replace). */
const rewriteHouseholdPolicies = (pattern: string, replacement: string) => `
  do $$
  declare
    p record;
    using_expr text;
    check_expr text;
  begin
    for p in select * from pg_policies where schemaname = 'public' and tablename = 'household'
                and (qual ~ '${pattern}' or with_check ~ '${pattern}') loop
      using_expr := regexp_replace(p.qual, '${pattern}', '${replacement}', 'g');
      check_expr := regexp_replace(p.with_check, '${pattern}', '${replacement}', 'g');
      if using_expr is not null and check_expr is not null then
        execute format('alter policy %I on household using (%s) with check (%s)', p.policyname, using_expr, check_expr);
      elsif using_expr is not null then
        execute format('alter policy %I on household using (%s)', p.policyname, using_expr);
      else
        execute format('alter policy %I on household with check (%s)', p.policyname, check_expr);
      end if;
    end loop;
  end $$;`;

const COLLECTED = 'id IN (SELECT sinergi_assigned_households())';
const COLLECTED_PATTERN = String.raw`id IN \(\s*SELECT sinergi_assigned_households\(\) AS sinergi_assigned_households\)`;
const PER_ROW = 'sinergi_referred(id)';
const PER_ROW_PATTERN = String.raw`sinergi_referred\(id\)`;

export class Migration0030PartnerScopePerRow extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index assignment_open_household_idx on assignment (household_id, organization_id) where ${OPEN};`);
    this.addSql(`create index assignment_open_organization_idx on assignment (organization_id, household_id) where ${OPEN};`);
    this.addSql(`
      create function sinergi_referred(household uuid) returns boolean
      language sql stable security definer set search_path = public cost 1 as $$
        select exists (select 1 from assignment a
                        where a.household_id = $1
                          and a.organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid
                          and a.${OPEN.replace(' and ', ' and a.')})
      $$;`);
    this.addSql(`revoke all on function sinergi_referred(uuid) from public;`);
    this.addSql(`grant execute on function sinergi_referred(uuid) to sinergi_app;`);
    this.addSql(rewriteHouseholdPolicies(COLLECTED_PATTERN, PER_ROW));
  }

  override async down(): Promise<void> {
    this.addSql(rewriteHouseholdPolicies(PER_ROW_PATTERN, COLLECTED));
    this.addSql(`drop function sinergi_referred(uuid);`);
    this.addSql(`drop index assignment_open_organization_idx;`);
    this.addSql(`drop index assignment_open_household_idx;`);
  }
}
