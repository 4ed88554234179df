import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security that stays cheap for the viewers with a narrow scope. The policies of the rows
 * hanging off a household said `household_id in (select h.id from household h)`: under an OR with the
 * city-wide check, PostgreSQL can only run that as a hashed subplan over the whole household table,
 * filtered by the household policy, so every statement of a partner or a kelurahan officer read every
 * household of the city (and, for growth measurements, every person) whatever it asked for.
 *
 * sinergi_scoped_households() returns the same set by the paths the indexes serve: the households
 * referred to the viewer's organisation (by primary key), those of the officer's area (by area), or
 * all of them for the city-wide roles (whose policies test that first and never call it). It reads
 * household as the viewer, so the household policy still has the last word: it can only return fewer
 * rows than `select h.id from household h`, never more. The policies are rewritten in place: every
 * policy that used the plain subquery, whichever migration created it.
 */
const SCOPED_HOUSEHOLDS = `
  create function sinergi_scoped_households() returns setof uuid language sql stable parallel safe as $$
    select h.id from household h where (select sinergi_city_wide())
    union all
    select h.id from household h
     where (select sinergi_partner()) and h.id in (select sinergi_assigned_households())
    union all
    select h.id from household h
     where (select sinergi_role()) = 'KELURAHAN_OFFICER'
       and h.area_id in (select a.id from area a
                         where a.code = current_setting('sinergi.area_code', true)
                            or a.code like current_setting('sinergi.area_code', true) || '.%')
  $$;`;

/** Rewrites the USING and WITH CHECK of every public policy with regexp_replace(expr, pattern, replacement). */
const rewritePolicies = (pattern: string, replacement: string) => `
  do $$
  declare
    p record;
    using_expr text;
    check_expr text;
  begin
    for p in select * from pg_policies where schemaname = 'public'
                and (qual ~ '${pattern}' or with_check ~ '${pattern}') loop
      using_expr := regexp_replace(p.qual, '${pattern}', '${replacement}', 'g');
      check_expr := regexp_replace(p.with_check, '${pattern}', '${replacement}', 'g');
      if using_expr is not null and check_expr is not null then
        execute format('alter policy %I on %I using (%s) with check (%s)', p.policyname, p.tablename, using_expr, check_expr);
      elsif using_expr is not null then
        execute format('alter policy %I on %I using (%s)', p.policyname, p.tablename, using_expr);
      else
        execute format('alter policy %I on %I with check (%s)', p.policyname, p.tablename, check_expr);
      end if;
    end loop;
  end $$;`;

const HOUSEHOLDS_PLAIN = String.raw`SELECT h\.id\s+FROM household h\)`;
// Called in FROM, so that PostgreSQL inlines the function and plans its branches with the query.
const HOUSEHOLDS_SCOPED = 'SELECT s.id FROM sinergi_scoped_households() s(id))';
const HOUSEHOLDS_SCOPED_PATTERN = String.raw`SELECT s\.id\s+FROM sinergi_scoped_households\(\) s\(id\)\)`;
const PEOPLE_PLAIN = String.raw`SELECT p\.id\s+FROM person p\)`;
const PEOPLE_SCOPED = 'SELECT p.id FROM person p WHERE p.household_id IN (SELECT s.id FROM sinergi_scoped_households() s(id)))';
const PEOPLE_SCOPED_PATTERN = String.raw`SELECT p\.id\s+FROM person p\s+WHERE \(p\.household_id IN \(\s*SELECT s\.id\s+FROM sinergi_scoped_households\(\) s\(id\)\)\)\)`;

export class Migration0016ScopePlans extends Migration {
  override async up(): Promise<void> {
    // A partner has tens to hundreds of referred households, not the 1000 rows assumed of any set-returning
    // function: with the right estimate, PostgreSQL fetches them by primary key instead of scanning.
    this.addSql(`alter function sinergi_assigned_households() rows 100;`);
    this.addSql(SCOPED_HOUSEHOLDS);
    this.addSql(rewritePolicies(PEOPLE_PLAIN, PEOPLE_SCOPED));
    this.addSql(rewritePolicies(HOUSEHOLDS_PLAIN, HOUSEHOLDS_SCOPED));
  }

  override async down(): Promise<void> {
    this.addSql(rewritePolicies(PEOPLE_SCOPED_PATTERN, 'SELECT p.id FROM person p)'));
    this.addSql(rewritePolicies(HOUSEHOLDS_SCOPED_PATTERN, 'SELECT h.id FROM household h)'));
    this.addSql(`drop function sinergi_scoped_households();`);
    this.addSql(`alter function sinergi_assigned_households() rows 1000;`);
  }
}
