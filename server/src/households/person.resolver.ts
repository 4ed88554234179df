import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { mayReadBirthDate, nik } from '../auth/disclosure.js';
import type { Context } from '../graphql/context.js';
import { GrowthMeasurement } from '../growth/growth-measurement.entity.js';
import { ageInMonths, ageInYears } from '../graphql/validate.js';
import { Household } from './household.entity.js';
import { Person } from './person.entity.js';
import { today } from '../config/clock.js';
import { Row } from '../graphql/row.js';

@Resolver(() => Person)
export class PersonResolver {
  @Authorized()
  @Query(() => Person, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Person | null> {
    return ctx.loaders.person.load(id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'NIK: full for government roles, wholly masked for partners; null while Dukcapil has not issued it (nikPending)',
  })
  nik(@Row() person: Person, @Ctx() ctx: Context): string | null {
    return person.nik ? nik(ctx, person.nik) : null;
  }

  @FieldResolver(() => Boolean, { description: 'A newborn registered before Dukcapil issued a NIK; flagged until one is given' })
  nikPending(@Row() person: Person): boolean {
    return !person.nik;
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'null for partners (see birthYear and age)' })
  birthDate(@Row() person: Person, @Ctx() ctx: Context): string | null {
    return mayReadBirthDate(ctx) ? person.birthDate : null;
  }

  @FieldResolver(() => Int, { description: 'Year of birth (every role)' })
  birthYear(@Row() person: Person): number {
    return Number(person.birthDate.slice(0, 4));
  }

  @FieldResolver(() => Household)
  async household(@Row() person: Person, @Ctx() ctx: Context): Promise<Household> {
    return (await ctx.loaders.household.load(person.household.id))!;
  }

  @FieldResolver(() => Int, {
    description: 'Age in whole years today; for partners the age reached this year (from the birth year alone)',
  })
  age(@Row() person: Person, @Ctx() ctx: Context): number {
    const day = today();
    // Read day after day, an exact age would change on the birthday and give the birth date away.
    if (!mayReadBirthDate(ctx)) return Number(day.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
    return ageInYears(person.birthDate, day);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Age in completed months today (as programs' target ages count); null for partners, as it would give the birth date away",
  })
  ageMonths(@Row() person: Person, @Ctx() ctx: Context): number | null {
    return mayReadBirthDate(ctx) ? ageInMonths(person.birthDate, today()) : null;
  }

  @FieldResolver(() => [GrowthMeasurement], { description: 'Oldest first' })
  growthMeasurements(@Row() person: Person, @Ctx() ctx: Context): Promise<GrowthMeasurement[]> {
    return ctx.loaders.measurementsByPerson.load(person.id);
  }
}
