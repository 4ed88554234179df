import { Arg, Authorized, Ctx, Float, FieldResolver, Int, Mutation, Resolver } from 'type-graphql';
import { mayReadBirthDate } from '../auth/disclosure.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { Person } from '../households/person.entity.js';
import { GrowthMeasurement } from './growth-measurement.entity.js';
import { RecordGrowthMeasurementInput } from './growth-measurement.inputs.js';
import { recordGrowthMeasurement } from './growth-measurement.service.js';
import { Row } from '../graphql/row.js';

@Resolver(() => GrowthMeasurement)
export class GrowthMeasurementResolver {
  @Authorized([Role.ADMIN, Role.AGENCY_STAFF])
  @Mutation(() => GrowthMeasurement, {
    description:
      'Records a length/height measurement; the z-score is computed (WHO 2006). A retry with the same idempotencyKey returns the saved measurement with extensions.replayed; the key with other values answers CONFLICT (extensions.existingId, extensions.existing). One per child and day: the same values again return the saved measurement (replayed); other values answer CONFLICT with extensions.existing (the saved values that differ)',
  })
  recordGrowthMeasurement(
    @Arg('input', () => RecordGrowthMeasurementInput) input: RecordGrowthMeasurementInput,
    @Ctx() ctx: Context,
  ) {
    return recordGrowthMeasurement(ctx, input);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Age in days when measured; null for partners (with the date it gives the birth date)',
  })
  ageDays(@Row() m: GrowthMeasurement, @Ctx() ctx: Context): number | null {
    return mayReadBirthDate(ctx) ? m.ageDays : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Length/height-for-age z-score (WHO 2006); null for partners, who get stuntingStatus (with height and date it gives the birth date)',
  })
  heightForAgeZ(@Row() m: GrowthMeasurement, @Ctx() ctx: Context): number | null {
    return mayReadBirthDate(ctx) ? m.heightForAgeZ : null;
  }

  @FieldResolver(() => Person)
  async person(@Row() m: GrowthMeasurement, @Ctx() ctx: Context): Promise<Person> {
    return (await ctx.loaders.person.load(m.person.id))!;
  }
}
