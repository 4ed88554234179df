import { Migration } from '@mikro-orm/migrations';

/*
 * Per-area summaries of interventions for program and organisation performance (spec §6: analytics
 * flat from 100k to 1M households). They are kept EXACT, not eventually consistent: statement-level
 * triggers with transition tables apply each statement's changes to interventions (and household
 * moves between areas, and program owner changes) inside the same transaction, so a reader sees the
 * summaries and the rows of the same snapshot.
 *
 * Distinct counts ("households reached", "targets used of the quota") cannot be added up from
 * per-area totals, so each has a counter per (key, member) underneath and a per-area count of the
 * members whose counter is positive, moved when a counter crosses zero:
 * - analytics_program_household (program, household) -> analytics_program_area.reached / households_delivered
 * - analytics_owner_household (owner, household) -> analytics_owner_area.reached / households_delivered
 * - analytics_program_target (program, period, target, area) -> analytics_program_period_area.targets,
 *   and across areas analytics_program_target_areas (program, period, target) -> analytics_program_period.targets
 *   (a member who moved between kelurahan within a period is a target in two areas: those few rows let a
 *   reader of several areas count them once).
 *
 * Writers take a transaction-level advisory lock before touching the summaries (analytics_prepare), and
 * every upsert takes its rows in key order: concurrent intervention writers are serialised until commit,
 * the price of exact per-area rows that every writer updates.
 *
 * The writers are SECURITY DEFINER functions owned by the migration role; the application role may only
 * read, and only the areas of its scope (city-wide roles everything, a kelurahan officer its area).
 */

const STATUS_SUMS = `
  sum(sign) filter (where status = 'PLANNED') as planned,
  sum(sign) filter (where status = 'IN_PROGRESS') as in_progress,
  sum(sign) filter (where status = 'DELIVERED') as delivered,
  sum(sign) filter (where status = 'VERIFIED') as verified,
  sum(sign) filter (where status = 'CANCELLED') as cancelled,
  sum(sign * value_rp) filter (where status in ('DELIVERED', 'VERIFIED')) as value_delivered,
  sum(sign * (delivered_on - planned_on)) filter (where status in ('DELIVERED', 'VERIFIED') and planned_on is not null) as days,
  sum(sign) filter (where status in ('DELIVERED', 'VERIFIED') and planned_on is not null) as timed`;

// Rows of analytics_delta: one per intervention row that enters (+1) or leaves (-1) an area's figures.
const DELTA_COLUMNS = `sign int, program_id uuid, owner_id uuid, household_id uuid, area_id uuid, target_id uuid,
  status text, period_key text, value_rp numeric, planned_on date, delivered_on date`;

const DELTA_SELECT = (table: string, sign: number) => `
  select ${sign}, i.program_id, p.owner_id, i.household_id, h.area_id, coalesce(i.person_id, i.household_id),
         i.status, i.period_key, i.value_rp, i.planned_on, i.delivered_on
    from ${table} i join program p on p.id = i.program_id join household h on h.id = i.household_id`;

