import { Migration } from '@mikro-orm/migrations';
import { GOVERNMENT_ORGANIZATION_TYPES } from '../../auth/policy.js';

/**
 * Exact household counts per organisation, kelurahan and filter value for a partner's list (issue 12 item 4).
 *
 * A partner's `totalCount` read every household of its caseload that matched (up to COUNT_LIMIT + 1), and the
 * seed makes a caseload a share of the city: ten times the rows at ten times the city. partner_filter_count
 * holds, per organisation and kelurahan, the number of households with an open referral to it (REQUESTED or
 * ACCEPTED, consent not withdrawn: what the household policy lets it see, sinergi_assigned_households())
 * in all (ALL), per poverty status (POVERTY_STATUS), per decile (DECILE), with a need of a type (NEED_TYPE)
 * and with an intervention of a program it may see (PROGRAM: its own or a government agency's, as the
 * intervention policy of 0015 and the list's filter mean it), so such a count reads one row per kelurahan and
 * value in scope.
 *
 * Statement-level triggers keep it exact in the writer's transaction, as household_filter_count (0035) is:
 * a statement's delta is the keys of the households it touched after it minus before it (the table it wrote
 * rebuilt from its transition tables), appended as ±n rows and folded by partner_filter_count_compact().
 * Writers first lock their households (FOR NO KEY UPDATE), so two writers of one household (a referral and a
 * need, say) take turns and the second sees the first's rows. A change of an organisation's type (government
 * or not) changes which interventions partners see: it recounts everything.
 *
 * An organisation reads its own rows; nobody writes them but the triggers (owner's rights).
 */
const GOVERNMENT = GOVERNMENT_ORGANIZATION_TYPES.map((t) => `'${t}'`).join(', ');

interface State {
  caseload: string;
  household: string;
  needs: string;
  interventions: string;
}

/** The (organisation, area, dimension, value) keys each open (organisation, household) pair counts in, in the given state. */
const keys = (s: State) => `
  select c.organization_id, h.area_id, k.dimension, k.value
    from ${s.caseload} c join ${s.household} h on h.id = c.household_id
   cross join lateral (
     select 'ALL' as dimension, '' as value
     union all select 'POVERTY_STATUS', h.poverty_status
     union all select 'DECILE', h.welfare_decile::text
     union all (select distinct 'NEED_TYPE', n.need_type from ${s.needs} n where n.household_id = h.id)
     union all (select distinct 'PROGRAM', i.program_id::text from ${s.interventions} i
                 where i.household_id = h.id
                   and (i.organization_id = c.organization_id
                        or i.organization_id in (select o.id from organization o where o.type in (${GOVERNMENT}))))
   ) k`;

/** The (organisation, household) pairs of the open referrals among `assignments`: what the household policy lets a partner see. */
const open = (assignments: string) => `(select distinct organization_id, household_id from ${assignments} a
  where a.status in ('REQUESTED', 'ACCEPTED') and a.consent_withdrawn_at is null)`;

/** The current rows of the households `hs` (a subquery of ids). */
const current = (hs: string): State => ({
  caseload: open(`(select organization_id, household_id, status, consent_withdrawn_at from assignment where household_id in (${hs}))`),
  household: `(select id, area_id, poverty_status, welfare_decile from household where id in (${hs}))`,
  needs: `(select household_id, need_type from household_need where household_id in (${hs}))`,
  interventions: `(select household_id, program_id, organization_id from intervention where household_id in (${hs}))`,
});

/** A table's rows before the statement: now, without the rows it wrote, with those it replaced or deleted. */
const before = (table: string, columns: string, id: string, hs: string, op: string) => {
  const kept = op === 'INSERT' || op === 'UPDATE' ? ` and not exists (select 1 from new_rows w where ${id})` : '';
  const old = op === 'DELETE' || op === 'UPDATE' ? ` union all select ${columns} from old_rows` : '';
  return `(select ${columns} from ${table} t where household_id in (${hs})${kept}${old})`;
};

