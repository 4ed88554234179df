import { Migration } from '@mikro-orm/migrations';
import { Migration0017AnalyticsSummaries } from './0017-analytics-summaries.js';

/*
 * The analytics summaries of 0017 become append-only deltas folded on read, so that writers of
 * interventions no longer take turns (0017 serialised them with one global advisory lock: a delivery
 * logged during an import batch waited for the whole batch).
 *
 * Writers only INSERT rows of (key, +/- counts); no writer updates a row another writer may touch, so
 * writers hold no lock in common and cannot deadlock through the summaries:
 * - analytics_program_area: status counts, value and days per (area, program); several rows per key,
 *   summed by readers;
 * - analytics_program_household_delta / analytics_owner_household_delta: +/- (active, done) per
 *   (program or owner, household, area): reference counts whose sum > 0 means "reached" / "delivered";
 * - analytics_program_target_delta: +/- n per (program, period, target, area) for the quota.
 *
 * Distinct counts cannot be summed, and whether a counter crosses zero can only be decided by one writer
 * at a time. That decision moves from the writers to the compaction (analytics_compact), the only writer of
 * the folded tables (analytics_program_household, analytics_owner_household, analytics_owner_area,
 * analytics_program_target, analytics_program_period_area, analytics_program_target_areas,
 * analytics_program_period and the reached columns of analytics_program_area), serialised with itself
 * only. Readers add the crossings of the pending deltas to the folded counts (the *_current views), in one
 * snapshot: the compaction deletes the deltas it folds (delete ... returning) and applies them in the same
 * transaction, so a reader sees either the deltas or their folding, never both or neither.
 *
 * One lock remains, per bucket of households and programs (64 each): the delta rows carry the area of the
 * household and the owner of the program, read when the statement runs. A household moving to another
 * kelurahan (or a program changing owner) re-emits its interventions' rows from the old area to the new
 * one; an intervention written concurrently with an area read before the move would stay counted in the old
 * area. So intervention writers take their buckets SHARED (they never wait for each other) and a move or an
 * owner change takes them EXCLUSIVE (it waits for the writers in flight on its bucket, and they for it). A
 * bucket rather than a lock per household: an import batch touches thousands of households, and advisory
 * locks live in PostgreSQL's bounded shared lock table.
 */

export const STATUS_SUMS = `
  coalesce(sum(sign) filter (where status = 'PLANNED'), 0) as planned,
  coalesce(sum(sign) filter (where status = 'IN_PROGRESS'), 0) as in_progress,
  coalesce(sum(sign) filter (where status = 'DELIVERED'), 0) as delivered,
  coalesce(sum(sign) filter (where status = 'VERIFIED'), 0) as verified,
  coalesce(sum(sign) filter (where status = 'CANCELLED'), 0) as cancelled,
  coalesce(sum(sign * value_rp) filter (where status in ('DELIVERED', 'VERIFIED')), 0) as value_delivered,
  coalesce(sum(sign * (delivered_on - planned_on)) filter (where status in ('DELIVERED', 'VERIFIED') and planned_on is not null), 0) as days,
  coalesce(sum(sign) filter (where status in ('DELIVERED', 'VERIFIED') and planned_on is not null), 0) as timed`;
export const STATUS_COLUMNS = 'planned, in_progress, delivered, verified, cancelled, value_delivered, days, timed';
export const STATUS_NONZERO = STATUS_COLUMNS.split(', ').map((c) => `${c} <> 0`).join(' or ');
export const HOUSEHOLD_SUMS = `
  coalesce(sum(sign) filter (where status <> 'CANCELLED'), 0) as active,
  coalesce(sum(sign) filter (where status in ('DELIVERED', 'VERIFIED')), 0) as done`;

