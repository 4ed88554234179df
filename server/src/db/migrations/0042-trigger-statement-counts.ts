import { Migration } from '@mikro-orm/migrations';
import { COVERAGE_NEED_UP, DAILY_ASSESSMENT_FAST, replaced } from './0036-import-trigger-joins.js';

/*
 * The fast paths of 0036 without NOT IN over the statement's rows, which grew quadratic with the statement.
 *
 * 0036 asked "has this household rows outside the statement?" as `id not in (select x.id from new_rows x)`:
 * PostgreSQL hashes that set only when its estimated size fits in work_mem; beyond it (a few hundred
 * thousand ids at the default 4 MB) the NOT IN becomes a plain subplan that reads the whole transition
 * table once per row it tests. Deriving the needs of a 1,000,000-household city (1.3 million new needs in
 * one statement) then spent over 20 minutes in the coverage trigger, re-reading the spilled transition
 * table, and would not have ended. The question is now answered by counting: a household has no rows
 * outside the statement when it has as many rows in the table as in the statement (an INSERT statement
 * deletes none). The statement's rows are grouped once (a hash aggregate, which spills instead of changing
 * plan) and each household's rows are counted by key, fenced as 0036 fenced them.
 */

const COVERAGE_NEED_COUNTED = replaced(COVERAGE_NEED_UP, [
  [
    `    select h.id, h.area_id from unnest(hs) u(id) cross join lateral (select * from household h where h.id = u.id offset 0) h
     where not exists (select 1 from intervention i where i.household_id = h.id and i.status <> 'CANCELLED')
       and h.id not in (select n.household_id
                          from unnest(hs) v(id) cross join lateral (select n.household_id, n.id from household_need n where n.household_id = v.id offset 0) n
                         where n.id not in (select x.id from new_rows x))`,
    `    select h.id, h.area_id
      from (select x.household_id, count(*) as n from new_rows x group by x.household_id) s
      cross join lateral (select * from household h where h.id = s.household_id offset 0) h
      cross join lateral (select count(*) as n from household_need n where n.household_id = h.id) t
     where not exists (select 1 from intervention i where i.household_id = h.id and i.status <> 'CANCELLED')
       and t.n = s.n`,
  ],
]);

const DAILY_ASSESSMENT_COUNTED = replaced(DAILY_ASSESSMENT_FAST, [
  [
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
    `    with nh as (select household_id, count(*) as n from new_rows group by household_id),
    fh as (
      select nh.household_id from nh
       cross join lateral (select count(*) as n from analytics_daily_state s where s.kind = 'E' and s.entity_id = nh.household_id) st
       cross join lateral (select count(*) as n from poverty_assessment pa where pa.household_id = nh.household_id) pa
       where st.n = 0 and pa.n = nh.n),`,
  ],
]);

export class Migration0042TriggerStatementCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(COVERAGE_NEED_COUNTED);
    this.addSql(DAILY_ASSESSMENT_COUNTED);
  }

  override async down(): Promise<void> {
    this.addSql(COVERAGE_NEED_UP);
    this.addSql(DAILY_ASSESSMENT_FAST);
  }
}
