import { Migration } from '@mikro-orm/migrations';
import {
  FUNCTIONS as FUNCTIONS_0023,
  VIEWS as VIEWS_0023,
  foldHouseholds,
  householdCrossings,
  HOUSEHOLD_SUMS,
  STATUS_COLUMNS,
  STATUS_NONZERO,
  STATUS_SUMS,
  TARGET_FOLD,
} from './0023-analytics-deltas.js';

/*
 * Program and organisation performance read analytics_program_area, which since 0023 was both the
 * writers' append-only status deltas and the compaction's folded rows: the compaction deleted every key
 * with several rows and inserted its sum at the end of the heap. A seed or an import appends a row per
 * (area, program) per batch, so the table's heap grew with the number of interventions ever written (at
 * 1,000,000 households: 1,129 live rows in 6,221 pages, 53 MB), and vacuum cannot give the pages back while
 * live rows sit at its end. Every dashboard read scanned all of them.
 *
 * The writers' status deltas move to their own table, analytics_program_area_delta (emptied by each
 * compaction, so vacuum truncates it); analytics_program_area becomes the folded table alone, one row per
 * (area, program) under a primary key, updated in place by the compaction only (status sums and the
 * reached counts of the household fold alike). A read touches the O(areas × programs) folded rows plus
 * the deltas since the last compaction, whatever the number of households. The triggers, their
 * transactions, the locks and the views' meaning stay as they were.
 *
 * analytics_daily_compact() (0022, 0026) deleted and re-inserted every row of analytics_daily_delta each
 * minute (about 130,000 folded day rows at 1,000,000 households) to fold the few pending ones. It now
 * deletes only the pending rows and adds them to the folded row of their (area, kind, day), one per key
 * under a partial unique index. A folded row whose sum falls back to zero stays (one per day and key at
 * most, whatever the households; readers add zeros).
 */

const PROGRAM_AREA_FOLD = `
  with d as (delete from analytics_program_area_delta returning *)
  insert into analytics_program_area as t (area_id, program_id, ${STATUS_COLUMNS})
  select area_id, program_id, ${STATUS_COLUMNS.split(', ').map((c) => `sum(${c})`).join(', ')} from d group by 1, 2 order by 1, 2
  on conflict (area_id, program_id) do update set ${STATUS_COLUMNS.split(', ').map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')};`;

const FUNCTIONS = `
-- As in 0023, but the status deltas go to analytics_program_area_delta.
create or replace function analytics_append(p_old intervention[], p_new intervention[], p_old_area uuid default null, p_new_area uuid default null,
  p_old_owner uuid default null, p_new_owner uuid default null) returns void language sql
security definer set search_path = public, pg_temp as $$
  with src as materialized (
    select i.sign, i.program_id, coalesce(case when i.sign < 0 then p_old_owner else p_new_owner end, p.owner_id) as owner_id,
           i.household_id, coalesce(case when i.sign < 0 then p_old_area else p_new_area end, h.area_id) as area_id,
           coalesce(i.person_id, i.household_id) as target_id, i.status, i.period_key, i.value_rp, i.planned_on, i.delivered_on
      from (select -1 as sign, o.* from unnest(p_old) o union all select 1, n.* from unnest(p_new) n) i
      join program p on p.id = i.program_id join household h on h.id = i.household_id),
  status as (
    insert into analytics_program_area_delta (area_id, program_id, ${STATUS_COLUMNS})
    select * from (select area_id, program_id, ${STATUS_SUMS} from src group by area_id, program_id) x where ${STATUS_NONZERO}),
  program_households as (
    insert into analytics_program_household_delta (program_id, household_id, area_id, active, done)
    select * from (select program_id, household_id, area_id, ${HOUSEHOLD_SUMS} from src group by 1, 2, 3) x where active <> 0 or done <> 0),
  owner_households as (
    insert into analytics_owner_household_delta (owner_id, household_id, area_id, active, done)
    select * from (select owner_id, household_id, area_id, ${HOUSEHOLD_SUMS} from src group by 1, 2, 3) x where active <> 0 or done <> 0)
  insert into analytics_program_target_delta (program_id, period_key, target_id, area_id, n)
  select program_id, period_key, target_id, area_id, sum(sign) from src where status <> 'CANCELLED'
   group by 1, 2, 3, 4 having sum(sign) <> 0;
$$;

-- As in 0023; the folded per-(area, program) rows are updated in place, never re-inserted.
create or replace function analytics_compact() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtext('analytics_compact'));
  ${foldHouseholds('program_id', 'analytics_program_household_delta', 'analytics_program_household', 'analytics_program_area', 'reached, households_delivered',
    `on conflict (area_id, program_id) do update set reached = t.reached + excluded.reached,
       households_delivered = t.households_delivered + excluded.households_delivered`)}
  ${foldHouseholds('owner_id', 'analytics_owner_household_delta', 'analytics_owner_household', 'analytics_owner_area', 'reached, households_delivered',
    `on conflict (area_id, owner_id) do update set reached = t.reached + excluded.reached,
       households_delivered = t.households_delivered + excluded.households_delivered`)}
${TARGET_FOLD}
${PROGRAM_AREA_FOLD}
end $$;

-- 0023's rebuild (renamed) writes one folded row per key; the status deltas are emptied with the rest.
alter function analytics_rebuild() rename to analytics_rebuild_folded;
create function analytics_rebuild() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtext('analytics_compact'));
  truncate analytics_program_area_delta;
  perform analytics_rebuild_folded();
end $$;
`;