/** Folds a household delta table into its counters and the per-area counts of households whose counter crosses zero. */
export const foldHouseholds = (key: string, delta: string, folded: string, area: string, areaColumns: string, conflict: string) => `
  with d as (delete from ${delta} returning *),
  agg as (select ${key}, household_id, area_id, sum(active)::int as active, sum(done)::int as done from d group by 1, 2, 3),
  up as (
    insert into ${folded} as t (${key}, household_id, area_id, active, done)
    select * from agg order by 1, 2, 3
    on conflict (${key}, household_id, area_id) do update set active = t.active + excluded.active, done = t.done + excluded.done
    returning t.${key}, t.household_id, t.area_id, t.active, t.done)
  insert into ${area} as t (area_id, ${key}, ${areaColumns})
  select up.area_id, up.${key}, sum((up.active > 0)::int - (up.active - agg.active > 0)::int),
         sum((up.done > 0)::int - (up.done - agg.done > 0)::int)
    from up join agg using (${key}, household_id, area_id) group by 1, 2
  having sum((up.active > 0)::int - (up.active - agg.active > 0)::int) <> 0 or sum((up.done > 0)::int - (up.done - agg.done > 0)::int) <> 0
   order by 1, 2
  ${conflict};
  delete from ${folded} where active = 0 and done = 0;`;

/** The pending household deltas as crossings of zero of their counters: (area, key, reached, delivered) rows. */
export const householdCrossings = (key: string, delta: string, folded: string) => `
  select p.area_id, p.${key},
         sum((coalesce(f.active, 0) + p.active > 0)::int - (coalesce(f.active, 0) > 0)::int)::int as reached,
         sum((coalesce(f.done, 0) + p.done > 0)::int - (coalesce(f.done, 0) > 0)::int)::int as households_delivered
    from (select ${key}, household_id, area_id, sum(active) as active, sum(done) as done from ${delta} group by 1, 2, 3) p
    left join ${folded} f using (${key}, household_id, area_id)
   group by p.area_id, p.${key}`;

/** The pending target deltas as crossings of zero per (program, period, target, area). */
export const TARGET_CROSSINGS = `
  select p.program_id, p.period_key, p.target_id, p.area_id, ((coalesce(f.n, 0) + p.n > 0)::int - (coalesce(f.n, 0) > 0)::int) as moved
    from (select program_id, period_key, target_id, area_id, sum(n) as n from analytics_program_target_delta group by 1, 2, 3, 4) p
    left join analytics_program_target f using (program_id, period_key, target_id, area_id)`;

/** Folds the target deltas: per area, then across areas, then city-wide (part of analytics_compact). */
export const TARGET_FOLD = `
  -- Targets: per area, then across areas (a member who moved is a target in two kelurahan), then city-wide.
  with d as (delete from analytics_program_target_delta returning *),
  agg as (select program_id, period_key, target_id, area_id, sum(n)::int as n from d group by 1, 2, 3, 4),
  ins as (
    insert into analytics_program_target as t (program_id, period_key, target_id, area_id, n)
    select * from agg order by 1, 2, 3, 4
    on conflict (program_id, period_key, target_id, area_id) do update set n = t.n + excluded.n
    returning t.program_id, t.period_key, t.target_id, t.area_id, t.n),
  up as (
    select ins.program_id, ins.period_key, ins.target_id, ins.area_id, (ins.n > 0)::int - (ins.n - agg.n > 0)::int as moved
      from ins join agg using (program_id, period_key, target_id, area_id)),
  per_area as (
    insert into analytics_program_period_area as t (area_id, program_id, period_key, targets)
    select area_id, program_id, period_key, sum(moved) from up group by 1, 2, 3 having sum(moved) <> 0 order by 1, 2, 3
    on conflict (area_id, program_id, period_key) do update set targets = t.targets + excluded.targets),
  per_target as (select program_id, period_key, target_id, sum(moved)::int as moved from up group by 1, 2, 3 having sum(moved) <> 0),
  areas as (
    insert into analytics_program_target_areas as t (program_id, period_key, target_id, areas)
    select * from per_target order by 1, 2, 3
    on conflict (program_id, period_key, target_id) do update set areas = t.areas + excluded.areas
    returning t.program_id, t.period_key, t.target_id, t.areas)
  insert into analytics_program_period as t (program_id, period_key, targets)
  select a.program_id, a.period_key, sum((a.areas > 0)::int - (a.areas - p.moved > 0)::int)
    from areas a join per_target p using (program_id, period_key, target_id)
   group by 1, 2 having sum((a.areas > 0)::int - (a.areas - p.moved > 0)::int) <> 0 order by 1, 2
  on conflict (program_id, period_key) do update set targets = t.targets + excluded.targets;
  delete from analytics_program_target where n = 0;
  delete from analytics_program_target_areas where areas = 0;
`;

