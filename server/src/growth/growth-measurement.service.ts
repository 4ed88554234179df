import type { Context } from '../graphql/context.js';
import { audit, snapshot } from '../audit/audit.service.js';
import { AuditAction, MeasurePosition } from '../graphql/enums.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import { requireDate, requireRange } from '../graphql/validate.js';
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

export async function recordGrowthMeasurement(ctx: Context, input: RecordGrowthMeasurementInput): Promise<GrowthMeasurement> {
  // Checked before the child is looked up, as before: a malformed date or height is the caller's mistake whoever the child is.
  requireDate('input.measuredOn', input.measuredOn, { min: '2000-01-01', max: today() });
  requireRange('input.heightCm', input.heightCm, 35, 135);
  if (input.weightKg !== undefined && input.weightKg !== null) requireRange('input.weightKg', input.weightKg, 0.5, 59);
  const viewer = ctx.viewer!;
  return ctx.em.transactional(async (em) => {
    const person = (await ctx.loaders.person.load(input.personId)) && (await em.findOne(Person, { id: input.personId }));
    if (!person) throw new NotFoundError('Person', 'input.personId');
    if (person.leftOn && input.measuredOn > person.leftOn) {
      throw new BadUserInputError('input.measuredOn', `is after the child left the household (${person.leftOn})`);
    }
    const values = measurementValues(person, input);
    // One measurement per child and day: the same values again is a retry (an offline outbox's replay)
    // and gets the saved row; other values are a conflict that names what differs.
    const existing = await em.findOne(GrowthMeasurement, { person: person.id, measuredOn: values.measuredOn });
    if (existing) {
      const changed = (['heightCm', 'weightKg', 'position'] as const).filter((k) => (existing[k] ?? null) !== (values[k] ?? null));
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