const DAILY_COMPACT = `
create or replace function analytics_daily_compact() returns void language sql security definer
set search_path = public, pg_temp as $$
  with gone as (delete from analytics_daily_delta where not folded returning area_id, kind, day, delta),
  sums as (select area_id, kind, day, sum(delta)::int as delta from gone group by 1, 2, 3 having sum(delta) <> 0),
  months as (
    insert into analytics_daily_month as t (area_id, kind, month, delta)
    select area_id, kind, date_trunc('month', day)::date, sum(delta) from sums group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3
    on conflict (area_id, kind, month) do update set delta = t.delta + excluded.delta)
  insert into analytics_daily_delta as t (area_id, kind, day, delta, folded)
  select area_id, kind, day, delta, true from sums order by 1, 2, 3
  on conflict (area_id, kind, day) where folded do update set delta = t.delta + excluded.delta;
  delete from analytics_daily_month where delta = 0;
$$;`;

// 0026's compaction, for the down migration.
const DAILY_COMPACT_0026 = `
create or replace function analytics_daily_compact() returns void language sql security definer
set search_path = public, pg_temp as $$
  with gone as (delete from analytics_daily_delta returning area_id, kind, day, delta, folded),
  months as (
    insert into analytics_daily_month as t (area_id, kind, month, delta)
    select area_id, kind, date_trunc('month', day)::date, sum(delta) from gone where not folded
     group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3
    on conflict (area_id, kind, month) do update set delta = t.delta + excluded.delta)
  insert into analytics_daily_delta (area_id, kind, day, delta, folded)
  select area_id, kind, day, sum(delta), true from gone group by area_id, kind, day having sum(delta) <> 0;
  delete from analytics_daily_month where delta = 0;
$$;`;

// Folded counts, pending status deltas, and the pending household deltas' crossings of zero.
const VIEW = `
create or replace view analytics_program_area_current with (security_invoker = true) as
  select area_id, program_id, ${STATUS_COLUMNS}, reached, households_delivered from analytics_program_area
  union all
  select area_id, program_id, ${STATUS_COLUMNS}, 0, 0 from analytics_program_area_delta
  union all
  select area_id, program_id, 0, 0, 0, 0, 0, 0, 0, 0, reached, households_delivered
    from (${householdCrossings('program_id', 'analytics_program_household_delta', 'analytics_program_household')}) c;`;

const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

export class Migration0029ProgramAreaDeltas extends Migration {
  override async up(): Promise<void> {
    const sql = (s: string) => this.addSql(s);
    // Writers wait while the table is rebuilt (the triggers' functions change in the same transaction).
    sql(`lock table analytics_program_area in access exclusive mode;`);
    sql(`create table analytics_program_area_delta (area_id uuid not null, program_id uuid not null,
      planned int not null, in_progress int not null, delivered int not null, verified int not null, cancelled int not null,
      value_delivered numeric not null, days bigint not null, timed int not null);`);
    sql(`alter table analytics_program_area_delta enable row level security;`);
    sql(`grant select on analytics_program_area_delta to sinergi_app;`);
    sql(`create policy analytics_program_area_delta_scope on analytics_program_area_delta for select
      using ((select sinergi_city_wide()) or ${OFFICER_AREAS});`);
    // Backfill: the rows folded per key into a fresh heap (truncate gives the bloated pages back).
    sql(`create temp table analytics_program_area_folded on commit drop as
      select area_id, program_id, ${[...STATUS_COLUMNS.split(', '), 'reached', 'households_delivered'].map((c) => `sum(${c}) as ${c}`).join(', ')}
        from analytics_program_area group by 1, 2;`);
    sql(`truncate analytics_program_area;`);
    sql(`drop index analytics_program_area_key;`);
    sql(`alter table analytics_program_area add primary key (area_id, program_id);`);
    sql(`insert into analytics_program_area (area_id, program_id, ${STATUS_COLUMNS}, reached, households_delivered)
      select * from analytics_program_area_folded order by 1, 2;`);
    sql(FUNCTIONS);
    sql(VIEW);
    sql(`revoke all on function analytics_rebuild_folded() from public;`);
    sql(`revoke all on function analytics_rebuild() from public;`);
    // The day events: one last whole fold (0026's) leaves one folded row per key, which the index then keeps.
    sql(`lock table analytics_daily_delta in share row exclusive mode;`);
    sql(`select analytics_daily_compact();`);
    sql(`create unique index analytics_daily_delta_folded on analytics_daily_delta (area_id, kind, day) where folded;`);
    sql(DAILY_COMPACT);
    sql(`analyze analytics_program_area, analytics_daily_delta;`);
  }

  override async down(): Promise<void> {
    const sql = (s: string) => this.addSql(s);
    const orReplace = (s: string) => s.replaceAll('create function', 'create or replace function').replaceAll('create view', 'create or replace view');
    // The pending status deltas folded first; then 0023's functions, view and index as they were.
    sql(DAILY_COMPACT_0026);
    sql(`drop index analytics_daily_delta_folded;`);
    sql(`select analytics_compact();`);
    sql(`drop function analytics_rebuild();`);
    sql(`alter function analytics_rebuild_folded() rename to analytics_rebuild;`);
    sql(orReplace(FUNCTIONS_0023));
    sql(orReplace(VIEWS_0023));
    sql(`drop table analytics_program_area_delta;`);
    sql(`alter table analytics_program_area drop constraint analytics_program_area_pkey;`);
    sql(`create index analytics_program_area_key on analytics_program_area (program_id, area_id);`);
  }
}