export const FUNCTIONS = `
-- Buckets of households and programs: shared by intervention writers, exclusive for moves and owner changes.
create function analytics_lock(p_households uuid[], p_programs uuid[], p_exclusive boolean) returns void language plpgsql
security definer set search_path = public, pg_temp as $$
declare
  k record;
begin
  for k in
    select distinct c, b from (
      select hashtext('analytics_household') as c, hashtext(x::text) & 63 as b from unnest(p_households) x
      union all select hashtext('analytics_program'), hashtext(x::text) & 63 from unnest(p_programs) x) y
     order by 1, 2
  loop
    if p_exclusive then perform pg_advisory_xact_lock(k.c, k.b); else perform pg_advisory_xact_lock_shared(k.c, k.b); end if;
  end loop;
end $$;

-- The delta rows of intervention rows leaving (p_old, -1) and entering (p_new, +1) the figures. The area
-- and owner are the household's and program's now, unless given (a move: the old area for the leaving rows).
-- Keys whose changes cancel out (an edit of a note) write nothing.
create function analytics_append(p_old intervention[], p_new intervention[], p_old_area uuid default null, p_new_area uuid default null,
  p_old_owner uuid default null, p_new_owner uuid default null) returns void language sql
security definer set search_path = public, pg_temp as $$
  with src as materialized (
    select i.sign, i.program_id, coalesce(case when i.sign < 0 then p_old_owner else p_new_owner end, p.owner_id) as owner_id,
           i.household_id, coalesce(case when i.sign < 0 then p_old_area else p_new_area end, h.area_id) as area_id,
           coalesce(i.person_id, i.household_id) as target_id, i.status, i.period_key, i.value_rp, i.planned_on, i.delivered_on
      from (select -1 as sign, o.* from unnest(p_old) o union all select 1, n.* from unnest(p_new) n) i
      join program p on p.id = i.program_id join household h on h.id = i.household_id),
  status as (
    insert into analytics_program_area (area_id, program_id, ${STATUS_COLUMNS})
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

-- Intervention statements: old rows leave, new rows enter (an update does both). The area and owner are
-- read after the shared lock, in a fresh snapshot: a move committed meanwhile is seen.
create function analytics_intervention_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  v_old intervention[];
  v_new intervention[];
begin
  if tg_op <> 'INSERT' then v_old := array(select o::intervention from old_rows o); end if;
  if tg_op <> 'DELETE' then v_new := array(select n::intervention from new_rows n); end if;
  perform analytics_lock(array(select household_id from unnest(coalesce(v_old, '{}') || coalesce(v_new, '{}'))),
                         array(select program_id from unnest(coalesce(v_old, '{}') || coalesce(v_new, '{}'))), false);
  perform analytics_append(v_old, v_new);
  return null;
end $$;

-- A household moved to another area: its interventions leave the old area and enter the new one.
create function analytics_household_moved() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  m record;
  v_rows intervention[];
begin
  perform analytics_lock(array(select n.id from old_rows o join new_rows n on n.id = o.id where n.area_id <> o.area_id), '{}', true);
  for m in select n.id, o.area_id as old_area, n.area_id as new_area
             from old_rows o join new_rows n on n.id = o.id where n.area_id <> o.area_id loop
    v_rows := array(select i from intervention i where i.household_id = m.id);
    perform analytics_append(v_rows, v_rows, m.old_area, m.new_area);
  end loop;
  return null;
end $$;

-- A program changed owner (an administrator's edit): its interventions leave the old owner's figures.
create function analytics_program_owner_changed() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  c record;
  v_rows intervention[];
begin
  perform analytics_lock('{}', array(select n.id from old_rows o join new_rows n on n.id = o.id where n.owner_id <> o.owner_id), true);
  for c in select n.id, o.owner_id as old_owner, n.owner_id as new_owner
             from old_rows o join new_rows n on n.id = o.id where n.owner_id <> o.owner_id loop
    v_rows := array(select i from intervention i where i.program_id = c.id);
    perform analytics_append(v_rows, v_rows, null, null, c.old_owner, c.new_owner);
  end loop;
  return null;
end $$;

-- Folds the deltas written so far into one row per key. Concurrent writers go on: their rows, not yet
-- visible to the delete, wait for the next compaction. Only compactions take turns (the zero crossings
-- of the counters are decided here). Run after imports and the seed, and every minute by the server.
create function analytics_compact() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtext('analytics_compact'));
  ${foldHouseholds('program_id', 'analytics_program_household_delta', 'analytics_program_household', 'analytics_program_area', 'reached, households_delivered', '')}
  ${foldHouseholds('owner_id', 'analytics_owner_household_delta', 'analytics_owner_household', 'analytics_owner_area', 'reached, households_delivered',
    `on conflict (area_id, owner_id) do update set reached = t.reached + excluded.reached,
       households_delivered = t.households_delivered + excluded.households_delivered`)}

${TARGET_FOLD}
  -- Status counts (and the reached rows added above): one row per (area, program).
  with d as (
    delete from analytics_program_area s
     where (s.area_id, s.program_id) in (select area_id, program_id from analytics_program_area group by 1, 2 having count(*) > 1)
    returning s.*)
  insert into analytics_program_area (area_id, program_id, ${STATUS_COLUMNS}, reached, households_delivered)
  select area_id, program_id, ${STATUS_COLUMNS.split(', ').map((c) => `sum(${c})`).join(', ')}, sum(reached), sum(households_delivered)
    from d group by 1, 2;
end $$;

-- Every summary from the rows, independently of the triggers (tests compare it with the maintained figures).
create function analytics_rebuild() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtext('analytics_compact'));
  truncate analytics_program_area, analytics_program_household, analytics_owner_household, analytics_owner_area,
           analytics_program_target, analytics_program_period_area, analytics_program_target_areas, analytics_program_period,
           analytics_program_household_delta, analytics_owner_household_delta, analytics_program_target_delta;
  create temp table analytics_rows on commit drop as
  select 1 as sign, i.program_id, p.owner_id, i.household_id, h.area_id, coalesce(i.person_id, i.household_id) as target_id,
         i.status, i.period_key, i.value_rp, i.planned_on, i.delivered_on
    from intervention i join program p on p.id = i.program_id join household h on h.id = i.household_id;
  insert into analytics_program_household (program_id, household_id, area_id, active, done)
  select * from (select program_id, household_id, area_id, ${HOUSEHOLD_SUMS} from analytics_rows group by 1, 2, 3) x where active <> 0 or done <> 0;
  insert into analytics_owner_household (owner_id, household_id, area_id, active, done)
  select * from (select owner_id, household_id, area_id, ${HOUSEHOLD_SUMS} from analytics_rows group by 1, 2, 3) x where active <> 0 or done <> 0;
  insert into analytics_program_area (area_id, program_id, ${STATUS_COLUMNS}, reached, households_delivered)
  select coalesce(s.area_id, r.area_id), coalesce(s.program_id, r.program_id), ${STATUS_COLUMNS.split(', ').map((c) => `coalesce(s.${c}, 0)`).join(', ')},
         coalesce(r.reached, 0), coalesce(r.done, 0)
    from (select area_id, program_id, ${STATUS_SUMS} from analytics_rows group by 1, 2) s
    full join (select area_id, program_id, count(*) filter (where active > 0) as reached, count(*) filter (where done > 0) as done
                 from analytics_program_household group by 1, 2) r using (area_id, program_id);
  insert into analytics_owner_area (area_id, owner_id, reached, households_delivered)
  select area_id, owner_id, count(*) filter (where active > 0), count(*) filter (where done > 0)
    from analytics_owner_household group by 1, 2;
  insert into analytics_program_target (program_id, period_key, target_id, area_id, n)
  select program_id, period_key, target_id, area_id, count(*) from analytics_rows where status <> 'CANCELLED' group by 1, 2, 3, 4;
  insert into analytics_program_period_area (area_id, program_id, period_key, targets)
  select area_id, program_id, period_key, count(*) from analytics_program_target group by 1, 2, 3;
  insert into analytics_program_target_areas (program_id, period_key, target_id, areas)
  select program_id, period_key, target_id, count(*) from analytics_program_target group by 1, 2, 3;
  insert into analytics_program_period (program_id, period_key, targets)
  select program_id, period_key, count(*) from analytics_program_target_areas group by 1, 2;
end $$;

-- How many times too often a sum over p_areas counts the targets present in several of them in a period
-- (a member who moved between kelurahan), folded and pending counts together: the candidates are the
-- folded movers and the targets with pending deltas. The service passes only areas of the viewer's scope.
create function analytics_quota_overcount(p_areas uuid[]) returns table (program_id uuid, period_key text, extra bigint)
language sql stable security definer set search_path = public, pg_temp as $$
  with cand as (
    select m.program_id, m.period_key, m.target_id from analytics_program_target_areas m where m.areas > 1
    union select d.program_id, d.period_key, d.target_id from analytics_program_target_delta d),
  k as (
    select c.program_id, c.period_key, x.k
      from cand c
      cross join lateral (
        select count(*) as k from (
          select u.area_id from (
            select t.area_id, t.n from analytics_program_target t
             where t.program_id = c.program_id and t.period_key = c.period_key and t.target_id = c.target_id and t.area_id = any (p_areas)
            union all
            select d.area_id, d.n from analytics_program_target_delta d
             where d.program_id = c.program_id and d.period_key = c.period_key and d.target_id = c.target_id and d.area_id = any (p_areas)) u
          group by u.area_id having sum(u.n) > 0) a) x)
  select program_id, period_key, sum(k - 1)::bigint from k where k > 1 group by 1, 2
$$;
`;

