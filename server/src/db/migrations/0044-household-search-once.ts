import { Migration } from '@mikro-orm/migrations';

/*
 * An import batch writes each new household's household_search row once, after its people (issue 10 item 9).
 *
 * The household insert added the row with no names, and the people's insert rewrote it with their names
 * moments later: a second heap row, and every index entry (the address's trigrams, the key) written
 * again, for every new household. The import now asks, for its household insert only, that the row wait
 * (sinergi.household_search_later, transaction-local) and, after the people's insert, calls
 * household_search_add, which inserts the rows of those households that still lack one, names included,
 * and clears the request. Meanwhile the people's trigger finds no row of theirs to update. Both run in the
 * batch's transaction: a batch that fails leaves no household without its row, and the table is exact
 * again when the call returns. Any other writer (the setting unset) keeps 0037's behaviour.
 */

const HOUSEHOLD_INSERT = (body: string) => `
create or replace function household_search_household_insert() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
${body}
  insert into household_search (household_id, area_id, address, names) select n.id, n.area_id, n.address, '' from new_rows n;
  return null;
end $$;`;

export class Migration0044HouseholdSearchOnce extends Migration {
  override async up(): Promise<void> {
    this.addSql(HOUSEHOLD_INSERT(`  if current_setting('sinergi.household_search_later', true) = 'on' then return null; end if;`));
    this.addSql(`
      create function household_search_add(ids uuid[]) returns void language plpgsql security definer
      set search_path = public, pg_temp as $$
      begin
        perform set_config('sinergi.household_search_later', '', true);
        -- Planned when it runs: a plan kept from a nearly empty registry would scan whole tables per household.
        execute $q$insert into household_search (household_id, area_id, address, names)
          select h.id, h.area_id, h.address, coalesce((select string_agg(p.name, E'\\n' order by p.id) from person p where p.household_id = h.id), '')
            from unnest($1) u(id) cross join lateral (select * from household h where h.id = u.id offset 0) h
          on conflict (household_id) do nothing$q$ using ids;
      end $$;`);
    this.addSql(`revoke all on function household_search_add(uuid[]) from public;`);
    this.addSql(`grant execute on function household_search_add(uuid[]) to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function household_search_add(uuid[]);`);
    this.addSql(HOUSEHOLD_INSERT(''));
  }
}
