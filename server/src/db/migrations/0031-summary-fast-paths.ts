import { Migration } from '@mikro-orm/migrations';

/*
 * Cheaper summary triggers for what an import writes most (issue 10 item 9): new households, then their
 * needs. The parts and events they write are those of the general refresh (0021, 0022, 0026), computed
 * from the transition table instead of recomputing the household from every table:
 *
 * - coverage, household INSERT: a household without any coverage part yet has no needs or interventions
 *   (their foreign keys are checked at once), so its only part is its status and decile.
 * - coverage, need INSERT: a household without interventions, whose only part is its status and decile
 *   and whose needs are all in the statement, gains exactly the parts of those needs ('need:<type>' and
 *   'withneeds' per variant); the parts it had stay. Other households take the general refresh.
 * - daily summaries, need INSERT: a need without a state row counts on every day ('N': one +1 event at
 *   -infinity per area). The served days stay as in 0024 (refreshed only where a delivery exists).
 * - daily summaries, assessment INSERT: a household without a state row whose assessments are all in the
 *   statement gets its extreme-poor days from those rows ('E'). A state row written meanwhile by another
 *   writer (on conflict) sends its household to the general refresh, which waits for that writer.
 *
 * Each condition is checked after the household's row lock, as coverage_refresh orders writers.
 */

export const COVERAGE_HOUSEHOLD = `
create or replace function coverage_household_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  hs uuid[];
begin
  if tg_op = 'INSERT' then
    -- Households whose parts a need statement of the same query already wrote take the general refresh.
    select array_agg(n.id) into hs from new_rows n where exists (select 1 from coverage_part c where c.household_id = n.id);
    with parts as (
      insert into coverage_part (household_id, area_id, aspect, item, r, n)
      select n.id, n.area_id, '', 'hh:' || n.poverty_status || ':' || n.welfare_decile, '(,)'::daterange, 1
        from new_rows n where not (n.id = any (coalesce(hs, '{}')))
      returning area_id, aspect, item, r, n)
    insert into coverage_delta (area_id, aspect, item, r, n)
    select p.area_id, p.aspect, p.item, p.r, sum(p.n) from parts p group by 1, 2, 3, 4;
  elsif tg_op = 'DELETE' then
    select array_agg(id) into hs from old_rows;
  else
    select array_agg(n.id) into hs from old_rows o join new_rows n on n.id = o.id
     where (o.area_id, o.poverty_status, o.welfare_decile) is distinct from (n.area_id, n.poverty_status, n.welfare_decile);
  end if;
  perform coverage_refresh(hs);
  return null;
end $$;`;

