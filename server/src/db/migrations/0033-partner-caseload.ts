import { Migration } from '@mikro-orm/migrations';

/**
 * A partner's household list in its own keyset order (issue 12 item 4).
 *
 * A partner's list walked the households of the whole city in KK order and kept those of its caseload
 * (about 1 in 100), and its count collected the caseload twice (the household policy and the list's own
 * scope) before reading every household of it: 10 times the work at 10 times the city. partner_caseload
 * holds one row per organisation and household it has an open referral for (REQUESTED or ACCEPTED, consent
 * not withdrawn: sinergi_assigned_households()), with the household's keyset columns copied, so that a page
 * reads its ~51 households from an index in the list's order and a count stops at its bound.
 *
 * Triggers keep it exact in the writer's transaction: an assignment recomputes its (organisation,
 * household) row under an advisory lock on that pair (two writers of referrals of the same pair take
 * turns, so the second sees the first's committed rows), a household's update copies its keyset columns.
 * The table only chooses which rows a partner's list reads: the household policy still decides which
 * households it may see, from the referrals themselves.
 *
 * Partners read their own organisation's rows; nobody writes them but the triggers (owner's rights).
 */
const SYNC = `
create function partner_caseload_sync(org uuid, hh uuid) returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('partner_caseload:' || org || ':' || hh, 0));
  if exists (select 1 from assignment a
              where a.organization_id = org and a.household_id = hh
                and a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null) then
    insert into partner_caseload (organization_id, household_id, kk_number, welfare_decile, updated_at)
    select org, h.id, h.kk_number, h.welfare_decile, h.updated_at from household h where h.id = hh
    on conflict (organization_id, household_id) do nothing;
  else
    delete from partner_caseload where organization_id = org and household_id = hh;
  end if;
end $$;

create function partner_caseload_assignment() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then perform partner_caseload_sync(old.organization_id, old.household_id); end if;
  if tg_op in ('INSERT', 'UPDATE') then perform partner_caseload_sync(new.organization_id, new.household_id); end if;
  return null;
end $$;

create function partner_caseload_household() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  update partner_caseload set kk_number = new.kk_number, welfare_decile = new.welfare_decile, updated_at = new.updated_at
   where household_id = new.id;
  return null;
end $$;`;

export class Migration0033PartnerCaseload extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table partner_caseload (
        organization_id uuid not null references organization (id) on delete cascade,
        household_id uuid not null references household (id) on delete cascade,
        kk_number text not null,
        welfare_decile smallint not null,
        updated_at timestamptz not null,
        primary key (organization_id, household_id)
      );`);
    // The list's orders (ORDER_COLUMNS), each then by household id, per organisation.
    this.addSql(`create index partner_caseload_kk_idx on partner_caseload (organization_id, kk_number, household_id);`);
    this.addSql(`create index partner_caseload_decile_idx on partner_caseload (organization_id, welfare_decile, household_id);`);
    this.addSql(`create index partner_caseload_updated_idx on partner_caseload (organization_id, updated_at, household_id);`);
    this.addSql(`create index partner_caseload_household_idx on partner_caseload (household_id);`);
    // The household policy collects a partner's caseload once per statement (sinergi_assigned_households):
    // from the index alone, instead of every referral the organisation ever had from the table.
    this.addSql(`
      create index assignment_open_organization_idx on assignment (organization_id) include (household_id)
        where status in ('REQUESTED', 'ACCEPTED') and consent_withdrawn_at is null;`);
    this.addSql(SYNC);
    this.addSql(`revoke all on function partner_caseload_sync(uuid, uuid) from public;`);
    this.addSql(`
      create trigger partner_caseload_assignment after insert or delete or update of organization_id, household_id, status, consent_withdrawn_at
        on assignment for each row execute function partner_caseload_assignment();`);
    this.addSql(`
      create trigger partner_caseload_household after update of kk_number, welfare_decile, updated_at on household for each row
        when (old.kk_number is distinct from new.kk_number or old.welfare_decile is distinct from new.welfare_decile
              or old.updated_at is distinct from new.updated_at)
        execute function partner_caseload_household();`);
    this.addSql(`
      insert into partner_caseload (organization_id, household_id, kk_number, welfare_decile, updated_at)
      select distinct a.organization_id, h.id, h.kk_number, h.welfare_decile, h.updated_at
        from assignment a join household h on h.id = a.household_id
       where a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null;`);
    this.addSql(`analyze partner_caseload;`);
    this.addSql(`alter table partner_caseload enable row level security;`);
    this.addSql(`
      create policy partner_caseload_own on partner_caseload for select
        using (organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid);`);
    this.addSql(`grant select on partner_caseload to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger partner_caseload_household on household;`);
    this.addSql(`drop trigger partner_caseload_assignment on assignment;`);
    this.addSql(`drop table partner_caseload;`);
    this.addSql(`drop index assignment_open_organization_idx;`);
    this.addSql(`drop function partner_caseload_household();`);
    this.addSql(`drop function partner_caseload_assignment();`);
    this.addSql(`drop function partner_caseload_sync(uuid, uuid);`);
  }
}
