import { Migration } from '@mikro-orm/migrations';

/**
 * Field-level provenance, narrow (issue 10 item 9): one row per entity per import that wrote it, the
 * stamp (source, job, source date) once beside the set of fields it wrote, instead of a jsonb document
 * repeating the stamp per field (about 1 kB per entity, rewritten on every import). A field's current
 * provenance is the latest row (seq) naming it: imports only write a field whose provenance is not
 * newer, so the latest write is also the newest source date. Same policies as 0010's field_provenance.
 */

const ROLE = '(select sinergi_role())';
const CITY_WIDE = '(select sinergi_city_wide())';
const roleIn = (...roles: string[]) => `${ROLE} in (${roles.map((r) => `'${r}'`).join(', ')})`;
const VIA_HOUSEHOLD = `(${CITY_WIDE} or household_id in (select h.id from household h))`;
const IMPORTERS = roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER');
const IMPORT_READERS = roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'AUDITOR');

function policies(add: (sql: string) => void): void {
  add(`alter table field_provenance enable row level security;`);
  add(`create policy field_provenance_select on field_provenance for select using (${IMPORT_READERS} and ${VIA_HOUSEHOLD});`);
  add(`create policy field_provenance_insert on field_provenance for insert with check (${IMPORTERS} and ${VIA_HOUSEHOLD});`);
  add(`create policy field_provenance_update on field_provenance for update using (${IMPORTERS} and ${VIA_HOUSEHOLD}) with check (${IMPORTERS} and ${VIA_HOUSEHOLD});`);
  add(`grant select, insert, update on field_provenance to sinergi_app;`);
}

export class Migration0024NarrowProvenance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table field_provenance rename to field_provenance_0010;`);
    this.addSql(`
      create table field_provenance (
        entity_id uuid not null,
        seq bigint generated always as identity,
        household_id uuid not null references household (id) on delete cascade,
        source text not null check (source in ('DTSEN', 'DINSOS', 'DINKES', 'DISDIK')),
        job_id uuid,
        source_date date not null,
        fields text[] not null check (cardinality(fields) > 0),
        primary key (entity_id, seq)
      );`);
    // The older stamps first, so that seq orders them as they were written (the newest date wins).
    this.addSql(`
      insert into field_provenance (entity_id, household_id, source, job_id, source_date, fields)
      select p.entity_id, p.household_id, f.value ->> 'source', nullif(f.value ->> 'job', '')::uuid, (f.value ->> 'date')::date,
             array_agg(f.key order by f.key)
        from field_provenance_0010 p cross join lateral jsonb_each(p.fields) f
       group by 1, 2, 3, 4, 5
       order by 5, 1;`);
    this.addSql(`drop table field_provenance_0010;`);
    this.addSql(`create index field_provenance_household_idx on field_provenance (household_id);`);
    policies((sql) => this.addSql(sql));
  }

  override async down(): Promise<void> {
    this.addSql(`alter table field_provenance rename to field_provenance_0024;`);
    this.addSql(`
      create table field_provenance (
        entity_id uuid primary key,
        entity_type text not null check (entity_type in ('Household', 'Person')),
        household_id uuid not null references household (id) on delete cascade,
        fields jsonb not null check (jsonb_typeof(fields) = 'object'),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      insert into field_provenance (entity_id, entity_type, household_id, fields)
      select n.entity_id, case when n.entity_id = n.household_id then 'Household' else 'Person' end, min(n.household_id::text)::uuid,
             jsonb_object_agg(n.field, n.stamp)
        from (select distinct on (p.entity_id, f) p.entity_id, p.household_id, f as field,
                     jsonb_strip_nulls(jsonb_build_object('source', p.source, 'job', p.job_id, 'date', p.source_date)) as stamp
                from field_provenance_0024 p cross join lateral unnest(p.fields) f
               order by p.entity_id, f, p.seq desc) n
       group by n.entity_id;`);
    this.addSql(`drop table field_provenance_0024;`);
    this.addSql(`create index field_provenance_household_idx on field_provenance (household_id);`);
    policies((sql) => this.addSql(sql));
  }
}
