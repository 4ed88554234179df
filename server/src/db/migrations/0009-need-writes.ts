import { Migration } from '@mikro-orm/migrations';

const ROLE = '(select sinergi_role())';
const VIA_HOUSEHOLD = `((select sinergi_city_wide()) or household_id in (select h.id from household h))`;
const writers = (roles: string[]) => `${ROLE} in (${roles.map((r) => `'${r}'`).join(', ')}) and ${VIA_HOUSEHOLD}`;

const API_WRITERS = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER'];
const BEFORE = [...API_WRITERS, 'NGO_PARTNER', 'PRIVATE_PARTNER'];

/**
 * Needs are re-derived only by the mutations that change a household's data (household, member,
 * growth measurement, poverty assessment), none of which a partner may call; a partner's delivery
 * changes a need's status through the household_need_status view, not the row. So partners lose the
 * write access to household_need that 0005 gave them: in raw SQL they could delete an assigned
 * household's needs or forge their evidence.
 */
export class Migration0009NeedWrites extends Migration {
  override async up(): Promise<void> {
    this.policies(API_WRITERS);
  }

  override async down(): Promise<void> {
    this.policies(BEFORE);
  }

  private policies(roles: string[]): void {
    this.addSql(`alter policy household_need_insert on household_need with check (${writers(roles)});`);
    this.addSql(`alter policy household_need_update on household_need using (${writers(roles)}) with check (${writers(roles)});`);
    this.addSql(`alter policy household_need_delete on household_need using (${writers(roles)});`);
  }
}
