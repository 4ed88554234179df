import { describe, expect, it } from 'vitest';
import { Role } from '../graphql/enums.js';
import { type Action, type ActionRecord, type HouseholdFacts, can, householdScope, householdVisible, referralNeedsLawfulBasis, roleMay } from './policy.js';
import type { Viewer } from './viewer.js';

const ORG = 'org-own';
const OTHER = 'org-other';
const viewer = (role: Role, extra: Partial<Viewer> = {}): Viewer => ({
  userId: `u-${role}`,
  username: role.toLowerCase(),
  role,
  organizationId: ORG,
  areaId: role === Role.KELURAHAN_OFFICER ? 'area-menteng' : null,
  areaCode: role === Role.KELURAHAN_OFFICER ? '62.71.03.1002' : null,
  readOnly: false,
  sessionId: 's',
  tokenId: null,
  ...extra,
});

// In scope for every role: in Menteng and referred to the viewer's organisation.
const inScope: HouseholdFacts = { areaCode: '62.71.03.1002', activeAssignmentOrgIds: [ORG] };
// Out of scope for the area- and assignment-bound roles: Pahandut, referred to someone else.
const outOfScope: HouseholdFacts = { areaCode: '62.71.01.1001', activeAssignmentOrgIds: [OTHER] };

const ROLES = Object.values(Role);
const CITY_WIDE = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.AUDITOR];

describe('household visibility (spec §1)', () => {
  it.each(ROLES)('%s', (role) => {
    const v = viewer(role);
    expect(householdVisible(v, inScope)).toBe(true);
    expect(householdVisible(v, outOfScope)).toBe(CITY_WIDE.includes(role));
  });

  it('nobody logged in sees nothing; an officer without an area sees nothing', () => {
    expect(householdScope(null)).toEqual({ kind: 'NONE' });
    expect(householdVisible(null, inScope)).toBe(false);
    expect(householdVisible(viewer(Role.KELURAHAN_OFFICER, { areaCode: null }), inScope)).toBe(false);
  });

  it('an area scope covers sub-areas but not neighbours sharing a prefix', () => {
    const kecamatanOfficer = viewer(Role.KELURAHAN_OFFICER, { areaCode: '62.71.03' });
    expect(householdVisible(kecamatanOfficer, inScope)).toBe(true);
    expect(householdVisible(viewer(Role.KELURAHAN_OFFICER, { areaCode: '62.71.03.100' }), inScope)).toBe(false);
  });
});

