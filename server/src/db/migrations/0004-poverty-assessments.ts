import { Migration } from '@mikro-orm/migrations';

// A frozen snapshot of the statuses (see 0001): later changes belong in a new migration.
const POVERTY_STATUSES = ['EXTREME_POOR', 'POOR', 'VULNERABLE', 'NOT_POOR', 'GRADUATED'];
const inList = POVERTY_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * Graduation through recorded assessments: a household's decile and poverty status change only with
 * an assessment, and every assessment is kept (the trend toward zero is computed from them).
 */
export class Migration0004PovertyAssessments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table poverty_assessment (
        id uuid primary key,
        household_id uuid not null references household (id) on delete restrict,
        assessed_on date not null,
        welfare_decile smallint not null check (welfare_decile between 1 and 10),
        poverty_status text not null check (poverty_status in (${inList})),
        monthly_expenditure_per_capita numeric(14, 2) check (monthly_expenditure_per_capita >= 0),
        previous_decile smallint check (previous_decile between 1 and 10),
        previous_status text check (previous_status in (${inList})),
        reason text not null check (length(btrim(reason)) between 3 and 1000),
        assessed_by_id uuid references app_user (id) on delete set null,
        organization_id uuid references organization (id) on delete set null,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index poverty_assessment_household_idx on poverty_assessment (household_id, assessed_on desc);`);
    this.addSql(`create index poverty_assessment_assessed_on_idx on poverty_assessment (assessed_on);`);
    this.addSql(`create index poverty_assessment_assessed_by_idx on poverty_assessment (assessed_by_id);`);
    this.addSql(`create index poverty_assessment_organization_idx on poverty_assessment (organization_id);`);

    // History is append-only: the application may add and read assessments, never change them.
    this.addSql(`grant select, insert on poverty_assessment to sinergi_app;`);
    // Visible and writable when the household is, like the interventions (0002).
    const scope = `(select sinergi_city_wide()) or household_id in (select h.id from household h)`;
    this.addSql(`alter table poverty_assessment enable row level security;`);
    this.addSql(`create policy poverty_assessment_scope on poverty_assessment using (${scope}) with check (${scope});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists poverty_assessment;`);
  }
}
