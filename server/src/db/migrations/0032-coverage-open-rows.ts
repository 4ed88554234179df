import { Migration } from '@mikro-orm/migrations';

/*
 * Coverage and overlap reads (0021, 0026) that grew with the households (issue 12 item 3). Two causes:
 *
 * - Under row-level security the reader's bound `coalesce(upper(r), 'infinity') > as_of` is not an index
 *   condition (upper() is not leakproof, so PostgreSQL evaluates it after the policy): every row of the
 *   kind, history included, was read and filtered (overlap at 1,000,000 households: 18,015 rows for 3,127
 *   open ones). The bound is now a stored column, `ends_on`, compared with a leakproof operator, and one
 *   kelurahan's coverage reads an index by (area, aspect, ends_on) instead of its aspect city-wide.
 * - The open rows of a key differ by their first day: a need covered since March and one since May are two
 *   rows while both are open. The compaction now splits each open range [l, u) with l before its day C
 *   into [l, C) (history, closed for reads at C or later) and [C, u), and folds the pieces per key: the
 *   open rows of an (area, variant, item) are one per last day, which the calendar bounds, not the city.
 *   The counts at every day stay exactly as they were (the pieces add up to the range).
 *
 * The compaction touches only the writers' pending rows and the folded rows to split (once a day), not
 * the whole table each minute: folded rows are marked and unique per key, updated in place (as 0029 did for
 * the day events).
 */

export const COMPACT = `
create or replace function coverage_compact() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  c date := sinergi_today();
begin
  perform pg_advisory_xact_lock(hashtext('coverage_compact'));
  with gone as (
    delete from coverage_delta d
     where not d.folded or (d.ends_on > c and not lower_inf(d.r) and lower(d.r) < c)
    returning d.area_id, d.aspect, d.item, d.r, d.n),
  pieces as (
    select area_id, aspect, item, r, n from gone
     where isempty(r) or lower_inf(r) or lower(r) >= c or coalesce(upper(r), 'infinity'::date) <= c
    union all
    select g.area_id, g.aspect, g.item, x.r, g.n
      from gone g cross join lateral (values (daterange(lower(g.r), c)), (daterange(c, upper(g.r)))) x(r)
     where not isempty(g.r) and not lower_inf(g.r) and lower(g.r) < c and coalesce(upper(g.r), 'infinity'::date) > c)
  insert into coverage_delta as t (area_id, aspect, item, r, n, folded)
  select area_id, aspect, item, r, sum(n), true from pieces group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
  on conflict (area_id, aspect, item, r) where folded do update set n = t.n + excluded.n;
  delete from coverage_delta where folded and n = 0;
end $$;`;

// 0021's compaction, for the down migration.
const COMPACT_0021 = `
create or replace function coverage_compact() returns void language sql security definer set search_path = public, pg_temp as $$
  with gone as (delete from coverage_delta returning area_id, aspect, item, r, n)
  insert into coverage_delta (area_id, aspect, item, r, n)
  select area_id, aspect, item, r, sum(n) from gone group by area_id, aspect, item, r having sum(n) <> 0;
$$;`;

export class Migration0032CoverageOpenRows extends Migration {
  override async up(): Promise<void> {
    const sql = (s: string) => this.addSql(s);
    // Writers wait while the rows are folded (the compaction changes in the same transaction).
    sql(`lock table coverage_delta in share row exclusive mode;`);
    sql(`drop index coverage_delta_open, coverage_delta_overlap_open, coverage_delta_coverage_open;`);
    sql(`alter table coverage_delta add column ends_on date generated always as (coalesce(upper(r), 'infinity'::date)) stored,
      add column folded boolean not null default false;`);
    // Reads at a day skip the ranges that ended before it (the history); the compaction finds the open ones.
    sql(`create index coverage_delta_open on coverage_delta (ends_on);`);
    // Overlap sums its open rows city-wide: the index holds what the read and the policy need (an index-only scan).
    sql(`create index coverage_delta_overlap_open on coverage_delta (ends_on) include (area_id, aspect, item, r, n) where item like 'overlap%';`);
    sql(`create index coverage_delta_coverage_open on coverage_delta (aspect, ends_on) where item not like 'overlap%';`);
    sql(`create index coverage_delta_area_open on coverage_delta (area_id, aspect, ends_on) where item not like 'overlap%';`);
    sql(`create index coverage_delta_pending on coverage_delta (area_id) where not folded;`);
    sql(`create unique index coverage_delta_folded on coverage_delta (area_id, aspect, item, r) where folded;`);
    sql(`create index coverage_delta_zero on coverage_delta (area_id) where folded and n = 0;`);
    // Backfill: every row is pending; the first compaction folds and splits them.
    sql(COMPACT);
    sql(`select coverage_compact();`);
    sql(`analyze coverage_delta;`);
  }

  override async down(): Promise<void> {
    const sql = (s: string) => this.addSql(s);
    // The split rows stay: they count the same days, and 0021's compaction folds them per range as before.
    sql(COMPACT_0021);
    sql(`alter table coverage_delta drop column ends_on, drop column folded;`);
    sql(`create index coverage_delta_open on coverage_delta (aspect, (coalesce(upper(r), 'infinity'::date)));`);
    sql(`create index coverage_delta_overlap_open on coverage_delta ((coalesce(upper(r), 'infinity'::date))) where item like 'overlap%';`);
    sql(`create index coverage_delta_coverage_open on coverage_delta (aspect, (coalesce(upper(r), 'infinity'::date))) where item not like 'overlap%';`);
  }
}
