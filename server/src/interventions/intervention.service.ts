import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, difference, snapshot } from '../audit/audit.service.js';
import { can, CORRECTION_WINDOW_DAYS, interventionVisible, roleMay } from '../auth/policy.js';
import { scopeByHousehold, scopeInterventions } from '../auth/scope-sql.js';
import type { Viewer } from '../auth/viewer.js';
import { keysetPage, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, InterventionStatus, TargetUnit } from '../graphql/enums.js';
import { problem } from '../graphql/messages.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import { ageInMonths, optionalIdempotencyKey, optionalText, requireDate, requireRange } from '../graphql/validate.js';
import { areaWithDescendants, findInScope } from '../households/household.service.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';
import { Intervention } from './intervention.entity.js';
import type {
  AdvanceInterventionInput,
  CorrectInterventionInput,
  InterventionFilter,
  LogInterventionInput,
  PlanInterventionInput,
} from './intervention.inputs.js';
import { deriveNeeds } from '../needs/need.service.js';
import { interventionPeriodKey } from './period-key.js';
import { now, today } from '../config/clock.js';

export function listInterventions(ctx: Context, args: { first?: number; after?: string; filter?: InterventionFilter }) {
  const { em } = ctx;
  const knex = em.getKnex();
  const f = args.filter;
  const base = () => {
    const q = scopeInterventions(knex, scopeByHousehold(knex, sql(em, 'intervention as i'), ctx.viewer, 'i.household_id'), ctx.viewer);
    if (f?.householdId) q.where('i.household_id', f.householdId);
    if (f?.programId) q.where('i.program_id', f.programId);
    if (f?.organizationId) q.where('i.organization_id', f.organizationId);
    if (f?.status?.length) q.whereIn('i.status', f.status);
    if (f?.deliveredFrom) q.where('i.delivered_on', '>=', f.deliveredFrom);
    if (f?.deliveredTo) q.where('i.delivered_on', '<=', f.deliveredTo);
    if (f?.areaId) {
      q.whereIn('i.household_id', knex('household as h').select('h.id').whereIn('h.area_id', areaWithDescendants(knex, { id: f.areaId })));
    }
    return q;
  };
  return keysetPage<Record<string, unknown>, Intervention>({
    query: base().select('i.*'),
    countQuery: base,
    list: 'interventions',
    filter: f,
    viewer: ctx.viewer,
    spec: { column: 'i.created_at', key: 'created_at', direction: 'desc', idColumn: 'i.id' },
    first: args.first,
    after: args.after,
    map: (row) => em.map(Intervention, row),
  });
}

/** The interventions among `all` the viewer may see (a partner: its own and the government's). */
export function visibleInterventions(ctx: Context, all: Intervention[]): Intervention[] | Promise<Intervention[]> {
  const keep = (organizations: ReadonlyArray<Organization | null | Error>) =>
    all.filter((_, n) => {
      const org = organizations[n];
      return org && !(org instanceof Error) && interventionVisible(ctx.viewer, { organizationId: org.id, organizationType: org.type });
    });
  // At once when a page primed the organisations (PrimedLoader), as it does for each of its households.
  const organizations = all.map((i) => ctx.loaders.organization.now(i.organization.id));
  if (!organizations.some((o) => o instanceof Promise)) return keep(organizations as Array<Organization | null>);
  return ctx.loaders.organization.loadMany(all.map((i) => i.organization.id)).then(keep);
}

/** May the viewer act for this program? (The household was already found in the viewer's scope.) */
export function assertMayDeliver(viewer: Viewer, program: Pick<Program, 'owner'>) {
  if (!can(viewer, 'intervention.deliver', { programOwnerId: program.owner.id })) {
    throw new ForbiddenError("Only the program owner's staff may record its interventions");
  }
}

type FieldName = (name: 'quantity' | 'valueRp' | 'note' | 'personId' | 'programId' | 'deliveredAt') => string;
const inputField: FieldName = (name) => `input.${name}`;