// Folded counts plus the pending deltas, as readers see them (several rows per key: readers sum them).
export const VIEWS = `
create view analytics_program_area_current with (security_invoker = true) as
  select area_id, program_id, ${STATUS_COLUMNS}, reached, households_delivered from analytics_program_area
  union all
  select area_id, program_id, 0, 0, 0, 0, 0, 0, 0, 0, reached, households_delivered
    from (${householdCrossings('program_id', 'analytics_program_household_delta', 'analytics_program_household')}) c;
create view analytics_owner_area_current with (security_invoker = true) as
  select area_id, owner_id, reached, households_delivered from analytics_owner_area
  union all
  select area_id, owner_id, reached, households_delivered
    from (${householdCrossings('owner_id', 'analytics_owner_household_delta', 'analytics_owner_household')}) c;
create view analytics_program_period_area_current with (security_invoker = true) as
  select area_id, program_id, period_key, targets from analytics_program_period_area
  union all
  select area_id, program_id, period_key, sum(moved)::int from (${TARGET_CROSSINGS}) c group by 1, 2, 3;
-- City-wide distinct targets: a target counts while it is present in at least one area.
create view analytics_program_period_current with (security_invoker = true) as
  select program_id, period_key, targets from analytics_program_period
  union all
  select program_id, period_key, sum((coalesce(a.areas, 0) + c.moved > 0)::int - (coalesce(a.areas, 0) > 0)::int)::int
    from (select program_id, period_key, target_id, sum(moved) as moved from (${TARGET_CROSSINGS}) x group by 1, 2, 3) c
    left join analytics_program_target_areas a using (program_id, period_key, target_id)
   group by 1, 2;
`;