type Expect = 'allow' | 'deny';
// role → action → [in scope, out of scope]
const TABLE: Record<Role, Partial<Record<Action, [Expect, Expect]>>> = {
  ADMIN: {
    'household.edit': ['allow', 'allow'],
    'assessment.record': ['allow', 'allow'],
    'indicator.record': ['allow', 'allow'],
    'intervention.deliver': ['allow', 'allow'],
    'intervention.verify': ['allow', 'allow'],
    'user.manage': ['allow', 'allow'],
    'audit.read': ['allow', 'allow'],
    'identifiers.full': ['allow', 'allow'],
    'address.read': ['allow', 'allow'],
    'assignment.withdrawConsent': ['allow', 'allow'],
  },
  COORDINATOR: {
    'household.edit': ['deny', 'deny'],
    'assessment.record': ['allow', 'allow'],
    'indicator.record': ['allow', 'allow'],
    'intervention.deliver': ['allow', 'allow'],
    'intervention.verify': ['allow', 'allow'],
    'program.manage': ['allow', 'allow'],
    'assignment.refer': ['allow', 'allow'],
    'assignment.withdrawConsent': ['allow', 'allow'],
    'user.manage': ['deny', 'deny'],
    'audit.read': ['deny', 'deny'],
    'identifiers.full': ['allow', 'allow'],
  },
  AGENCY_STAFF: {
    'household.edit': ['deny', 'deny'],
    'growth.record': ['allow', 'allow'],
    // Out of scope here means another organisation's program.
    'intervention.deliver': ['allow', 'deny'],
    'intervention.verify': ['deny', 'deny'],
    'program.manage': ['deny', 'deny'],
    'identifiers.full': ['allow', 'allow'],
    'assessment.record': ['allow', 'allow'],
    // Out of scope here means an aspect no program of the organisation works on.
    'indicator.record': ['allow', 'deny'],
  },
  KELURAHAN_OFFICER: {
    'household.edit': ['allow', 'deny'],
    'assessment.record': ['allow', 'deny'],
    'indicator.record': ['deny', 'deny'],
    'intervention.deliver': ['deny', 'deny'],
    'identifiers.full': ['allow', 'deny'],
    'address.read': ['allow', 'deny'],
    'audit.read': ['deny', 'deny'],
    'assignment.withdrawConsent': ['deny', 'deny'],
  },
  NGO_PARTNER: {
    'household.edit': ['deny', 'deny'],
    'assessment.record': ['deny', 'deny'],
    'indicator.record': ['deny', 'deny'],
    'intervention.deliver': ['allow', 'deny'],
    'assignment.respond': ['allow', 'deny'],
    // The partner may not keep a household by not recording its withdrawn consent.
    'assignment.withdrawConsent': ['deny', 'deny'],
    'identifiers.full': ['deny', 'deny'],
    'address.read': ['allow', 'deny'],
    'birthDate.read': ['deny', 'deny'],
  },
  PRIVATE_PARTNER: {
    'intervention.deliver': ['allow', 'deny'],
    'assessment.record': ['deny', 'deny'],
    'indicator.record': ['deny', 'deny'],
    'assignment.respond': ['allow', 'deny'],
    'assignment.withdrawConsent': ['deny', 'deny'],
    'identifiers.full': ['deny', 'deny'],
    'address.read': ['deny', 'deny'],
    'birthDate.read': ['deny', 'deny'],
  },
  AUDITOR: {
    'household.edit': ['deny', 'deny'],
    'assessment.record': ['deny', 'deny'],
    'indicator.record': ['deny', 'deny'],
    'intervention.deliver': ['deny', 'deny'],
    'audit.read': ['allow', 'allow'],
    'identifiers.full': ['allow', 'allow'],
    'user.manage': ['deny', 'deny'],
    'assignment.withdrawConsent': ['deny', 'deny'],
  },
};

describe('can(viewer, action, record): role × action × in/out of scope', () => {
  const cases = Object.entries(TABLE).flatMap(([role, actions]) =>
    Object.entries(actions).map(([action, expected]) => [role as Role, action as Action, expected!] as const),
  );
  it.each(cases)('%s %s', (role, action, [inside, outside]) => {
    const v = viewer(role);
    // Program, assignment and aspect belong to the viewer's organisation when in scope, to another when out.
    expect(can(v, action, { household: inScope, programOwnerId: ORG, assignmentOrgId: ORG, aspectOwnerIds: [ORG] })).toBe(
      inside === 'allow',
    );
    expect(
      can(v, action, { household: outOfScope, programOwnerId: OTHER, assignmentOrgId: OTHER, aspectOwnerIds: [OTHER] }),
    ).toBe(outside === 'allow');
  });

  it("agency staff deliver only their own organisation's programs", () => {
    const v = viewer(Role.AGENCY_STAFF);
    expect(can(v, 'intervention.deliver', { household: inScope, programOwnerId: ORG })).toBe(true);
    expect(can(v, 'intervention.deliver', { household: inScope, programOwnerId: OTHER })).toBe(false);
  });

  it('agency staff record an indicator only when their organisation owns a program of its aspect', () => {
    const v = viewer(Role.AGENCY_STAFF);
    expect(can(v, 'indicator.record', { aspectOwnerIds: [OTHER, ORG] })).toBe(true);
    expect(can(v, 'indicator.record', { aspectOwnerIds: [OTHER] })).toBe(false);
    expect(can(v, 'indicator.record', { aspectOwnerIds: [] })).toBe(false);
    expect(can(v, 'indicator.record')).toBe(false);
    expect(can(viewer(Role.COORDINATOR), 'indicator.record', { aspectOwnerIds: [] })).toBe(true);
  });

  it('a household with a withdrawn consent is out of the partner\'s scope (its referral no longer counts)', () => {
    const v = viewer(Role.NGO_PARTNER);
    const withdrawn: HouseholdFacts = { areaCode: '62.71.03.1002', activeAssignmentOrgIds: [] };
    expect(householdVisible(v, withdrawn)).toBe(false);
    expect(can(v, 'intervention.deliver', { household: withdrawn, programOwnerId: ORG })).toBe(false);
    expect(can(v, 'address.read', { household: withdrawn })).toBe(false);
    expect(householdVisible(viewer(Role.COORDINATOR), withdrawn)).toBe(true);
  });

  it.each([
    ['NGO', true],
    ['COMMUNITY_ORGANIZATION', true],
    ['PRIVATE_SECTOR', true],
    ['PERANGKAT_DAERAH', false],
    ['CENTRAL_GOVERNMENT', false],
    ['PROVINCIAL_GOVERNMENT', false],
  ])('a referral to a %s partner needs consent or a lawful basis: %s', (type, needed) => {
    expect(referralNeedsLawfulBasis(type)).toBe(needed);
  });

  it('nobody can do anything without a login', () => {
    expect(can(null, 'intervention.amend', amendCase('logger', 'DELIVERED', 1))).toBe(false);
    for (const action of Object.keys(TABLE.ADMIN) as Action[]) {
      expect(can(null, action, { household: inScope })).toBe(false);
      expect(roleMay(null, action)).toBe(false);
    }
  });
});

