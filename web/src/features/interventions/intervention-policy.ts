import type { InterventionStatus, Role } from '../../gql/graphql';

export interface InterventionActionSet {
  /** PLANNED → IN_PROGRESS */
  start: boolean;
  /** PLANNED or IN_PROGRESS → DELIVERED (needs the delivery date) */
  deliver: boolean;
  /** DELIVERED → VERIFIED */
  verify: boolean;
  cancel: boolean;
}

const DELIVERERS: readonly Role[] = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER'];
// Verification and the correction of a recorded delivery belong to the coordinator (and admins).
const CITY_LEVEL: readonly Role[] = ['ADMIN', 'COORDINATOR'];

/**
 * Which status changes the user may make to an intervention; mirrors the server's policy
 * (intervention.deliver / verify / correct) so that only buttons that can succeed are shown.
 */
export function interventionActions(
  user: { role: Role; organization: { id: string } },
  intervention: { status: InterventionStatus; program: { owner: { id: string } } },
): InterventionActionSet {
  const cityLevel = CITY_LEVEL.includes(user.role);
  // Agency staff and partners act on the programs their organisation owns now (as the server checks),
  // which may differ from the organisation recorded when the intervention was logged.
  const mayAct = DELIVERERS.includes(user.role) && (cityLevel || intervention.program.owner.id === user.organization.id);
  const s = intervention.status;
  return {
    start: mayAct && s === 'PLANNED',
    deliver: mayAct && (s === 'PLANNED' || s === 'IN_PROGRESS'),
    verify: mayAct && cityLevel && s === 'DELIVERED',
    cancel: mayAct && (s === 'PLANNED' || s === 'IN_PROGRESS' || (s === 'DELIVERED' && cityLevel)),
  };
}