const DELTA_TABLES = ['analytics_program_household_delta', 'analytics_owner_household_delta', 'analytics_program_target_delta'];
// Read through the views by scope (their rows name households, but only by id, like the summaries' keys).
const HOUSEHOLD_TABLES = ['analytics_program_household', 'analytics_owner_household'];
const VIEW_NAMES = ['analytics_program_area_current', 'analytics_owner_area_current', 'analytics_program_period_area_current', 'analytics_program_period_current'];

const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

const OLD_FUNCTIONS = ['analytics_apply_delta(boolean)', 'analytics_intervention_changed()', 'analytics_household_moved()',
  'analytics_program_owner_changed()', 'analytics_fill_owners(uuid[])', 'analytics_prepare()', 'analytics_snapshot_target_areas()',
  'analytics_rebuild()', 'analytics_quota_overcount(uuid[])'];
const NEW_FUNCTIONS = ['analytics_lock(uuid[], uuid[], boolean)',
  'analytics_append(intervention[], intervention[], uuid, uuid, uuid, uuid)', 'analytics_intervention_changed()',
  'analytics_household_moved()', 'analytics_program_owner_changed()', 'analytics_compact()', 'analytics_rebuild()',
  'analytics_quota_overcount(uuid[])'];

function dropTriggers(sql: (s: string) => void) {
  for (const op of ['insert', 'update', 'delete']) sql(`drop trigger analytics_intervention_${op} on intervention;`);
  sql(`drop trigger analytics_household_moved on household;`);
  sql(`drop trigger analytics_program_owner_changed on program;`);
}