export const COVERAGE_NEED = `
create or replace function coverage_need_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  hs uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct household_id) into hs from new_rows;
    if hs is null then return null; end if;
    perform 1 from household h where h.id = any (hs) order by h.id for no key update;
    create temp table if not exists coverage_fresh (household_id uuid primary key, area_id uuid not null) on commit delete rows;
    delete from coverage_fresh;
    insert into coverage_fresh
    select h.id, h.area_id from household h
     where h.id = any (hs)
       and not exists (select 1 from intervention i where i.household_id = h.id and i.status <> 'CANCELLED')
       and not exists (select 1 from household_need n where n.household_id = h.id and not exists (select 1 from new_rows x where x.id = n.id))
       and exists (select 1 from coverage_part c where c.household_id = h.id)
       and not exists (select 1 from coverage_part c where c.household_id = h.id
                         and (c.area_id, c.aspect, c.item, c.r, c.n)
                             is distinct from (h.area_id, '', 'hh:' || h.poverty_status || ':' || h.welfare_decile, '(,)'::daterange, 1));
    with ta as (select distinct a.aspect, t.need_type from program p, unnest(p.focus_aspects) a(aspect), unnest(p.need_types) t(need_type)),
    nd as (select x.household_id, f.area_id, x.need_type from new_rows x join coverage_fresh f on f.household_id = x.household_id),
    parts as (
      select nd.household_id, nd.area_id, '' as aspect, 'need:' || nd.need_type as item, count(*)::int as n from nd group by 1, 2, 4
      union all
      select distinct nd.household_id, nd.area_id, '', 'withneeds', 1 from nd
      union all
      select distinct nd.household_id, nd.area_id, ta.aspect, 'withneeds', 1 from nd join ta on ta.need_type = nd.need_type),
    written as (
      insert into coverage_part (household_id, area_id, aspect, item, r, n)
      select p.household_id, p.area_id, p.aspect, p.item, '(,)'::daterange, p.n from parts p
      returning area_id, aspect, item, r, n)
    insert into coverage_delta (area_id, aspect, item, r, n)
    select w.area_id, w.aspect, w.item, w.r, sum(w.n) from written w group by 1, 2, 3, 4;
    select array_agg(x) into hs from unnest(hs) x where not exists (select 1 from coverage_fresh f where f.household_id = x);
  elsif tg_op = 'DELETE' then
    select array_agg(distinct household_id) into hs from old_rows;
  else
    select array_agg(distinct x) into hs from (
      select o.household_id as x from old_rows o join new_rows n on n.id = o.id
       where (o.household_id, o.person_id, o.need_type) is distinct from (n.household_id, n.person_id, n.need_type)
      union select n.household_id from old_rows o join new_rows n on n.id = o.id
       where (o.household_id, o.person_id, o.need_type) is distinct from (n.household_id, n.person_id, n.need_type)) y;
  end if;
  perform coverage_refresh(hs);
  return null;
end $$;`;

const DAILY_NEED = (insert: string) => `
create or replace function analytics_daily_need_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare ids uuid[];
begin
  if tg_op = 'INSERT' then
${insert}
    select array_agg(n.id) into ids from new_rows n
     where exists (select 1 from intervention i where i.household_id = n.household_id
                      and i.status in ('DELIVERED', 'VERIFIED') and i.delivered_on is not null);
    perform analytics_daily_refresh('S', ids);
    return null;
  elsif tg_op = 'DELETE' then select array_agg(id) into ids from old_rows;
  else select array_agg(id) into ids from (select id from old_rows union select id from new_rows) x;
  end if;
  perform analytics_daily_refresh('N', ids);
  perform analytics_daily_refresh('S', ids);
  return null;
end $$;`;

export const DAILY_NEED_UP = DAILY_NEED(`
    -- A need with a state row already (none in practice: ids are new) takes the general refresh.
    select array_agg(n.id) into ids from new_rows n where exists (select 1 from analytics_daily_state s where s.kind = 'N' and s.entity_id = n.id);
    with fresh as (
      insert into analytics_daily_state (kind, entity_id, area_id, days)
      select 'N', n.id, h.area_id, '{(,)}'::datemultirange
        from new_rows n join household h on h.id = n.household_id
       where not (n.id = any (coalesce(ids, '{}')))
      returning area_id)
    insert into analytics_daily_delta (area_id, kind, day, delta)
    select f.area_id, 'N', '-infinity'::date, count(*) from fresh f group by f.area_id;
    perform analytics_daily_refresh('N', ids);`);
const DAILY_NEED_DOWN = DAILY_NEED(`
    select array_agg(id) into ids from new_rows;
    perform analytics_daily_refresh('N', ids);`);

const DAILY_ASSESSMENT = (insert: string) => `
create or replace function analytics_daily_assessment_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare ids uuid[];
begin
  if tg_op = 'INSERT' then
${insert}
  elsif tg_op = 'DELETE' then select array_agg(distinct household_id) into ids from old_rows;
  else select array_agg(distinct household_id) into ids from (select household_id from old_rows union select household_id from new_rows) x;
  end if;
  perform analytics_daily_refresh('E', ids);
  return null;
end $$;`;

