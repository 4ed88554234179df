import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { kkNumber, mayReadAddress } from '../auth/disclosure.js';
import { ACTION_ROLES, PARTNER_ROLES } from '../auth/policy.js';
import { Area } from '../areas/area.entity.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { ConnectionType, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { CsvSeparator } from '../graphql/csv.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { visibleInterventions } from '../interventions/intervention.service.js';
import { ExportLanguage, exportHouseholds, HouseholdExport } from './household-export.js';
import { Household } from './household.entity.js';
import type { IdentifierSearchGuard } from './identifier-search.js';
import {
  CorrectKkNumberInput,
  CorrectNikInput,
  CreateHouseholdInput,
  HouseholdFilter,
  HouseholdOrder,
  MoveMemberInput,
  PersonInput,
  RecordMemberExitInput,
  UpdateHouseholdInput,
  UpdatePersonInput,
} from './household.inputs.js';
import { addMember, createHousehold, listHouseholds, updateHousehold, updateMember } from './household.service.js';
import { Person } from './person.entity.js';
import { correctKkNumber, correctNik, moveMember, recordMemberExit } from './register.service.js';
import { andThen } from '../graphql/primed-loader.js';
import { Row } from '../graphql/row.js';

export const HouseholdConnection = ConnectionType(Household, 'Household');

// The policy module's list: administrators, and kelurahan officers in their own area (checked per record).
const REGISTRY_EDITORS = [...ACTION_ROLES['household.edit']];

@Resolver(() => Household)
export class HouseholdResolver {
  /** Partners' identifier searches, limited per user (given by the schema's container, schema.ts). */
  constructor(private readonly searchGuard: IdentifierSearchGuard) {}

