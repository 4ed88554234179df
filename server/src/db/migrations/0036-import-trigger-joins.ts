import { Migration } from '@mikro-orm/migrations';
import { COVERAGE_NEED, DAILY_ASSESSMENT_UP } from './0031-summary-fast-paths.js';

/*
 * The fast paths of 0031 without their per-household scans of the statement's rows (issue 10 item 9).
 *
 * "Has this household rows outside the statement?" was a correlated NOT EXISTS over the transition table:
 * the planner hashed the household's few rows and scanned the whole transition table once per
 * household (an import batch: 1,000 households x 3,400 new needs, 1.1-1.6 s of a batch's need
 * insert). It is now one uncorrelated NOT IN whose sets are hashed once: the households' rows not in
 * the statement, found by index. Ids and household ids are never null, so NOT IN means NOT EXISTS.
 * The daily fast path's "has this household a state row already?" was the same shape against the
 * registry's state rows (all of them, materialised, per household: the batch's cost grew with every
 * batch, 0.05 s to over 1 s at 20,000 households). Rows of the batch's households are now probed by
 * key, per household, fenced with `offset 0`: the application role cannot ANALYZE, and statistics
 * from a nearly empty registry made the planner pick those scans.
 */

export function replaced(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`0036: fragment not found: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}

const COVERAGE_NEED_UP = replaced(COVERAGE_NEED, [
  [
    `    select h.id, h.area_id from household h
     where h.id = any (hs)
       and not exists (select 1 from intervention i where i.household_id = h.id and i.status <> 'CANCELLED')
       and not exists (select 1 from household_need n where n.household_id = h.id and not exists (select 1 from new_rows x where x.id = n.id))`,
    `    select h.id, h.area_id from unnest(hs) u(id) cross join lateral (select * from household h where h.id = u.id offset 0) h
     where not exists (select 1 from intervention i where i.household_id = h.id and i.status <> 'CANCELLED')
       and h.id not in (select n.household_id
                          from unnest(hs) v(id) cross join lateral (select n.household_id, n.id from household_need n where n.household_id = v.id offset 0) n
                         where n.id not in (select x.id from new_rows x))`,
  ],
]);

const DAILY_ASSESSMENT_FAST = replaced(DAILY_ASSESSMENT_UP, [
  [
    `    with fh as (
      select distinct n.household_id from new_rows n
       where not exists (select 1 from analytics_daily_state s where s.kind = 'E' and s.entity_id = n.household_id)
         and not exists (select 1 from poverty_assessment pa where pa.household_id = n.household_id
                           and not exists (select 1 from new_rows x where x.id = pa.id))),`,
    `    with nh as (select distinct household_id from new_rows),
    fh as (
      select nh.household_id from nh
       where nh.household_id not in (
               select s.entity_id
                 from nh y cross join lateral (select s.entity_id from analytics_daily_state s where s.kind = 'E' and s.entity_id = y.household_id offset 0) s)
         and nh.household_id not in (
               select pa.household_id
                 from nh y cross join lateral (select pa.household_id, pa.id from poverty_assessment pa where pa.household_id = y.household_id offset 0) pa
                where pa.id not in (select x.id from new_rows x))),`,
  ],
  [
    `        from household h join a on a.household_id = h.id),`,
    `        from a cross join lateral (select h.id, h.area_id from household h where h.id = a.household_id offset 0) h),`,
  ],
]);

export class Migration0036ImportTriggerJoins extends Migration {
  override async up(): Promise<void> {
    this.addSql(COVERAGE_NEED_UP);
    this.addSql(DAILY_ASSESSMENT_FAST);
  }

  override async down(): Promise<void> {
    this.addSql(COVERAGE_NEED);
    this.addSql(DAILY_ASSESSMENT_UP);
  }
}
