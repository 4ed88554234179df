import { Migration } from '@mikro-orm/migrations';
import { HOUSEHOLD_GUARD, policySql } from './0005-write-policies.js';

/**
 * Data imports (issue 10): jobs, their staged rows, the review queue of uncertain matches, field-level
 * provenance and the remembered column mappings.
 *
 * An import writes as the application role with the importing user's viewer set, so the policies of
 * 0005 apply. Two roles get more while, and only while, a job of their own is committing: a coordinator
 * may write the registry (DTSEN) and measurements (e-PPGBM) — "coordinator and admin everything" — and
 * agency staff may update members' school enrolment (Dapodik/ATS). sinergi_importing() reads the job
 * named by the transaction's sinergi.import_job setting from the database, so naming a job that is not
 * the viewer's own, or not committing, grants nothing.
 */

const ROLE = '(select sinergi_role())';
const UID = '(select sinergi_user_id())';
const ORG = '(select sinergi_org_id())';
const CITY_WIDE = '(select sinergi_city_wide())';
const roleIn = (...roles: string[]) => `${ROLE} in (${roles.map((r) => `'${r}'`).join(', ')})`;
const importing = (source: string) => `(select sinergi_importing('${source}'))`;

const HOUSEHOLD_SCOPE = `
  ${CITY_WIDE}
  or (${ROLE} = 'KELURAHAN_OFFICER'
      and area_id in (select a.id from area a
                      where a.code = current_setting('sinergi.area_code', true)
                         or a.code like current_setting('sinergi.area_code', true) || '.%'))
  or ((select sinergi_partner()) and id in (select sinergi_assigned_households()))`;
