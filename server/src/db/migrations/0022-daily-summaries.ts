import { Migration } from '@mikro-orm/migrations';

/*
 * Day-exact summaries for the aggregates that depend on a date (spec §6: flat from 100k to 1M
 * households): the trend toward zero extreme poverty (povertyTrend) and stunting (stuntingByArea). Exact
 * in the writing transaction like those of 0017, but append-only: no writer ever updates a row another
 * writer may update, so concurrent writers of different households never wait.
 *
 * They count, on a day e (a month end or the reference date for the trend, the reference date for stunting):
 * - 'E': households whose latest assessment on or before e is EXTREME_POOR;
 * - 'S': current needs served on e (a delivered intervention addressing the need, delivered on or
 *   before e, of the period containing e for its program's frequency);
 * - 'N': current needs (counted whatever e);
 * - 'C': children under five on e (born on or before e, not yet five, not left) measured on or before e;
 * - 'T' / 'V': those of them whose latest measurement on or before e is stunted / severely stunted.
 * Each entity (a household for E, a need for S and N, a person for C, T, V) counts on a set of days, a
 * datemultirange kept in analytics_daily_state: E the union of its extreme-poor spans (from an assessment
 * to the next one), S the union over its serving deliveries of (their period ∩ from their delivery on),
 * N all days, C its days under five from its first measurement, T and V those days under five whose
 * latest measurement has the status. The
 * count at e is the number of entities whose set holds e, i.e. the sum of the boundary events (+1 where a
 * range starts, -1 where it ends) on or before e: analytics_daily_delta holds those events per area and
 * day, appended (never updated) by each statement that changes an entity's set, and summed on read. A
 * count at any day is exact, so the clock may move (the last month's end is today) without any upkeep.
 *
 * A statement that changes an entity locks its state row (in key order), recomputes the set from the
 * rows with a fresh snapshot (so a writer that waited sees what the other committed), appends the
 * difference and stores the new set: writers of the same household take turns, others never meet.
 * analytics_daily_compact() folds the events into one row per (area, kind, day) without blocking writers.
 */

