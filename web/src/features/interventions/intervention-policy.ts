import type { InterventionStatus, Role } from '../../gql/graphql';

export interface InterventionActionSet {
  /** PLANNED → IN_PROGRESS */
  start: boolean;
  /** PLANNED or IN_PROGRESS → DELIVERED (needs the delivery date) */
  deliver: boolean;
  /** DELIVERED → VERIFIED */
  verify: boolean;
  /** Date, amounts or note of a DELIVERED record */
  correct: boolean;
  cancel: boolean;
}

/** The server's CORRECTION_WINDOW_DAYS (policy intervention.amend). */
export const CORRECTION_WINDOW_DAYS = 7;

const DELIVERERS: readonly Role[] = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER'];
// Verification belongs to the coordinator (and admins), who may also correct a delivery until it is verified.
const CITY_LEVEL: readonly Role[] = ['ADMIN', 'COORDINATOR'];

/**
 * Which status changes the user may make to an intervention; mirrors the server's policy
 * (intervention.deliver / verify / amend) so that only buttons that can succeed are shown. A delivery
 * is corrected or cancelled by whoever logged it within CORRECTION_WINDOW_DAYS, until it is verified.
 */
export function interventionActions(
  user: { id: string; role: Role; organization: { id: string } },
  intervention: { status: InterventionStatus; program: { owner: { id: string } }; loggedBy?: { id: string } | null; createdAt?: string | null },
  now: number = Date.now(),
): InterventionActionSet {
  const cityLevel = CITY_LEVEL.includes(user.role);
  // Agency staff and partners act on the programs their organisation owns now (as the server checks),
  // which may differ from the organisation recorded when the intervention was logged.
  const mayAct = DELIVERERS.includes(user.role) && (cityLevel || intervention.program.owner.id === user.organization.id);
  const s = intervention.status;
  const loggedAt = intervention.createdAt ? Date.parse(intervention.createdAt) : Number.NaN;
  const ownRecent = intervention.loggedBy?.id === user.id && now - loggedAt <= CORRECTION_WINDOW_DAYS * 86_400_000;
  const amend = mayAct && s === 'DELIVERED' && (cityLevel || ownRecent);
  return {
    start: mayAct && s === 'PLANNED',
    deliver: mayAct && (s === 'PLANNED' || s === 'IN_PROGRESS'),
    verify: mayAct && cityLevel && s === 'DELIVERED',
    correct: amend,
    cancel: mayAct && (s === 'PLANNED' || s === 'IN_PROGRESS' || amend),
  };
}
