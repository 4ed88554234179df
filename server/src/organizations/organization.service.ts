import { today } from '../config/clock.js';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { keysetPage, sql } from '../graphql/connection.js';
import { AuditAction } from '../graphql/enums.js';
import type { Context } from '../graphql/context.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { optionalText, requireText } from '../graphql/validate.js';
import type { CreateOrganizationInput, OrganizationFilter, UpdateOrganizationInput } from './organization.inputs.js';
import { Organization } from './organization.entity.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

function organizationChanges(input: Partial<CreateOrganizationInput>): Partial<Organization> {
  const out: Partial<Organization> = {};
  if (input.name !== undefined && input.name !== null) out.name = requireText('input.name', input.name, 2, 200);
  if (input.shortName !== undefined) out.shortName = optionalText('input.shortName', input.shortName, 40);
  if (input.type) out.type = input.type;
  if (input.contactEmail !== undefined) {
    const email = optionalText('input.contactEmail', input.contactEmail, 200);
    if (email && !EMAIL.test(email)) throw new BadUserInputError('input.contactEmail', 'is not an e-mail address');
    out.contactEmail = email;
  }
  if (input.contactPhone !== undefined) {
    const phone = optionalText('input.contactPhone', input.contactPhone, 20);
    if (phone && !PHONE.test(phone)) throw new BadUserInputError('input.contactPhone', 'is not a phone number');
    out.contactPhone = phone;
  }
  if (input.address !== undefined) out.address = optionalText('input.address', input.address, 300);
  return out;
}

export function listOrganizations(ctx: Context, args: { first?: number; after?: string; filter?: OrganizationFilter }) {
  const { em } = ctx;
  const base = () => {
    const q = sql(em, 'organization as o');
    if (args.filter?.type?.length) q.whereIn('o.type', args.filter.type);
    const search = args.filter?.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.where((w) => w.where('o.name', 'ilike', pattern).orWhere('o.short_name', 'ilike', pattern));
    }
    const need = args.filter?.servesNeed;
    if (need) {
      // The same rule as programNeedTypes: programs running today.
      const on = today();
      q.whereExists((e) =>
        e.select(em.getKnex().raw('1')).from('program as p')
          .whereRaw('p.owner_id = o.id')
          .whereRaw('? = any(p.need_types)', [need])
          .where('p.starts_on', '<=', on)
          .where((w) => w.whereNull('p.ends_on').orWhere('p.ends_on', '>=', on)),
      );
    }
    return q;
  };
  return keysetPage<Record<string, unknown>, Organization>({
    query: base().select('o.*'),
    countQuery: base,
    list: 'organizations',
    filter: args.filter,
    viewer: ctx.viewer,
    spec: { column: 'o.name', key: 'name', direction: 'asc', idColumn: 'o.id' },
    first: args.first,
    after: args.after,
    map: (row) => em.map(Organization, row),
  });
}

export async function createOrganization(ctx: Context, input: CreateOrganizationInput): Promise<Organization> {
  const values = organizationChanges(input);
  return ctx.em.transactional(async (em) => {
    const org = em.create(Organization, values as Organization);
    audit(em, ctx, { action: AuditAction.CREATE, entityType: 'Organization', entityIds: [org.id], newValues: snapshot(org) });
    await em.flush();
    return org;
  });
}

export async function updateOrganization(ctx: Context, input: UpdateOrganizationInput): Promise<Organization> {
  const values = organizationChanges(input);
  return ctx.em.transactional(async (em) => {
    const org = await em.findOne(Organization, { id: input.id });
    if (!org) throw new NotFoundError('Organization', 'input.id');
    const before = snapshot(org);
    em.assign(org, values);
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Organization', entityIds: [org.id], ...difference(before, snapshot(org)) });
    await em.flush();
    return org;
  });
}