const FUNCTIONS = `
-- The days a period key of a frequency covers (empty when the key is not one of that frequency).
create function analytics_period_days(p_frequency text, p_key text) returns daterange
language plpgsql immutable parallel safe set search_path = public, pg_temp as $$
declare
  d date;
  r daterange;
begin
  if p_frequency = 'ONCE' then
    return case when p_key = 'ONCE' then '(,)'::daterange else 'empty'::daterange end;
  elsif p_frequency = 'MONTHLY' and p_key ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' then
    d := to_date(p_key || '-01', 'YYYY-MM-DD'); r := daterange(d, (d + interval '1 month')::date);
  elsif p_frequency = 'QUARTERLY' and p_key ~ '^[0-9]{4}-Q[1-4]$' then
    d := make_date(left(p_key, 4)::int, (right(p_key, 1)::int - 1) * 3 + 1, 1); r := daterange(d, (d + interval '3 months')::date);
  elsif p_frequency = 'YEARLY' and p_key ~ '^[0-9]{4}$' then
    d := make_date(p_key::int, 1, 1); r := daterange(d, (d + interval '1 year')::date);
  elsif p_frequency = 'WEEKLY' and p_key ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$' then
    d := to_date(p_key, 'IYYY-"W"IW'); r := daterange(d, d + 7);
  else
    return 'empty'::daterange;
  end if;
  -- A week 53 of a year without one rolls over: only a key that names its own days counts.
  if sinergi_period_key(p_frequency, lower(r)) is distinct from p_key
     or sinergi_period_key(p_frequency, upper(r) - 1) is distinct from p_key then
    return 'empty'::daterange;
  end if;
  return r;
end $$;

-- The boundary events of a set of days: +1 where a range starts (-infinity when unbounded), -1 after it ends.
create function analytics_daily_events(p_days datemultirange) returns table (day date, delta int)
language sql immutable parallel safe set search_path = public, pg_temp as $$
  select coalesce(lower(r), '-infinity'::date), 1 from unnest(p_days) r
  union all
  select upper(r), -1 from unnest(p_days) r where upper(r) is not null
$$;

-- The area and set of days of each entity of p_kind in p_ids, from the rows (an entity that no longer
-- exists is absent).
create function analytics_daily_compute(p_kind text, p_ids uuid[]) returns table (entity_id uuid, area_id uuid, days datemultirange)
language sql stable security definer set search_path = public, pg_temp as $$
  select h.id, h.area_id, coalesce(x.days, '{}')
    from household h
    left join lateral (
      select range_agg(daterange(s.assessed_on, s.until, '[)')) as days
        from (select pa.assessed_on, pa.poverty_status,
                     lead(pa.assessed_on) over (order by pa.assessed_on, pa.created_at, pa.id) as until
                from poverty_assessment pa where pa.household_id = h.id) s
       where s.poverty_status = 'EXTREME_POOR') x on true
   where p_kind = 'E' and h.id = any (p_ids)
  union all
  select n.id, h.area_id, '{(,)}'::datemultirange
    from household_need n join household h on h.id = n.household_id
   where p_kind = 'N' and n.id = any (p_ids)
  union all
  select n.id, h.area_id, coalesce(x.days, '{}')
    from household_need n join household h on h.id = n.household_id
    left join lateral (
      select range_agg(analytics_period_days(p.frequency, i.period_key) * daterange(i.delivered_on, null)) as days
        from intervention i join program p on p.id = i.program_id
       where i.household_id = n.household_id and i.status in ('DELIVERED', 'VERIFIED') and i.delivered_on is not null
         and n.need_type = any (p.need_types)
         and (n.person_id is null or i.person_id is null or i.person_id = n.person_id)) x on true
   where p_kind = 'S' and n.id = any (p_ids)
  union all
  select p.id, h.area_id,
         case p_kind
           when 'C' then case when x.first_on is null then '{}' else u.days * datemultirange(daterange(x.first_on, null)) end
           when 'T' then u.days * coalesce(x.stunted, '{}')
           else u.days * coalesce(x.severe, '{}')
         end
    from person p join household h on h.id = p.household_id
    -- Under five: from birth until the first day e with (e - 5 years) >= birth (29 February needs the
    -- check), and before leaving the household.
    cross join lateral (select (p.birth_date + interval '5 years')::date as d) f
    cross join lateral (select case when (f.d - interval '5 years')::date >= p.birth_date then f.d else f.d + 1 end as until) fu
    cross join lateral (select case when p.birth_date is not null and least(fu.until, coalesce(p.left_on, fu.until)) > p.birth_date
                                    then datemultirange(daterange(p.birth_date, least(fu.until, coalesce(p.left_on, fu.until))))
                                    else '{}'::datemultirange end as days) u
    -- Each measurement holds from its day until the next one (one a day per child: a unique key).
    left join lateral (
      select min(g.measured_on) as first_on,
             range_agg(daterange(g.measured_on, g.until)) filter (where g.stunting_status in ('STUNTED', 'SEVERELY_STUNTED')) as stunted,
             range_agg(daterange(g.measured_on, g.until)) filter (where g.stunting_status = 'SEVERELY_STUNTED') as severe
        from (select m.measured_on, m.stunting_status, lead(m.measured_on) over (order by m.measured_on) as until
                from growth_measurement m where m.person_id = p.id) g) x on true
   where p_kind in ('C', 'T', 'V') and p.id = any (p_ids)
$$;

-- Brings the entities of p_kind in p_ids up to date: appends the difference of their events.
create function analytics_daily_refresh(p_kind text, p_ids uuid[]) returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if p_ids is null or cardinality(p_ids) = 0 then return; end if;
  -- Lock each entity's state row, in key order; a writer of the same entity waits here until commit.
  insert into analytics_daily_state (kind, entity_id)
  select p_kind, x from unnest(p_ids) x order by x on conflict do nothing;
  perform 1 from analytics_daily_state where kind = p_kind and entity_id = any (p_ids) order by entity_id for update;
  -- A new statement, a new snapshot: what a writer we waited for committed is seen from here on.
  create temp table if not exists analytics_daily_new (entity_id uuid primary key, area_id uuid, days datemultirange)
    on commit delete rows;
  delete from analytics_daily_new;
  insert into analytics_daily_new select * from analytics_daily_compute(p_kind, p_ids);
  insert into analytics_daily_delta (area_id, kind, day, delta)
  select area_id, p_kind, day, sum(delta)
    from (select s.area_id, e.day, -e.delta as delta
            from analytics_daily_state s cross join lateral analytics_daily_events(s.days) e
           where s.kind = p_kind and s.entity_id = any (p_ids) and s.area_id is not null
          union all
          select n.area_id, e.day, e.delta from analytics_daily_new n cross join lateral analytics_daily_events(n.days) e) x
   group by area_id, day
  having sum(delta) <> 0;
  update analytics_daily_state s set area_id = n.area_id, days = n.days
    from analytics_daily_new n
   where s.kind = p_kind and s.entity_id = n.entity_id and (s.area_id, s.days) is distinct from (n.area_id, n.days);
  delete from analytics_daily_state s
   where s.kind = p_kind and s.entity_id = any (p_ids) and not exists (select 1 from analytics_daily_new n where n.entity_id = s.entity_id);
end $$;

-- The needs of some households (an intervention or a move changes whether they are served, or their area).
create function analytics_daily_needs_of(p_households uuid[]) returns uuid[] language sql stable security definer
set search_path = public, pg_temp as $$
  select array_agg(n.id) from household_need n where n.household_id = any (p_households)
$$;

-- The members of some households who were ever measured (only they can count as measured children).
create function analytics_daily_measured_of(p_households uuid[]) returns uuid[] language sql stable security definer
set search_path = public, pg_temp as $$
  select array_agg(p.id) from person p
   where p.household_id = any (p_households) and exists (select 1 from growth_measurement g where g.person_id = p.id)
$$;

create function analytics_daily_children(p_ids uuid[]) returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform analytics_daily_refresh('C', p_ids);
  perform analytics_daily_refresh('T', p_ids);
  perform analytics_daily_refresh('V', p_ids);
end $$;

create function analytics_daily_measurement_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare ids uuid[];
begin
  if tg_op = 'INSERT' then select array_agg(distinct person_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then select array_agg(distinct person_id) into ids from old_rows;
  else select array_agg(distinct person_id) into ids from (select person_id from old_rows union select person_id from new_rows) x;
  end if;
  perform analytics_daily_children(ids);
  return null;
end $$;

-- A measured member's birth date, leaving or household changed. (A new member has no measurement yet,
-- and a measured one cannot be deleted: the measurements keep it.)
create function analytics_daily_person_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare ids uuid[];
begin
  select array_agg(n.id) into ids from old_rows o join new_rows n on n.id = o.id
   where (n.birth_date, n.left_on, n.household_id) is distinct from (o.birth_date, o.left_on, o.household_id)
     and exists (select 1 from growth_measurement g where g.person_id = n.id);
  perform analytics_daily_children(ids);
  return null;
end $$;

create function analytics_daily_assessment_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare ids uuid[];
begin
  if tg_op = 'INSERT' then select array_agg(distinct household_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then select array_agg(distinct household_id) into ids from old_rows;
  else select array_agg(distinct household_id) into ids from (select household_id from old_rows union select household_id from new_rows) x;
  end if;
  perform analytics_daily_refresh('E', ids);
  return null;
end $$;

create function analytics_daily_need_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare ids uuid[];
begin
  if tg_op = 'INSERT' then select array_agg(id) into ids from new_rows;
  elsif tg_op = 'DELETE' then select array_agg(id) into ids from old_rows;
  else select array_agg(id) into ids from (select id from old_rows union select id from new_rows) x;
  end if;
  perform analytics_daily_refresh('N', ids);
  perform analytics_daily_refresh('S', ids);
  return null;
end $$;

-- Only deliveries serve needs: a statement that neither makes nor unmakes one changes nothing.
create function analytics_daily_intervention_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare hh uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct household_id) into hh from new_rows where status in ('DELIVERED', 'VERIFIED');
  elsif tg_op = 'DELETE' then
    select array_agg(distinct household_id) into hh from old_rows where status in ('DELIVERED', 'VERIFIED');
  else
    select array_agg(distinct household_id) into hh
      from (select household_id from old_rows where status in ('DELIVERED', 'VERIFIED')
            union select household_id from new_rows where status in ('DELIVERED', 'VERIFIED')) x;
  end if;
  perform analytics_daily_refresh('S', analytics_daily_needs_of(hh));
  return null;
end $$;

-- A household moved to another area: its events move with it.
create function analytics_daily_household_moved() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare hh uuid[];
begin
  select array_agg(n.id) into hh from old_rows o join new_rows n on n.id = o.id where n.area_id is distinct from o.area_id;
  if hh is null then return null; end if;
  perform analytics_daily_refresh('E', hh);
  perform analytics_daily_refresh('N', analytics_daily_needs_of(hh));
  perform analytics_daily_refresh('S', analytics_daily_needs_of(hh));
  perform analytics_daily_children(analytics_daily_measured_of(hh));
  return null;
end $$;

-- A program's frequency or need types changed (an administrator's edit): the needs its deliveries touch.
create function analytics_daily_program_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare hh uuid[];
begin
  select array_agg(distinct i.household_id) into hh
    from old_rows o join new_rows n on n.id = o.id
    join intervention i on i.program_id = n.id and i.status in ('DELIVERED', 'VERIFIED')
   where (n.frequency, n.need_types) is distinct from (o.frequency, o.need_types);
  perform analytics_daily_refresh('S', analytics_daily_needs_of(hh));
  return null;
end $$;

-- Folds the events into one row per (area, kind, day). Rows appended meanwhile by open transactions are
-- not in this statement's snapshot and stay as they are: writers are never blocked.
create function analytics_daily_compact() returns void language sql security definer
set search_path = public, pg_temp as $$
  with gone as (delete from analytics_daily_delta returning area_id, kind, day, delta)
  insert into analytics_daily_delta (area_id, kind, day, delta)
  select area_id, kind, day, sum(delta) from gone group by area_id, kind, day having sum(delta) <> 0
$$;

-- Every entity from the rows (the migration's backfill; tests compare it with the maintained tables).
create function analytics_daily_rebuild() returns void language plpgsql security definer
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
end $$;
`;

