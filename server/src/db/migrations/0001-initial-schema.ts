import { Migration } from '@mikro-orm/migrations';

// Enumerations live in the database as CHECK constraints so that no writer, not even a raw
// SQL import, can store a value the API would refuse.
const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// A frozen snapshot: later changes to the domain enums belong in a new migration.
const ENUMS = {
  areaLevel: ['CITY', 'KECAMATAN', 'KELURAHAN'],
  organizationType: [
    'PERANGKAT_DAERAH',
    'CENTRAL_GOVERNMENT',
    'PROVINCIAL_GOVERNMENT',
    'NGO',
    'COMMUNITY_ORGANIZATION',
    'PRIVATE_SECTOR',
  ],
  role: ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER', 'AUDITOR'],
  povertyStatus: ['EXTREME_POOR', 'POOR', 'VULNERABLE', 'NOT_POOR', 'GRADUATED'],
  floorType: ['EARTH', 'BAMBOO', 'WOOD_LOW_QUALITY', 'WOOD_HIGH_QUALITY', 'CEMENT', 'TILE_CERAMIC'],
  wallType: ['BAMBOO', 'WOOD_LOW_QUALITY', 'WOOD_HIGH_QUALITY', 'PLASTERED_BRICK', 'UNPLASTERED_BRICK', 'OTHER'],
  roofType: ['THATCH', 'WOOD_SHINGLE', 'ZINC', 'ASBESTOS', 'CLAY_TILE', 'CONCRETE'],
  drinkingWater: ['PIPED', 'BOTTLED', 'PROTECTED_WELL', 'UNPROTECTED_WELL', 'RIVER_LAKE', 'RAINWATER', 'OTHER'],
  sanitation: ['PRIVATE', 'SHARED', 'PUBLIC', 'NONE'],
  electricity: ['PLN_METERED', 'PLN_UNMETERED', 'NON_PLN', 'NONE'],
  homeOwnership: ['OWNED', 'RENTED', 'RENT_FREE', 'OFFICIAL_HOUSING', 'OTHER'],
  verificationStatus: ['UNVERIFIED', 'VERIFIED', 'NEEDS_UPDATE'],
  sex: ['MALE', 'FEMALE'],
  relation: ['HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'PARENT_IN_LAW', 'OTHER_RELATIVE', 'OTHER'],
  educationLevel: ['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'DIPLOMA', 'BACHELOR', 'POSTGRADUATE'],
  disability: ['NONE', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'SENSORY', 'MULTIPLE'],
  employmentStatus: ['EMPLOYED', 'SELF_EMPLOYED', 'UNEMPLOYED', 'NOT_IN_LABOR_FORCE', 'STUDENT'],
  jknStatus: ['NONE', 'PBI', 'NON_PBI'],
  measurePosition: ['LYING', 'STANDING'],
  stuntingStatus: ['NORMAL', 'STUNTED', 'SEVERELY_STUNTED'],
  focusAspect: ['STUNTING', 'INVESTMENT', 'P3DN', 'INFLATION', 'SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'HOUSING', 'LIVELIHOOD'],
  strategy: ['REDUCE_EXPENDITURE', 'INCREASE_INCOME', 'REDUCE_POVERTY_POCKETS'],
  needType: [
    'STUNTING',
    'NUTRITION_RISK',
    'HEALTH_INSURANCE',
    'SCHOOLING',
    'HOUSING',
    'WATER',
    'SANITATION',
    'ELECTRICITY',
    'INCOME',
    'FOOD',
  ],
  targetUnit: ['HOUSEHOLD', 'PERSON'],
  frequency: ['ONCE', 'MONTHLY', 'QUARTERLY', 'YEARLY'],
  interventionStatus: ['PLANNED', 'IN_PROGRESS', 'DELIVERED', 'VERIFIED', 'CANCELLED'],
  assignmentStatus: ['REQUESTED', 'ACCEPTED', 'DECLINED', 'CLOSED'],
  indicator: ['STUNTING_PREVALENCE_PCT', 'INVESTMENT_REALISATION_RP', 'P3DN_SHARE_PCT', 'INFLATION_YOY_PCT'],
  auditAction: ['CREATE', 'UPDATE', 'DELETE', 'PII_READ', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'EXPORT', 'IMPORT'],
} as const;

const e = ENUMS;

export class Migration0001InitialSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`
      create table area (
        id uuid primary key,
        code text not null unique check (code ~ '^[0-9]{2}\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?$'),
        name text not null check (length(btrim(name)) between 1 and 120),
        level text not null check (level in (${inList(e.areaLevel)})),
        parent_id uuid references area (id) on delete restrict,
        population integer check (population >= 0),
        boundary jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((level = 'CITY') = (parent_id is null))
      );`);
    this.addSql(`create index area_parent_idx on area (parent_id);`);
    this.addSql(`create index area_code_prefix_idx on area (code text_pattern_ops);`);
    this.addSql(`create index area_level_idx on area (level);`);

    this.addSql(`
      create table organization (
        id uuid primary key,
        name text not null unique check (length(btrim(name)) between 2 and 200),
        short_name text check (length(btrim(short_name)) between 1 and 40),
        type text not null check (type in (${inList(e.organizationType)})),
        contact_email text check (contact_email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        contact_phone text check (contact_phone ~ '^\\+?[0-9 ()-]{6,20}$'),
        address text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index organization_type_idx on organization (type);`);

    this.addSql(`
      create table app_user (
        id uuid primary key,
        username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
        display_name text not null check (length(btrim(display_name)) between 1 and 120),
        organization_id uuid not null references organization (id) on delete restrict,
        role text not null check (role in (${inList(e.role)})),
        area_id uuid references area (id) on delete restrict,
        password_hash text not null,
        active boolean not null default true,
        last_login_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (role <> 'KELURAHAN_OFFICER' or area_id is not null)
      );`);
    this.addSql(`create index app_user_organization_idx on app_user (organization_id);`);
    this.addSql(`create index app_user_area_idx on app_user (area_id);`);

    this.addSql(`
      create table user_session (
        id uuid primary key,
        user_id uuid not null references app_user (id) on delete cascade,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        check (expires_at > created_at)
      );`);
    this.addSql(`create index user_session_user_idx on user_session (user_id);`);

    this.addSql(`
      create table api_token (
        id uuid primary key,
        user_id uuid not null references app_user (id) on delete cascade,
        name text not null check (length(btrim(name)) between 1 and 100),
        token_prefix text not null,
        token_hash text not null unique,
        read_only boolean not null default false,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );`);
    this.addSql(`create index api_token_user_idx on api_token (user_id);`);

    this.addSql(`
      create table household (
        id uuid primary key,
        kk_number text not null unique check (kk_number ~ '^[0-9]{16}$'),
        area_id uuid not null references area (id) on delete restrict,
        address text not null check (length(btrim(address)) between 3 and 300),
        rt text check (rt ~ '^[0-9]{3}$'),
        rw text check (rw ~ '^[0-9]{3}$'),
        latitude numeric(9, 6) check (latitude between -90 and 90),
        longitude numeric(9, 6) check (longitude between -180 and 180),
        welfare_decile smallint not null check (welfare_decile between 1 and 10),
        poverty_status text not null check (poverty_status in (${inList(e.povertyStatus)})),
        monthly_expenditure_per_capita numeric(14, 2) check (monthly_expenditure_per_capita >= 0),
        floor_type text check (floor_type in (${inList(e.floorType)})),
        wall_type text check (wall_type in (${inList(e.wallType)})),
        roof_type text check (roof_type in (${inList(e.roofType)})),
        drinking_water text check (drinking_water in (${inList(e.drinkingWater)})),
        sanitation text check (sanitation in (${inList(e.sanitation)})),
        electricity text check (electricity in (${inList(e.electricity)})),
        home_ownership text check (home_ownership in (${inList(e.homeOwnership)})),
        data_sources jsonb not null default '[]'::jsonb check (jsonb_typeof(data_sources) = 'array'),
        verification_status text not null default 'UNVERIFIED' check (verification_status in (${inList(e.verificationStatus)})),
        verified_at timestamptz,
        verified_by_id uuid references app_user (id) on delete set null,
        version integer not null default 1 check (version >= 1),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((latitude is null) = (longitude is null))
      );`);
    this.addSql(`create index household_area_idx on household (area_id, id);`);
    this.addSql(`create index household_status_idx on household (poverty_status, id);`);
    this.addSql(`create index household_decile_idx on household (welfare_decile, id);`);
    this.addSql(`create index household_updated_idx on household (updated_at, id);`);
    this.addSql(`create index household_kk_prefix_idx on household (kk_number text_pattern_ops);`);
    this.addSql(`create index household_verified_by_idx on household (verified_by_id);`);

    this.addSql(`
      create table person (
        id uuid primary key,
        household_id uuid not null references household (id) on delete restrict,
        nik text not null unique check (nik ~ '^[0-9]{16}$'),
        name text not null check (length(btrim(name)) between 1 and 200),
        sex text not null check (sex in (${inList(e.sex)})),
        birth_date date not null check (birth_date >= date '1900-01-01'),
        relation text not null check (relation in (${inList(e.relation)})),
        education_level text check (education_level in (${inList(e.educationLevel)})),
        school_enrolled boolean not null default false,
        disability text not null default 'NONE' check (disability in (${inList(e.disability)})),
        occupation text check (length(occupation) <= 120),
        employment_status text check (employment_status in (${inList(e.employmentStatus)})),
        jkn_status text not null default 'NONE' check (jkn_status in (${inList(e.jknStatus)})),
        pregnant boolean not null default false,
        version integer not null default 1 check (version >= 1),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (not pregnant or sex = 'FEMALE')
      );`);
    this.addSql(`create index person_household_idx on person (household_id);`);
    this.addSql(`create unique index person_one_head_per_household on person (household_id) where relation = 'HEAD';`);
    this.addSql(`create index person_nik_prefix_idx on person (nik text_pattern_ops);`);
    this.addSql(`create index person_name_trgm_idx on person using gin (name gin_trgm_ops);`);
    this.addSql(`create index person_birth_date_idx on person (birth_date);`);

    this.addSql(`
      create table growth_measurement (
        id uuid primary key,
        person_id uuid not null references person (id) on delete restrict,
        measured_on date not null,
        age_days integer not null check (age_days between 0 and 1826),
        weight_kg numeric(5, 2) check (weight_kg > 0 and weight_kg < 60),
        height_cm numeric(5, 1) not null check (height_cm between 35 and 135),
        position text not null check (position in (${inList(e.measurePosition)})),
        height_for_age_z numeric(6, 3) not null check (height_for_age_z between -6 and 6),
        stunting_status text not null check (stunting_status in (${inList(e.stuntingStatus)})),
        recorded_by_id uuid references app_user (id) on delete set null,
        organization_id uuid references organization (id) on delete set null,
        created_at timestamptz not null default now(),
        unique (person_id, measured_on)
      );`);
    this.addSql(`create index growth_measurement_recorded_by_idx on growth_measurement (recorded_by_id);`);
    this.addSql(`create index growth_measurement_organization_idx on growth_measurement (organization_id);`);
    this.addSql(`create index growth_measurement_status_idx on growth_measurement (stunting_status);`);

    this.addSql(`
      create table program (
        id uuid primary key,
        owner_id uuid not null references organization (id) on delete restrict,
        name text not null check (length(btrim(name)) between 2 and 200),
        description text,
        focus_aspects text[] not null check (cardinality(focus_aspects) >= 1 and focus_aspects <@ array[${inList(e.focusAspect)}]),
        strategy text not null check (strategy in (${inList(e.strategy)})),
        need_types text[] not null default '{}' check (need_types <@ array[${inList(e.needType)}]),
        target_unit text not null check (target_unit in (${inList(e.targetUnit)})),
        target_min_age_months integer check (target_min_age_months >= 0),
        target_max_age_months integer check (target_max_age_months >= 0),
        target_sex text check (target_sex in (${inList(e.sex)})),
        delivery_unit text not null check (length(btrim(delivery_unit)) between 1 and 40),
        frequency text not null check (frequency in (${inList(e.frequency)})),
        starts_on date not null,
        ends_on date,
        budget_rp numeric(18, 2) check (budget_rp >= 0),
        quota integer check (quota > 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (owner_id, name),
        check (ends_on is null or ends_on >= starts_on),
        check (target_min_age_months is null or target_max_age_months is null or target_min_age_months <= target_max_age_months),
        check (target_unit = 'PERSON' or (target_min_age_months is null and target_max_age_months is null and target_sex is null))
      );`);
    this.addSql(`create index program_owner_idx on program (owner_id);`);
    this.addSql(`create index program_strategy_idx on program (strategy);`);
    this.addSql(`create index program_focus_idx on program using gin (focus_aspects);`);
    this.addSql(`create index program_need_types_idx on program using gin (need_types);`);

    this.addSql(`
      create table intervention (
        id uuid primary key,
        program_id uuid not null references program (id) on delete restrict,
        household_id uuid not null references household (id) on delete restrict,
        person_id uuid references person (id) on delete restrict,
        status text not null check (status in (${inList(e.interventionStatus)})),
        planned_on date,
        delivered_on date,
        period_key text not null check (period_key ~ '^(ONCE|[0-9]{4}(-[0-9]{2}|-Q[1-4])?)$'),
        quantity numeric(14, 2) check (quantity > 0),
        value_rp numeric(16, 2) check (value_rp >= 0),
        note text check (length(note) <= 2000),
        idempotency_key text unique check (length(idempotency_key) between 8 and 128),
        logged_by_id uuid references app_user (id) on delete set null,
        organization_id uuid not null references organization (id) on delete restrict,
        verified_at timestamptz,
        verified_by_id uuid references app_user (id) on delete set null,
        cancelled_at timestamptz,
        cancel_reason text,
        version integer not null default 1 check (version >= 1),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (planned_on is not null or delivered_on is not null),
        check (status not in ('DELIVERED', 'VERIFIED') or delivered_on is not null),
        check (status <> 'VERIFIED' or verified_at is not null),
        check ((status = 'CANCELLED') = (cancelled_at is not null))
      );`);
    // One active intervention per program, target and frequency period: the database decides
    // between two concurrent deliveries, not the application.
    this.addSql(`
      create unique index intervention_once_per_period on intervention
        (program_id, household_id, coalesce(person_id, '00000000-0000-0000-0000-000000000000'::uuid), period_key)
        where status <> 'CANCELLED';`);
    this.addSql(`create index intervention_household_idx on intervention (household_id);`);
    this.addSql(`create index intervention_program_idx on intervention (program_id, status);`);
    this.addSql(`create index intervention_person_idx on intervention (person_id);`);
    this.addSql(`create index intervention_status_idx on intervention (status);`);
    this.addSql(`create index intervention_organization_idx on intervention (organization_id);`);
    this.addSql(`create index intervention_logged_by_idx on intervention (logged_by_id);`);
    this.addSql(`create index intervention_verified_by_idx on intervention (verified_by_id);`);
    this.addSql(`create index intervention_delivered_on_idx on intervention (delivered_on);`);

    this.addSql(`
      create table assignment (
        id uuid primary key,
        household_id uuid not null references household (id) on delete restrict,
        organization_id uuid not null references organization (id) on delete restrict,
        need_type text check (need_type in (${inList(e.needType)})),
        status text not null check (status in (${inList(e.assignmentStatus)})),
        note text check (length(note) <= 2000),
        response_note text check (length(response_note) <= 2000),
        requested_by_id uuid references app_user (id) on delete set null,
        requested_at timestamptz not null default now(),
        responded_by_id uuid references app_user (id) on delete set null,
        responded_at timestamptz,
        closed_at timestamptz,
        version integer not null default 1 check (version >= 1),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (status = 'REQUESTED' or responded_at is not null or status = 'CLOSED')
      );`);
    this.addSql(`
      create unique index assignment_one_open on assignment (household_id, organization_id, coalesce(need_type, ''))
        where status in ('REQUESTED', 'ACCEPTED');`);
    this.addSql(`create index assignment_household_idx on assignment (household_id);`);
    this.addSql(`create index assignment_organization_idx on assignment (organization_id, status);`);
    this.addSql(`create index assignment_requested_by_idx on assignment (requested_by_id);`);
    this.addSql(`create index assignment_responded_by_idx on assignment (responded_by_id);`);

    this.addSql(`
      create table indicator_value (
        id uuid primary key,
        area_id uuid not null references area (id) on delete restrict,
        indicator text not null check (indicator in (${inList(e.indicator)})),
        year smallint not null check (year between 2000 and 2100),
        quarter smallint not null check (quarter between 1 and 4),
        value numeric(20, 4) not null,
        source text not null check (length(btrim(source)) between 2 and 300),
        recorded_by_id uuid references app_user (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (area_id, indicator, year, quarter),
        check (indicator not in ('STUNTING_PREVALENCE_PCT', 'P3DN_SHARE_PCT') or value between 0 and 100),
        check (indicator <> 'INVESTMENT_REALISATION_RP' or value >= 0),
        check (indicator <> 'INFLATION_YOY_PCT' or value between -100 and 1000)
      );`);
    this.addSql(`create index indicator_value_period_idx on indicator_value (indicator, year, quarter);`);
    this.addSql(`create index indicator_value_recorded_by_idx on indicator_value (recorded_by_id);`);

    this.addSql(`
      create table audit_event (
        id bigint generated always as identity primary key,
        occurred_at timestamptz not null default now(),
        actor_id uuid references app_user (id) on delete restrict,
        organization_id uuid references organization (id) on delete restrict,
        role text check (role in (${inList(e.role)})),
        action text not null check (action in (${inList(e.auditAction)})),
        entity_type text not null,
        entity_ids text[] not null default '{}',
        old_values jsonb,
        new_values jsonb,
        request_id text,
        ip text
      );`);
    this.addSql(`create index audit_event_occurred_idx on audit_event (occurred_at);`);
    this.addSql(`create index audit_event_actor_idx on audit_event (actor_id);`);
    this.addSql(`create index audit_event_organization_idx on audit_event (organization_id);`);
    this.addSql(`create index audit_event_entity_ids_idx on audit_event using gin (entity_ids);`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'audit_event',
      'indicator_value',
      'assignment',
      'intervention',
      'program',
      'growth_measurement',
      'person',
      'household',
      'api_token',
      'user_session',
      'app_user',
      'organization',
      'area',
    ]) {
      this.addSql(`drop table if exists ${table};`);
    }
  }
}
