import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../graphql/context.js';
import { audit, snapshot } from '../audit/audit.service.js';
import { AuditAction, MeasurePosition } from '../graphql/enums.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import { optionalIdempotencyKey, requireDate, requireRange } from '../graphql/validate.js';
import { Person } from '../households/person.entity.js';
import { deriveNeeds } from '../needs/need.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { GrowthMeasurement } from './growth-measurement.entity.js';
import type { RecordGrowthMeasurementInput } from './growth-measurement.inputs.js';
import { MAX_AGE_DAYS, type Sex, type StuntingStatus, ageInDays, isImplausibleZ, lengthHeightForAgeZ, stuntingStatus } from './zscore.js';
import { today } from '../config/clock.js';

// WHO anthro treats standing height under nine months as implausible.
const MIN_STANDING_AGE_DAYS = 274;

export interface MeasurementValues {
  measuredOn: string;
  ageDays: number;
  heightCm: number;
  weightKg?: number;
  position: MeasurePosition;
  heightForAgeZ: number;
  stuntingStatus: StuntingStatus;
}

/**
 * The API's rules for a measurement of a child (the mutation and the import share them): validated,
 * rounded values with the z-score. `field` names a field for errors.
 */
export function measurementValues(
  child: { sex: Sex; birthDate: string },
  input: { measuredOn: string; heightCm: number; weightKg?: number | null; position: MeasurePosition },
  field: (name: 'measuredOn' | 'heightCm' | 'weightKg' | 'position' | 'personId') => string = (name) => `input.${name}`,
): MeasurementValues {
  const measuredOn = requireDate(field('measuredOn'), input.measuredOn, { min: '2000-01-01', max: today() });
  const heightCm = Math.round(requireRange(field('heightCm'), input.heightCm, 35, 135) * 10) / 10;
  const weightKg =
    input.weightKg === undefined || input.weightKg === null
      ? undefined
      : Math.round(requireRange(field('weightKg'), input.weightKg, 0.5, 59) * 100) / 100;
  const ageDays = ageInDays(child.birthDate, measuredOn);
  if (ageDays < 0) throw new BadUserInputError(field('measuredOn'), 'is before the child was born');
  if (ageDays > MAX_AGE_DAYS) throw new BadUserInputError(field('personId'), 'growth is measured for children under five');
  if (input.position === MeasurePosition.STANDING && ageDays < MIN_STANDING_AGE_DAYS) {
    throw new BadUserInputError(field('position'), 'a child under nine months is measured lying down');
  }
  const z = lengthHeightForAgeZ({ sex: child.sex, ageDays, heightCm, position: input.position });
  if (isImplausibleZ(z)) {
    throw new BadUserInputError(field('heightCm'), `is implausible for this age (z = ${z.toFixed(1)}); check the measurement`);
  }
  return { measuredOn, ageDays, heightCm, weightKg, position: input.position, heightForAgeZ: Math.round(z * 1000) / 1000, stuntingStatus: stuntingStatus(z) };
}

const COMPARED = ['heightCm', 'weightKg', 'position'] as const;

/** The values of a saved measurement that differ from the ones asked for (none: the same measurement). */
function differences(existing: GrowthMeasurement, values: MeasurementValues) {
  return COMPARED.filter((k) => (existing[k] ?? null) !== (values[k] ?? null));
}

/**
 * A retry with a used idempotency key gets what the first call saved, if it asked for the same
 * measurement (as interventions' replay); anything else under that key is a CONFLICT.
 */
async function replay(em: EntityManager, key: string | undefined, personId: string, values: MeasurementValues) {
  if (!key) return null;
  const existing = await em.findOne(GrowthMeasurement, { idempotencyKey: key });
  if (!existing) return null;
  const sameChild = existing.person.id === personId;
  const changed = [...(existing.measuredOn === values.measuredOn ? [] : (['measuredOn'] as const)), ...differences(existing, values)];
  if (!sameChild || changed.length > 0) {
    throw new ConflictError(problem('MEASUREMENT_KEY_REUSED'), {
      field: 'input.idempotencyKey',
      existingId: existing.id,
      // Another child's values are not this request's business; the id is enough to look it up.
      ...(sameChild ? { existing: Object.fromEntries(changed.map((k) => [k, existing[k] ?? null])) } : {}),
    });
  }
  return existing;
}

export async function recordGrowthMeasurement(ctx: Context, input: RecordGrowthMeasurementInput): Promise<GrowthMeasurement> {
  // Checked before the child is looked up, as before: a malformed date or height is the caller's mistake whoever the child is.
  requireDate('input.measuredOn', input.measuredOn, { min: '2000-01-01', max: today() });
  requireRange('input.heightCm', input.heightCm, 35, 135);
  if (input.weightKg !== undefined && input.weightKg !== null) requireRange('input.weightKg', input.weightKg, 0.5, 59);
  const key = optionalIdempotencyKey('input.idempotencyKey', input.idempotencyKey);
  try {
    return await insertMeasurement(ctx, input, key);
  } catch (error) {
    // A concurrent request with the same key or for the same child and day won the race: asked again,
    // the winner's row now answers (replayed, or the CONFLICT that names what differs).
    if (error instanceof UniqueConstraintViolationException) return insertMeasurement(ctx, input, key);
    throw error;
  }
}

async function insertMeasurement(ctx: Context, input: RecordGrowthMeasurementInput, key: string | undefined): Promise<GrowthMeasurement> {
  const viewer = ctx.viewer!;
  return ctx.em.transactional(async (em) => {
    const person = (await ctx.loaders.person.load(input.personId)) && (await em.findOne(Person, { id: input.personId }));
    if (!person) throw new NotFoundError('Person', 'input.personId');
    if (person.leftOn && input.measuredOn > person.leftOn) {
      throw new BadUserInputError('input.measuredOn', `is after the child left the household (${person.leftOn})`);
    }
    const values = measurementValues(person, input);
    const replayed = await replay(em, key, person.id, values);
    if (replayed) {
      ctx.replayed = true;
      return replayed;
    }
    // One measurement per child and day: the same values again (a caller without a key, or an entry
    // whose first attempt went out under another key) get the saved row; other values are a conflict.
    const existing = await em.findOne(GrowthMeasurement, { person: person.id, measuredOn: values.measuredOn });
    if (existing) {
      const changed = differences(existing, values);
      if (changed.length === 0) {
        ctx.replayed = true;
        return existing;
      }
      throw new ConflictError(problem('MEASUREMENT_SAME_DAY'), {
        field: 'input.measuredOn',
        existingId: existing.id,
        existing: Object.fromEntries(changed.map((k) => [k, existing[k] ?? null])),
      });
    }
    const measurement = em.create(GrowthMeasurement, {
      person,
      ...values,
      idempotencyKey: key,
      recordedBy: em.getReference(User, viewer.userId),
      organization: em.getReference(Organization, viewer.organizationId),
    } as GrowthMeasurement);
    audit(em, ctx, {
      action: AuditAction.CREATE,
      entityType: 'GrowthMeasurement',
      // The household too, like every other change to a member, so the household's audit trail shows it.
      entityIds: [measurement.id, person.id, person.household.id],
      newValues: snapshot(measurement),
    });
    await em.flush();
    await deriveNeeds(em, [person.household.id]);
    return measurement;
  });
}
