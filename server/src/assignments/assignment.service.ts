import { audit, difference, snapshot } from '../audit/audit.service.js';
import { can, PARTNER_ROLES } from '../auth/policy.js';
import { scopeByHousehold } from '../auth/scope-sql.js';
import { keysetPage, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AssignmentStatus, AuditAction, OrganizationType } from '../graphql/enums.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { optionalText } from '../graphql/validate.js';
import { Household } from '../households/household.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Assignment } from './assignment.entity.js';
import type { AssignmentFilter, CreateAssignmentInput } from './assignment.inputs.js';
import { now } from '../config/clock.js';

const PARTNER_TYPES = new Set([
  OrganizationType.NGO,
  OrganizationType.COMMUNITY_ORGANIZATION,
  OrganizationType.PRIVATE_SECTOR,
]);

export function listAssignments(ctx: Context, args: { first?: number; after?: string; filter?: AssignmentFilter }) {
  const { em } = ctx;
  const f = args.filter;
  const base = () => {
    const q = scopeByHousehold(em.getKnex(), sql(em, 'assignment as a'), ctx.viewer, 'a.household_id');
    // Partners see their own referrals, not other partners' referrals of the same household.
    if (ctx.viewer && PARTNER_ROLES.has(ctx.viewer.role)) q.where('a.organization_id', ctx.viewer.organizationId);
    if (f?.organizationId) q.where('a.organization_id', f.organizationId);
    if (f?.householdId) q.where('a.household_id', f.householdId);
    if (f?.status?.length) q.whereIn('a.status', f.status);
    return q;
  };
  return keysetPage<Record<string, unknown>, Assignment>({
    query: base().select('a.*'),
    countQuery: base,
    list: 'assignments',
    filter: f,
    viewer: ctx.viewer,
    spec: { column: 'a.requested_at', key: 'requested_at', direction: 'desc', idColumn: 'a.id' },
    first: args.first,
    after: args.after,
    map: (row) => em.map(Assignment, row),
  });
}

export async function createAssignments(ctx: Context, input: CreateAssignmentInput): Promise<Assignment[]> {
  const ids = [...new Set(input.householdIds)];
  if (!ids.length) throw new BadUserInputError('input.householdIds', 'needs at least one household');
  if (ids.length > 500) throw new BadUserInputError('input.householdIds', 'at most 500 households at a time');
  const note = optionalText('input.note', input.note, 2000);
  return ctx.em.transactional(async (em) => {
    const org = await em.findOne(Organization, { id: input.organizationId });
    if (!org) throw new BadUserInputError('input.organizationId', 'no such organisation');
    if (!PARTNER_TYPES.has(org.type)) {
      throw new BadUserInputError('input.organizationId', 'households are referred to NGOs, community organisations and companies');
    }
    const households = (await ctx.loaders.household.loadMany(ids)).filter((h): h is Household => h instanceof Household);
    if (households.length !== ids.length) {
      const found = new Set(households.map((h) => h.id));
      throw new NotFoundError('Household', `input.householdIds.${ids.findIndex((id) => !found.has(id))}`);
    }
    // An open referral of the same household to the same partner (for the same need) is the one to
    // follow up, not a second request: refused, naming it (the unique index decides a race the same way).
    const open = (await sql(em, 'assignment')
      .whereIn('household_id', ids)
      .where('organization_id', org.id)
      .whereIn('status', [AssignmentStatus.REQUESTED, AssignmentStatus.ACCEPTED])
      .whereRaw(`coalesce(need_type, '') = ?`, [input.needType ?? ''])
      .select('id', 'household_id')
      .first()) as { id: string; household_id: string } | undefined;
    if (open) {
      throw new ConflictError('This household already has an open referral to this partner', {
        existingId: open.id,
        field: `input.householdIds.${ids.indexOf(open.household_id)}`,
      });
    }
    const requestedBy = em.getReference(User, ctx.viewer!.userId);
    const created = households.map((h) => em.getReference(Household, h.id)).map((household) =>
      em.create(Assignment, {
        household,
        organization: org,
        needType: input.needType,
        status: AssignmentStatus.REQUESTED,
        note,
        requestedBy,
      } as Assignment),
    );
    audit(em, ctx, {
      action: AuditAction.CREATE,
      entityType: 'Assignment',
      entityIds: [...created.map((a) => a.id), ...ids],
      newValues: { organizationId: org.id, needType: input.needType ?? null, note: note ?? null, households: ids.length },
    });
    await em.flush();
    return created;
  });
}

const RESPONSES: Partial<Record<AssignmentStatus, AssignmentStatus[]>> = {
  [AssignmentStatus.ACCEPTED]: [AssignmentStatus.REQUESTED],
  [AssignmentStatus.DECLINED]: [AssignmentStatus.REQUESTED],
  [AssignmentStatus.CLOSED]: [AssignmentStatus.REQUESTED, AssignmentStatus.ACCEPTED],
};

export async function respondToAssignment(
  ctx: Context,
  id: string,
  status: AssignmentStatus,
  note: string | undefined,
): Promise<Assignment> {
  const allowedFrom = RESPONSES[status];
  if (!allowedFrom) throw new BadUserInputError('status', 'must be ACCEPTED, DECLINED or CLOSED');
  const responseNote = optionalText('note', note, 2000);
  const viewer = ctx.viewer!;
  return ctx.em.transactional(async (em) => {
    const assignment = await em.findOne(Assignment, { id });
    const isPartner = PARTNER_ROLES.has(viewer.role);
    const visible = assignment && (await ctx.loaders.household.load(assignment.household.id));
    if (!assignment || !visible || (isPartner && !can(viewer, 'assignment.respond', { assignmentOrgId: assignment.organization.id }))) {
      throw new NotFoundError('Assignment', 'id');
    }
    if (status !== AssignmentStatus.CLOSED && !isPartner) {
      throw new ForbiddenError('Only the partner it was referred to accepts or declines a referral');
    }
    if (!allowedFrom.includes(assignment.status)) {
      throw new BadUserInputError('status', `cannot move from ${assignment.status} to ${status}`);
    }
    const before = snapshot(assignment);
    assignment.status = status;
    const at = now();
    if (status === AssignmentStatus.CLOSED) assignment.closedAt = at;
    else {
      assignment.respondedAt = at;
      assignment.respondedBy = em.getReference(User, viewer.userId);
    }
    if (responseNote !== undefined) assignment.responseNote = responseNote;
    audit(em, ctx, {
      action: AuditAction.UPDATE,
      entityType: 'Assignment',
      entityIds: [assignment.id, assignment.household.id],
      ...difference(before, snapshot(assignment)),
    });
    await em.flush();
    return assignment;
  });
}