const FUNCTIONS = `
create function analytics_apply_delta(p_reach boolean) returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  -- Status counts, value and delivery days per area and program.
  insert into analytics_program_area as t (area_id, program_id, planned, in_progress, delivered, verified, cancelled, value_delivered, days, timed)
  select area_id, program_id, coalesce(planned, 0), coalesce(in_progress, 0), coalesce(delivered, 0), coalesce(verified, 0),
         coalesce(cancelled, 0), coalesce(value_delivered, 0), coalesce(days, 0), coalesce(timed, 0)
    from (select area_id, program_id, ${STATUS_SUMS} from analytics_delta group by area_id, program_id) x
   order by area_id, program_id
  on conflict (area_id, program_id) do update set
    planned = t.planned + excluded.planned, in_progress = t.in_progress + excluded.in_progress,
    delivered = t.delivered + excluded.delivered, verified = t.verified + excluded.verified,
    cancelled = t.cancelled + excluded.cancelled, value_delivered = t.value_delivered + excluded.value_delivered,
    days = t.days + excluded.days, timed = t.timed + excluded.timed;

  if p_reach then
    -- Households reached (a non-cancelled intervention) and delivered to, per program and per owner.
    with d as (
      select program_id, household_id, min(area_id::text)::uuid as area_id,
             sum(sign) filter (where status <> 'CANCELLED') as active,
             sum(sign) filter (where status in ('DELIVERED', 'VERIFIED')) as done
        from analytics_delta group by program_id, household_id),
    up as (
      insert into analytics_program_household as t (program_id, household_id, area_id, active, done)
      select program_id, household_id, area_id, coalesce(active, 0), coalesce(done, 0) from d order by 1, 2
      on conflict (program_id, household_id) do update set active = t.active + excluded.active, done = t.done + excluded.done
      returning t.program_id, t.household_id, t.area_id, t.active, t.done)
    insert into analytics_program_area as t (area_id, program_id, reached, households_delivered)
    select up.area_id, program_id,
           sum((up.active > 0)::int - (up.active - coalesce(d.active, 0) > 0)::int),
           sum((up.done > 0)::int - (up.done - coalesce(d.done, 0) > 0)::int)
      from up join d using (program_id, household_id) group by up.area_id, program_id order by 1, 2
    on conflict (area_id, program_id) do update set
      reached = t.reached + excluded.reached, households_delivered = t.households_delivered + excluded.households_delivered;

    with d as (
      select owner_id, household_id, min(area_id::text)::uuid as area_id,
             sum(sign) filter (where status <> 'CANCELLED') as active,
             sum(sign) filter (where status in ('DELIVERED', 'VERIFIED')) as done
        from analytics_delta group by owner_id, household_id),
    up as (
      insert into analytics_owner_household as t (owner_id, household_id, area_id, active, done)
      select owner_id, household_id, area_id, coalesce(active, 0), coalesce(done, 0) from d order by 1, 2
      on conflict (owner_id, household_id) do update set active = t.active + excluded.active, done = t.done + excluded.done
      returning t.owner_id, t.household_id, t.area_id, t.active, t.done)
    insert into analytics_owner_area as t (area_id, owner_id, reached, households_delivered)
    select up.area_id, owner_id,
           sum((up.active > 0)::int - (up.active - coalesce(d.active, 0) > 0)::int),
           sum((up.done > 0)::int - (up.done - coalesce(d.done, 0) > 0)::int)
      from up join d using (owner_id, household_id) group by up.area_id, owner_id order by 1, 2
    on conflict (area_id, owner_id) do update set
      reached = t.reached + excluded.reached, households_delivered = t.households_delivered + excluded.households_delivered;
  end if;

  -- Targets of the quota (a member, or the household for household-wide work) per program and period.
  with d as (
    select program_id, period_key, target_id, area_id, sum(sign) as n from analytics_delta
     where status <> 'CANCELLED' group by program_id, period_key, target_id, area_id),
  ins as (
    insert into analytics_program_target as t (program_id, period_key, target_id, area_id, n)
    select * from d order by 1, 2, 3, 4
    on conflict (program_id, period_key, target_id, area_id) do update set n = t.n + excluded.n
    returning t.program_id, t.period_key, t.target_id, t.area_id, t.n),
  up as (
    select ins.program_id, ins.period_key, ins.target_id, ins.area_id, (ins.n > 0)::int - (ins.n - d.n > 0)::int as moved
      from ins join d using (program_id, period_key, target_id, area_id)),
  per_area as (
    insert into analytics_program_period_area as t (area_id, program_id, period_key, targets)
    select area_id, program_id, period_key, sum(moved) from up group by area_id, program_id, period_key order by 1, 2, 3
    on conflict (area_id, program_id, period_key) do update set targets = t.targets + excluded.targets)
  insert into analytics_program_target_areas as t (program_id, period_key, target_id, areas)
  select program_id, period_key, target_id, sum(moved) from up group by program_id, period_key, target_id order by 1, 2, 3
  on conflict (program_id, period_key, target_id) do update set areas = t.areas + excluded.areas;

  -- City-wide distinct targets: those present in at least one area (the same counter pattern one level up).
  -- Computed from the per-target area counts that this statement touched.
  with touched as (select distinct program_id, period_key, target_id from analytics_delta where status <> 'CANCELLED'),
  now_in as (
    select t.program_id, t.period_key,
           sum((a.areas > 0)::int) as now_n,
           sum((coalesce(o.was, 0) > 0)::int) as was_n
      from touched t
      join analytics_program_target_areas a using (program_id, period_key, target_id)
      left join analytics_target_areas_before o using (program_id, period_key, target_id)
     group by t.program_id, t.period_key)
  insert into analytics_program_period as t (program_id, period_key, targets)
  select program_id, period_key, now_n - was_n from now_in order by 1, 2
  on conflict (program_id, period_key) do update set targets = t.targets + excluded.targets;
end $$;

-- Intervention statements: old rows leave, new rows enter (an update does both).
create function analytics_intervention_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform analytics_prepare();
  if tg_op in ('UPDATE', 'DELETE') then
    insert into analytics_delta ${DELTA_SELECT('old_rows', -1)};
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into analytics_delta ${DELTA_SELECT('new_rows', 1)};
  end if;
  perform analytics_snapshot_target_areas();
  perform analytics_apply_delta(true);
  return null;
end $$;

-- A household moved to another area: its interventions' figures move with it.
create function analytics_household_moved() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform analytics_prepare();
  create temp table if not exists analytics_moved (household_id uuid primary key, old_area uuid, new_area uuid) on commit delete rows;
  delete from analytics_moved;
  insert into analytics_moved
  select n.id, o.area_id, n.area_id from old_rows o join new_rows n on n.id = o.id where n.area_id <> o.area_id;
  if not found then return null; end if;
  insert into analytics_delta
  select s.sign, i.program_id, p.owner_id, i.household_id, case when s.sign < 0 then m.old_area else m.new_area end,
         coalesce(i.person_id, i.household_id), i.status, i.period_key, i.value_rp, i.planned_on, i.delivered_on
    from analytics_moved m join intervention i on i.household_id = m.household_id join program p on p.id = i.program_id
   cross join (values (-1), (1)) as s(sign);
  perform analytics_snapshot_target_areas();
  perform analytics_apply_delta(false);
  -- Reached households keep their counters; only their area changes.
  insert into analytics_program_area as t (area_id, program_id, reached, households_delivered)
  select case when s.sign < 0 then m.old_area else m.new_area end, c.program_id,
         sum(s.sign * (c.active > 0)::int), sum(s.sign * (c.done > 0)::int)
    from analytics_moved m join analytics_program_household c on c.household_id = m.household_id cross join (values (-1), (1)) as s(sign)
   group by 1, 2 order by 1, 2
  on conflict (area_id, program_id) do update set
    reached = t.reached + excluded.reached, households_delivered = t.households_delivered + excluded.households_delivered;
  insert into analytics_owner_area as t (area_id, owner_id, reached, households_delivered)
  select case when s.sign < 0 then m.old_area else m.new_area end, c.owner_id,
         sum(s.sign * (c.active > 0)::int), sum(s.sign * (c.done > 0)::int)
    from analytics_moved m join analytics_owner_household c on c.household_id = m.household_id cross join (values (-1), (1)) as s(sign)
   group by 1, 2 order by 1, 2
  on conflict (area_id, owner_id) do update set
    reached = t.reached + excluded.reached, households_delivered = t.households_delivered + excluded.households_delivered;
  update analytics_program_household c set area_id = m.new_area from analytics_moved m where c.household_id = m.household_id;
  update analytics_owner_household c set area_id = m.new_area from analytics_moved m where c.household_id = m.household_id;
  return null;
end $$;

-- A program changed owner (rare, an administrator's edit): recount both owners from the rows.
create function analytics_program_owner_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  create temp table if not exists analytics_owners (owner_id uuid primary key) on commit delete rows;
  delete from analytics_owners;
  insert into analytics_owners
  select o.owner_id from old_rows o join new_rows n on n.id = o.id where n.owner_id <> o.owner_id
  union select n.owner_id from old_rows o join new_rows n on n.id = o.id where n.owner_id <> o.owner_id;
  if not found then return null; end if;
  delete from analytics_owner_household where owner_id in (select owner_id from analytics_owners);
  delete from analytics_owner_area where owner_id in (select owner_id from analytics_owners);
  perform analytics_fill_owners((select array_agg(owner_id) from analytics_owners));
  return null;
end $$;

create function analytics_fill_owners(p_owners uuid[]) returns void language sql security definer
set search_path = public, pg_temp as $$
  insert into analytics_owner_household (owner_id, household_id, area_id, active, done)
  select p.owner_id, i.household_id, h.area_id, count(*) filter (where i.status <> 'CANCELLED'),
         count(*) filter (where i.status in ('DELIVERED', 'VERIFIED'))
    from intervention i join program p on p.id = i.program_id join household h on h.id = i.household_id
   where p_owners is null or p.owner_id = any (p_owners)
   group by p.owner_id, i.household_id, h.area_id;
  insert into analytics_owner_area (area_id, owner_id, reached, households_delivered)
  select area_id, owner_id, count(*) filter (where active > 0), count(*) filter (where done > 0)
    from analytics_owner_household where p_owners is null or owner_id = any (p_owners) group by area_id, owner_id;
$$;

-- The per-statement scratch tables (temporary, emptied at commit and before each use).
create function analytics_prepare() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  -- Writers of summaries take turns until commit: a transaction of several statements (an import
  -- batch, the seeding) would otherwise lock shared (area, program) rows in another order than its peer
  -- and deadlock. Append-only delta rows folded on read would lift this (see README).
  perform pg_advisory_xact_lock(hashtext('analytics_summaries'));
  create temp table if not exists analytics_delta (${DELTA_COLUMNS}) on commit delete rows;
  delete from analytics_delta;
end $$;

-- The per-target area counts before this statement, for the city-wide transition.
create function analytics_snapshot_target_areas() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  create temp table if not exists analytics_target_areas_before (program_id uuid, period_key text, target_id uuid, was int,
    primary key (program_id, period_key, target_id)) on commit delete rows;
  delete from analytics_target_areas_before;
  insert into analytics_target_areas_before
  select a.program_id, a.period_key, a.target_id, a.areas
    from analytics_program_target_areas a
   where (a.program_id, a.period_key, a.target_id) in
         (select distinct program_id, period_key, target_id from analytics_delta where status <> 'CANCELLED');
end $$;

-- How many times too often a sum over p_areas counts the targets present in several of them in a period
-- (a member who moved between kelurahan): the service passes only areas of the viewer's scope.
create function analytics_quota_overcount(p_areas uuid[]) returns table (program_id uuid, period_key text, extra bigint)
language sql stable security definer set search_path = public, pg_temp as $$
  select m.program_id, m.period_key, sum(x.k - 1)::bigint
    from analytics_program_target_areas m
    cross join lateral (select count(*) as k from analytics_program_target t
                         where t.program_id = m.program_id and t.period_key = m.period_key and t.target_id = m.target_id
                           and t.n > 0 and t.area_id = any (p_areas)) x
   where m.areas > 1 and x.k > 1
   group by m.program_id, m.period_key
$$;

-- Every summary from the rows (the migration's backfill; tests compare it with the maintained tables).
create function analytics_rebuild() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  truncate analytics_program_area, analytics_program_household, analytics_owner_household, analytics_owner_area,
           analytics_program_target, analytics_program_period_area, analytics_program_target_areas, analytics_program_period;
  perform analytics_prepare();
  insert into analytics_delta ${DELTA_SELECT('intervention', 1)};
  insert into analytics_program_area (area_id, program_id, planned, in_progress, delivered, verified, cancelled, value_delivered, days, timed)
  select area_id, program_id, coalesce(planned, 0), coalesce(in_progress, 0), coalesce(delivered, 0), coalesce(verified, 0),
         coalesce(cancelled, 0), coalesce(value_delivered, 0), coalesce(days, 0), coalesce(timed, 0)
    from (select area_id, program_id, ${STATUS_SUMS} from analytics_delta group by area_id, program_id) x;
  insert into analytics_program_household (program_id, household_id, area_id, active, done)
  select program_id, household_id, area_id, count(*) filter (where status <> 'CANCELLED'), count(*) filter (where status in ('DELIVERED', 'VERIFIED'))
    from analytics_delta group by program_id, household_id, area_id;
  update analytics_program_area t set reached = x.reached, households_delivered = x.done
    from (select area_id, program_id, count(*) filter (where active > 0) as reached, count(*) filter (where done > 0) as done
            from analytics_program_household group by area_id, program_id) x
   where t.area_id = x.area_id and t.program_id = x.program_id;
  perform analytics_fill_owners(null);
  insert into analytics_program_target (program_id, period_key, target_id, area_id, n)
  select program_id, period_key, target_id, area_id, count(*) from analytics_delta
   where status <> 'CANCELLED' group by program_id, period_key, target_id, area_id;
  insert into analytics_program_period_area (area_id, program_id, period_key, targets)
  select area_id, program_id, period_key, count(*) from analytics_program_target group by area_id, program_id, period_key;
  insert into analytics_program_target_areas (program_id, period_key, target_id, areas)
  select program_id, period_key, target_id, count(*) from analytics_program_target group by program_id, period_key, target_id;
  insert into analytics_program_period (program_id, period_key, targets)
  select program_id, period_key, count(*) from analytics_program_target_areas group by program_id, period_key;
  delete from analytics_delta;
end $$;
`;

