import { Migration } from '@mikro-orm/migrations';

const NEED_TYPES = ['STUNTING', 'NUTRITION_RISK', 'HEALTH_INSURANCE', 'SCHOOLING', 'HOUSING', 'WATER', 'SANITATION', 'ELECTRICITY', 'INCOME', 'FOOD'];
const ZERO = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * Derived needs (spec §4). The rows are what the rules found in the data; whether a need is served
 * depends on today's date (the program's current frequency period), so that is a view, not a column.
 */
export class Migration0003Needs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function sinergi_today() returns date language sql stable parallel safe as $$
        select (now() at time zone 'Asia/Jakarta')::date
      $$;`);
    // Must agree with server/src/interventions/period-key.ts (a test compares them).
    this.addSql(`
      create function sinergi_period_key(p_frequency text, p_day date) returns text language sql immutable parallel safe as $$
        select case p_frequency
          when 'ONCE' then 'ONCE'
          when 'MONTHLY' then to_char(p_day, 'YYYY-MM')
          when 'QUARTERLY' then to_char(p_day, 'YYYY') || '-Q' || to_char(p_day, 'Q')
          when 'YEARLY' then to_char(p_day, 'YYYY')
        end
      $$;`);

    this.addSql(`
      create table household_need (
        id uuid primary key default gen_random_uuid(),
        household_id uuid not null references household (id) on delete cascade,
        person_id uuid references person (id) on delete cascade,
        need_type text not null check (need_type in (${NEED_TYPES.map((t) => `'${t}'`).join(', ')})),
        rule_version integer not null check (rule_version >= 1),
        evidence jsonb not null check (jsonb_typeof(evidence) = 'object'),
        derived_at timestamptz not null default now()
      );`);
    this.addSql(`create unique index household_need_target on household_need (household_id, coalesce(person_id, ${ZERO}), need_type);`);
    this.addSql(`create index household_need_type_idx on household_need (need_type);`);
    this.addSql(`create index household_need_person_idx on household_need (person_id);`);

    // Interventions that count for a need now: same household, same member (or a household-wide
    // delivery), a program addressing the need type, in the program's current period.
    this.addSql(`
      create view household_need_status with (security_invoker = true) as
      select n.*,
             coalesce(s.status, 'UNMET') as status,
             s.intervention_id,
             s.program_id,
             coalesce(s.serving_programs, 0) as serving_programs
        from household_need n
        left join lateral (
          select (array_agg(case when i.status in ('DELIVERED', 'VERIFIED') then 'SERVED' else 'PLANNED' end
                            order by (i.status in ('DELIVERED', 'VERIFIED')) desc, i.delivered_on desc nulls last, i.id))[1] as status,
                 (array_agg(i.id order by (i.status in ('DELIVERED', 'VERIFIED')) desc, i.delivered_on desc nulls last, i.id))[1] as intervention_id,
                 (array_agg(i.program_id order by (i.status in ('DELIVERED', 'VERIFIED')) desc, i.delivered_on desc nulls last, i.id))[1] as program_id,
                 count(distinct i.program_id)::integer as serving_programs
            from intervention i
            join program p on p.id = i.program_id
           where i.household_id = n.household_id
             and (n.person_id is null or i.person_id is null or i.person_id = n.person_id)
             and n.need_type = any (p.need_types)
             and i.status <> 'CANCELLED'
             and i.period_key = sinergi_period_key(p.frequency, sinergi_today())
          having count(*) > 0
        ) s on true;`);

    this.addSql(`grant select, insert, update, delete on household_need to sinergi_app;`);
    this.addSql(`grant select on household_need_status to sinergi_app;`);
    this.addSql(`alter table household_need enable row level security;`);
    const scope = `(select sinergi_city_wide()) or household_id in (select h.id from household h)`;
    this.addSql(`create policy household_need_scope on household_need using (${scope}) with check (${scope});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view if exists household_need_status;`);
    this.addSql(`drop table if exists household_need;`);
    this.addSql(`drop function if exists sinergi_period_key(text, date);`);
    this.addSql(`drop function if exists sinergi_today();`);
  }
}