const TABLES = `
create table analytics_daily_state (
  kind text not null check (kind in ('E', 'N', 'S', 'C', 'T', 'V')), entity_id uuid not null, area_id uuid, days datemultirange not null default '{}',
  primary key (kind, entity_id));
create table analytics_daily_delta (
  area_id uuid not null references area (id), kind text not null check (kind in ('E', 'N', 'S', 'C', 'T', 'V')), day date not null, delta int not null);
create index analytics_daily_delta_day on analytics_daily_delta (day, kind);
create index analytics_daily_delta_area on analytics_daily_delta (area_id, day);
`;

// A kelurahan officer reads the events of the areas of its scope (as 0017's area summaries).
const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

const TRIGGERS: Array<[string, string, string[]]> = [
  ['poverty_assessment', 'analytics_daily_assessment_changed', ['insert', 'update', 'delete']],
  ['household_need', 'analytics_daily_need_changed', ['insert', 'update', 'delete']],
  ['intervention', 'analytics_daily_intervention_changed', ['insert', 'update', 'delete']],
  ['growth_measurement', 'analytics_daily_measurement_changed', ['insert', 'update', 'delete']],
  ['person', 'analytics_daily_person_changed', ['update']],
];

const FUNCTION_SIGNATURES = [
  'analytics_daily_rebuild()',
  'analytics_daily_compact()',
  'analytics_daily_program_changed()',
  'analytics_daily_household_moved()',
  'analytics_daily_intervention_changed()',
  'analytics_daily_need_changed()',
  'analytics_daily_assessment_changed()',
  'analytics_daily_person_changed()',
  'analytics_daily_measurement_changed()',
  'analytics_daily_children(uuid[])',
  'analytics_daily_measured_of(uuid[])',
  'analytics_daily_needs_of(uuid[])',
  'analytics_daily_refresh(text, uuid[])',
  'analytics_daily_compute(text, uuid[])',
  'analytics_daily_events(datemultirange)',
  'analytics_period_days(text, text)',
];