const TABLES = `
create table analytics_program_area (
  area_id uuid not null references area (id), program_id uuid not null references program (id),
  planned int not null default 0, in_progress int not null default 0, delivered int not null default 0,
  verified int not null default 0, cancelled int not null default 0, value_delivered numeric not null default 0,
  days bigint not null default 0, timed int not null default 0, reached int not null default 0, households_delivered int not null default 0,
  primary key (area_id, program_id));
create table analytics_program_household (
  program_id uuid not null, household_id uuid not null, area_id uuid not null, active int not null, done int not null,
  primary key (program_id, household_id));
create index analytics_program_household_hh on analytics_program_household (household_id);
create table analytics_owner_household (
  owner_id uuid not null, household_id uuid not null, area_id uuid not null, active int not null, done int not null,
  primary key (owner_id, household_id));
create index analytics_owner_household_hh on analytics_owner_household (household_id);
create table analytics_owner_area (
  area_id uuid not null references area (id), owner_id uuid not null references organization (id),
  reached int not null default 0, households_delivered int not null default 0, primary key (area_id, owner_id));
create table analytics_program_target (
  program_id uuid not null, period_key text not null, target_id uuid not null, area_id uuid not null, n int not null,
  primary key (program_id, period_key, target_id, area_id));
create table analytics_program_period_area (
  area_id uuid not null references area (id), program_id uuid not null references program (id), period_key text not null,
  targets int not null default 0, primary key (area_id, program_id, period_key));
create table analytics_program_target_areas (
  program_id uuid not null, period_key text not null, target_id uuid not null, areas int not null,
  primary key (program_id, period_key, target_id));
-- Targets in more than one area in a period (a member who moved): few, read to count them once.
create index analytics_program_target_areas_movers on analytics_program_target_areas (program_id, period_key) where areas > 1;
create table analytics_program_period (
  program_id uuid not null references program (id), period_key text not null, targets int not null default 0,
  primary key (program_id, period_key));
`;

