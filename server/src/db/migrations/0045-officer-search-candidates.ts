import { Migration } from '@mikro-orm/migrations';

/**
 * A kelurahan officer's name-search count starts from the matches (issue 12 item 4).
 *
 * The count walked the officer's kelurahan testing each household's household_search row (0037) until it
 * had 1,001 matches (17,359 of Menteng's 19,202 households at 100,000): row-level security is checked
 * before any condition that is not leakproof, and `ilike` is not, so the trigram index could not be used
 * under the viewer's policy. household_search_candidates runs the match with its owner's rights, from the
 * trigram indexes, and returns at most p_limit ids of households whose member's name (or, with
 * p_by_address, address) matches p_pattern. The count then reads those households as the viewer, where the
 * policies and the search's own predicate decide as before.
 *
 * It discloses nothing the viewer could not read: it answers only a kelurahan officer, only within the
 * areas the household policy gives the officer (the same test on sinergi.area_code; p_areas can only
 * narrow them), and returns ids only; an officer may read every household, member and address there.
 * A candidate is a true match (a member's name, not the names' concatenation, or the address), so the
 * first p_limit candidates are the first p_limit matches and a bounded count keeps its exact answer.
 * `plan_cache_mode` keeps a plan per call: a generic plan could not use the trigram index for a parameter.
 * The area is tested first, as an array (a join filter ran after the members' test), and the members per
 * candidate (`offset 0`: otherwise a hashed subplan read every matching person of the city).
 */
const CANDIDATES = `
create function household_search_candidates(p_pattern text, p_by_address boolean, p_areas uuid[], p_limit integer)
returns setof uuid language sql stable security definer rows 1000
set search_path = public, pg_temp
set plan_cache_mode = force_custom_plan as $$
  select s.household_id
    from household_search s
   where sinergi_role() = 'KELURAHAN_OFFICER'
     and s.area_id = any (array(select a.id from area a
                                 where a.code = current_setting('sinergi.area_code', true)
                                    or a.code like current_setting('sinergi.area_code', true) || '.%'))
     and (p_areas is null or s.area_id = any (p_areas))
     and (s.names ilike p_pattern or (p_by_address and s.address ilike p_pattern))
     and ((p_by_address and s.address ilike p_pattern)
          or exists (select 1 from person p where p.household_id = s.household_id and p.name ilike p_pattern offset 0))
   limit greatest(p_limit, 0)
$$;`;

export class Migration0045OfficerSearchCandidates extends Migration {
  override async up(): Promise<void> {
    this.addSql(CANDIDATES);
    this.addSql(`revoke all on function household_search_candidates(text, boolean, uuid[], integer) from public;`);
    this.addSql(`grant execute on function household_search_candidates(text, boolean, uuid[], integer) to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function household_search_candidates(text, boolean, uuid[], integer);`);
  }
}
