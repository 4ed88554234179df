import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { identifier, mayReadBirthDate } from '../auth/disclosure.js';
import type { Context } from '../graphql/context.js';
import { GrowthMeasurement } from '../growth/growth-measurement.entity.js';
import { ageInYears, todayInCity } from '../graphql/validate.js';
import { Household } from './household.entity.js';
import { Person } from './person.entity.js';

@Resolver(() => Person)
export class PersonResolver {
  @Authorized()
  @Query(() => Person, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Person | null> {
    return ctx.loaders.person.load(id);
  }

  @FieldResolver(() => String, { description: 'NIK: full for government roles, masked (last four digits) for partners' })
  nik(@Root() person: Person, @Ctx() ctx: Context): string {
    return identifier(ctx, person.id, person.nik);
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'null for private-sector partners (see age)' })
  birthDate(@Root() person: Person, @Ctx() ctx: Context): string | null {
    return mayReadBirthDate(ctx) ? person.birthDate : null;
  }

  @FieldResolver(() => Household)
  async household(@Root() person: Person, @Ctx() ctx: Context): Promise<Household> {
    return (await ctx.loaders.household.load(person.household.id))!;
  }

  @FieldResolver(() => Int, { description: 'Age in whole years today' })
  age(@Root() person: Person): number {
    return ageInYears(person.birthDate, todayInCity());
  }

  @FieldResolver(() => [GrowthMeasurement], { description: 'Oldest first' })
  growthMeasurements(@Root() person: Person, @Ctx() ctx: Context): Promise<GrowthMeasurement[]> {
    return ctx.loaders.measurementsByPerson.load(person.id);
  }
}