/** Appends the delta (after - before) of a statement that touched the households `hs`. */
const delta = (hs: string, after: State, prior: State) => `
  perform 1 from household h where h.id in (${hs}) order by h.id for no key update;
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select organization_id, area_id, dimension, value, sum(n)
    from (select k.*, 1 as n from (${keys(after)}) k union all select k.*, -1 from (${keys(prior)}) k) d
   group by organization_id, area_id, dimension, value
  having sum(n) <> 0;`;

const touched = (op: string) =>
  op === 'INSERT'
    ? 'select household_id from new_rows'
    : op === 'DELETE'
      ? 'select household_id from old_rows'
      : 'select household_id from new_rows union select household_id from old_rows';

/** A statement trigger function on `table`, whose rows are `field` of State. */
const onTable = (name: string, table: string, field: keyof State, columns: string, id: string, rows = (r: string) => r) => {
  const body = (op: string) => {
    const hs = touched(op);
    return delta(hs, current(hs), { ...current(hs), [field]: rows(before(table, columns, id, hs, op)) });
  };
  return `
create function partner_filter_count_${name}() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then ${body('INSERT')}
  elsif tg_op = 'DELETE' then ${body('DELETE')}
  else ${body('UPDATE')}
  end if;
  return null;
end $$;`;
};

// A household's update changes its counts only where it moved kelurahan or changed its status or decile.
const CHANGED = `select o.id from old_rows o join new_rows w on w.id = o.id
  where (o.area_id, o.poverty_status, o.welfare_decile) is distinct from (w.area_id, w.poverty_status, w.welfare_decile)`;

// Exported for 0046, which replaces these four and restores them on the way down.
export const STATEMENT_FUNCTIONS = `
${onTable('household_need', 'household_need', 'needs', 'household_id, need_type', 'w.id = t.id')}
${onTable('intervention', 'intervention', 'interventions', 'household_id, program_id, organization_id', 'w.id = t.id')}
${onTable('assignment', 'assignment', 'caseload', 'organization_id, household_id, status, consent_withdrawn_at', 'w.id = t.id', open)}

create function partner_filter_count_household() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select organization_id, area_id, dimension, value, sum(n)
    from (select k.*, 1 as n from (${keys(current(CHANGED))}) k
          union all
          select k.*, -1 from (${keys({ ...current(CHANGED), household: `(select id, area_id, poverty_status, welfare_decile from old_rows where id in (${CHANGED}))` })}) k) d
   group by organization_id, area_id, dimension, value
  having sum(n) <> 0;
  return null;
end $$;`;

const FUNCTIONS = `${STATEMENT_FUNCTIONS}
-- Row-level, before the cascade deletes the household's referrals, needs and interventions (whose own
-- triggers then find no household).
create function partner_filter_count_household_deleted() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select organization_id, area_id, dimension, value, -count(*) from (${keys(current('old.id'))}) k
   group by organization_id, area_id, dimension, value;
  return old;
end $$;

-- Every count from the rows: the migration's first fill, and after an organisation's type changed (rare),
-- under a lock that makes the writers of counts wait, so that none appends a delta of the old visibility.
create function partner_filter_count_rebuild() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  lock table partner_filter_count in exclusive mode;
  delete from partner_filter_count;
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select organization_id, area_id, dimension, value, count(*)
    from (${keys({ caseload: open('assignment'), household: 'household', needs: 'household_need', interventions: 'intervention' })}) k
   group by organization_id, area_id, dimension, value;
end $$;

create function partner_filter_count_organization() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  if exists (select 1 from old_rows o join new_rows w on w.id = o.id
              where (o.type in (${GOVERNMENT})) is distinct from (w.type in (${GOVERNMENT}))) then
    perform partner_filter_count_rebuild();
  end if;
  return null;
end $$;

-- Folds the appended rows into one per key, as household_filter_count_compact() does.
create function partner_filter_count_compact() returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform pg_advisory_xact_lock(hashtext('partner_filter_count_compact'));
  with gone as (delete from partner_filter_count returning organization_id, area_id, dimension, value, n)
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select organization_id, area_id, dimension, value, sum(n) from gone
   group by organization_id, area_id, dimension, value having sum(n) <> 0;
end $$;`;

