import { Migration } from '@mikro-orm/migrations';

/*
 * Summaries of `overlap` (spec §6: analytics flat from 100k to 1M households), added to the coverage parts
 * of migration 0021 so that the same triggers keep them exact inside the writing transactions, the same
 * row lock orders writers of one household, and coverage_compact() folds them.
 *
 * Overlap depends on today like coverage (an intervention counts while today is in its program's
 * period), so each household's parts are counts over DATE RANGES; per variant ('' = every program, or
 * one focus aspect = that aspect's programs):
 * - overlap:<type> over r   needs of the type addressed, on every day of r, by at least two programs of
 *                           the variant (non-cancelled interventions of their current period, same
 *                           member or household-wide)
 * - overlap-hh over r       1 for the days on which two programs share an aspect on the household: for
 *                           '' any aspect, for an aspect that aspect (the report's per-aspect counts)
 * The days of two programs are the intersection of each one's union of periods; the days of "at least
 * two" the union of those intersections over the pairs.
 */

const OVERLAP_COMPUTE = `
create function coverage_overlap_compute(p_households uuid[])
returns table (household_id uuid, area_id uuid, aspect text, item text, r daterange, n int)
language sql stable security definer set search_path = public, pg_temp as $$
  with h as (select h.id, h.area_id from household h where h.id = any (p_households)),
  iv as (
    select i.household_id, i.person_id, i.program_id, p.need_types, p.focus_aspects,
           coverage_period_range(p.frequency, i.period_key) as r
      from intervention i join program p on p.id = i.program_id
     where i.household_id = any (p_households) and i.status <> 'CANCELLED'),
  -- Needs: the days each program of each variant addresses each need.
  np as (
    select n.id, n.household_id, n.need_type, v.aspect, iv.program_id, range_agg(iv.r) as m
      from household_need n
      join iv on iv.household_id = n.household_id and n.need_type = any (iv.need_types)
             and (n.person_id is null or iv.person_id is null or iv.person_id = n.person_id)
     cross join lateral (select '' union select unnest(iv.focus_aspects)) v(aspect)
     where n.household_id = any (p_households)
     group by 1, 2, 3, 4, 5),
  nov as (
    select a.id, a.household_id, a.need_type, a.aspect, range_agg(a.m * b.m) as m
      from np a join np b on b.id = a.id and b.aspect = a.aspect and b.program_id > a.program_id
     group by 1, 2, 3, 4),
  -- Households: the days each program is present under each of its aspects.
  hp as (
    select iv.household_id, a.aspect, iv.program_id, range_agg(iv.r) as m
      from iv cross join lateral unnest(iv.focus_aspects) a(aspect)
     group by 1, 2, 3),
  hov as (
    select a.household_id, a.aspect, a.m * b.m as m
      from hp a join hp b on b.household_id = a.household_id and b.aspect = a.aspect and b.program_id > a.program_id),
  parts as (
    select nov.household_id, nov.aspect, 'overlap:' || nov.need_type as item, x.r from nov cross join lateral unnest(nov.m) x(r)
    union all
    select y.household_id, y.aspect, 'overlap-hh', x.r
      from (select hov.household_id, hov.aspect, range_agg(hov.m) as m from hov group by 1, 2
            union all
            select hov.household_id, '', range_agg(hov.m) from hov group by 1) y
     cross join lateral unnest(y.m) x(r))
  select parts.household_id, h.area_id, parts.aspect, parts.item, parts.r, count(*)::int
    from parts join h on h.id = parts.household_id
   group by parts.household_id, h.area_id, parts.aspect, parts.item, parts.r
$$;
revoke all on function coverage_overlap_compute(uuid[]) from public;

-- Every caller of coverage_compute (the triggers' refresh, the rebuild) now gets the overlap parts too.
alter function coverage_compute(uuid[]) rename to coverage_compute_coverage;
create function coverage_compute(p_households uuid[])
returns table (household_id uuid, area_id uuid, aspect text, item text, r daterange, n int)
language sql stable security definer set search_path = public, pg_temp as $$
  select * from coverage_compute_coverage(p_households)
  union all
  select * from coverage_overlap_compute(p_households)
$$;
revoke all on function coverage_compute(uuid[]) from public;
`;

// The existing households' parts, and their sums as deltas (the coverage parts stay as they are). Each
// reader scans only its own open rows.
const BACKFILL = `
create index coverage_delta_overlap_open on coverage_delta ((coalesce(upper(r), 'infinity'::date))) where item like 'overlap%';
create index coverage_delta_coverage_open on coverage_delta (aspect, (coalesce(upper(r), 'infinity'::date))) where item not like 'overlap%';
insert into coverage_part (household_id, area_id, aspect, item, r, n)
select * from coverage_overlap_compute((select array_agg(id) from household));
insert into coverage_delta (area_id, aspect, item, r, n)
select area_id, aspect, item, r, sum(n) from coverage_part where item like 'overlap%' group by area_id, aspect, item, r;
`;

