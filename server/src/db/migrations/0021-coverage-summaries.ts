import { Migration } from '@mikro-orm/migrations';

/*
 * Summaries of coverageByArea (spec §6: analytics flat from 100k to 1M households), EXACT and kept
 * current inside the transactions that change needs, interventions, households and programs.
 *
 * A need's status depends on today: an intervention counts while today is in its program's period.
 * So each household's contribution is stored as counts over DATE RANGES, and a reader at `today`
 * sums the rows whose range contains today; nothing goes stale as days pass. Per household
 * (coverage_part) and per variant ('' = every program, or one focus aspect = that aspect's programs):
 * - hh:<poverty status>:<decile>  1 (variant '' only)
 * - need:<type>                   needs of the type (variant '' only; the reader keeps the aspect's types)
 * - served:<type> over r          needs of the type served on every day of r (a delivered intervention
 *                                 in its period): the disjoint ranges of the union of those periods
 * - covered:<type> over r         the same with planned and in-progress interventions (served or planned)
 * - reached                       1 when a non-cancelled intervention of the variant's programs exists
 * - withneeds                     1 when the household has a counted need (of a type the aspect addresses)
 * - allcovered over r             1 for the days on which every counted need is covered (no unmet need)
 * Counts at day d: served(t), planned(t) = covered(t) - served(t), unmet(t) = need(t) - covered(t),
 * households with an unmet need = withneeds - allcovered, never reached = households - reached.
 *
 * Writes: a statement's trigger recomputes the parts of the households it touched, from the rows, and
 * APPENDS the difference to coverage_delta (area, variant, item, range, +/- n); readers sum it, and
 * coverage_compact() folds it. No summary row is updated in place, so writers never wait on each
 * other, except two writers of the same household: they take its row lock (FOR NO KEY UPDATE, which a
 * foreign-key check does not wait for), so the second recomputes from what the first committed.
 *
 * Triggers are SECURITY DEFINER functions owned by the migration role; the application role reads
 * coverage_delta by scope (city-wide roles everything, a kelurahan officer its area) and nothing else.
 */