  @Authorized()
  @Query(() => HouseholdConnection, { description: 'Households, newest filters first; keyset-paginated' })
  households(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => HouseholdFilter, { nullable: true }) filter: HouseholdFilter | undefined,
    @Arg('orderBy', () => HouseholdOrder, { nullable: true }) orderBy: HouseholdOrder | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listHouseholds(ctx, { ...page, filter, orderBy }, this.searchGuard, info);
  }

  @Authorized()
  @Query(() => Household, { nullable: true, description: 'null when the household does not exist' })
  household(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Household | null> {
    return ctx.loaders.household.load(id);
  }

  @Authorized()
  @Mutation(() => HouseholdExport, {
    description: 'The households of a list view (same filter, order, scope and masking) as CSV; audited as an EXPORT',
  })
  exportHouseholds(
    @Arg('filter', () => HouseholdFilter, { nullable: true }) filter: HouseholdFilter | undefined,
    @Arg('orderBy', () => HouseholdOrder, { nullable: true }) orderBy: HouseholdOrder | undefined,
    @Arg('language', () => ExportLanguage, { nullable: true, defaultValue: ExportLanguage.ID }) language: ExportLanguage,
    @Arg('separator', () => CsvSeparator, { nullable: true, defaultValue: CsvSeparator.COMMA }) separator: CsvSeparator,
    @Ctx() ctx: Context,
  ) {
    return exportHouseholds(ctx, { filter, orderBy, language, separator }, this.searchGuard);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Household, { description: 'Registers a household with its members' })
  createHousehold(@Arg('input', () => CreateHouseholdInput) input: CreateHouseholdInput, @Ctx() ctx: Context) {
    return createHousehold(ctx, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Household)
  updateHousehold(@Arg('input', () => UpdateHouseholdInput) input: UpdateHouseholdInput, @Ctx() ctx: Context) {
    return updateHousehold(ctx, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Person)
  addHouseholdMember(
    @Arg('householdId', () => ID) householdId: string,
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() ctx: Context,
  ) {
    return addMember(ctx, householdId, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Person)
  updateHouseholdMember(@Arg('input', () => UpdatePersonInput) input: UpdatePersonInput, @Ctx() ctx: Context) {
    return updateMember(ctx, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Person, { description: 'Records a death or a move out: the member leaves the active roster, the record is kept, needs re-derive' })
  recordMemberExit(@Arg('input', () => RecordMemberExitInput) input: RecordMemberExitInput, @Ctx() ctx: Context) {
    return recordMemberExit(ctx, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Person, { description: 'Moves a member to another household in your scope; both re-derive their needs' })
  moveHouseholdMember(@Arg('input', () => MoveMemberInput) input: MoveMemberInput, @Ctx() ctx: Context) {
    return moveMember(ctx, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Person, { description: "Corrects a member's NIK (or gives a pending one); the old value stays in the audit trail" })
  correctMemberNik(@Arg('input', () => CorrectNikInput) input: CorrectNikInput, @Ctx() ctx: Context) {
    return correctNik(ctx, input);
  }

  @Authorized(REGISTRY_EDITORS)
  @Mutation(() => Household, { description: "Corrects a household's KK number; the old value stays in the audit trail" })
  correctKkNumber(@Arg('input', () => CorrectKkNumberInput) input: CorrectKkNumberInput, @Ctx() ctx: Context) {
    return correctKkNumber(ctx, input);
  }

  @FieldResolver(() => String, { description: 'KK number: full for government roles, masked to its last four digits for partners' })
  kkNumber(@Row() household: Household, @Ctx() ctx: Context): string {
    return kkNumber(ctx, household.kkNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Street address; null for private-sector partners' })
  address(@Row() household: Household, @Ctx() ctx: Context): string | null {
    return mayReadAddress(ctx) ? household.address : null;
  }

  @FieldResolver(() => String, { nullable: true })
  rt(@Row() household: Household, @Ctx() ctx: Context): string | null {
    return mayReadAddress(ctx) ? (household.rt ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  rw(@Row() household: Household, @Ctx() ctx: Context): string | null {
    return mayReadAddress(ctx) ? (household.rw ?? null) : null;
  }

  @FieldResolver(() => Float, { nullable: true })
  latitude(@Row() household: Household, @Ctx() ctx: Context): number | null {
    return mayReadAddress(ctx) ? (household.latitude ?? null) : null;
  }

  @FieldResolver(() => Float, { nullable: true })
  longitude(@Row() household: Household, @Ctx() ctx: Context): number | null {
    return mayReadAddress(ctx) ? (household.longitude ?? null) : null;
  }

  // The children below answer at once when a page primed them (loaders.ts, PrimedLoader).
  @FieldResolver(() => Area)
  area(@Row() household: Household, @Ctx() ctx: Context): Area | Promise<Area> {
    return ctx.loaders.area.now(household.area.id) as Area | Promise<Area>;
  }

  @FieldResolver(() => [Person], { description: 'The active roster (members who have not died or moved out)' })
  members(@Row() household: Household, @Ctx() ctx: Context): Person[] | Promise<Person[]> {
    return andThen(ctx.loaders.membersByHousehold.now(household.id), (all) => all.filter((m) => !m.leftOn));
  }

  @FieldResolver(() => [Person], { description: 'Members who died or moved out (kept as history); see leftOn and leftReason' })
  formerMembers(@Row() household: Household, @Ctx() ctx: Context): Person[] | Promise<Person[]> {
    return andThen(ctx.loaders.membersByHousehold.now(household.id), (all) => all.filter((m) => m.leftOn));
  }

  @FieldResolver(() => Person, { nullable: true })
  head(@Row() household: Household, @Ctx() ctx: Context): Person | null | Promise<Person | null> {
    return andThen(ctx.loaders.membersByHousehold.now(household.id), (all) => all.find((m) => m.relation === 'HEAD' && !m.leftOn) ?? null);
  }

  @FieldResolver(() => [Intervention], { description: "Newest first; a partner sees its own organisation's and the government's, not other partners'" })
  interventions(@Row() household: Household, @Ctx() ctx: Context): Intervention[] | Promise<Intervention[]> {
    return andThen(ctx.loaders.interventionsByHousehold.now(household.id), (all) => visibleInterventions(ctx, all));
  }

  @FieldResolver(() => [Assignment], { description: 'Newest first; a partner sees only the referrals to its own organisation' })
  async assignments(@Row() household: Household, @Ctx() ctx: Context): Promise<Assignment[]> {
    const all = await ctx.loaders.assignmentsByHousehold.load(household.id);
    // As in the `assignments` query: one partner does not learn which other partners were asked.
    const viewer = ctx.viewer;
    if (!viewer || !PARTNER_ROLES.has(viewer.role)) return all;
    return all.filter((a) => a.organization.id === viewer.organizationId);
  }
}
