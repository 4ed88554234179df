import { Migration } from '@mikro-orm/migrations';
import { GOVERNMENT_ORGANIZATION_TYPES } from '../../auth/policy.js';
import { STATEMENT_FUNCTIONS } from './0040-partner-filter-counts.js';

/*
 * The statement triggers of partner_filter_count (0040) read their statement's rows once, whatever its size.
 *
 * 0040 computed a statement's keys per referred household in a lateral subquery over "the table's rows of
 * the households in the statement" (`household_id in (select household_id from new_rows)`), planned once per
 * session inside PL/pgSQL. PostgreSQL pushed the household into that subquery and tested the transition
 * table's households per row: deriving 30,000 needs of 20,000 households, about 400 of them referred,
 * re-read the spilled transition table for each of their needs, and a 1,000,000-household city's derivation
 * took longer with each batch. Now:
 * - the statement's households are gathered once into an array, locked, and a statement touching no open
 *   referral (an import's new households, most derivations) stops there;
 * - a need or intervention statement counts, per household and value, the rows now in the table by key and
 *   the statement's net rows (grouped once): present before when the first minus the second is positive;
 * - a referral or household statement finds the (organisation, household) pairs whose visibility changed and
 *   appends their keys, joined set-based;
 * - each statement runs through EXECUTE, planned with the statement's real size.
 */
const GOVERNMENT = GOVERNMENT_ORGANIZATION_TYPES.map((t) => `'${t}'`).join(', ');
/** An open referral (REQUESTED or ACCEPTED, consent not withdrawn): what the household policy lets a partner see. */
const open = (a: string) => `${a}.status in ('REQUESTED', 'ACCEPTED') and ${a}.consent_withdrawn_at is null`;

/** The statement's rows with a sign: +1 for rows it wrote, -1 for rows it replaced or deleted. */
const signed = (op: string, columns: string) =>
  op === 'INSERT'
    ? `select ${columns}, 1 as sign from new_rows r`
    : op === 'DELETE'
      ? `select ${columns}, -1 as sign from old_rows r`
      : `select ${columns}, 1 as sign from new_rows r union all select ${columns}, -1 from old_rows r`;

const touched = (op: string) =>
  op === 'INSERT'
    ? 'select household_id from new_rows'
    : op === 'DELETE'
      ? 'select household_id from old_rows'
      : 'select household_id from new_rows union all select household_id from old_rows';

/** Gathers the statement's households, locks them in order (as 0040 does) and stops when none has an open referral. */
const prologue = (op: string, stopUnlessReferred = true) => `
    select array_agg(distinct household_id) into hs from (${touched(op)}) x;
    if hs is null then return null; end if;
    perform 1 from household h where h.id = any (hs) order by h.id for no key update;${
      stopUnlessReferred ? `
    if not exists (select 1 from assignment a where a.household_id = any (hs) and ${open('a')}) then return null; end if;` : ''
    }`;

/** The open (organisation, household) pairs among the households $1. */
const PAIRS = `(select distinct a.organization_id, a.household_id from assignment a where a.household_id = any ($1) and ${open('a')})`;

/** Appends, per organisation, kelurahan and value, the households whose value `dimension` appeared (+1) or went (-1). */
const appendChanged = (dimension: string, changed: string) => `
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select d.organization_id, h.area_id, '${dimension}', d.value, sum(d.now - d.before)
    from (${changed}) d
    cross join lateral (select h.area_id from household h where h.id = d.household_id offset 0) h
   where d.now <> d.before
   group by d.organization_id, h.area_id, d.value`;

const needFunction = (op: string) => `
    execute $q$
  with p as materialized ${PAIRS},
  s as (select household_id, need_type, sum(sign) as n from (${signed(op, 'household_id, need_type')}) s
         where household_id in (select household_id from p) group by household_id, need_type)
  ${appendChanged(
    'NEED_TYPE',
    `select p.organization_id, s.household_id, s.need_type as value, (x.n > 0)::int as now, (x.n - s.n > 0)::int as before
       from s join p on p.household_id = s.household_id
      cross join lateral (select count(*) as n from household_need t where t.household_id = s.household_id and t.need_type = s.need_type) x`,
  )}$q$ using hs;`;

// An intervention counts for a partner when it is the partner's own or a government agency's (0015).
const interventionFunction = (op: string) => `
    execute $q$
  with p as materialized ${PAIRS},
  gov as materialized (select id from organization where type in (${GOVERNMENT})),
  s as (select household_id, program_id, organization_id, sum(sign) as n from (${signed(op, 'household_id, program_id, organization_id')}) s
         where household_id in (select household_id from p) group by household_id, program_id, organization_id),
  v as (select p.organization_id, s.household_id, s.program_id, sum(s.n) as n
          from s join p on p.household_id = s.household_id
         where s.organization_id = p.organization_id or s.organization_id in (select id from gov)
         group by p.organization_id, s.household_id, s.program_id)
  ${appendChanged(
    'PROGRAM',
    `select v.organization_id, v.household_id, v.program_id::text as value, (x.n > 0)::int as now, (x.n - v.n > 0)::int as before
       from v cross join lateral (select count(*) as n from intervention t
                                   where t.household_id = v.household_id and t.program_id = v.program_id
                                     and (t.organization_id = v.organization_id or t.organization_id in (select id from gov))) x`,
  )}$q$ using hs;`;

