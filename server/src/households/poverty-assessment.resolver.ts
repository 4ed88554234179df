import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { ACTION_ROLES } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Household } from './household.entity.js';
import { PovertyAssessment } from './poverty-assessment.entity.js';
import { RecordPovertyAssessmentInput } from './poverty-assessment.inputs.js';
import { recordPovertyAssessment } from './poverty-assessment.service.js';
import { Row } from '../graphql/row.js';

@Resolver(() => PovertyAssessment)
export class PovertyAssessmentResolver {
  @Authorized([...ACTION_ROLES['assessment.record']])
  @Mutation(() => PovertyAssessment, {
    description: "Records a welfare assessment; the household's decile and poverty status change only this way, and the history is kept",
  })
  recordPovertyAssessment(@Arg('input', () => RecordPovertyAssessmentInput) input: RecordPovertyAssessmentInput, @Ctx() ctx: Context) {
    return recordPovertyAssessment(ctx, input);
  }

  @FieldResolver(() => Household)
  async household(@Row() a: PovertyAssessment, @Ctx() ctx: Context): Promise<Household> {
    return (await ctx.loaders.household.load(a.household.id))!;
  }

  @FieldResolver(() => User, { nullable: true, description: 'null unless you may see this account: your own organisation (administrators and auditors: any)' })
  assessedBy(@Row() a: PovertyAssessment, @Ctx() ctx: Context): Promise<User | null> {
    return a.assessedBy ? ctx.loaders.user.load(a.assessedBy.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Row() a: PovertyAssessment, @Ctx() ctx: Context): Promise<Organization | null> {
    return a.organization ? ctx.loaders.organization.load(a.organization.id) : Promise.resolve(null);
  }
}

@Resolver(() => Household)
export class HouseholdAssessmentsResolver {
  @FieldResolver(() => [PovertyAssessment], { description: 'Welfare assessments, newest first' })
  assessments(@Row() household: Household, @Ctx() ctx: Context): Promise<PovertyAssessment[]> {
    return ctx.loaders.assessmentsByHousehold.load(household.id);
  }
}
