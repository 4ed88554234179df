import { Migration } from '@mikro-orm/migrations';

/**
 * Exact household counts per kelurahan and filter value (issue 12 item 4), for the household list's
 * `totalCount` with one need type or one program.
 *
 * An exact count below its bound (COUNT_LIMIT) reads every match, so an officer's kelurahan with a need
 * type read ten times the rows at ten times the city. household_filter_count holds, per kelurahan, the
 * number of households with a need of a type (NEED_TYPE, the list's `needType` filter: any household_need
 * row) and with an intervention of a program (PROGRAM, the `programId` filter: any intervention, whatever
 * its status), so such a count reads one row per kelurahan in scope.
 *
 * Statement-level triggers with transition tables keep it exact in the writer's transaction. Writers
 * append (area, dimension, value, ±n) rows rather than update shared ones, so writers of different
 * households never wait on each other; household_filter_count_compact() folds them into one row per key
 * (with the other summaries' compactions), and readers sum whatever rows there are. A writer first locks
 * its households (FOR NO KEY UPDATE, which the foreign-key checks of the rows do not wait for): two
 * writers of one household take turns, so the second sees the first's rows when it decides whether the
 * household gained or lost a need type or program. A household moving kelurahan moves its counts.
 *
 * City-wide roles read every row, a kelurahan officer those of its area, partners none; nobody writes
 * them but the triggers (owner's rights).
 */
const OFFICER_AREAS = `((select sinergi_role()) = 'KELURAHAN_OFFICER'
  and area_id in (select a.id from area a where a.code = current_setting('sinergi.area_code', true)
                                             or a.code like current_setting('sinergi.area_code', true) || '.%'))`;

/**
 * The delta of a statement on `table` (whose rows name a household and a `key`): per (household, key) the
 * statement touched, whether the household had such a row before and has one now. Rows now = rows before
 * - removed + added, so "before" is the current count + removed - added.
 */
const delta = (table: string, key: string, type: string, dimension: string, rows: string) => `
  perform 1 from household h where h.id in (select c.household_id from (${rows}) c) order by h.id for no key update;
  insert into household_filter_count (area_id, dimension, value, n)
  select h.area_id, '${dimension}', k.val, sum(k.now - k.before)
    from (select c.household_id, c.val,
                 (x.n > 0)::int as now, (x.n + c.removed - c.added > 0)::int as before
            from (select household_id, val, sum(added) as added, sum(removed) as removed
                    from (${rows}) c group by household_id, val) c
            cross join lateral (select count(*) as n from ${table} t
                                 where t.household_id = c.household_id and t.${key} = c.val::${type}) x) k
    join household h on h.id = k.household_id
   where k.now <> k.before
   group by h.area_id, k.val;`;

export const changed = (table: string, key: string, type: string, dimension: string) => {
  const added = `select household_id, ${key}::text as val, 1 as added, 0 as removed from new_rows`;
  const removed = `select household_id, ${key}::text as val, 0 as added, 1 as removed from old_rows`;
  // An update counts only where it moved a row to another household or value (a status, evidence: none).
  const moved = `from new_rows w join old_rows o on o.id = w.id where (o.household_id, o.${key}) is distinct from (w.household_id, w.${key})`;
  const updated = `select w.household_id, w.${key}::text as val, 1 as added, 0 as removed ${moved} union all select o.household_id, o.${key}::text, 0, 1 ${moved}`;
  return `
create function household_filter_count_${table}() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then ${delta(table, key, type, dimension, added)}
  elsif tg_op = 'DELETE' then ${delta(table, key, type, dimension, removed)}
  else ${delta(table, key, type, dimension, updated)}
  end if;
  return null;
end $$;`;
};

/** Every (household, dimension, value) the household counts in: what a move or a deletion carries. */
const MEMBERSHIP = (households: string) => `
  select distinct n.household_id, 'NEED_TYPE' as dimension, n.need_type as value from household_need n where n.household_id in (${households})
  union
  select distinct i.household_id, 'PROGRAM', i.program_id::text from intervention i where i.household_id in (${households})`;