const FUNCTION_NAMES = [
  'partner_filter_count_household_need()',
  'partner_filter_count_intervention()',
  'partner_filter_count_assignment()',
  'partner_filter_count_household()',
  'partner_filter_count_household_deleted()',
  'partner_filter_count_rebuild()',
  'partner_filter_count_organization()',
  'partner_filter_count_compact()',
];

const transition = (op: string) =>
  op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';

export class Migration0040PartnerFilterCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table partner_filter_count (
        organization_id uuid not null references organization (id) on delete cascade,
        area_id uuid not null references area (id),
        dimension text not null check (dimension in ('ALL', 'POVERTY_STATUS', 'DECILE', 'NEED_TYPE', 'PROGRAM')),
        value text not null,
        n integer not null
      );`);
    // A count reads its organisation's and key's rows of the areas in scope from the index alone.
    this.addSql(`create index partner_filter_count_key_idx on partner_filter_count (organization_id, dimension, value, area_id) include (n);`);
    this.addSql(FUNCTIONS);
    // PostgreSQL allows no column list with transition tables: an update of other columns finds nothing to count.
    for (const op of ['insert', 'update', 'delete']) {
      this.addSql(`create trigger partner_filter_count_need_${op} after ${op} on household_need referencing ${transition(op)}
        for each statement execute function partner_filter_count_household_need();`);
      this.addSql(`create trigger partner_filter_count_intervention_${op} after ${op} on intervention referencing ${transition(op)}
        for each statement execute function partner_filter_count_intervention();`);
    }
    for (const op of ['insert', 'update', 'delete']) {
      this.addSql(`create trigger partner_filter_count_assignment_${op} after ${op} on assignment referencing ${transition(op)}
        for each statement execute function partner_filter_count_assignment();`);
    }
    this.addSql(`create trigger partner_filter_count_household after update on household
      referencing ${transition('update')} for each statement execute function partner_filter_count_household();`);
    this.addSql(`create trigger partner_filter_count_household_deleted before delete on household
      for each row execute function partner_filter_count_household_deleted();`);
    this.addSql(`create trigger partner_filter_count_organization after update on organization
      referencing ${transition('update')} for each statement execute function partner_filter_count_organization();`);
    for (const fn of FUNCTION_NAMES) this.addSql(`revoke all on function ${fn} from public;`);
    // The server folds the rows every minute as the application role (summary-compaction.ts).
    this.addSql(`grant execute on function partner_filter_count_compact() to sinergi_app;`);
    this.addSql(`select partner_filter_count_rebuild();`);
    this.addSql(`analyze partner_filter_count;`);
    this.addSql(`alter table partner_filter_count enable row level security;`);
    this.addSql(`
      create policy partner_filter_count_own on partner_filter_count for select
        using (organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid);`);
    this.addSql(`grant select on partner_filter_count to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger partner_filter_count_organization on organization;`);
    this.addSql(`drop trigger partner_filter_count_household_deleted on household;`);
    this.addSql(`drop trigger partner_filter_count_household on household;`);
    for (const op of ['insert', 'update', 'delete']) {
      this.addSql(`drop trigger partner_filter_count_assignment_${op} on assignment;`);
      this.addSql(`drop trigger partner_filter_count_need_${op} on household_need;`);
      this.addSql(`drop trigger partner_filter_count_intervention_${op} on intervention;`);
    }
    this.addSql(`drop table partner_filter_count;`);
    this.addSql(`drop function ${FUNCTION_NAMES.join(', ')};`);
  }
}
