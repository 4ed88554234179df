import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';
import { Intervention } from './intervention.entity.js';
import {
  AdvanceInterventionInput,
  CorrectInterventionInput,
  InterventionFilter,
  LogInterventionInput,
  PlanInterventionInput,
} from './intervention.inputs.js';
import {
  advanceIntervention,
  cancelIntervention,
  correctIntervention,
  listInterventions,
  logIntervention,
  planIntervention,
  visibleInterventions,
} from './intervention.service.js';
import { Row } from '../graphql/row.js';

export const InterventionConnection = ConnectionType(Intervention, 'Intervention');

const DELIVERERS = [Role.ADMIN, Role.COORDINATOR, Role.AGENCY_STAFF, Role.NGO_PARTNER, Role.PRIVATE_PARTNER];

@Resolver(() => Intervention)
export class InterventionResolver {
  @Authorized()
  @Query(() => InterventionConnection, { description: 'Interventions, newest first' })
  interventions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InterventionFilter, { nullable: true }) filter: InterventionFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return listInterventions(ctx, { ...page, filter });
  }

  @Authorized()
  @Query(() => Intervention, { nullable: true })
  async intervention(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Intervention | null> {
    const found = await ctx.em.findOne(Intervention, { id });
    // Out of scope (or another partner's work) reads as missing.
    if (!found || !(await ctx.loaders.household.load(found.household.id))) return null;
    return (await visibleInterventions(ctx, [found]))[0] ?? null;
  }

  @Authorized(DELIVERERS)
  @Mutation(() => Intervention, { description: 'Plans a delivery for a household or member' })
  planIntervention(@Arg('input', () => PlanInterventionInput) input: PlanInterventionInput, @Ctx() ctx: Context) {
    return planIntervention(ctx, input);
  }

  @Authorized(DELIVERERS)
  @Mutation(() => Intervention, {
    description:
      'Records a delivery. A retry with the same idempotencyKey returns the same intervention (with extensions.replayed); a second delivery of the program to the same target in the same period answers CONFLICT with extensions.existingId',
  })
  logIntervention(@Arg('input', () => LogInterventionInput) input: LogInterventionInput, @Ctx() ctx: Context) {
    return logIntervention(ctx, input);
  }

  @Authorized(DELIVERERS)
  @Mutation(() => Intervention, { description: 'PLANNED → IN_PROGRESS → DELIVERED → VERIFIED (verification by the coordinator)' })
  advanceIntervention(@Arg('input', () => AdvanceInterventionInput) input: AdvanceInterventionInput, @Ctx() ctx: Context) {
    return advanceIntervention(ctx, input);
  }

  @Authorized(DELIVERERS)
  @Mutation(() => Intervention, {
    description:
      'Corrects the date, amounts or note of a DELIVERED record: by whoever logged it within 7 days of logging, or by a coordinator, until it is verified',
  })
  correctIntervention(@Arg('input', () => CorrectInterventionInput) input: CorrectInterventionInput, @Ctx() ctx: Context) {
    return correctIntervention(ctx, input);
  }

  @Authorized(DELIVERERS)
  @Mutation(() => Intervention, {
    description: "Cancels a planned intervention (the program's staff) or a delivery (as correctIntervention: its logger within 7 days, or a coordinator, until verified)",
  })
  cancelIntervention(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return cancelIntervention(ctx, id, reason);
  }

  // At once when a household page primed the program (loaders.ts, PrimedLoader).
  @FieldResolver(() => Program)
  program(@Row() i: Intervention, @Ctx() ctx: Context): Program | Promise<Program> {
    return ctx.loaders.program.now(i.program.id) as Program | Promise<Program>;
  }

  @FieldResolver(() => Household)
  async household(@Row() i: Intervention, @Ctx() ctx: Context): Promise<Household> {
    return (await ctx.loaders.household.load(i.household.id))!;
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Row() i: Intervention, @Ctx() ctx: Context): Promise<Person | null> {
    return i.person ? ctx.loaders.person.load(i.person.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization)
  async organization(@Row() i: Intervention, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(i.organization.id))!;
  }

  @FieldResolver(() => User, { nullable: true, description: 'null unless you may see this account: your own organisation (administrators and auditors: any)' })
  loggedBy(@Row() i: Intervention, @Ctx() ctx: Context): Promise<User | null> {
    return i.loggedBy ? ctx.loaders.user.load(i.loggedBy.id) : Promise.resolve(null);
  }
}