// Correcting or cancelling a delivery (intervention.amend): who logged it, its status, days since logging.
const LOGGED_AT = new Date('2026-07-01T03:00:00Z');
function amendCase(by: 'logger' | 'colleague' | 'otherOrg', status: string, days: number): ActionRecord {
  return {
    household: inScope,
    programOwnerId: by === 'otherOrg' ? OTHER : ORG,
    delivery: { status, loggedById: by === 'colleague' ? 'u-someone-else' : 'LOGGER', loggedAt: LOGGED_AT, at: new Date(LOGGED_AT.getTime() + days * 86_400_000) },
  };
}
type AmendRow = [Role, 'logger' | 'colleague' | 'otherOrg', string, number, Expect];
const AMEND: AmendRow[] = [
  [Role.AGENCY_STAFF, 'logger', 'DELIVERED', 0, 'allow'],
  [Role.AGENCY_STAFF, 'logger', 'DELIVERED', 7, 'allow'],
  [Role.AGENCY_STAFF, 'logger', 'DELIVERED', 7.01, 'deny'],
  [Role.AGENCY_STAFF, 'logger', 'VERIFIED', 1, 'deny'],
  [Role.AGENCY_STAFF, 'logger', 'CANCELLED', 1, 'deny'],
  [Role.AGENCY_STAFF, 'logger', 'PLANNED', 1, 'deny'],
  [Role.AGENCY_STAFF, 'colleague', 'DELIVERED', 1, 'deny'],
  [Role.AGENCY_STAFF, 'otherOrg', 'DELIVERED', 1, 'deny'],
  [Role.NGO_PARTNER, 'logger', 'DELIVERED', 2, 'allow'],
  [Role.NGO_PARTNER, 'colleague', 'DELIVERED', 2, 'deny'],
  [Role.PRIVATE_PARTNER, 'logger', 'DELIVERED', 2, 'allow'],
  [Role.PRIVATE_PARTNER, 'logger', 'DELIVERED', 30, 'deny'],
  [Role.COORDINATOR, 'colleague', 'DELIVERED', 90, 'allow'],
  [Role.COORDINATOR, 'otherOrg', 'VERIFIED', 1, 'deny'],
  [Role.ADMIN, 'otherOrg', 'DELIVERED', 90, 'allow'],
  [Role.KELURAHAN_OFFICER, 'logger', 'DELIVERED', 1, 'deny'],
  [Role.AUDITOR, 'logger', 'DELIVERED', 1, 'deny'],
];

describe('intervention.amend: the logger within the window, coordinators until verification', () => {
  it.each(AMEND)('%s, delivery by the %s, %s, %s days after logging: %s', (role, by, status, days, expected) => {
    expect(can(viewer(role, { userId: 'LOGGER' }), 'intervention.amend', amendCase(by, status, days))).toBe(expected === 'allow');
  });
});
