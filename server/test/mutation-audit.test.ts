import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditAction } from '../src/graphql/enums.js';
import { buildSinergiSchema } from '../src/graphql/schema.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './harness.js';
import { KELURAHAN, MUTATIONS, ROLES, cellsOn, row, type Cell, type MutationRule } from './mutation-cases.js';

/**
 * Every mutation of the schema leaves exactly one audit event of its own, naming the action, the
 * actor and the record it changed; a refused mutation leaves none.
 *
 * Counting rule: a mutation's own event (CREATE, UPDATE, LOGIN, EXPORT, ...) is counted exactly once
 * per request. A response that discloses personal data (the returned record's names, addresses...)
 * also writes one PII_READ event for the request (audit/personal-data.ts): that is a separate record of
 * what was read, not of what was done, so it is counted apart, and there is at most one per request.
 *
 * An import's commit runs in the background after the request, in batches that each write an IMPORT
 * event under the request's id: those are the records the commit wrote, counted apart (and required).
 *
 * A refused login is the one refusal that writes: its LOGIN_FAILED event (and nothing else) is the
 * record of a guess.
 *
 * That a refused mutation writes no event is the authorization matrix's check, not repeated here: it
 * counts the writes to every table, audit_event included, around each refused cell of every role and
 * around each mutation sent without a login.
 *
 * The cases are the authorization matrix's (mutation-cases.ts): the first role the policy allows runs
 * its in-scope cell. A mutation added to the schema without a case and an expectation here fails.
 */

interface Expectation {
  action: AuditAction | AuditAction[];
  entityType: string;
  /** The record the event must name (undefined: checked otherwise). */
  target: (c: Cell, data: any) => Promise<string | undefined> | string | undefined;
  /** Events the background work the mutation started writes later under its request id, counted apart. */
  background?: AuditAction;
}

const userOf = (c: Cell) => row<{ id: string }>(c.t, 'select id from app_user where username = ?', [c.user]).then((u) => u.id);
const returned = (field: string) => (_c: Cell, data: any) => data[field].id as string;
const chosen = (_c: Cell) => _c.chosen['id'] as string;