/**
 * Every key of the pairs `pairs` (organisation_id, household_id, sign), their households' columns read from
 * `households`, appended with the pair's sign.
 */
const appendKeys = (pairs: string, households: string, on = 'h.id = p.household_id') => `
  insert into partner_filter_count (organization_id, area_id, dimension, value, n)
  select organization_id, area_id, dimension, value, sum(sign)
    from (select p.organization_id, h.area_id, d.dimension, d.value, p.sign
            from ${pairs} p join ${households} h on ${on}
           cross join lateral (values ('ALL', ''), ('POVERTY_STATUS', h.poverty_status), ('DECILE', h.welfare_decile::text)) d(dimension, value)
          union all
          select p.organization_id, h.area_id, 'NEED_TYPE', n.need_type, p.sign
            from ${pairs} p join ${households} h on ${on}
            cross join lateral (select distinct n.need_type from household_need n where n.household_id = p.household_id) n
          union all
          select p.organization_id, h.area_id, 'PROGRAM', i.program_id, p.sign
            from ${pairs} p join ${households} h on ${on}
            cross join lateral (select distinct i.program_id::text as program_id from intervention i
                                 where i.household_id = p.household_id
                                   and (i.organization_id = p.organization_id
                                        or i.organization_id in (select o.id from organization o where o.type in (${GOVERNMENT})))) i) k
   group by organization_id, area_id, dimension, value
  having sum(sign) <> 0`;

// A pair opens (+1) when it has open referrals now and had none before the statement, and closes (-1) the other way.
const assignmentFunction = (op: string) => `
    execute $q$
  with s as (select organization_id, household_id, sum(sign) as n from (${signed(op, `organization_id, household_id, (${open('r')}) as is_open`)}) s
              where is_open group by organization_id, household_id),
  p as materialized (
    select s.organization_id, s.household_id, case when x.n > 0 then 1 else -1 end as sign
      from s cross join lateral (select count(*) as n from assignment a
                                  where a.organization_id = s.organization_id and a.household_id = s.household_id and ${open('a')}) x
     where (x.n > 0) <> (x.n - s.n > 0))
  ${appendKeys('p', '(select id, area_id, poverty_status, welfare_decile from household where id in (select household_id from p))')}$q$;`;

// A household's update moves its keys only where it changed kelurahan, status or decile: minus its pairs'
// keys in the old row, plus in the new.
const HOUSEHOLD_FUNCTION = `
create or replace function partner_filter_count_household() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare hs uuid[];
begin
  select array_agg(o.id) into hs from old_rows o join new_rows w on w.id = o.id
   where (o.area_id, o.poverty_status, o.welfare_decile) is distinct from (w.area_id, w.poverty_status, w.welfare_decile);
  if hs is null or not exists (select 1 from assignment a where a.household_id = any (hs) and ${open('a')}) then
    return null;
  end if;
  execute $q$
  with p as materialized ${PAIRS},
  c as materialized (select id, area_id, poverty_status, welfare_decile, -1 as sign from old_rows where id = any ($1)
                     union all select id, area_id, poverty_status, welfare_decile, 1 from new_rows where id = any ($1))
  ${appendKeys('(select p.organization_id, p.household_id, c.sign from p join c on c.id = p.household_id)', 'c', 'h.id = p.household_id and h.sign = p.sign')}$q$ using hs;
  return null;
end $$;`;

const statementFunction = (name: string, body: (op: string) => string, stopUnlessReferred = true) => `
create or replace function partner_filter_count_${name}() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare hs uuid[];
begin
  if tg_op = 'INSERT' then ${prologue('INSERT', stopUnlessReferred)}${body('INSERT')}
  elsif tg_op = 'DELETE' then ${prologue('DELETE', stopUnlessReferred)}${body('DELETE')}
  else ${prologue('UPDATE', stopUnlessReferred)}${body('UPDATE')}
  end if;
  return null;
end $$;`;

export class Migration0046PartnerCountStatementRows extends Migration {
  override async up(): Promise<void> {
    this.addSql(statementFunction('household_need', needFunction));
    this.addSql(statementFunction('intervention', interventionFunction));
    // A referral statement may open the first referral of its households: it cannot stop early.
    this.addSql(statementFunction('assignment', assignmentFunction, false));
    this.addSql(HOUSEHOLD_FUNCTION);
  }

  override async down(): Promise<void> {
    this.addSql(STATEMENT_FUNCTIONS.replaceAll('create function', 'create or replace function'));
  }
}