const FUNCTIONS = `
-- The days on which sinergi_period_key(frequency, day) = key: empty when the key is not of the frequency.
create function coverage_period_range(p_frequency text, p_key text) returns daterange
language plpgsql immutable parallel safe set search_path = public, pg_temp as $$
declare
  s date;
  r daterange;
begin
  if p_frequency = 'ONCE' then
    return case when p_key = 'ONCE' then '(,)'::daterange else 'empty'::daterange end;
  elsif p_frequency = 'WEEKLY' and p_key ~ '^[0-9]{4}-W[0-9]{2}$' and left(p_key, 4)::int > 0 then
    -- ISO week 1 holds 4 January.
    s := make_date(left(p_key, 4)::int, 1, 4);
    s := s - (extract(isodow from s)::int - 1) + (right(p_key, 2)::int - 1) * 7;
    r := daterange(s, s + 7);
  elsif p_frequency = 'MONTHLY' and p_key ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and left(p_key, 4)::int > 0 then
    s := make_date(left(p_key, 4)::int, right(p_key, 2)::int, 1);
    r := daterange(s, (s + interval '1 month')::date);
  elsif p_frequency = 'QUARTERLY' and p_key ~ '^[0-9]{4}-Q[1-4]$' and left(p_key, 4)::int > 0 then
    s := make_date(left(p_key, 4)::int, (right(p_key, 1)::int - 1) * 3 + 1, 1);
    r := daterange(s, (s + interval '3 months')::date);
  elsif p_frequency = 'YEARLY' and p_key ~ '^[0-9]{4}$' and p_key::int > 0 then
    s := make_date(p_key::int, 1, 1);
    r := daterange(s, (s + interval '1 year')::date);
  else
    return 'empty'::daterange;
  end if;
  -- A week number the year does not have (W53) names no day.
  if sinergi_period_key(p_frequency, lower(r)) <> p_key or sinergi_period_key(p_frequency, upper(r) - 1) <> p_key then
    return 'empty'::daterange;
  end if;
  return r;
end $$;

-- The parts of the given households, computed from the rows (see the comment at the top).
create function coverage_compute(p_households uuid[])
returns table (household_id uuid, area_id uuid, aspect text, item text, r daterange, n int)
language sql stable security definer set search_path = public, pg_temp as $$
  with h as (select h.id, h.area_id, h.poverty_status, h.welfare_decile from household h where h.id = any (p_households)),
  -- The need types each aspect's programs address: a need counts under an aspect when its type is one of them.
  ta as (select distinct a.aspect, t.need_type from program p, unnest(p.focus_aspects) a(aspect), unnest(p.need_types) t(need_type)),
  nd as (select n.id, n.household_id, n.person_id, n.need_type from household_need n where n.household_id = any (p_households)),
  ndv as (select nd.*, '' as aspect from nd union all select nd.*, ta.aspect from nd join ta on ta.need_type = nd.need_type),
  iv as (
    select i.household_id, i.person_id, i.status in ('DELIVERED', 'VERIFIED') as done, p.need_types, v.aspect,
           coverage_period_range(p.frequency, i.period_key) as r
      from intervention i join program p on p.id = i.program_id
     cross join lateral (select '' union all select unnest(p.focus_aspects)) v(aspect)
     where i.household_id = any (p_households) and i.status <> 'CANCELLED'),
  -- Each need's days served, and days served or planned, per variant (the household_need_status rule).
  cov as (
    select ndv.id, ndv.household_id, ndv.need_type, ndv.aspect,
           coalesce(range_agg(iv.r) filter (where iv.done), '{}'::datemultirange) as served,
           coalesce(range_agg(iv.r), '{}'::datemultirange) as covered
      from ndv left join iv on iv.household_id = ndv.household_id and iv.aspect = ndv.aspect
                           and ndv.need_type = any (iv.need_types)
                           and (ndv.person_id is null or iv.person_id is null or iv.person_id = ndv.person_id)
     group by ndv.id, ndv.household_id, ndv.need_type, ndv.aspect),
  parts as (
    select h.id as household_id, '' as aspect, 'hh:' || h.poverty_status || ':' || h.welfare_decile as item, '(,)'::daterange as r from h
    union all
    select distinct iv.household_id, iv.aspect, 'reached', '(,)'::daterange from iv
    union all
    select nd.household_id, '', 'need:' || nd.need_type, '(,)'::daterange from nd
    union all
    select cov.household_id, cov.aspect, 'served:' || cov.need_type, s.r from cov cross join lateral unnest(cov.served) s(r)
    union all
    select cov.household_id, cov.aspect, 'covered:' || cov.need_type, c.r from cov cross join lateral unnest(cov.covered) c(r)
    union all
    select distinct ndv.household_id, ndv.aspect, 'withneeds', '(,)'::daterange from ndv
    union all
    select x.household_id, x.aspect, 'allcovered', a.r
      from (select cov.household_id, cov.aspect, range_intersect_agg(cov.covered) as m from cov group by 1, 2) x
     cross join lateral unnest(x.m) a(r))
  select parts.household_id, h.area_id, parts.aspect, parts.item, parts.r, count(*)::int
    from parts join h on h.id = parts.household_id
   group by parts.household_id, h.area_id, parts.aspect, parts.item, parts.r
$$;

-- Replaces the parts of the given households and appends the difference to coverage_delta.
create function coverage_refresh(p_households uuid[]) returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if p_households is null or cardinality(p_households) = 0 then return; end if;
  -- One writer per household at a time; the statements below see what an earlier one committed.
  perform 1 from household h where h.id = any (p_households) order by h.id for no key update;
  with old as (
    delete from coverage_part c where c.household_id = any (p_households)
    returning c.area_id, c.aspect, c.item, c.r, -c.n as n),
  new as (
    insert into coverage_part (household_id, area_id, aspect, item, r, n)
    select * from coverage_compute(p_households)
    returning area_id, aspect, item, r, n)
  insert into coverage_delta (area_id, aspect, item, r, n)
  select x.area_id, x.aspect, x.item, x.r, sum(x.n)
    from (select * from old union all select * from new) x
   group by x.area_id, x.aspect, x.item, x.r
  having sum(x.n) <> 0;
end $$;

create function coverage_need_changed() returns trigger language plpgsql security definer
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
end $$;

create function coverage_intervention_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  hs uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct household_id) into hs from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct household_id) into hs from old_rows;
  else
    -- Values, dates and notes do not change coverage.
    select array_agg(distinct x) into hs from (
      select o.household_id as x from old_rows o join new_rows n on n.id = o.id
       where (o.household_id, o.person_id, o.program_id, o.status, o.period_key)
             is distinct from (n.household_id, n.person_id, n.program_id, n.status, n.period_key)
      union select n.household_id from old_rows o join new_rows n on n.id = o.id
       where (o.household_id, o.person_id, o.program_id, o.status, o.period_key)
             is distinct from (n.household_id, n.person_id, n.program_id, n.status, n.period_key)) y;
  end if;
  perform coverage_refresh(hs);
  return null;
end $$;

create function coverage_household_changed() returns trigger language plpgsql security definer
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
end $$;

-- A program's frequency, need types or aspects changed (an administrator's edit, rare): its households
-- change, and so do the households with needs of a type that an aspect now addresses or no longer does.
create function coverage_program_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  hs uuid[];
begin
  create temp table if not exists coverage_programs (id uuid, frequency text, need_types text[], focus_aspects text[], side int)
    on commit delete rows;
  delete from coverage_programs;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into coverage_programs select o.id, o.frequency, o.need_types, o.focus_aspects, -1 from old_rows o;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into coverage_programs select n.id, n.frequency, n.need_types, n.focus_aspects, 1 from new_rows n;
  end if;
  with changed as (
    select c.id from coverage_programs c group by c.id
    having count(*) = 1 or count(distinct (c.frequency, c.need_types, c.focus_aspects)) > 1),
  before as (
    select a, t from program p, unnest(p.focus_aspects) a, unnest(p.need_types) t
     where p.id not in (select c.id from coverage_programs c)
    union select a, t from coverage_programs c, unnest(c.focus_aspects) a, unnest(c.need_types) t where c.side < 0),
  after as (select a, t from program p, unnest(p.focus_aspects) a, unnest(p.need_types) t),
  moved as ((select * from before except select * from after) union (select * from after except select * from before))
  select array_agg(distinct x) into hs from (
    select i.household_id as x from intervention i where i.program_id in (select id from changed)
    union select n.household_id from household_need n where n.need_type in (select t from moved)) y;
  perform coverage_refresh(hs);
  return null;
end $$;

-- Folds the appended rows into one per key (rows appended meanwhile by open transactions stay as they are).
create function coverage_compact() returns void language sql security definer set search_path = public, pg_temp as $$
  with gone as (delete from coverage_delta returning area_id, aspect, item, r, n)
  insert into coverage_delta (area_id, aspect, item, r, n)
  select area_id, aspect, item, r, sum(n) from gone group by area_id, aspect, item, r having sum(n) <> 0;
$$;

-- Every part from the rows (the migration's backfill; tests compare it with the maintained rows).
create function coverage_rebuild() returns void language plpgsql security definer set search_path = public, pg_temp as $$
begin
  truncate coverage_part, coverage_delta;
  insert into coverage_part (household_id, area_id, aspect, item, r, n)
  select * from coverage_compute((select array_agg(id) from household));
  insert into coverage_delta (area_id, aspect, item, r, n)
  select area_id, aspect, item, r, sum(n) from coverage_part group by area_id, aspect, item, r;
end $$;
`;