export class Migration0023AnalyticsDeltas extends Migration {
  override async up(): Promise<void> {
    const sql = (s: string) => this.addSql(s);
    dropTriggers(sql);
    sql(`drop function ${OLD_FUNCTIONS.join(', ')};`);
    // The existing rows are exact: they become the folded state as they are.
    sql(`alter table analytics_program_area drop constraint analytics_program_area_pkey;
      create index analytics_program_area_key on analytics_program_area (program_id, area_id);
      alter table analytics_program_household drop constraint analytics_program_household_pkey, add primary key (program_id, household_id, area_id);
      alter table analytics_owner_household drop constraint analytics_owner_household_pkey, add primary key (owner_id, household_id, area_id);
      create table analytics_program_household_delta (program_id uuid not null, household_id uuid not null, area_id uuid not null,
        active int not null, done int not null);
      create table analytics_owner_household_delta (owner_id uuid not null, household_id uuid not null, area_id uuid not null,
        active int not null, done int not null);
      create table analytics_program_target_delta (program_id uuid not null, period_key text not null, target_id uuid not null,
        area_id uuid not null, n int not null);
      create index analytics_program_target_delta_target on analytics_program_target_delta (program_id, period_key, target_id);`);
    sql(FUNCTIONS);
    sql(VIEWS);
    for (const t of [...DELTA_TABLES, ...HOUSEHOLD_TABLES]) {
      if (DELTA_TABLES.includes(t)) sql(`alter table ${t} enable row level security;`);
      sql(`grant select on ${t} to sinergi_app;`);
      sql(`create policy ${t}_scope on ${t} for select using ((select sinergi_city_wide()) or ${OFFICER_AREAS});`);
    }
    for (const v of VIEW_NAMES) sql(`grant select on ${v} to sinergi_app;`);
    for (const fn of NEW_FUNCTIONS) sql(`revoke all on function ${fn} from public;`);
    sql(`grant execute on function analytics_quota_overcount(uuid[]) to sinergi_app;`);
    // The server folds the deltas every minute, and the import commit after each job.
    sql(`grant execute on function analytics_compact() to sinergi_app;`);
    for (const op of ['insert', 'update', 'delete']) {
      sql(`create trigger analytics_intervention_${op} after ${op} on intervention
        referencing ${op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows'}
        for each statement execute function analytics_intervention_changed();`);
    }
    sql(`create trigger analytics_household_moved after update on household
      referencing old table as old_rows new table as new_rows for each statement execute function analytics_household_moved();`);
    sql(`create trigger analytics_program_owner_changed after update on program
      referencing old table as old_rows new table as new_rows for each statement execute function analytics_program_owner_changed();`);
  }

  override async down(): Promise<void> {
    // Back to 0017 as it was: what 0023 added goes, then 0017's own down and up rebuild its tables from the rows.
    this.addSql(`drop view ${VIEW_NAMES.join(', ')};`);
    this.addSql(`drop function analytics_lock(uuid[], uuid[], boolean), analytics_append(intervention[], intervention[], uuid, uuid, uuid, uuid),
      analytics_compact();`);
    this.addSql(`drop table ${DELTA_TABLES.join(', ')};`);
    const previous = new Migration0017AnalyticsSummaries(this.driver, this.config);
    await previous.down();
    await previous.up();
    for (const query of previous.getQueries()) this.addSql(query);
  }
}