/** The API's rules for amounts (the mutations and the import share them). */
export function validateAmounts(input: { quantity?: number | null; valueRp?: number | null; note?: string | null }, field: FieldName = inputField) {
  return {
    quantity:
      input.quantity === undefined || input.quantity === null
        ? undefined
        : requireRange(field('quantity'), input.quantity, 0.01, 1_000_000_000),
    valueRp:
      input.valueRp === undefined || input.valueRp === null
        ? undefined
        : requireRange(field('valueRp'), input.valueRp, 0, 1_000_000_000_000),
    note: optionalText(field('note'), input.note, 2000),
  };
}

export function assertWithinProgram(field: string, program: Pick<Program, 'startsOn' | 'endsOn'>, date: string) {
  if (date < program.startsOn) throw new BadUserInputError(field, `is before the program starts (${program.startsOn})`);
  if (program.endsOn && date > program.endsOn) throw new BadUserInputError(field, `is after the program ends (${program.endsOn})`);
}

interface Target {
  program: Program;
  household: Household;
  person: Person | null;
}

async function resolveTarget(
  ctx: Context,
  input: { programId: string; householdId: string; personId?: string },
  date: string,
): Promise<Target> {
  const em = ctx.em;
  const [program, household] = await Promise.all([
    em.findOne(Program, { id: input.programId }),
    findInScope(ctx, em, input.householdId),
  ]);
  if (!program) throw new NotFoundError('Program', 'input.programId');
  if (!household) throw new NotFoundError('Household', 'input.householdId');
  assertMayDeliver(ctx.viewer!, program);
  let person: Person | null = null;
  if (program.targetUnit === TargetUnit.PERSON) {
    if (!input.personId) throw new BadUserInputError('input.personId', 'this program is delivered to a person: choose the member');
    person = await em.findOne(Person, { id: input.personId, household: household.id });
    if (!person) throw new BadUserInputError('input.personId', 'is not a member of this household');
    // A member who died or moved out is on record, but receives nothing after leaving.
    if (person.leftOn && date > person.leftOn) throw new BadUserInputError('input.personId', `left the household on ${person.leftOn}`);
  }
  assertTargetFits(program, person, Boolean(input.personId), date);
  return { program, household, person };
}

/**
 * The API's rules for who a program reaches on `date` (the mutations and the import share them): a
 * person program needs a member of its age and sex, a household program none.
 */
export function assertTargetFits(
  program: Pick<Program, 'targetUnit' | 'targetMinAgeMonths' | 'targetMaxAgeMonths' | 'targetSex'>,
  person: Pick<Person, 'birthDate' | 'sex'> | null,
  personGiven: boolean,
  date: string,
  field: FieldName = inputField,
): void {
  if (program.targetUnit === TargetUnit.PERSON) {
    if (!person) throw new BadUserInputError(field('personId'), 'this program is delivered to a person: choose the member');
    const ageMonths = ageInMonths(person.birthDate, date);
    if (program.targetMinAgeMonths != null && ageMonths < program.targetMinAgeMonths) {
      throw new BadUserInputError(field('personId'), `is younger than the program's minimum age (${program.targetMinAgeMonths} months)`);
    }
    if (program.targetMaxAgeMonths != null && ageMonths > program.targetMaxAgeMonths) {
      throw new BadUserInputError(field('personId'), `is older than the program's maximum age (${program.targetMaxAgeMonths} months)`);
    }
    if (program.targetSex && person.sex !== program.targetSex) {
      throw new BadUserInputError(field('personId'), `this program is for ${program.targetSex} members only`);
    }
  } else if (personGiven) {
    throw new BadUserInputError(field('personId'), 'this program is delivered to the household as a whole');
  }
}

/** The active intervention that already occupies a program + target + period slot. */
async function existingInSlot(em: EntityManager, t: Target, periodKey: string): Promise<Intervention | null> {
  return em.findOne(Intervention, {
    program: t.program.id,
    household: t.household.id,
    person: t.person?.id ?? null,
    periodKey,
    status: { $ne: InterventionStatus.CANCELLED },
  });
}