const VIA_HOUSEHOLD = `(${CITY_WIDE} or household_id in (select h.id from household h))`;
const IMPORTERS = roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER');
// Partners never see import data; auditors read it and never write it, not even a job in their name.
const IMPORT_READERS = roleIn('ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'AUDITOR');
const OWN_JOB = `${IMPORTERS} and job_id in (select j.id from import_job j where j.created_by_id = ${UID})`;
const OFFICER_AREA = `area_id in (select a.id from area a
                      where a.code = current_setting('sinergi.area_code', true)
                         or a.code like current_setting('sinergi.area_code', true) || '.%')`;

export class Migration0010Imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table import_job (
        id uuid primary key,
        source text not null check (source in ('dtsen', 'dinsos', 'dinkes', 'disdik')),
        file_name text not null check (length(file_name) between 1 and 255),
        file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_bytes bigint not null check (file_bytes > 0),
        format text not null check (format in ('csv', 'xlsx')),
        sheet text,
        headers jsonb not null check (jsonb_typeof(headers) = 'array'),
        mapping jsonb not null default '{}'::jsonb check (jsonb_typeof(mapping) = 'object'),
        source_date date not null,
        status text not null check (status in ('UPLOADED', 'VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED')),
        rows_total integer not null default 0 check (rows_total >= 0),
        rows_done integer not null default 0 check (rows_done >= 0),
        valid_rows integer not null default 0,
        inserted integer not null default 0,
        updated integer not null default 0,
        unchanged integer not null default 0,
        rejected integer not null default 0,
        in_review integer not null default 0,
        duplicate_of_id uuid references import_job (id) on delete set null,
        message text,
        created_by_id uuid not null references app_user (id) on delete restrict,
        organization_id uuid not null references organization (id) on delete restrict,
        created_at timestamptz not null default now(),
        validated_at timestamptz,
        committed_at timestamptz,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index import_job_created_idx on import_job (created_at desc, id);`);
    this.addSql(`create index import_job_created_by_idx on import_job (created_by_id);`);
    this.addSql(`create index import_job_organization_idx on import_job (organization_id);`);
    this.addSql(`create index import_job_hash_idx on import_job (source, file_sha256);`);

    // The file as read, one row per data line: the error report returns the original cells.
    this.addSql(`
      create table import_row (
        job_id uuid not null references import_job (id) on delete cascade,
        line integer not null check (line >= 1),
        cells jsonb not null check (jsonb_typeof(cells) = 'array'),
        status text not null default 'PENDING'
          check (status in ('PENDING', 'VALID', 'REJECTED', 'REVIEW', 'INSERTED', 'UPDATED', 'UNCHANGED')),
        records jsonb check (jsonb_typeof(records) = 'array'),
        group_key text,
        reason text,
        primary key (job_id, line)
      );`);
    this.addSql(`create index import_row_pending_idx on import_row (job_id, group_key) where status = 'VALID';`);
    this.addSql(`create index import_row_status_idx on import_row (job_id, status, line);`);

    this.addSql(`
      create table import_review (
        id uuid primary key,
        job_id uuid not null references import_job (id) on delete cascade,
        -- The job's source and file, copied: a kelurahan officer resolves reviews of their area in other
        -- users' jobs, which row-level security does not let them read.
        source text not null check (source in ('dtsen', 'dinsos', 'dinkes', 'disdik')),
        file_name text not null,
        line integer not null,
        kind text not null check (kind in ('NIK_DIFFERENT_PERSON', 'NIK_OTHER_KK', 'NEAR_DUPLICATE', 'KK_CONFLICT', 'DAMAGED_IDENTIFIER', 'AMBIGUOUS_AREA')),
        area_id uuid references area (id) on delete restrict,
        household_id uuid references household (id) on delete restrict,
        person_id uuid references person (id) on delete restrict,
        record jsonb not null check (jsonb_typeof(record) = 'object'),
        detail text not null,
        status text not null default 'OPEN' check (status in ('OPEN', 'MERGED', 'KEPT_NEW', 'DISMISSED')),
        resolved_by_id uuid references app_user (id) on delete set null,
        resolved_at timestamptz,
        created_at timestamptz not null default now(),
        unique (job_id, line, kind),
        check ((status = 'OPEN') = (resolved_at is null))
      );`);
    this.addSql(`create index import_review_open_idx on import_review (status, created_at, id);`);
    this.addSql(`create index import_review_area_idx on import_review (area_id);`);
    this.addSql(`create index import_review_person_idx on import_review (person_id);`);
    this.addSql(`create index import_review_household_idx on import_review (household_id);`);
    this.addSql(`create index import_review_resolved_by_idx on import_review (resolved_by_id);`);

    // Where each imported value came from, field by field ({"name": {"source", "job", "date"}}), one row
    // per household or person: an older source never overwrites a newer value.
    this.addSql(`
      create table field_provenance (
        entity_id uuid primary key,
        entity_type text not null check (entity_type in ('Household', 'Person')),
        household_id uuid not null references household (id) on delete cascade,
        fields jsonb not null check (jsonb_typeof(fields) = 'object'),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index field_provenance_household_idx on field_provenance (household_id);`);

    this.addSql(`
      create table import_mapping (
        source text primary key check (source in ('dtsen', 'dinsos', 'dinkes', 'disdik')),
        columns jsonb not null check (jsonb_typeof(columns) = 'object'),
        updated_by_id uuid references app_user (id) on delete set null,
        updated_at timestamptz not null default now()
      );`);

    this.addSql(`
      create function sinergi_importing(p_source text) returns boolean language sql stable parallel safe as $$
        select exists (
          select 1 from import_job j
           where j.id = nullif(current_setting('sinergi.import_job', true), '')::uuid
             and j.source = p_source and j.status = 'COMMITTING'
             and j.created_by_id = (select sinergi_user_id()))
      $$;`);

    // A coordinator resolving an open review applies it to the registry (merge or keep as new): to the
    // person it compares, or in the household it names (the registered one or the file's KK), only.
    this.addSql(`
      create function sinergi_resolving_review(p_person uuid, p_household uuid) returns boolean language sql stable parallel safe as $$
        select exists (
          select 1 from import_review r
           where r.id = nullif(current_setting('sinergi.import_review', true), '')::uuid and r.status = 'OPEN'
             and (r.person_id = p_person or r.household_id = p_household
                  or p_household = (select h.id from household h where h.kk_number = r.record ->> 'kkNumber')))
      $$;`);

    this.addSql(`grant select, insert, update on import_job, import_review, field_provenance, import_mapping to sinergi_app;`);
    this.addSql(`grant select, insert, update, delete on import_row to sinergi_app;`);

    const policies: Record<string, { select: string; insert: string; update: string; delete?: string }> = {
      import_job: {
        select: `${roleIn('ADMIN', 'COORDINATOR', 'AUDITOR')} or (${IMPORTERS} and created_by_id = ${UID})`,
        insert: `${IMPORTERS} and created_by_id = ${UID} and organization_id = ${ORG}`,
        update: `${IMPORTERS} and created_by_id = ${UID}`,
      },
      import_row: {
        select: `job_id in (select j.id from import_job j)`,
        insert: OWN_JOB,
        update: OWN_JOB,
        // A re-validation replaces the staged rows of the viewer's own job.
        delete: OWN_JOB,
      },
      import_review: {
        select: `${roleIn('ADMIN', 'COORDINATOR', 'AUDITOR')}
          or (${ROLE} = 'KELURAHAN_OFFICER' and ${OFFICER_AREA})
          or (${OWN_JOB})`,
        insert: OWN_JOB,
        update: `${roleIn('ADMIN', 'COORDINATOR')} or (${ROLE} = 'KELURAHAN_OFFICER' and ${OFFICER_AREA})`,
      },
      field_provenance: {
        select: `${IMPORT_READERS} and ${VIA_HOUSEHOLD}`,
        insert: `${IMPORTERS} and ${VIA_HOUSEHOLD}`,
        update: `${IMPORTERS} and ${VIA_HOUSEHOLD}`,
      },
      import_mapping: {
        select: IMPORT_READERS,
        insert: `${IMPORTERS} and updated_by_id = ${UID}`,
        update: IMPORTERS,
      },
    };
    for (const [table, p] of Object.entries(policies)) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`create policy ${table}_select on ${table} for select using (${p.select});`);
      this.addSql(`create policy ${table}_insert on ${table} for insert with check (${p.insert});`);
      this.addSql(`create policy ${table}_update on ${table} for update using (${p.update}) with check (${p.update});`);
      if (p.delete) this.addSql(`create policy ${table}_delete on ${table} for delete using (${p.delete});`);
    }

    // The registry and measurements, widened for the committing import of a coordinator (see above).
    this.addSql(`drop policy household_insert on household;`);
    this.addSql(`create policy household_insert on household for insert with check (
      (${roleIn('ADMIN', 'KELURAHAN_OFFICER')} or (${ROLE} = 'COORDINATOR' and ${importing('dtsen')})) and (${HOUSEHOLD_SCOPE}));`);
    const personWrite = `${ROLE} = 'ADMIN'
      or (${ROLE} = 'KELURAHAN_OFFICER' and household_id in (select h.id from household h))
      or (${ROLE} = 'COORDINATOR' and (${importing('dtsen')} or sinergi_resolving_review(id, household_id)))`;
    this.addSql(`drop policy person_insert on person;`);
    this.addSql(`drop policy person_update on person;`);
    this.addSql(`create policy person_insert on person for insert with check (${personWrite});`);
    this.addSql(`create policy person_update on person for update
      using (${personWrite} or (${roleIn('COORDINATOR', 'AGENCY_STAFF')} and ${importing('disdik')}))
      with check (${personWrite} or (${roleIn('COORDINATOR', 'AGENCY_STAFF')} and ${importing('disdik')}));`);
    this.addSql(`drop policy growth_measurement_insert on growth_measurement;`);
    this.addSql(`create policy growth_measurement_insert on growth_measurement for insert with check (
      (${roleIn('ADMIN', 'AGENCY_STAFF')} or (${ROLE} = 'COORDINATOR' and ${importing('dinkes')}))
      and recorded_by_id = ${UID} and organization_id = ${ORG});`);

    // Columns: a coordinator's DTSEN import writes the registry; otherwise as before (0005).
    this.addSql(`
      create or replace function household_guard() returns trigger language plpgsql as $$
      declare
        r text := sinergi_role();
        changed text[] := sinergi_changed_columns(to_jsonb(old), to_jsonb(new));
      begin
        if not row_security_active(tg_relid) or changed = '{}' then return new; end if;
        if r in ('COORDINATOR', 'AGENCY_STAFF')
           and not (r = 'COORDINATOR' and sinergi_importing('dtsen'))
           and not changed <@ array['welfare_decile', 'poverty_status', 'monthly_expenditure_per_capita', 'updated_at', 'version'] then
          perform sinergi_refuse('household', 'change ' || array_to_string(changed, ', '));
        end if;
        return new;
      end $$;`);
    // Members: agency staff importing Dapodik/ATS change school enrolment and education only.
    this.addSql(`
      create function person_guard() returns trigger language plpgsql as $$
      declare
        r text := sinergi_role();
        changed text[] := sinergi_changed_columns(to_jsonb(old), to_jsonb(new));
      begin
        if not row_security_active(tg_relid) or changed = '{}' then return new; end if;
        if r in ('COORDINATOR', 'AGENCY_STAFF') and not (r = 'COORDINATOR' and (sinergi_importing('dtsen') or sinergi_resolving_review(new.id, new.household_id)))
           and not changed <@ array['school_enrolled', 'education_level', 'updated_at', 'version'] then
          perform sinergi_refuse('person', 'change ' || array_to_string(changed, ', '));
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger person_guard before update on person for each row execute function person_guard();`);

    // The statuses that widen the policies move only forward, as the pipeline moves them: a job is
    // created UPLOADED and commits only after a dry run; a review is created OPEN and resolved once, by
    // its resolver in their own name.
    this.addSql(`
      create function import_job_guard() returns trigger language plpgsql as $$
      begin
        if not row_security_active(tg_relid) then return new; end if;
        if tg_op = 'INSERT' then
          if new.status <> 'UPLOADED' or new.validated_at is not null or new.committed_at is not null then
            perform sinergi_refuse('import_job', 'create a job other than UPLOADED');
          end if;
          return new;
        end if;
        if (new.id, new.source, new.file_sha256, new.file_bytes, new.format, new.created_by_id, new.organization_id, new.created_at)
           is distinct from (old.id, old.source, old.file_sha256, old.file_bytes, old.format, old.created_by_id, old.organization_id, old.created_at) then
          perform sinergi_refuse('import_job', 'change what a job is');
        end if;
        if old.status <> new.status and not (
             (old.status = 'UPLOADED' and new.status = 'VALIDATING')
          or (old.status = 'VALIDATING' and new.status in ('VALIDATED', 'FAILED'))
          or (old.status = 'VALIDATED' and new.status in ('UPLOADED', 'VALIDATING', 'COMMITTING'))
          or (old.status = 'COMMITTING' and new.status in ('COMMITTED', 'FAILED'))
          or (old.status = 'FAILED' and new.status in ('UPLOADED', 'VALIDATING', 'COMMITTING'))) then
          perform sinergi_refuse('import_job', 'move a job from ' || old.status || ' to ' || new.status);
        end if;
        if new.status = 'COMMITTING' and new.validated_at is null then
          perform sinergi_refuse('import_job', 'commit a job without a dry run');
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger import_job_guard before insert or update on import_job for each row execute function import_job_guard();`);
    this.addSql(`
      create function import_review_guard() returns trigger language plpgsql as $$
      declare
        changed text[];
      begin
        if not row_security_active(tg_relid) then return new; end if;
        if tg_op = 'INSERT' then
          if new.status <> 'OPEN' then perform sinergi_refuse('import_review', 'create a resolved review'); end if;
          return new;
        end if;
        changed := sinergi_changed_columns(to_jsonb(old), to_jsonb(new));
        if changed = '{}' then return new; end if;
        if old.status <> 'OPEN' or new.status = 'OPEN' or new.resolved_by_id is distinct from sinergi_user_id()
           or changed <> array['resolved_at', 'resolved_by_id', 'status'] then
          perform sinergi_refuse('import_review', 'change a review other than by resolving it');
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger import_review_guard before insert or update on import_review for each row execute function import_review_guard();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists person_guard on person;`);
    this.addSql(`drop trigger if exists import_job_guard on import_job;`);
    this.addSql(`drop trigger if exists import_review_guard on import_review;`);
    this.addSql(`drop function if exists import_job_guard();`);
    this.addSql(`drop function if exists import_review_guard();`);
    this.addSql(`drop function if exists person_guard();`);
    for (const table of ['import_mapping', 'field_provenance', 'import_review', 'import_row', 'import_job']) {
      this.addSql(`drop table if exists ${table};`);
    }
    // The policies and the household guard this migration widened, as 0005 made them.
    for (const [table, command] of [['household', 'insert'], ['person', 'insert'], ['person', 'update'], ['growth_measurement', 'insert']] as const) {
      this.addSql(`drop policy ${table}_${command} on ${table};`);
      this.addSql(policySql(table, command));
    }
    this.addSql(HOUSEHOLD_GUARD);
    this.addSql(`drop function if exists sinergi_importing(text);`);
    this.addSql(`drop function if exists sinergi_resolving_review(uuid, uuid);`);
  }
}
