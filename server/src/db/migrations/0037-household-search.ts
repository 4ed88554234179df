import { Migration } from '@mikro-orm/migrations';

/**
 * A household's searchable text, one row per household, with trigram indexes (issue 12 item 4).
 *
 * A search by name (`ilike '%sari%'` over the members' names) had no index that could stop at a limit:
 * its count walked the scope's households testing each one's members (persons read under their policy)
 * until it had 1,001 matches, and a page tested the members of every household it passed. household_search
 * holds each household's members' names (every person whose household it is, whether or not they left,
 * as the search reads them), one per line, and its address and area copied, so a count starts from the
 * households whose text matches (pg_trgm's GIN indexes; pg_trgm since 0001) and a page tests one row per
 * household. It only chooses candidates: every candidate is tested again by the search's own predicate on
 * the members and the address, so the result is the same households whatever a name or the separator holds.
 *
 * Triggers keep it exact in the writer's transaction: a household's insert adds its row (per statement,
 * from the transition table, as imports insert 1,000 households a statement), a change of its address or
 * area copies them, and persons' inserts, deletes and changes of name or household recompute the names of
 * the households they touch (per statement). The recomputation first locks those rows, in household
 * order, then reads the members in a statement of its own: under READ COMMITTED it sees the members that a
 * concurrent writer of the same household committed while it waited.
 *
 * Read as persons are (a household's names are visible exactly when its members are); nobody writes it
 * but the triggers (owner's rights).
 */
const FUNCTIONS = `
create function household_search_names(ids uuid[]) returns void language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  perform 1 from household_search s where s.household_id = any (ids) order by s.household_id for update;
  update household_search s
     set names = coalesce((select string_agg(p.name, E'\\n' order by p.id) from person p where p.household_id = s.household_id), '')
   where s.household_id = any (ids);
end $$;

create function household_search_person() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct household_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct household_id) into ids from old_rows;
  else
    select array_agg(distinct x.household_id) into ids from (
      select o.household_id from old_rows o join new_rows n on n.id = o.id
       where o.name is distinct from n.name or o.household_id is distinct from n.household_id
      union all
      select n.household_id from old_rows o join new_rows n on n.id = o.id
       where o.name is distinct from n.name or o.household_id is distinct from n.household_id) x;
  end if;
  if ids is not null then perform household_search_names(ids); end if;
  return null;
end $$;

create function household_search_household_insert() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  insert into household_search (household_id, area_id, address, names) select n.id, n.area_id, n.address, '' from new_rows n;
  return null;
end $$;

create function household_search_household_update() returns trigger language plpgsql security definer
set search_path = public, pg_temp as $$
begin
  update household_search set area_id = new.area_id, address = new.address where household_id = new.id;
  return null;
end $$;`;

export class Migration0037HouseholdSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table household_search (
        household_id uuid primary key references household (id) on delete cascade,
        area_id uuid not null,
        address text not null,
        names text not null
      );`);
    this.addSql(FUNCTIONS);
    this.addSql(`revoke all on function household_search_names(uuid[]) from public;`);
    this.addSql(`
      create trigger household_search_household_insert after insert on household
        referencing new table as new_rows for each statement execute function household_search_household_insert();`);
    this.addSql(`
      create trigger household_search_household_update after update of area_id, address on household for each row
        when (old.area_id is distinct from new.area_id or old.address is distinct from new.address)
        execute function household_search_household_update();`);
    this.addSql(`
      create trigger household_search_person_insert after insert on person
        referencing new table as new_rows for each statement execute function household_search_person();`);
    this.addSql(`
      create trigger household_search_person_update after update on person
        referencing old table as old_rows new table as new_rows for each statement execute function household_search_person();`);
    this.addSql(`
      create trigger household_search_person_delete after delete on person
        referencing old table as old_rows for each statement execute function household_search_person();`);
    this.addSql(`
      insert into household_search (household_id, area_id, address, names)
      select h.id, h.area_id, h.address, coalesce(m.names, '')
        from household h
        left join (select p.household_id, string_agg(p.name, E'\\n' order by p.id) as names from person p group by p.household_id) m
          on m.household_id = h.id;`);
    this.addSql(`create index household_search_names_idx on household_search using gin (names gin_trgm_ops);`);
    this.addSql(`create index household_search_address_idx on household_search using gin (address gin_trgm_ops);`);
    this.addSql(`analyze household_search;`);
    this.addSql(`alter table household_search enable row level security;`);
    // The person policy's: a household's names are visible exactly when its members are.
    this.addSql(`
      create policy household_search_select on household_search for select
        using ((select sinergi_city_wide()) or exists (select 1 from household h where h.id = household_search.household_id offset 0));`);
    this.addSql(`grant select on household_search to sinergi_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger household_search_person_delete on person;`);
    this.addSql(`drop trigger household_search_person_update on person;`);
    this.addSql(`drop trigger household_search_person_insert on person;`);
    this.addSql(`drop trigger household_search_household_update on household;`);
    this.addSql(`drop trigger household_search_household_insert on household;`);
    this.addSql(`drop table household_search;`);
    this.addSql(`drop function household_search_household_update();`);
    this.addSql(`drop function household_search_household_insert();`);
    this.addSql(`drop function household_search_person();`);
    this.addSql(`drop function household_search_names(uuid[]);`);
  }
}
