import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AssignmentStatus, Role } from '../graphql/enums.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Assignment } from './assignment.entity.js';
import { AssignmentFilter, CreateAssignmentInput } from './assignment.inputs.js';
import { createAssignments, listAssignments, respondToAssignment, withdrawReferralConsent } from './assignment.service.js';
import { Row } from '../graphql/row.js';

export const AssignmentConnection = ConnectionType(Assignment, 'Assignment');

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized()
  @Query(() => AssignmentConnection, { description: 'Referrals to partners, newest first' })
  assignments(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AssignmentFilter, { nullable: true }) filter: AssignmentFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    return listAssignments(ctx, { ...page, filter });
  }

  @Authorized([Role.ADMIN, Role.COORDINATOR])
  @Mutation(() => [Assignment], { description: 'Refers one or more households to a partner organisation' })
  createAssignments(@Arg('input', () => CreateAssignmentInput) input: CreateAssignmentInput, @Ctx() ctx: Context) {
    return createAssignments(ctx, input);
  }

  @Authorized([Role.NGO_PARTNER, Role.PRIVATE_PARTNER])
  @Mutation(() => Assignment, { description: 'The partner accepts or declines a referral; a decline needs the reason in note' })
  respondToAssignment(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return respondToAssignment(ctx, id, accept ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED, note);
  }

  @Authorized([Role.ADMIN, Role.COORDINATOR, Role.NGO_PARTNER, Role.PRIVATE_PARTNER])
  @Mutation(() => Assignment, { description: 'Closes a referral when the work is done or no longer needed' })
  closeAssignment(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | undefined,
    @Ctx() ctx: Context,
  ) {
    return respondToAssignment(ctx, id, AssignmentStatus.CLOSED, note);
  }

  @Authorized([Role.ADMIN, Role.COORDINATOR])
  @Mutation(() => Assignment, {
    description: "Records that the household withdrew its consent: its open consent-based referrals to the partner close and the partner sees the household no more",
  })
  withdrawReferralConsent(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return withdrawReferralConsent(ctx, id, reason);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The member who gave the consent' })
  consentGivenBy(@Row() a: Assignment, @Ctx() ctx: Context): Promise<Person | null> {
    return a.consentGivenBy ? ctx.loaders.person.load(a.consentGivenBy.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Household)
  async household(@Row() a: Assignment, @Ctx() ctx: Context): Promise<Household> {
    return (await ctx.loaders.household.load(a.household.id))!;
  }

  @FieldResolver(() => Organization)
  async organization(@Row() a: Assignment, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(a.organization.id))!;
  }

  @FieldResolver(() => User, { nullable: true, description: 'null unless you may see this account: your own organisation (administrators and auditors: any)' })
  requestedBy(@Row() a: Assignment, @Ctx() ctx: Context): Promise<User | null> {
    return a.requestedBy ? ctx.loaders.user.load(a.requestedBy.id) : Promise.resolve(null);
  }
}