const AREA_TABLES = ['analytics_program_area', 'analytics_owner_area', 'analytics_program_period_area', 'analytics_program_target'];
const CITY_TABLES = ['analytics_program_period', 'analytics_program_target_areas'];
const INTERNAL_TABLES = ['analytics_program_household', 'analytics_owner_household'];

// A kelurahan officer reads the areas of its scope (as sinergi_scoped_households does for households).
const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

export class Migration0017AnalyticsSummaries extends Migration {
  override async up(): Promise<void> {
    this.addSql(TABLES);
    this.addSql(FUNCTIONS);
    for (const t of [...AREA_TABLES, ...CITY_TABLES, ...INTERNAL_TABLES]) {
      this.addSql(`alter table ${t} enable row level security;`);
    }
    for (const t of AREA_TABLES) {
      this.addSql(`grant select on ${t} to sinergi_app;`);
      this.addSql(`create policy ${t}_scope on ${t} for select using ((select sinergi_city_wide()) or ${OFFICER_AREAS});`);
    }
    for (const t of CITY_TABLES) {
      this.addSql(`grant select on ${t} to sinergi_app;`);
      this.addSql(`create policy ${t}_scope on ${t} for select using ((select sinergi_city_wide()));`);
    }
    for (const op of ['insert', 'update', 'delete']) {
      this.addSql(`create trigger analytics_intervention_${op} after ${op} on intervention
        referencing ${op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows'}
        for each statement execute function analytics_intervention_changed();`);
    }
    this.addSql(`create trigger analytics_household_moved after update on household
      referencing old table as old_rows new table as new_rows for each statement execute function analytics_household_moved();`);
    this.addSql(`create trigger analytics_program_owner_changed after update on program
      referencing old table as old_rows new table as new_rows for each statement execute function analytics_program_owner_changed();`);
    for (const fn of ['analytics_apply_delta(boolean)', 'analytics_intervention_changed()', 'analytics_household_moved()',
      'analytics_program_owner_changed()', 'analytics_fill_owners(uuid[])', 'analytics_prepare()', 'analytics_snapshot_target_areas()',
      'analytics_rebuild()', 'analytics_quota_overcount(uuid[])']) {
      this.addSql(`revoke all on function ${fn} from public;`);
    }
    this.addSql(`grant execute on function analytics_quota_overcount(uuid[]) to sinergi_app;`);
    this.addSql(`select analytics_rebuild();`);
  }

  override async down(): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists analytics_intervention_${op} on intervention;`);
    this.addSql(`drop trigger if exists analytics_household_moved on household;`);
    this.addSql(`drop trigger if exists analytics_program_owner_changed on program;`);
    this.addSql(`drop function if exists analytics_quota_overcount(uuid[]), analytics_rebuild(), analytics_snapshot_target_areas(), analytics_prepare(),
      analytics_fill_owners(uuid[]), analytics_program_owner_changed(), analytics_household_moved(), analytics_intervention_changed(),
      analytics_apply_delta(boolean);`);
    this.addSql(`drop table if exists ${[...AREA_TABLES, ...CITY_TABLES, ...INTERNAL_TABLES].join(', ')};`);
  }
}
