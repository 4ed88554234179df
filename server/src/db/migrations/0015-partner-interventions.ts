import { Migration } from '@mikro-orm/migrations';
import { GOVERNMENT_ORGANIZATION_TYPES } from '../../auth/policy.js';

/**
 * A partner reads, on the households referred to it, the interventions of its own organisation and of
 * government agencies, not another partner's (spec §1; policy.ts interventionVisible). The API filtered
 * them out, but the policy of 0005 let them through, so any other client of the same database under
 * the same role (a report, a peer server) saw them.
 */
const CITY_WIDE = '(select sinergi_city_wide())';
const VIA_HOUSEHOLD = `(${CITY_WIDE} or household_id in (select h.id from household h))`;
const GOVERNMENT = GOVERNMENT_ORGANIZATION_TYPES.map((t) => `'${t}'`).join(', ');
const PARTNER_SEES = `(not (select sinergi_partner())
  or organization_id = (select sinergi_org_id())
  or organization_id in (select o.id from organization o where o.type in (${GOVERNMENT})))`;

export class Migration0015PartnerInterventions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop policy intervention_select on intervention;`);
    this.addSql(`create policy intervention_select on intervention for select using (${VIA_HOUSEHOLD} and ${PARTNER_SEES});`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy intervention_select on intervention;`);
    this.addSql(`create policy intervention_select on intervention for select using (${VIA_HOUSEHOLD});`);
  }
}