const EXPECTED: Record<string, Expectation> = {
  'Mutation.login': { action: AuditAction.LOGIN, entityType: 'User', target: userOf },
  'Mutation.logout': { action: AuditAction.LOGOUT, entityType: 'User', target: userOf },
  'Mutation.changePassword': { action: AuditAction.UPDATE, entityType: 'User', target: userOf },
  // The event names every exported household (checked against rowCount below).
  'Mutation.exportHouseholds': { action: AuditAction.EXPORT, entityType: 'Household', target: () => undefined },
  'Mutation.exportSubjectTrail': { action: AuditAction.EXPORT, entityType: 'Person', target: (c) => row<{ id: string }>(c.t, 'select id from person where nik = ?', [c.chosen['nik']]).then((p) => p.id) },
  'Mutation.createHousehold': { action: AuditAction.CREATE, entityType: 'Household', target: returned('createHousehold') },
  'Mutation.updateHousehold': { action: AuditAction.UPDATE, entityType: 'Household', target: chosen },
  'Mutation.addHouseholdMember': { action: AuditAction.CREATE, entityType: 'Person', target: returned('addHouseholdMember') },
  'Mutation.updateHouseholdMember': { action: AuditAction.UPDATE, entityType: 'Person', target: chosen },
  'Mutation.recordMemberExit': { action: AuditAction.UPDATE, entityType: 'Person', target: chosen },
  'Mutation.moveHouseholdMember': { action: AuditAction.UPDATE, entityType: 'Person', target: chosen },
  'Mutation.correctMemberNik': { action: AuditAction.UPDATE, entityType: 'Person', target: chosen },
  'Mutation.correctKkNumber': { action: AuditAction.UPDATE, entityType: 'Household', target: chosen },
  'Mutation.recordGrowthMeasurement': { action: AuditAction.CREATE, entityType: 'GrowthMeasurement', target: returned('recordGrowthMeasurement') },
  'Mutation.recordPovertyAssessment': { action: AuditAction.CREATE, entityType: 'PovertyAssessment', target: returned('recordPovertyAssessment') },
  // Creates the figure of a quarter or replaces it.
  'Mutation.upsertIndicatorValue': { action: [AuditAction.CREATE, AuditAction.UPDATE], entityType: 'IndicatorValue', target: returned('upsertIndicatorValue') },
  'Mutation.createOrganization': { action: AuditAction.CREATE, entityType: 'Organization', target: returned('createOrganization') },
  'Mutation.updateOrganization': { action: AuditAction.UPDATE, entityType: 'Organization', target: chosen },
  'Mutation.importAreaBoundaries': {
    action: AuditAction.IMPORT,
    entityType: 'Area',
    target: (c) => row<{ id: string }>(c.t, 'select id from area where code = ?', [KELURAHAN]).then((a) => a.id),
  },
  'Mutation.createProgram': { action: AuditAction.CREATE, entityType: 'Program', target: returned('createProgram') },
  'Mutation.updateProgram': { action: AuditAction.UPDATE, entityType: 'Program', target: chosen },
  'Mutation.planIntervention': { action: AuditAction.CREATE, entityType: 'Intervention', target: returned('planIntervention') },
  'Mutation.logIntervention': { action: AuditAction.CREATE, entityType: 'Intervention', target: returned('logIntervention') },
  'Mutation.advanceIntervention': { action: AuditAction.UPDATE, entityType: 'Intervention', target: chosen },
  'Mutation.cancelIntervention': { action: AuditAction.UPDATE, entityType: 'Intervention', target: chosen },
  'Mutation.correctIntervention': { action: AuditAction.UPDATE, entityType: 'Intervention', target: chosen },
  'Mutation.createAssignments': { action: AuditAction.CREATE, entityType: 'Assignment', target: (_c, data) => data.createAssignments[0].id },
  'Mutation.respondToAssignment': { action: AuditAction.UPDATE, entityType: 'Assignment', target: chosen },
  'Mutation.closeAssignment': { action: AuditAction.UPDATE, entityType: 'Assignment', target: chosen },
  'Mutation.withdrawReferralConsent': { action: AuditAction.UPDATE, entityType: 'Assignment', target: chosen },
  'Mutation.createUser': { action: AuditAction.CREATE, entityType: 'User', target: returned('createUser') },
  'Mutation.updateUser': { action: AuditAction.UPDATE, entityType: 'User', target: chosen },
  'Mutation.resetPassword': { action: AuditAction.UPDATE, entityType: 'User', target: chosen },
  'Mutation.createApiToken': { action: AuditAction.CREATE, entityType: 'ApiToken', target: (_c, data) => data.createApiToken.apiToken.id },
  'Mutation.revokeApiToken': { action: AuditAction.UPDATE, entityType: 'ApiToken', target: chosen },
  'Mutation.setImportMapping': { action: AuditAction.UPDATE, entityType: 'ImportJob', target: chosen },
  // Starting a dry run or a commit is the request's own event.
  'Mutation.validateImport': { action: AuditAction.UPDATE, entityType: 'ImportJob', target: chosen },
  // The commit's batches each write an IMPORT event naming the job and its records, in the background.
  'Mutation.commitImport': { action: AuditAction.UPDATE, entityType: 'ImportJob', target: chosen, background: AuditAction.IMPORT },
  // One event for the decision and the merged person's change.
  'Mutation.resolveImportReview': { action: AuditAction.UPDATE, entityType: 'ImportReview', target: chosen },
};

interface EventRow {
  action: string;
  entity_type: string;
  entity_ids: string[];
  actor_id: string | null;
  role: string | null;
}

/** Sends an operation as a client would and returns the server's request id with the answer. */
async function send(t: TestServer, query: string, variables: Record<string, unknown> | undefined, token: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as GraphQLResponse, requestId: res.headers.get('x-request-id')! };
}

