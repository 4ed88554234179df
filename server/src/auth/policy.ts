import { Role } from '../graphql/enums.js';
import type { Viewer } from './viewer.js';

/**
 * Who may see and do what (spec §1), as pure functions of the viewer and a record. The API scopes its
 * SQL with `householdScope`, checks actions with `can`, and PostgreSQL's row-level security enforces
 * the same scopes a second time (migration 0002).
 */

export type HouseholdScope =
  | { kind: 'ALL' }
  | { kind: 'AREA'; areaCode: string }
  | { kind: 'ASSIGNED'; organizationId: string }
  | { kind: 'NONE' };

export const PARTNER_ROLES: ReadonlySet<Role> = new Set([Role.NGO_PARTNER, Role.PRIVATE_PARTNER]);
const CITY_WIDE: ReadonlySet<Role> = new Set([Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.AUDITOR]);

export function householdScope(viewer: Viewer | null): HouseholdScope {
  if (!viewer) return { kind: 'NONE' };
  if (CITY_WIDE.has(viewer.role)) return { kind: 'ALL' };
  if (viewer.role === Role.KELURAHAN_OFFICER) {
    return viewer.areaCode ? { kind: 'AREA', areaCode: viewer.areaCode } : { kind: 'NONE' };
  }
  if (PARTNER_ROLES.has(viewer.role)) return { kind: 'ASSIGNED', organizationId: viewer.organizationId };
  return { kind: 'NONE' };
}

/** What the policy needs to know about a household. */
export interface HouseholdFacts {
  areaCode: string;
  /** Organisations with a REQUESTED or ACCEPTED assignment of this household whose consent stands (not withdrawn). */
  activeAssignmentOrgIds: readonly string[];
}

export function inArea(areaCode: string, scopeCode: string): boolean {
  return areaCode === scopeCode || areaCode.startsWith(`${scopeCode}.`);
}

export function householdVisible(viewer: Viewer | null, h: HouseholdFacts): boolean {
  const scope = householdScope(viewer);
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'AREA':
      return inArea(h.areaCode, scope.areaCode);
    case 'ASSIGNED':
      return h.activeAssignmentOrgIds.includes(scope.organizationId);
    case 'NONE':
      return false;
  }
}

export type Action =
  | 'household.edit'
  | 'assessment.record'
  | 'growth.record'
  | 'indicator.record'
  | 'intervention.deliver'
  | 'intervention.verify'
  | 'intervention.amend'
  | 'program.manage'
  | 'assignment.refer'
  | 'assignment.respond'
  | 'assignment.withdrawConsent'
  | 'organization.manage'
  | 'user.manage'
  | 'area.import'
  | 'import.dtsen'
  | 'import.dinsos'
  | 'import.dinkes'
  | 'import.disdik'
  | 'import.review'
  | 'audit.read'
  | 'identifiers.full'
  | 'address.read'
  | 'birthDate.read';

/** The record an action is about; only the facts the action needs. */
export interface ActionRecord {
  household?: HouseholdFacts;
  /** Owner of the program an intervention belongs to. */
  programOwnerId?: string;
  /** Partner organisation of an assignment. */
  assignmentOrgId?: string;
  /** Organisations owning a program focused on an indicator's aspect (ownership follows the data). */
  aspectOwnerIds?: readonly string[];
  /** A recorded delivery, and the instant of the request (intervention.amend). */
  delivery?: { status: string; loggedById: string | null; loggedAt: Date; at: Date };
}

/** How long the logger of a delivery may correct or cancel it (migration 0012's intervention_guard agrees). */
export const CORRECTION_WINDOW_DAYS = 7;

