import { Migration } from '@mikro-orm/migrations';

/**
 * Referral consent (issue 11): a referral to a non-government partner records the household's consent
 * (which member gave it, on what day, how) or the other ground of UU 27/2022 Pasal 20 ayat 2 it rests
 * on, as Primero does. A withdrawn consent closes the referral and takes the household out of the
 * partner's scope: sinergi_assigned_households() leaves out withdrawn referrals even if one were
 * left open, so the household, its members and interventions disappear for the partner.
 */

const ROLE = '(select sinergi_role())';
const UID = '(select sinergi_user_id())';
const roleIn = (...roles: string[]) => `${ROLE} in (${roles.map((r) => `'${r}'`).join(', ')})`;

const OLD_INSERT = `${roleIn('ADMIN', 'COORDINATOR')} and status = 'REQUESTED' and requested_by_id = ${UID}
      and responded_by_id is null and responded_at is null and closed_at is null
      and organization_id in (select o.id from organization o where o.type in ('NGO', 'COMMUNITY_ORGANIZATION', 'PRIVATE_SECTOR'))`;
// Every partner type is non-government, so every new referral states its ground; never born withdrawn.
const NEW_INSERT = `${OLD_INSERT}
      and lawful_basis is not null and consent_withdrawn_at is null and consent_withdrawn_by_id is null`;

const PARTNER_BRANCH = `if r in ('NGO_PARTNER', 'PRIVATE_PARTNER') then
          if not changed <@ array['status', 'response_note', 'responded_by_id', 'responded_at', 'closed_at', 'version', 'updated_at']
             or not ((old.status = 'REQUESTED' and new.status in ('ACCEPTED', 'DECLINED') and new.responded_by_id = sinergi_user_id())
                     or (old.status in ('REQUESTED', 'ACCEPTED') and new.status = 'CLOSED'
                         and new.responded_by_id is not distinct from old.responded_by_id)) then
            perform sinergi_refuse('assignment', 'change ' || array_to_string(changed, ', ') || ' from ' || old.status);
          end if;`;
const OLD_COORDINATOR_BRANCH = `elsif r in ('ADMIN', 'COORDINATOR') then
          -- Coordinators close a referral; accepting or declining is the partner's.
          if not changed <@ array['status', 'response_note', 'closed_at', 'version', 'updated_at']
             or not (old.status in ('REQUESTED', 'ACCEPTED') and new.status = 'CLOSED') then
            perform sinergi_refuse('assignment', 'change ' || array_to_string(changed, ', ') || ' from ' || old.status);
          end if;`;
const NEW_COORDINATOR_BRANCH = `elsif r in ('ADMIN', 'COORDINATOR') then
          -- Coordinators close a referral and record a withdrawn consent (once, in their own name);
          -- accepting or declining is the partner's.
          if not changed <@ array['status', 'response_note', 'closed_at', 'consent_withdrawn_at', 'consent_withdrawn_by_id',
                                  'consent_withdrawal_note', 'version', 'updated_at']
             or not ('status' = any (changed) or 'consent_withdrawn_at' = any (changed))
             or ('status' = any (changed) and not (old.status in ('REQUESTED', 'ACCEPTED') and new.status = 'CLOSED'))
             or ('consent_withdrawn_at' = any (changed)
                 and (old.consent_withdrawn_at is not null or new.consent_withdrawn_by_id is distinct from sinergi_user_id())) then
            perform sinergi_refuse('assignment', 'change ' || array_to_string(changed, ', ') || ' from ' || old.status);
          end if;`;
const guard = (coordinatorBranch: string) => `
      create or replace function assignment_guard() returns trigger language plpgsql as $$
      declare
        r text := sinergi_role();
        changed text[] := sinergi_changed_columns(to_jsonb(old), to_jsonb(new));
      begin
        if not row_security_active(tg_relid) or changed = '{}' then return new; end if;
        ${PARTNER_BRANCH}
        ${coordinatorBranch}
        else
          perform sinergi_refuse('assignment', 'change a referral');
        end if;
        return new;
      end $$;`;

const assignedHouseholds = (withdrawn: string) => `
      create or replace function sinergi_assigned_households() returns setof uuid
      language sql stable security definer set search_path = public as $$
        select a.household_id from assignment a
        where a.organization_id = nullif(current_setting('sinergi.org_id', true), '')::uuid
          and a.status in ('REQUESTED', 'ACCEPTED')${withdrawn}
      $$;`;

export class Migration0013ReferralConsent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table assignment
        add column lawful_basis text check (lawful_basis in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'VITAL_INTEREST', 'PUBLIC_TASK', 'LEGITIMATE_INTEREST')),
        add column consent_given_by_id uuid references person (id) on delete restrict,
        add column consent_given_on date,
        add column consent_method text check (consent_method in ('VERBAL', 'WRITTEN', 'THUMBPRINT')),
        add column consent_withdrawn_at timestamptz,
        add column consent_withdrawn_by_id uuid references app_user (id) on delete restrict,
        add column consent_withdrawal_note text check (length(consent_withdrawal_note) between 1 and 2000),
        -- Consent names who gave it, when and how; another ground names none of these.
        add constraint assignment_consent_complete check (
          (lawful_basis = 'CONSENT') = (consent_given_by_id is not null and consent_given_on is not null and consent_method is not null)
          and (lawful_basis = 'CONSENT' or (consent_given_by_id is null and consent_given_on is null and consent_method is null))),
        -- Only a consent can be withdrawn, by someone, with a reason.
        add constraint assignment_consent_withdrawal check (
          consent_withdrawn_at is null
          or (lawful_basis = 'CONSENT' and consent_withdrawn_by_id is not null and consent_withdrawal_note is not null));`);
    this.addSql(`create index assignment_consent_given_by_idx on assignment (consent_given_by_id);`);
    this.addSql(`create index assignment_consent_withdrawn_by_idx on assignment (consent_withdrawn_by_id);`);
    this.addSql(assignedHouseholds(`\n          and a.consent_withdrawn_at is null`));
    this.addSql(`drop policy assignment_insert on assignment;`);
    this.addSql(`create policy assignment_insert on assignment for insert with check (${NEW_INSERT});`);
    this.addSql(guard(NEW_COORDINATOR_BRANCH));
  }

  override async down(): Promise<void> {
    this.addSql(guard(OLD_COORDINATOR_BRANCH));
    this.addSql(`drop policy assignment_insert on assignment;`);
    this.addSql(`create policy assignment_insert on assignment for insert with check (${OLD_INSERT});`);
    this.addSql(assignedHouseholds(''));
    this.addSql(`
      alter table assignment
        drop constraint assignment_consent_withdrawal,
        drop constraint assignment_consent_complete,
        drop column consent_withdrawal_note,
        drop column consent_withdrawn_by_id,
        drop column consent_withdrawn_at,
        drop column consent_method,
        drop column consent_given_on,
        drop column consent_given_by_id,
        drop column lawful_basis;`);
  }
}
