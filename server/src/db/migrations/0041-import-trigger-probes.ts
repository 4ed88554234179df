import { Migration } from '@mikro-orm/migrations';
import { COVERAGE_HOUSEHOLD, DAILY_NEED_UP } from './0031-summary-fast-paths.js';
import { changed } from './0035-household-filter-counts.js';
import { replaced } from './0036-import-trigger-joins.js';

/*
 * The summary triggers that an import batch fires probe the registry by key (issue 10 item 9), as 0036
 * did for the others. Statistics from a nearly empty registry (the application role cannot ANALYZE
 * during an import) made the planner hash or scan a whole registry table once per statement, so every
 * batch cost more than the one before:
 *
 * - coverage, household INSERT: "has this new household coverage parts already?" hashed every
 *   coverage_part row (about 10 per household);
 * - daily summaries, need INSERT: "has this new need a state row already?" hashed every need's state
 *   row, and the new state rows took their kelurahan from a scan of every household;
 * - household filter counts, need and intervention statements: the households' lock and the join for
 *   their kelurahan scanned every household.
 *
 * Each now probes its few rows by key per household or row, as a join fenced with `offset 0`, and is
 * planned when it runs (EXECUTE): PL/pgSQL keeps a statement's plan for the session, and a plan made
 * while the registry was nearly empty scans the whole table, here once per probe. (An EXISTS with the
 * fence would be planned for its first row: a scan that stops at the first match, which for a new key
 * reads the whole table.) The lock still takes the households in id order (the order coverage_refresh
 * gives writers).
 */

const COVERAGE_HOUSEHOLD_PROBE = replaced(COVERAGE_HOUSEHOLD, [
  [
    `select array_agg(n.id) into hs from new_rows n where exists (select 1 from coverage_part c where c.household_id = n.id);`,
    `execute $q$select array_agg(distinct n.id) from new_rows n cross join lateral (select c.household_id from coverage_part c where c.household_id = n.id offset 0) c$q$ into hs;`,
  ],
]);

const DAILY_NEED_PROBE = replaced(DAILY_NEED_UP, [
  [
    `select array_agg(n.id) into ids from new_rows n where exists (select 1 from analytics_daily_state s where s.kind = 'N' and s.entity_id = n.id);`,
    `execute $q$select array_agg(n.id) from new_rows n cross join lateral (select s.entity_id from analytics_daily_state s where s.kind = 'N' and s.entity_id = n.id offset 0) s$q$ into ids;`,
  ],
  [
    `    with fresh as (
      insert into analytics_daily_state (kind, entity_id, area_id, days)
      select 'N', n.id, h.area_id, '{(,)}'::datemultirange
        from new_rows n join household h on h.id = n.household_id
       where not (n.id = any (coalesce(ids, '{}')))
      returning area_id)
    insert into analytics_daily_delta (area_id, kind, day, delta)
    select f.area_id, 'N', '-infinity'::date, count(*) from fresh f group by f.area_id;`,
    `    execute $q$with fresh as (
      insert into analytics_daily_state (kind, entity_id, area_id, days)
      select 'N', n.id, h.area_id, '{(,)}'::datemultirange
        from new_rows n cross join lateral (select h.area_id from household h where h.id = n.household_id offset 0) h
       where not (n.id = any (coalesce($1, '{}')))
      returning area_id)
    insert into analytics_daily_delta (area_id, kind, day, delta)
    select f.area_id, 'N', '-infinity'::date, count(*) from fresh f group by f.area_id$q$ using ids;`,
  ],
]);

/** 0035's function for `table`, its households locked and joined by key. */
const filterCountProbe = (table: string, key: string, type: string, dimension: string) => {
  const text = changed(table, key, type, dimension).replace('create function', 'create or replace function');
  const locks = text.match(/perform 1 from household h where h\.id in \(select c\.household_id from \((.*?)\) c\) order by h\.id for no key update;/g);
  const inserts = text.match(/insert into household_filter_count \(area_id, dimension, value, n\)\n[^;]*?\n {4}join household h on h\.id = k\.household_id\n[^;]*?;/g);
  if (locks?.length !== 3 || inserts?.length !== 3) throw new Error(`0041: expected three household locks and joins in ${table}'s function`);
  let out = text;
  for (const lock of locks) {
    const rows = lock.replace(/^perform 1 from household h where h\.id in \(select c\.household_id from \(/, '').replace(/\) c\) order by h\.id for no key update;$/, '');
    // A subquery with a locking clause is not flattened: a probe per household, in the sorted order.
    out = out.replace(
      lock,
      `execute $q$select 1 from (select distinct c.household_id from (${rows}) c order by 1) c
    cross join lateral (select 1 from household h where h.id = c.household_id for no key update) h$q$;`,
    );
  }
  for (const insert of inserts) {
    const probed = insert
      .replace(`    join household h on h.id = k.household_id`, `    cross join lateral (select h.area_id from household h where h.id = k.household_id offset 0) h`)
      .replace(/;$/, '');
    out = out.replace(insert, `execute $q$${probed}$q$;`);
  }
  return out;
};

const FILTER_COUNT_NEED = changed('household_need', 'need_type', 'text', 'NEED_TYPE').replace('create function', 'create or replace function');
const FILTER_COUNT_INTERVENTION = changed('intervention', 'program_id', 'uuid', 'PROGRAM').replace('create function', 'create or replace function');

export class Migration0041ImportTriggerProbes extends Migration {
  override async up(): Promise<void> {
    this.addSql(COVERAGE_HOUSEHOLD_PROBE);
    this.addSql(DAILY_NEED_PROBE);
    this.addSql(filterCountProbe('household_need', 'need_type', 'text', 'NEED_TYPE'));
    this.addSql(filterCountProbe('intervention', 'program_id', 'uuid', 'PROGRAM'));
  }

  override async down(): Promise<void> {
    this.addSql(COVERAGE_HOUSEHOLD);
    this.addSql(DAILY_NEED_UP);
    this.addSql(FILTER_COUNT_NEED);
    this.addSql(FILTER_COUNT_INTERVENTION);
  }
}