/** Roles that may ever perform an action (the coarse @Authorized gate uses the same lists). */
export const ACTION_ROLES: Record<Action, readonly Role[]> = {
  'household.edit': [Role.ADMIN, Role.KELURAHAN_OFFICER],
  // Dinas Sosial updates DTSEN, kelurahan officers verify in the field; any agency staff may record.
  'assessment.record': [Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER, Role.AGENCY_STAFF],
  'growth.record': [Role.ADMIN, Role.AGENCY_STAFF],
  'indicator.record': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF],
  'intervention.deliver': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER],
  'intervention.verify': [Role.ADMIN, Role.COORDINATOR],
  // Correcting (date, amounts, note) or cancelling a DELIVERED record, never a verified one: the logger
  // within CORRECTION_WINDOW_DAYS, on their own organisation's program; coordinators at any time.
  'intervention.amend': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER],
  'program.manage': [Role.ADMIN, Role.COORDINATOR],
  'assignment.refer': [Role.ADMIN, Role.COORDINATOR],
  'assignment.respond': [Role.NGO_PARTNER, Role.PRIVATE_PARTNER],
  // Whoever refers records the household's withdrawal; the partner cannot keep a household by not recording it.
  'assignment.withdrawConsent': [Role.ADMIN, Role.COORDINATOR],
  'organization.manage': [Role.ADMIN],
  'user.manage': [Role.ADMIN],
  'area.import': [Role.ADMIN],
  // Imports follow the mutations they stand for: the registry is the kelurahan's (own area rows only),
  // deliveries the program owner's (own programs' rows only), measurements and school enrolment the
  // sector agencies'; coordinators and administrators import everything, partners and auditors nothing.
  'import.dtsen': [Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER],
  'import.dinsos': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF],
  'import.dinkes': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF],
  'import.disdik': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER],
  // Uncertain matches are resolved by the coordinator, or the kelurahan officer of the area.
  'import.review': [Role.ADMIN, Role.COORDINATOR, Role.KELURAHAN_OFFICER],
  'audit.read': [Role.ADMIN, Role.AUDITOR],
  'identifiers.full': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER, Role.AUDITOR],
  'address.read': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER, Role.NGO_PARTNER, Role.AUDITOR],
  // The birth date and every figure that yields it (age in days, exact age, height-for-age z-score):
  // beside a NIK's area, sex and serial it rebuilds the NIK, so no partner gets it.
  'birthDate.read': [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.KELURAHAN_OFFICER, Role.AUDITOR],
};

/** Organisation types whose work any viewer of a household may see (spec §1: "a government agency"). */
export const GOVERNMENT_ORGANIZATION_TYPES: readonly string[] = ['PERANGKAT_DAERAH', 'CENTRAL_GOVERNMENT', 'PROVINCIAL_GOVERNMENT'];

/**
 * A referral to a non-government partner shares the household outside the government, so it rests
 * on the household's consent or another ground of UU 27/2022 Pasal 20 ayat 2 (Primero's rule).
 */
export function referralNeedsLawfulBasis(organizationType: string): boolean {
  return !GOVERNMENT_ORGANIZATION_TYPES.includes(organizationType);
}

/**
 * A partner sees its own organisation's interventions and the government's on its households, never
 * another partner's: which NGOs and companies work on a household is theirs and the city's to know.
 */
export function interventionVisible(viewer: Viewer | null, i: { organizationId: string; organizationType: string }): boolean {
  if (!viewer) return false;
  if (!PARTNER_ROLES.has(viewer.role)) return true;
  return i.organizationId === viewer.organizationId || GOVERNMENT_ORGANIZATION_TYPES.includes(i.organizationType);
}

/**
 * A user account (username, role, organisation) is shown to administrators and auditors, to the user,
 * and to colleagues of the same organisation; anyone else gets null and sees the organisation only.
 */
export function userVisible(viewer: Viewer | null, user: { id: string; organizationId: string }): boolean {
  if (!viewer) return false;
  if (viewer.role === Role.ADMIN || viewer.role === Role.AUDITOR) return true;
  return user.id === viewer.userId || user.organizationId === viewer.organizationId;
}

/** Last login: the administrator and the user only. */
export function lastLoginVisible(viewer: Viewer | null, user: { id: string }): boolean {
  return !!viewer && (viewer.role === Role.ADMIN || user.id === viewer.userId);
}

/** May the role ever do this? (FORBIDDEN when not.) */
export function roleMay(viewer: Viewer | null, action: Action): boolean {
  return !!viewer && ACTION_ROLES[action].includes(viewer.role);
}

/**
 * May the viewer do this to this record? A record outside the viewer's scope is answered like a
 * missing one by the caller (NOT_FOUND), so this only says yes or no.
 */
export function can(viewer: Viewer | null, action: Action, record: ActionRecord = {}): boolean {
  if (!viewer || !roleMay(viewer, action)) return false;
  if (record.household && !householdVisible(viewer, record.household)) return false;
  switch (action) {
    case 'household.edit':
    case 'identifiers.full':
      // Kelurahan officers: only inside their own area (already implied by visibility).
      return true;
    case 'intervention.deliver':
      if (viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR) return true;
      return record.programOwnerId === viewer.organizationId;
    case 'intervention.amend': {
      const d = record.delivery;
      if (!d || d.status !== 'DELIVERED') return false;
      if (viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR) return true;
      return (
        record.programOwnerId === viewer.organizationId &&
        d.loggedById === viewer.userId &&
        d.at.getTime() - d.loggedAt.getTime() <= CORRECTION_WINDOW_DAYS * 86_400_000
      );
    }
    case 'assignment.respond':
      return record.assignmentOrgId === viewer.organizationId;
    case 'indicator.record':
      // An agency records only the aspect its own programs work on.
      if (viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR) return true;
      return (record.aspectOwnerIds ?? []).includes(viewer.organizationId);
    default:
      return true;
  }
}
