import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { mayReadBirthDate } from '../auth/disclosure.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { Person } from '../households/person.entity.js';
import { GrowthMeasurement } from './growth-measurement.entity.js';
import { RecordGrowthMeasurementInput } from './growth-measurement.inputs.js';
import { recordGrowthMeasurement } from './growth-measurement.service.js';

@Resolver(() => GrowthMeasurement)
export class GrowthMeasurementResolver {
  @Authorized([Role.ADMIN, Role.AGENCY_STAFF])
  @Mutation(() => GrowthMeasurement, { description: 'Records a length/height measurement; the z-score is computed (WHO 2006)' })
  recordGrowthMeasurement(
    @Arg('input', () => RecordGrowthMeasurementInput) input: RecordGrowthMeasurementInput,
    @Ctx() ctx: Context,
  ) {
    return recordGrowthMeasurement(ctx, input);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Age in days when measured; null for roles that see ages in whole years only (it would give the birth date)',
  })
  ageDays(@Root() m: GrowthMeasurement, @Ctx() ctx: Context): number | null {
    return mayReadBirthDate(ctx) ? m.ageDays : null;
  }

  @FieldResolver(() => Person)
  async person(@Root() m: GrowthMeasurement, @Ctx() ctx: Context): Promise<Person> {
    return (await ctx.loaders.person.load(m.person.id))!;
  }
}
