import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { now, today } from '../config/clock.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, Relation } from '../graphql/enums.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { optionalText, requireDate, requireText } from '../graphql/validate.js';
import { deriveNeeds } from '../needs/need.service.js';
import type { Household } from './household.entity.js';
import type { CorrectKkNumberInput, CorrectNikInput, MoveMemberInput, RecordMemberExitInput } from './household.inputs.js';
import { findInScope, lockForUpdate } from './household.service.js';
import { kkProblem, nikProblem } from './identity-numbers.js';
import { Person } from './person.entity.js';

/**
 * Keeping the register current (issue 11): deaths and moves out (the member stays on record), moves
 * between households, and corrections of a NIK or KK number. Each change is audited with the old
 * values, and the households concerned re-derive their needs in the same transaction.
 */

/** A member in the viewer's scope, at the version the client read, still on the active roster. */
async function activeMember(ctx: Context, em: EntityManager, personId: string, version: number): Promise<Person> {
  const found = await em.findOne(Person, { id: personId });
  const inScope = found && (await findInScope(ctx, em, found.household.id)) ? found : null;
  if (!inScope) throw new NotFoundError('Person', 'input.personId');
  const person = await lockForUpdate(em, inScope, 'Person', version);
  if (person.leftOn) throw new BadUserInputError('input.personId', 'this member has already left the household');
  return person;
}

/**
 * When the head leaves, another active member of the household (with a NIK: a head is on the KK by
 * NIK) is named head, after the old head's row has left the roster (one head per household).
 */
async function successor(em: EntityManager, leaving: Person, newHeadId: string | undefined): Promise<Person | null> {
  if (leaving.relation !== Relation.HEAD) {
    if (newHeadId) throw new BadUserInputError('input.newHeadId', 'only when the head leaves');
    return null;
  }
  if (!newHeadId) throw new BadUserInputError('input.newHeadId', 'the head is leaving: name the member who becomes head');
  const head = await em.findOne(Person, { id: newHeadId, household: leaving.household.id, leftOn: null });
  if (!head || head.id === leaving.id) throw new BadUserInputError('input.newHeadId', 'must be another active member of this household');
  if (!head.nik) throw new BadUserInputError('input.newHeadId', 'a member still waiting for a NIK cannot head the household');
  return head;
}

async function promote(em: EntityManager, ctx: Context, head: Person | null): Promise<void> {
  if (!head) return;
  const before = snapshot(head);
  head.relation = Relation.HEAD;
  audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Person', entityIds: [head.id, head.household.id], ...difference(before, snapshot(head)) });
  await em.flush();
}

// Another member's change is a change of the household record: stale edits of it must conflict.
function touch(...households: Household[]): void {
  for (const h of households) h.updatedAt = now();
}

export async function recordMemberExit(ctx: Context, input: RecordMemberExitInput): Promise<Person> {
  const note = optionalText('input.note', input.note, 500);
  return ctx.em.transactional(async (em) => {
    const person = await activeMember(ctx, em, input.personId, input.version);
    const date = requireDate('input.date', input.date, { min: person.birthDate, max: today() });
    const head = await successor(em, person, input.newHeadId ?? undefined);
    const before = snapshot(person);
    Object.assign(person, { leftOn: date, leftReason: input.reason, leftNote: note ?? null });
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Person', entityIds: [person.id, person.household.id], ...difference(before, snapshot(person)) });
    const household = (await findInScope(ctx, em, person.household.id))!;
    touch(household);
    await em.flush();
    await promote(em, ctx, head);
    await deriveNeeds(em, [household.id]);
    return person;
  });
}

export async function moveMember(ctx: Context, input: MoveMemberInput): Promise<Person> {
  if (input.relation === Relation.HEAD) throw new BadUserInputError('input.relation', 'the receiving household has its head; choose the relation to them');
  return ctx.em.transactional(async (em) => {
    const person = await activeMember(ctx, em, input.personId, input.version);
    const from = (await findInScope(ctx, em, person.household.id))!;
    // A household outside the viewer's scope is answered like a missing one.
    const to = await findInScope(ctx, em, input.toHouseholdId);
    if (!to) throw new NotFoundError('Household', 'input.toHouseholdId');
    if (to.id === from.id) throw new BadUserInputError('input.toHouseholdId', "is already this member's household");
    if (!person.nik && input.relation !== Relation.CHILD && input.relation !== Relation.GRANDCHILD) {
      throw new BadUserInputError('input.relation', 'a member still waiting for a NIK is a child or grandchild');
    }
    const head = await successor(em, person, input.newHeadId ?? undefined);
    const before = snapshot(person);
    Object.assign(person, { household: to, relation: input.relation });
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Person', entityIds: [person.id, from.id, to.id], ...difference(before, snapshot(person)) });
    touch(from, to);
    await em.flush();
    await promote(em, ctx, head);
    await deriveNeeds(em, [from.id, to.id]);
    return person;
  });
}

export async function correctNik(ctx: Context, input: CorrectNikInput): Promise<Person> {
  const reason = requireText('input.reason', input.reason, 3, 500);
  return ctx.em.transactional(async (em) => {
    const person = await activeMember(ctx, em, input.personId, input.version);
    const problem = nikProblem(input.nik, { sex: person.sex, birthDate: person.birthDate });
    if (problem) throw new BadUserInputError('input.nik', problem);
    if (input.nik === person.nik) throw new BadUserInputError('input.nik', 'is the NIK already registered');
    const old = person.nik ?? null;
    person.nik = input.nik;
    // The old value stays in the trail: a NIK correction is what a data subject's request asks about.
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Person', entityIds: [person.id, person.household.id], oldValues: { nik: old }, newValues: { nik: input.nik, reason } });
    await em.flush();
    return person;
  });
}

export async function correctKkNumber(ctx: Context, input: CorrectKkNumberInput): Promise<Household> {
  const reason = requireText('input.reason', input.reason, 3, 500);
  const problem = kkProblem(input.kkNumber);
  if (problem) throw new BadUserInputError('input.kkNumber', problem);
  return ctx.em.transactional(async (em) => {
    const household = await lockForUpdate(em, await findInScope(ctx, em, input.householdId), 'Household', input.version);
    if (input.kkNumber === household.kkNumber) throw new BadUserInputError('input.kkNumber', 'is the KK number already registered');
    const old = household.kkNumber;
    household.kkNumber = input.kkNumber;
    audit(em, ctx, { action: AuditAction.UPDATE, entityType: 'Household', entityIds: [household.id], oldValues: { kkNumber: old }, newValues: { kkNumber: input.kkNumber, reason } });
    await em.flush();
    return household;
  });
}