// A kelurahan officer reads the areas of its scope (as 0022's events).
const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

/*
 * Monthly subtotals of the day events of migration 0022 (stunting and the trend): a read at a day e summed
 * every event on or before e, one row per (area, kind, day) of five years of birthdays and measurements
 * (about 32,000 rows for stunting at 1,000,000 households, and growing with the city). The compaction now
 * marks the rows it folds (`folded`) and adds them to analytics_daily_month (area, kind, month); a read at e
 * takes the months before e's month from there, the folded days of e's month, and the pending events.
 */
const DAILY_MONTHS = `
create table analytics_daily_month (
  area_id uuid not null references area (id), kind text not null, month date not null, delta int not null,
  primary key (area_id, kind, month));
alter table analytics_daily_delta add column folded boolean not null default false;
create index analytics_daily_delta_pending on analytics_daily_delta (day) where not folded;

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
$$;

-- The rebuild's events are pending: no month holds them yet.
create or replace function analytics_daily_rebuild() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  truncate analytics_daily_state, analytics_daily_delta, analytics_daily_month;
  insert into analytics_daily_state (kind, entity_id, area_id, days)
  select 'E', c.* from analytics_daily_compute('E', (select array_agg(distinct household_id) from poverty_assessment)) c
  union all
  select 'N', c.* from analytics_daily_compute('N', (select array_agg(id) from household_need)) c
  union all
  select 'S', c.* from analytics_daily_compute('S', (select array_agg(id) from household_need)) c
  union all
  select k.kind, c.* from (values ('C'), ('T'), ('V')) k (kind)
   cross join lateral analytics_daily_compute(k.kind, (select array_agg(distinct person_id) from growth_measurement)) c;
  insert into analytics_daily_delta (area_id, kind, day, delta)
  select s.area_id, s.kind, e.day, sum(e.delta)
    from analytics_daily_state s cross join lateral analytics_daily_events(s.days) e
   group by 1, 2, 3 having sum(e.delta) <> 0;
end $$;

alter table analytics_daily_month enable row level security;
grant select on analytics_daily_month to sinergi_app;
create policy analytics_daily_month_scope on analytics_daily_month for select using ((select sinergi_city_wide()) or ${OFFICER_AREAS});
select analytics_daily_compact();
analyze analytics_daily_month, analytics_daily_delta, coverage_delta;
`;

export class Migration0026OverlapSummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(OVERLAP_COMPUTE);
    this.addSql(BACKFILL);
    this.addSql(DAILY_MONTHS);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function coverage_compute(uuid[]);`);
    this.addSql(`alter function coverage_compute_coverage(uuid[]) rename to coverage_compute;`);
    this.addSql(`drop function coverage_overlap_compute(uuid[]);`);
    this.addSql(`delete from coverage_part where item like 'overlap%';`);
    this.addSql(`delete from coverage_delta where item like 'overlap%';`);
    this.addSql(`drop index coverage_delta_overlap_open, coverage_delta_coverage_open;`);
    // 0022's compaction and rebuild as they were (the folded rows stay: they are events like any other).
    this.addSql(`drop table analytics_daily_month;`);
    this.addSql(`drop index analytics_daily_delta_pending;`);
    this.addSql(`alter table analytics_daily_delta drop column folded;`);
    this.addSql(`create or replace function analytics_daily_compact() returns void language sql security definer
      set search_path = public, pg_temp as $$
        with gone as (delete from analytics_daily_delta returning area_id, kind, day, delta)
        insert into analytics_daily_delta (area_id, kind, day, delta)
        select area_id, kind, day, sum(delta) from gone group by area_id, kind, day having sum(delta) <> 0
      $$;`);
    this.addSql(`create or replace function analytics_daily_rebuild() returns void language plpgsql security definer
      set search_path = public, pg_temp as $$
      begin
        truncate analytics_daily_state, analytics_daily_delta;
        insert into analytics_daily_state (kind, entity_id, area_id, days)
        select 'E', c.* from analytics_daily_compute('E', (select array_agg(distinct household_id) from poverty_assessment)) c
        union all
        select 'N', c.* from analytics_daily_compute('N', (select array_agg(id) from household_need)) c
        union all
        select 'S', c.* from analytics_daily_compute('S', (select array_agg(id) from household_need)) c
        union all
        select k.kind, c.* from (values ('C'), ('T'), ('V')) k (kind)
         cross join lateral analytics_daily_compute(k.kind, (select array_agg(distinct person_id) from growth_measurement)) c;
        insert into analytics_daily_delta (area_id, kind, day, delta)
        select s.area_id, s.kind, e.day, sum(e.delta)
          from analytics_daily_state s cross join lateral analytics_daily_events(s.days) e
         group by 1, 2, 3 having sum(e.delta) <> 0;
      end $$;`);
  }
}