const TABLES = `
create table coverage_part (
  household_id uuid not null, area_id uuid not null, aspect text not null, item text not null, r daterange not null, n int not null);
create index coverage_part_household on coverage_part (household_id);
create table coverage_delta (
  area_id uuid not null references area (id), aspect text not null, item text not null, r daterange not null, n int not null);
-- A read at today skips the ranges that ended before it: most of the history.
create index coverage_delta_open on coverage_delta (aspect, (coalesce(upper(r), 'infinity'::date)));
`;

// A kelurahan officer reads the areas of its scope (as 0017's summaries).
const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

const FUNCTION_NAMES = [
  'coverage_period_range(text, text)',
  'coverage_compute(uuid[])',
  'coverage_refresh(uuid[])',
  'coverage_need_changed()',
  'coverage_intervention_changed()',
  'coverage_household_changed()',
  'coverage_program_changed()',
  'coverage_compact()',
  'coverage_rebuild()',
];

const transition = (op: string) =>
  op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';

export class Migration0021CoverageSummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(TABLES);
    this.addSql(FUNCTIONS);
    this.addSql(`alter table coverage_part enable row level security;`);
    this.addSql(`alter table coverage_delta enable row level security;`);
    this.addSql(`grant select on coverage_delta to sinergi_app;`);
    this.addSql(`create policy coverage_delta_scope on coverage_delta for select using ((select sinergi_city_wide()) or ${OFFICER_AREAS});`);
    for (const [table, fn] of [
      ['household_need', 'coverage_need_changed'],
      ['intervention', 'coverage_intervention_changed'],
      ['household', 'coverage_household_changed'],
      ['program', 'coverage_program_changed'],
    ] as const) {
      for (const op of ['insert', 'update', 'delete']) {
        this.addSql(`create trigger coverage_${table}_${op} after ${op} on ${table} referencing ${transition(op)}
          for each statement execute function ${fn}();`);
      }
    }
    for (const fn of FUNCTION_NAMES) this.addSql(`revoke all on function ${fn} from public;`);
    // The server folds the deltas every minute as the application role (summary-compaction.ts).
    this.addSql(`grant execute on function coverage_compact() to sinergi_app;`);
    this.addSql(`select coverage_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const table of ['household_need', 'intervention', 'household', 'program']) {
      for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists coverage_${table}_${op} on ${table};`);
    }
    this.addSql(`drop function if exists ${FUNCTION_NAMES.join(', ')};`);
    this.addSql(`drop table if exists coverage_delta, coverage_part;`);
  }
}