const eventsOf = (t: TestServer, requestId: string) =>
  t.query<EventRow & Record<string, unknown>>('select action, entity_type, entity_ids, actor_id, role from audit_event where request_id = ? order by id', [requestId]);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSinergiSchema({ sessionTtlHours: 1 });
});

/** The rule's in-scope cell for the role, sent as a client would. */
async function runCell(t: TestServer, rule: MutationRule, role: (typeof ROLES)[number]) {
  const cell = await cellsOn(t).cell(rule, role, 'in', 2001);
  const { query, variables } = await rule.op(cell);
  const { body, requestId } = await send(t, query, variables, cell.token);
  return { cell, body, requestId };
}

describe('mutation audit', () => {
  it('has a case and an expected event for every mutation of the schema', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(mutations);
    expect(Object.keys(EXPECTED).sort()).toEqual(mutations);
  });

  it.each(Object.keys(EXPECTED))('%s writes exactly one event of its own when it succeeds', async (name) => {
    const rule = MUTATIONS[name]!;
    const expected = EXPECTED[name]!;
    const t = await startTestServer();
    try {
      const allowed = ROLES.find((r) => rule.expect(r, 'in') === 'ok')!;
      const ok = await runCell(t, rule, allowed);
      expect(ok.body.errors, JSON.stringify(ok.body.errors)).toBeUndefined();
      await rule.done(ok.cell, ok.body.data);

      const events = await eventsOf(t, ok.requestId);
      const own = events.filter((e) => e.action !== AuditAction.PII_READ && e.action !== expected.background);
      expect(own, JSON.stringify(events)).toHaveLength(1);
      const event = own[0]!;
      expect([expected.action].flat()).toContain(event.action);
      expect(event.entity_type).toBe(expected.entityType);
      expect(event.actor_id).toBe(await userOf(ok.cell));
      expect(event.role).toBe(allowed);
      const target = await expected.target(ok.cell, ok.body.data);
      if (target) expect(event.entity_ids).toContain(target);
      if (name === 'Mutation.exportHouseholds') expect(event.entity_ids).toHaveLength(ok.body.data.exportHouseholds.rowCount);
      if (expected.background) {
        const later = events.filter((e) => e.action === expected.background);
        expect(later.length, JSON.stringify(events)).toBeGreaterThan(0);
        expect(later.every((e) => e.entity_ids[0] === target && e.actor_id === event.actor_id)).toBe(true);
      }
      // What the response disclosed is one separate PII_READ event at most.
      expect(events.filter((e) => e.action === AuditAction.PII_READ).length).toBeLessThanOrEqual(1);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('a mutation whose answer discloses personal data writes its own event once and one PII_READ beside it', async () => {
    const t = await startTestServer();
    try {
      const admin = await t.login('admin');
      const person = await row<{ id: string; version: number }>(t, 'select id, version from person order by id limit 1');
      const { body, requestId } = await send(
        t,
        'mutation ($i: UpdatePersonInput!) { updateHouseholdMember(input: $i) { id name nik } }',
        { i: { id: person.id, version: person.version, occupation: 'Nelayan' } },
        admin,
      );
      expect(body.errors).toBeUndefined();
      const events = await eventsOf(t, requestId);
      expect(events.map((e) => e.action).sort()).toEqual([AuditAction.PII_READ, AuditAction.UPDATE]);
      for (const e of events) expect(e.entity_ids).toContain(person.id);
    } finally {
      await t.close();
    }
  });

  it('a failed login writes one LOGIN_FAILED event and no LOGIN', async () => {
    const t = await startTestServer();
    try {
      const { body, requestId } = await send(t, 'mutation { login(username: "dinsos", password: "salah-sandi-123") { token } }', {}, '');
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const events = await eventsOf(t, requestId);
      expect(events.map((e) => e.action)).toEqual([AuditAction.LOGIN_FAILED]);
    } finally {
      await t.close();
    }
  });
});
