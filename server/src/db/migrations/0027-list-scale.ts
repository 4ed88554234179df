import { Migration } from '@mikro-orm/migrations';

/**
 * Household lists that cost the same at 100,000 and 1,000,000 households.
 *
 * Row-level security per row, not per scope. Since 0016 the policies of the rows hanging off a
 * household said `household_id in (select s.id from sinergi_scoped_households() s(id))`: under an OR
 * with the city-wide check, PostgreSQL runs that as a hashed subplan, so every statement of a kelurahan
 * officer or a partner that touched a person, need or intervention first collected every household of
 * the officer's area (192,000 in the kelurahan of the 1,000,000-household city) or of the partner's
 * caseload. `exists (select 1 from household h where h.id = <row>.household_id)` is the same test
 * (the subquery reads household as the viewer, so the household policy decides, as it did inside
 * sinergi_scoped_households, whose branches are that policy's), but PostgreSQL can run it per row by
 * primary key: a page pays for its own rows. `offset 0` keeps PostgreSQL from turning the EXISTS
 * into that hash again (it plans both and picks by estimates, which pick the hash for a few dozen
 * rows of a small city). Rewritten in place in every policy that used the function, whichever
 * migration created it; the function stays for the down migration.
 *
 * Indexes that let a filter's semi-join stop at the count's limit (COUNT_LIMIT) instead of reading
 * every match of the city, without visiting the table: needs by type, then household; interventions
 * by program, then household (with what the intervention policy and the status filter read); and
 * households by id with their area, all the household policy reads, so that PostgreSQL walks
 * households in id order alongside the filter's index (a merge semi-join) and tests a child row's
 * household (the policies above) from the index alone. At 1,000,000 households a count by need type
 * went from 5.6 s to 0.6 s and one by program from 7.2 s to 0.25 s (EXPLAIN ANALYZE as `bappeda`).
 * And households by area, then poverty status or decile: a kelurahan officer's count with either
 * filter reads its own area in that order, from the index alone, instead of the households of the
 * whole city with that status (0.78 s to 0.02 s as `lurah.menteng`).
 */

/**
 * Rewrites the USING and WITH CHECK of every public policy matching `pattern` (regexp_replace, `%T` =
 * its table), except on the tables `except` names.
 */
const rewritePolicies = (pattern: string, replacement: string, except: readonly string[] = []) => `
  do $$
  declare
    p record;
    using_expr text;
    check_expr text;
    replacement text;
  begin
    for p in select * from pg_policies where schemaname = 'public' and tablename not in ('${['', ...except].join("', '")}')
                and (qual ~ '${pattern}' or with_check ~ '${pattern}') loop
      replacement := replace('${replacement}', '%T', quote_ident(p.tablename));
      using_expr := regexp_replace(p.qual, '${pattern}', replacement, 'g');
      check_expr := regexp_replace(p.with_check, '${pattern}', replacement, 'g');
      if using_expr is not null and check_expr is not null then
        execute format('alter policy %I on %I using (%s) with check (%s)', p.policyname, p.tablename, using_expr, check_expr);
      elsif using_expr is not null then
        execute format('alter policy %I on %I using (%s)', p.policyname, p.tablename, using_expr);
      else
        execute format('alter policy %I on %I with check (%s)', p.policyname, p.tablename, check_expr);
      end if;
    end loop;
  end $$;`;

const SCOPED = String.raw`SELECT s\.id\s+FROM sinergi_scoped_households\(\) s\(id\)\)`;
// growth_measurement: its person, through the person policy.
const PEOPLE_SCOPED = String.raw`person_id IN \(\s*SELECT p\.id\s+FROM person p\s+WHERE \(p\.household_id IN \(\s*${SCOPED}\)\)`;
const PEOPLE_EXISTS = 'EXISTS (SELECT 1 FROM person p WHERE p.id = %T.person_id OFFSET 0)';
const PEOPLE_EXISTS_PATTERN = String.raw`EXISTS \(\s*SELECT 1\s+FROM person p\s+WHERE \(p\.id = \w+\.person_id\)\s+OFFSET 0\)`;
const HOUSEHOLDS_SCOPED = String.raw`household_id IN \(\s*${SCOPED}`;
const HOUSEHOLDS_EXISTS = 'EXISTS (SELECT 1 FROM household h WHERE h.id = %T.household_id OFFSET 0)';
const HOUSEHOLDS_EXISTS_PATTERN = String.raw`EXISTS \(\s*SELECT 1\s+FROM household h\s+WHERE \(h\.id = \w+\.household_id\)\s+OFFSET 0\)`;

export class Migration0027ListScale extends Migration {
  override async up(): Promise<void> {
    this.addSql(rewritePolicies(PEOPLE_SCOPED, PEOPLE_EXISTS));
    this.addSql(rewritePolicies(HOUSEHOLDS_SCOPED, HOUSEHOLDS_EXISTS));
    this.addSql(`create index household_need_type_household_idx on household_need (need_type, household_id);`);
    this.addSql(`drop index household_need_type_idx;`);
    this.addSql(`create index intervention_program_household_idx on intervention (program_id, household_id) include (organization_id, status);`);
    this.addSql(`create index household_id_area_idx on household (id) include (area_id);`);
    this.addSql(`create index household_area_status_idx on household (area_id, poverty_status) include (id);`);
    this.addSql(`create index household_area_decile_idx on household (area_id, welfare_decile) include (id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index household_area_decile_idx;`);
    this.addSql(`drop index household_area_status_idx;`);
    this.addSql(`drop index household_id_area_idx;`);
    this.addSql(`drop index intervention_program_household_idx;`);
    this.addSql(`create index household_need_type_idx on household_need (need_type);`);
    this.addSql(`drop index household_need_type_household_idx;`);
    // field_provenance's policies were born per row (0024), not rewritten here.
    this.addSql(rewritePolicies(HOUSEHOLDS_EXISTS_PATTERN, 'household_id IN (SELECT s.id FROM sinergi_scoped_households() s(id))', ['field_provenance']));
    this.addSql(
      rewritePolicies(PEOPLE_EXISTS_PATTERN, 'person_id IN (SELECT p.id FROM person p WHERE p.household_id IN (SELECT s.id FROM sinergi_scoped_households() s(id)))'),
    );
  }
}
