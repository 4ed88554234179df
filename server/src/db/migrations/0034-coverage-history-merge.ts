import { Migration } from '@mikro-orm/migrations';
import { COMPACT as COMPACT_0032 } from './0032-coverage-open-rows.js';

/*
 * Closed coverage history that grows only with writes (issue 12 item 3, after 0032).
 *
 * 0032's compaction cuts each open range [l, u) that started before its day C into [l, C) and [C, u), so
 * each day's first compaction left one more closed piece per open row, even without a write: the history
 * grew with the calendar. The compaction now merges each closed piece [l, C) into the key's closed piece
 * [k, l) when both count the same n (one row [k, C) instead of two): each day is still counted n times,
 * and a key without writes keeps one closed row however many days pass. The migration merges the runs of
 * adjacent equal pieces that 0032 already left (once).
 */

const COMPACT = `
create or replace function coverage_compact() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  c date := sinergi_today();
  areas uuid[];
  aspects text[];
  items text[];
  firsts date[];
  laters daterange[];
  earliers daterange[];
  counts int[];
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
     where not isempty(g.r) and not lower_inf(g.r) and lower(g.r) < c and coalesce(upper(g.r), 'infinity'::date) > c),
  folded as (
    insert into coverage_delta as t (area_id, aspect, item, r, n, folded)
    select area_id, aspect, item, r, sum(n), true from pieces group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
    on conflict (area_id, aspect, item, r) where folded do update set n = t.n + excluded.n
    returning t.area_id, t.aspect, t.item, t.r)
  -- The pieces that close at C (the day's cuts and writes ending today): each may continue an earlier piece.
  select array_agg(area_id), array_agg(aspect), array_agg(item), array_agg(lower(r))
    into areas, aspects, items, firsts
    from folded where upper(r) = c and not lower_inf(r);
  if areas is not null then
    -- A piece [l, C) and the key's piece [k, l) of the same count become [k, C) (the one with the earliest k
    -- when several end at l). Each earlier piece ends at l < C, so it pairs with one cut at most.
    with cut as (select * from unnest(areas, aspects, items, firsts) u(area_id, aspect, item, l)),
    pairs as (
      select distinct on (p.area_id, p.aspect, p.item, cut.l) p.area_id, p.aspect, p.item, p.r as later, q.r as earlier, p.n
        from cut
        join coverage_delta p on p.folded and p.area_id = cut.area_id and p.aspect = cut.aspect and p.item = cut.item
                             and p.r = daterange(cut.l, c)
        join coverage_delta q on q.folded and q.area_id = p.area_id and q.aspect = p.aspect and q.item = p.item
                             and q.ends_on = cut.l and q.n = p.n and not isempty(q.r)
       order by p.area_id, p.aspect, p.item, cut.l, lower(q.r) nulls first)
    select array_agg(area_id), array_agg(aspect), array_agg(item), array_agg(later), array_agg(earlier), array_agg(n)
      into areas, aspects, items, laters, earliers, counts
      from pairs;
    -- Removed first, so that a merged range may take the place of a piece merged in the same pass.
    delete from coverage_delta d using unnest(areas, aspects, items, laters, earliers) x(area_id, aspect, item, later, earlier)
     where d.folded and d.area_id = x.area_id and d.aspect = x.aspect and d.item = x.item and d.r in (x.later, x.earlier);
    insert into coverage_delta as t (area_id, aspect, item, r, n, folded)
    select area_id, aspect, item, daterange(lower(earlier), c), sum(n), true
      from unnest(areas, aspects, items, earliers, counts) x(area_id, aspect, item, earlier, n)
     group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (area_id, aspect, item, r) where folded do update set n = t.n + excluded.n;
  end if;
  delete from coverage_delta where folded and n = 0;
end $$;`;

/** Merges each run of adjacent closed pieces of a key with the same count into one (the migration's backfill; tests run it too). */
export const MERGE_HISTORY = `
do $$
declare
  areas uuid[];
  aspects text[];
  items text[];
  pieces daterange[];
  merged daterange[];
  counts int[];
  run_ids bigint[];
begin
  with ordered as (
    select area_id, aspect, item, r, n,
           coalesce(lower(r) <> lag(upper(r)) over w, true) as starts
      from coverage_delta
     where folded and not isempty(r) and ends_on < 'infinity'::date
    window w as (partition by area_id, aspect, item, n order by lower(r) nulls first, upper(r))),
  runs as (
    select *, count(*) filter (where starts) over (partition by area_id, aspect, item, n order by lower(r) nulls first, upper(r)) as run
      from ordered),
  spans as (
    select area_id, aspect, item, n, run, daterange((array_agg(lower(r) order by lower(r) nulls first))[1], max(upper(r))) as span
      from runs group by area_id, aspect, item, n, run having count(*) > 1)
  -- One element per piece: its range, its run's range and count.
  select array_agg(x.area_id), array_agg(x.aspect), array_agg(x.item), array_agg(x.r), array_agg(s.span), array_agg(x.n), array_agg(x.run)
    into areas, aspects, items, pieces, merged, counts, run_ids
    from runs x join spans s using (area_id, aspect, item, n, run);
  if areas is null then return; end if;
  -- Removed first, so that a run's range may take the place of a piece of another run.
  delete from coverage_delta d using unnest(areas, aspects, items, pieces) x(area_id, aspect, item, r)
   where d.folded and d.area_id = x.area_id and d.aspect = x.aspect and d.item = x.item and d.r = x.r;
  insert into coverage_delta as t (area_id, aspect, item, r, n, folded)
  select area_id, aspect, item, span, sum(n), true
    from (select distinct area_id, aspect, item, span, n, run from unnest(areas, aspects, items, merged, counts, run_ids) u(area_id, aspect, item, span, n, run)) x
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (area_id, aspect, item, r) where folded do update set n = t.n + excluded.n;
  delete from coverage_delta where folded and n = 0;
end $$;`;

export class Migration0034CoverageHistoryMerge extends Migration {
  override async up(): Promise<void> {
    const sql = (s: string) => this.addSql(s);
    // Writers wait while the history is merged.
    sql(`lock table coverage_delta in share row exclusive mode;`);
    sql(COMPACT);
    sql(MERGE_HISTORY);
  }

  override async down(): Promise<void> {
    // The merged rows stay: they count the same days, and 0032's compaction keeps them as they are.
    this.addSql(COMPACT_0032);
  }
}