export const DAILY_ASSESSMENT_UP = DAILY_ASSESSMENT(`
    create temp table if not exists analytics_daily_fresh (entity_id uuid primary key) on commit delete rows;
    delete from analytics_daily_fresh;
    -- The days as analytics_daily_compute('E') has them, from the statement's rows.
    with fh as (
      select distinct n.household_id from new_rows n
       where not exists (select 1 from analytics_daily_state s where s.kind = 'E' and s.entity_id = n.household_id)
         and not exists (select 1 from poverty_assessment pa where pa.household_id = n.household_id
                           and not exists (select 1 from new_rows x where x.id = pa.id))),
    s as (
      select n.household_id, n.poverty_status, n.assessed_on,
             lead(n.assessed_on) over (partition by n.household_id order by n.assessed_on, n.created_at, n.id) as until
        from new_rows n where n.household_id in (select household_id from fh)),
    a as (
      select s.household_id, range_agg(daterange(s.assessed_on, s.until, '[)')) filter (where s.poverty_status = 'EXTREME_POOR') as days
        from s group by s.household_id),
    d as (
      select h.id, h.area_id, coalesce(a.days, '{}') as days
        from household h join a on a.household_id = h.id),
    st as (
      insert into analytics_daily_state (kind, entity_id, area_id, days)
      select 'E', d.id, d.area_id, d.days from d
      on conflict do nothing
      returning entity_id, area_id, days),
    mark as (insert into analytics_daily_fresh select st.entity_id from st)
    insert into analytics_daily_delta (area_id, kind, day, delta)
    select st.area_id, 'E', e.day, sum(e.delta) from st cross join lateral analytics_daily_events(st.days) e
     group by st.area_id, e.day having sum(e.delta) <> 0;
    select array_agg(distinct n.household_id) into ids from new_rows n
     where not exists (select 1 from analytics_daily_fresh f where f.entity_id = n.household_id);`);
const DAILY_ASSESSMENT_DOWN = DAILY_ASSESSMENT(`
    select array_agg(distinct household_id) into ids from new_rows;`);

const COVERAGE_HOUSEHOLD_DOWN = `
create or replace function coverage_household_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  hs uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(id) into hs from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(id) into hs from old_rows;
  else
    select array_agg(n.id) into hs from old_rows o join new_rows n on n.id = o.id
     where (o.area_id, o.poverty_status, o.welfare_decile) is distinct from (n.area_id, n.poverty_status, n.welfare_decile);
  end if;
  perform coverage_refresh(hs);
  return null;
end $$;`;

const COVERAGE_NEED_DOWN = `
create or replace function coverage_need_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  hs uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct household_id) into hs from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct household_id) into hs from old_rows;
  else
    select array_agg(distinct x) into hs from (
      select o.household_id as x from old_rows o join new_rows n on n.id = o.id
       where (o.household_id, o.person_id, o.need_type) is distinct from (n.household_id, n.person_id, n.need_type)
      union select n.household_id from old_rows o join new_rows n on n.id = o.id
       where (o.household_id, o.person_id, o.need_type) is distinct from (n.household_id, n.person_id, n.need_type)) y;
  end if;
  perform coverage_refresh(hs);
  return null;
end $$;`;

export class Migration0031SummaryFastPaths extends Migration {
  override async up(): Promise<void> {
    this.addSql(COVERAGE_HOUSEHOLD);
    this.addSql(COVERAGE_NEED);
    this.addSql(DAILY_NEED_UP);
    this.addSql(DAILY_ASSESSMENT_UP);
  }

  override async down(): Promise<void> {
    this.addSql(COVERAGE_HOUSEHOLD_DOWN);
    this.addSql(COVERAGE_NEED_DOWN);
    this.addSql(DAILY_NEED_DOWN);
    this.addSql(DAILY_ASSESSMENT_DOWN);
  }
}