/** A retry with a used idempotency key returns what the first call created, if it asked for the same thing. */
async function replay(em: EntityManager, key: string | undefined, input: { programId: string; householdId: string; personId?: string }) {
  if (!key) return null;
  const existing = await em.findOne(Intervention, { idempotencyKey: key });
  if (!existing) return null;
  if (
    existing.program.id !== input.programId ||
    existing.household.id !== input.householdId ||
    (existing.person?.id ?? null) !== (input.personId ?? null)
  ) {
    throw new ConflictError('This idempotency key was already used for a different intervention', {
      field: 'input.idempotencyKey',
      existingId: existing.id,
    });
  }
  return existing;
}

async function insertIntervention(
  ctx: Context,
  input: PlanInterventionInput | LogInterventionInput,
  build: (t: Target) => Partial<Intervention> & { status: InterventionStatus },
  date: string,
): Promise<Intervention> {
  const viewer = ctx.viewer!;
  const key = optionalIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
  const amounts = validateAmounts(input);
  const replayed = await replay(ctx.em, key, input);
  if (replayed) {
    ctx.replayed = true;
    return replayed;
  }

  const target = await resolveTarget(ctx, input, date);
  const values = build(target);
  const periodKey = interventionPeriodKey(target.program.frequency, values);
  const occupied = await existingInSlot(ctx.em, target, periodKey);
  if (occupied) throw duplicate(occupied, periodKey);

  try {
    return await ctx.em.transactional(async (em) => {
      const intervention = em.create(Intervention, {
        ...amounts,
        ...values,
        program: target.program,
        household: target.household,
        person: target.person ?? undefined,
        periodKey,
        idempotencyKey: key,
        loggedBy: em.getReference(User, viewer.userId),
        organization: target.program.owner,
      } as Intervention);
      audit(em, ctx, {
        action: AuditAction.CREATE,
        entityType: 'Intervention',
        entityIds: [intervention.id, target.household.id, ...(target.person ? [target.person.id] : [])],
        newValues: snapshot(intervention),
      });
      await em.flush();
      await deriveNeeds(em, [target.household.id]);
      return intervention;
    });
  } catch (error) {
    // A concurrent request won the race; the database's unique indexes decided which.
    if (error instanceof UniqueConstraintViolationException) {
      const constraint = (error as { constraint?: string }).constraint;
      const em = ctx.em;
      // Whichever index refused the row (PostgreSQL checks them in no documented order), a retry whose
      // key the winner now holds gets the winner's row, never the period's CONFLICT.
      const again = await replay(em, key, input);
      if (again) {
        ctx.replayed = true;
        return again;
      }
      if (constraint === 'intervention_once_per_period') {
        const winner = await existingInSlot(em, target, periodKey);
        if (winner) throw duplicate(winner, periodKey);
      }
    }
    throw error;
  }
}

function duplicate(existing: Intervention, periodKey: string, field = 'input.programId') {
  return new ConflictError(
    `This program was already ${existing.status === InterventionStatus.PLANNED ? 'planned' : 'recorded'} for this target in period ${periodKey}`,
    { existingId: existing.id, field },
  );
}

export function planIntervention(ctx: Context, input: PlanInterventionInput): Promise<Intervention> {
  const plannedOn = requireDate('input.plannedOn', input.plannedOn, { min: '2000-01-01', max: '2100-12-31' });
  return insertIntervention(
    ctx,
    input,
    ({ program }) => {
      assertWithinProgram('input.plannedOn', program, plannedOn);
      return { status: InterventionStatus.PLANNED, plannedOn };
    },
    plannedOn,
  );
}

export function logIntervention(ctx: Context, input: LogInterventionInput): Promise<Intervention> {
  if (!input.idempotencyKey) throw new BadUserInputError('input.idempotencyKey', 'is required');
  const deliveredOn = requireDate('input.deliveredAt', input.deliveredAt, { min: '2000-01-01', max: today() });
  return insertIntervention(
    ctx,
    input,
    ({ program }) => {
      assertWithinProgram('input.deliveredAt', program, deliveredOn);
      return { status: InterventionStatus.DELIVERED, deliveredOn };
    },
    deliveredOn,
  );
}