const FUNCTIONS = `
${changed('household_need', 'need_type', 'text', 'NEED_TYPE')}
${changed('intervention', 'program_id', 'uuid', 'PROGRAM')}

create function household_filter_count_moved() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  insert into household_filter_count (area_id, dimension, value, n)
  select x.area_id, m.dimension, m.value, sum(x.n)
    from (${MEMBERSHIP('select o.id from old_rows o join new_rows w on w.id = o.id where o.area_id <> w.area_id')}) m
    join old_rows o on o.id = m.household_id join new_rows w on w.id = m.household_id
    cross join lateral (values (o.area_id, -1), (w.area_id, 1)) x (area_id, n)
   group by x.area_id, m.dimension, m.value;
  return null;
end $$;

-- Row-level, before the cascade deletes the household's needs (whose own trigger then finds no household).
create function household_filter_count_deleted() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  insert into household_filter_count (area_id, dimension, value, n)
  select old.area_id, m.dimension, m.value, -1 from (${MEMBERSHIP('old.id')}) m;
  return old;
end $$;

-- Folds the appended rows into one per key. Writers are not blocked: rows they append meanwhile are not
-- visible to the delete and wait for the next compaction; readers see the rows before or after.
create function household_filter_count_compact() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtext('household_filter_count_compact'));
  with gone as (delete from household_filter_count returning area_id, dimension, value, n)
  insert into household_filter_count (area_id, dimension, value, n)
  select area_id, dimension, value, sum(n) from gone group by area_id, dimension, value having sum(n) <> 0;
end $$;`;

const FUNCTION_NAMES = [
  'household_filter_count_household_need()',
  'household_filter_count_intervention()',
  'household_filter_count_moved()',
  'household_filter_count_deleted()',
  'household_filter_count_compact()',
];

const transition = (op: string) =>
  op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';

export class Migration0035HouseholdFilterCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table household_filter_count (
        area_id uuid not null references area (id),
        dimension text not null check (dimension in ('NEED_TYPE', 'PROGRAM')),
        value text not null,
        n integer not null
      );`);
    // A count reads its key's rows of the areas in scope from the index alone.
    this.addSql(`create index household_filter_count_key_idx on household_filter_count (dimension, value, area_id) include (n);`);
    this.addSql(FUNCTIONS);
    // PostgreSQL allows no column list with transition tables: an update of other columns finds no row to count.
    for (const op of ['insert', 'update', 'delete']) {
      this.addSql(`create trigger household_filter_count_need_${op} after ${op} on household_need referencing ${transition(op)}
        for each statement execute function household_filter_count_household_need();`);
      this.addSql(`create trigger household_filter_count_intervention_${op} after ${op} on intervention referencing ${transition(op)}
        for each statement execute function household_filter_count_intervention();`);
    }
    this.addSql(`create trigger household_filter_count_moved after update on household
      referencing ${transition('update')} for each statement execute function household_filter_count_moved();`);
    this.addSql(`create trigger household_filter_count_deleted before delete on household
      for each row execute function household_filter_count_deleted();`);
    for (const fn of FUNCTION_NAMES) this.addSql(`revoke all on function ${fn} from public;`);
    // The server folds the rows every minute as the application role (summary-compaction.ts).
    this.addSql(`grant execute on function household_filter_count_compact() to sinergi_app;`);
    this.addSql(`
      insert into household_filter_count (area_id, dimension, value, n)
      select h.area_id, m.dimension, m.value, count(*)
        from (select distinct household_id, 'NEED_TYPE' as dimension, need_type as value from household_need
              union all
              select distinct household_id, 'PROGRAM', program_id::text from intervention) m
        join household h on h.id = m.household_id
       group by h.area_id, m.dimension, m.value;`);
    this.addSql(`analyze household_filter_count;`);
    this.addSql(`alter table household_filter_count enable row level security;`);
    this.addSql(`create policy household_filter_count_scope on household_filter_count for select using ((select sinergi_city_wide()) or ${OFFICER_AREAS});`);
    this.addSql(`grant select on household_filter_count to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger household_filter_count_deleted on household;`);
    this.addSql(`drop trigger household_filter_count_moved on household;`);
    for (const op of ['insert', 'update', 'delete']) {
      this.addSql(`drop trigger household_filter_count_need_${op} on household_need;`);
      this.addSql(`drop trigger household_filter_count_intervention_${op} on intervention;`);
    }
    this.addSql(`drop table household_filter_count;`);
    this.addSql(`drop function ${FUNCTION_NAMES.join(', ')};`);
  }
}
