import { audit, difference, snapshot } from '../audit/audit.service.js';
import { can, PARTNER_ROLES, referralNeedsLawfulBasis } from '../auth/policy.js';
import { scopeByHousehold } from '../auth/scope-sql.js';
import { keysetPage, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AssignmentStatus, AuditAction, LawfulBasis, OrganizationType } from '../graphql/enums.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import { optionalText, requireDate, requireText } from '../graphql/validate.js';
import { Household } from '../households/household.entity.js';
import { areaWithDescendants } from '../households/household.service.js';
import { Person } from '../households/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Assignment } from './assignment.entity.js';
import type { AssignmentFilter, CreateAssignmentInput } from './assignment.inputs.js';
import { now, today } from '../config/clock.js';

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
    if (f?.needType?.length) q.whereIn('a.need_type', f.needType);
    if (f?.areaId) {
      q.whereIn('a.household_id', em.getKnex()('household as fh').select('fh.id').whereIn('fh.area_id', areaWithDescendants(em.getKnex(), { id: f.areaId })));
    }
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
    const consents = await consentsFor(ctx, org.type, ids, input);
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
    const created = households.map((h) => {
      const consent = consents.get(h.id);
      return em.create(Assignment, {
        household: em.getReference(Household, h.id),
        organization: org,
        needType: input.needType,
        status: AssignmentStatus.REQUESTED,
        note,
        requestedBy,
        lawfulBasis: input.lawfulBasis,
        consentGivenBy: consent && em.getReference(Person, consent.givenById),
        consentGivenOn: consent?.givenOn,
        consentMethod: consent?.method,
      } as Assignment);
    });
    audit(em, ctx, {
      action: AuditAction.CREATE,
      entityType: 'Assignment',
      entityIds: [...created.map((a) => a.id), ...ids],
      newValues: {
        organizationId: org.id,
        needType: input.needType ?? null,
        note: note ?? null,
        households: ids.length,
        lawfulBasis: input.lawfulBasis ?? null,
        consents: [...consents.values()].map((c) => ({ givenById: c.givenById, givenOn: c.givenOn, method: c.method })),
      },
    });
    await em.flush();
    return created;
  });
}

/**
 * The ground a referral rests on (policy.referralNeedsLawfulBasis): a consent names, for every household,
 * the member who gave it, the day (not in the future) and how; another ground names none.
 */
async function consentsFor(ctx: Context, orgType: OrganizationType, ids: string[], input: CreateAssignmentInput) {
  const out = new Map<string, { givenById: string; givenOn: string; method: NonNullable<Assignment['consentMethod']> }>();
  if (!input.lawfulBasis) {
    if (referralNeedsLawfulBasis(orgType)) {
      throw new BadUserInputError('input.lawfulBasis', problem('LAWFUL_BASIS_REQUIRED'));
    }
    return out;
  }
  const given = input.consents ?? [];
  if (input.lawfulBasis !== LawfulBasis.CONSENT) {
    if (given.length) throw new BadUserInputError('input.consents', problem('CONSENT_ONLY_WITH_CONSENT_BASIS'));
    return out;
  }
  given.forEach((c, i) => {
    const at = `input.consents.${i}`;
    if (!ids.includes(c.householdId)) throw new BadUserInputError(`${at}.householdId`, problem('CONSENT_HOUSEHOLD_NOT_REFERRED'));
    if (out.has(c.householdId)) throw new BadUserInputError(`${at}.householdId`, problem('CONSENT_ONE_PER_HOUSEHOLD'));
    out.set(c.householdId, { givenById: c.givenById, givenOn: requireDate(`${at}.givenOn`, c.givenOn, { max: today() }), method: c.method });
  });
  const missing = ids.findIndex((id) => !out.has(id));
  if (missing >= 0) throw new BadUserInputError(`input.householdIds.${missing}`, problem('CONSENT_MISSING'));
  // The one who consents is a member of the household (the person loader keeps to the viewer's scope).
  const people = await ctx.loaders.person.loadMany(given.map((c) => c.givenById));
  given.forEach((c, i) => {
    const p = people[i];
    if (!(p instanceof Person) || p.household.id !== c.householdId) {
      throw new BadUserInputError(`input.consents.${i}.givenById`, problem('CONSENT_GIVER_NOT_MEMBER'));
    }
  });
  return out;
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
  // A partner that declines says why, so the coordinator can refer the household elsewhere.
  if (status === AssignmentStatus.DECLINED && !responseNote) throw new BadUserInputError('note', problem('DECLINE_REASON_REQUIRED'));
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

/**
 * The household withdrew its consent to share with this partner: every open referral of it to the
 * partner that rests on consent closes, marked withdrawn, and the partner's scope (policy, SQL and
 * row-level security) no longer holds the household. A referral on another ground stays.
 */
export async function withdrawReferralConsent(ctx: Context, id: string, reason: string): Promise<Assignment> {
  const note = requireText('reason', reason, 1, 2000);
  const viewer = ctx.viewer!;
  return ctx.em.transactional(async (em) => {
    const assignment = await em.findOne(Assignment, { id });
    if (!assignment || !(await ctx.loaders.household.load(assignment.household.id))) throw new NotFoundError('Assignment', 'id');
    if (!can(viewer, 'assignment.withdrawConsent')) throw new ForbiddenError(problem('CONSENT_WITHDRAWAL_FORBIDDEN'));
    if (assignment.lawfulBasis !== LawfulBasis.CONSENT) throw new BadUserInputError('id', problem('REFERRAL_NOT_CONSENT_BASED'));
    if (assignment.consentWithdrawnAt) throw new BadUserInputError('id', 'the consent was already withdrawn');
    const open = await em.find(Assignment, {
      household: assignment.household.id,
      organization: assignment.organization.id,
      lawfulBasis: LawfulBasis.CONSENT,
      consentWithdrawnAt: null,
      status: { $in: [AssignmentStatus.REQUESTED, AssignmentStatus.ACCEPTED] },
      id: { $ne: assignment.id },
    });
    const at = now();
    const by = em.getReference(User, viewer.userId);
    for (const a of [assignment, ...open]) {
      const before = snapshot(a);
      a.consentWithdrawnAt = at;
      a.consentWithdrawnBy = by;
      a.consentWithdrawalNote = note;
      if (a.status === AssignmentStatus.REQUESTED || a.status === AssignmentStatus.ACCEPTED) {
        a.status = AssignmentStatus.CLOSED;
        a.closedAt = at;
      }
      audit(em, ctx, {
        action: AuditAction.UPDATE,
        entityType: 'Assignment',
        entityIds: [a.id, a.household.id],
        ...difference(before, snapshot(a)),
      });
    }
    await em.flush();
    return assignment;
  });
}