export class Migration0022DailySummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(TABLES);
    this.addSql(FUNCTIONS);
    this.addSql(`alter table analytics_daily_state enable row level security;`);
    this.addSql(`alter table analytics_daily_delta enable row level security;`);
    this.addSql(`grant select on analytics_daily_delta to sinergi_app;`);
    this.addSql(`create policy analytics_daily_delta_scope on analytics_daily_delta for select
      using ((select sinergi_city_wide()) or ${OFFICER_AREAS});`);
    for (const [table, fn, ops] of TRIGGERS) {
      for (const op of ops) {
        const ref = op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
        this.addSql(`create trigger ${fn.replace('_changed', '')}_${op} after ${op} on ${table}
          referencing ${ref} for each statement execute function ${fn}();`);
      }
    }
    this.addSql(`create trigger analytics_daily_household_moved after update on household
      referencing old table as old_rows new table as new_rows for each statement execute function analytics_daily_household_moved();`);
    this.addSql(`create trigger analytics_daily_program_changed after update on program
      referencing old table as old_rows new table as new_rows for each statement execute function analytics_daily_program_changed();`);
    for (const fn of FUNCTION_SIGNATURES) this.addSql(`revoke all on function ${fn} from public;`);
    // The server folds the events every minute as the application role (summary-compaction.ts).
    this.addSql(`grant execute on function analytics_daily_compact() to sinergi_app;`);
    this.addSql(`select analytics_daily_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const [table, fn, ops] of TRIGGERS) {
      for (const op of ops) this.addSql(`drop trigger if exists ${fn.replace('_changed', '')}_${op} on ${table};`);
    }
    this.addSql(`drop trigger if exists analytics_daily_household_moved on household;`);
    this.addSql(`drop trigger if exists analytics_daily_program_changed on program;`);
    this.addSql(`drop function if exists ${FUNCTION_SIGNATURES.join(', ')};`);
    this.addSql(`drop table if exists analytics_daily_delta, analytics_daily_state;`);
  }
}