const NEXT: Record<InterventionStatus, InterventionStatus[]> = {
  [InterventionStatus.PLANNED]: [InterventionStatus.IN_PROGRESS, InterventionStatus.DELIVERED],
  [InterventionStatus.IN_PROGRESS]: [InterventionStatus.DELIVERED],
  [InterventionStatus.DELIVERED]: [InterventionStatus.VERIFIED],
  [InterventionStatus.VERIFIED]: [],
  [InterventionStatus.CANCELLED]: [],
};

async function loadForChange(ctx: Context, em: EntityManager, id: string, version?: number) {
  const intervention = await em.findOne(Intervention, { id }, { populate: ['program'] });
  if (!intervention || !(await ctx.loaders.household.load(intervention.household.id))) {
    throw new NotFoundError('Intervention', 'input.id');
  }
  assertMayDeliver(ctx.viewer!, intervention.program);
  if (version !== undefined && version !== null && version !== intervention.version) {
    throw new ConflictError(`The intervention was changed by someone else (now version ${intervention.version})`, {
      field: 'input.version',
    });
  }
  return intervention;
}

export async function advanceIntervention(ctx: Context, input: AdvanceInterventionInput): Promise<Intervention> {
  const amounts = validateAmounts(input);
  try {
    return await ctx.em.transactional(async (em) => {
      const intervention = await loadForChange(ctx, em, input.id, input.version);
      const before = snapshot(intervention);
      if (!NEXT[intervention.status].includes(input.status)) {
        throw new BadUserInputError('input.status', `cannot move from ${intervention.status} to ${input.status}`);
      }
      const viewer = ctx.viewer!;
      if (input.status === InterventionStatus.VERIFIED) {
        if (!roleMay(viewer, 'intervention.verify')) {
          throw new ForbiddenError('Only the coordinator verifies deliveries');
        }
        intervention.verifiedAt = now();
        intervention.verifiedBy = em.getReference(User, viewer.userId);
      }
      if (input.status === InterventionStatus.DELIVERED) {
        if (!input.deliveredAt) throw new BadUserInputError('input.deliveredAt', 'is required to mark a delivery');
        const deliveredOn = requireDate('input.deliveredAt', input.deliveredAt, { min: '2000-01-01', max: today() });
        assertWithinProgram('input.deliveredAt', intervention.program, deliveredOn);
        intervention.deliveredOn = deliveredOn;
        intervention.periodKey = interventionPeriodKey(intervention.program.frequency, intervention);
      }
      if (amounts.quantity !== undefined) intervention.quantity = amounts.quantity;
      if (amounts.valueRp !== undefined) intervention.valueRp = amounts.valueRp;
      if (amounts.note !== undefined) intervention.note = amounts.note;
      intervention.status = input.status;
      audit(em, ctx, {
        action: AuditAction.UPDATE,
        entityType: 'Intervention',
        entityIds: [intervention.id, intervention.household.id],
        ...difference(before, snapshot(intervention)),
      });
      await em.flush();
      await deriveNeeds(em, [intervention.household.id]);
      return intervention;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError('Another intervention of this program already counts for this target in that period', {
        field: 'input.deliveredAt',
      });
    }
    throw error;
  }
}

/** The policy's facts about a recorded delivery, at the request's instant. */
function amendRecord(intervention: Intervention) {
  return {
    programOwnerId: intervention.program.owner.id,
    delivery: {
      status: intervention.status,
      loggedById: intervention.loggedBy?.id ?? null,
      loggedAt: intervention.createdAt,
      at: now(),
    },
  };
}

function refuseAmend(intervention: Intervention, how: 'correct' | 'cancel', field: string): never {
  if (intervention.status !== InterventionStatus.DELIVERED) {
    const status = { status: intervention.status };
    throw new BadUserInputError(field, how === 'correct' ? problem('CORRECTION_STATUS', status) : problem('CANCELLATION_STATUS', status));
  }
  const days = { days: CORRECTION_WINDOW_DAYS };
  throw new ForbiddenError(how === 'correct' ? problem('CORRECTION_FORBIDDEN', days) : problem('CANCELLATION_FORBIDDEN', days));
}

/** The logger corrects a delivery's date, amounts or note (policy: intervention.amend); same limits as logging. */
export async function correctIntervention(ctx: Context, input: CorrectInterventionInput): Promise<Intervention> {
  const amounts = validateAmounts(input);
  const deliveredOn =
    input.deliveredAt === undefined || input.deliveredAt === null
      ? undefined
      : requireDate('input.deliveredAt', input.deliveredAt, { min: '2000-01-01', max: today() });
  let slot: { target: Target; periodKey: string } | null = null;
  try {
    return await ctx.em.transactional(async (em) => {
      const intervention = await loadForChange(ctx, em, input.id, input.version);
      if (intervention.status !== InterventionStatus.DELIVERED || !can(ctx.viewer, 'intervention.amend', amendRecord(intervention))) {
        refuseAmend(intervention, 'correct', 'input.id');
      }
      const before = snapshot(intervention);
      if (deliveredOn !== undefined) {
        assertWithinProgram('input.deliveredAt', intervention.program, deliveredOn);
        intervention.deliveredOn = deliveredOn;
        intervention.periodKey = interventionPeriodKey(intervention.program.frequency, intervention);
        if (intervention.periodKey !== before['periodKey']) {
          const target = { program: intervention.program, household: intervention.household, person: intervention.person ?? null };
          slot = { target, periodKey: intervention.periodKey };
          const occupied = await existingInSlot(em, target, intervention.periodKey);
          if (occupied && occupied.id !== intervention.id) throw duplicate(occupied, intervention.periodKey, 'input.deliveredAt');
        }
      }
      if (amounts.quantity !== undefined) intervention.quantity = amounts.quantity;
      if (amounts.valueRp !== undefined) intervention.valueRp = amounts.valueRp;
      if (amounts.note !== undefined) intervention.note = amounts.note;
      const change = difference(before, snapshot(intervention));
      if (Object.keys(change.newValues ?? {}).length === 0) return intervention;
      audit(em, ctx, {
        action: AuditAction.UPDATE,
        entityType: 'Intervention',
        entityIds: [intervention.id, intervention.household.id],
        ...change,
      });
      await em.flush();
      await deriveNeeds(em, [intervention.household.id]);
      return intervention;
    });
  } catch (error) {
    const s = slot as { target: Target; periodKey: string } | null;
    if (error instanceof UniqueConstraintViolationException && s) {
      const winner = await existingInSlot(ctx.em, s.target, s.periodKey);
      if (winner) throw duplicate(winner, s.periodKey, 'input.deliveredAt');
    }
    throw error;
  }
}

export async function cancelIntervention(ctx: Context, id: string, reason: string): Promise<Intervention> {
  const text = reason?.trim() ?? '';
  if (text.length < 3 || text.length > 500) throw new BadUserInputError('reason', 'must be 3–500 characters');
  return ctx.em.transactional(async (em) => {
    const intervention = await loadForChange(ctx, em, id);
    const before = snapshot(intervention);
    // Before delivery the program's staff cancel; a delivery is cancelled as it is corrected (intervention.amend).
    const cancellable =
      intervention.status === InterventionStatus.PLANNED ||
      intervention.status === InterventionStatus.IN_PROGRESS ||
      (intervention.status === InterventionStatus.DELIVERED && can(ctx.viewer, 'intervention.amend', amendRecord(intervention)));
    if (!cancellable) refuseAmend(intervention, 'cancel', 'id');
    intervention.status = InterventionStatus.CANCELLED;
    intervention.cancelledAt = now();
    intervention.cancelReason = text;
    audit(em, ctx, {
      action: AuditAction.UPDATE,
      entityType: 'Intervention',
      entityIds: [intervention.id, intervention.household.id],
      ...difference(before, snapshot(intervention)),
    });
    await em.flush();
    await deriveNeeds(em, [intervention.household.id]);
    return intervention;
  });
}
