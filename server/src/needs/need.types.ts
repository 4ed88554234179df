import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NeedType } from '../graphql/enums.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { Program } from '../programs/program.entity.js';

export enum NeedStatus {
  UNMET = 'UNMET',
  PLANNED = 'PLANNED',
  SERVED = 'SERVED',
}
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: "Whether an intervention of a program addressing the need is planned/in progress or delivered in the program's current period",
});

@ObjectType({ description: 'A need derived from household data by a rule (spec §4)' })
export class Need {
  @Field(() => ID)
  id!: string;

  @Field(() => NeedType)
  type!: NeedType;

  @Field(() => NeedStatus)
  status!: NeedStatus;

  // Exposed through a field resolver that applies the disclosure tier.
  evidence!: Record<string, unknown>;

  @Field(() => Int)
  ruleVersion!: number;

  @Field(() => Date)
  derivedAt!: Date;

  @Field(() => Int, { description: 'Programs serving this need in their current period (more than one is an overlap)' })
  servingPrograms!: number;

  householdId!: string;
  personId!: string | null;
  interventionId!: string | null;
  programId!: string | null;
}

@ObjectType({ description: 'The intervention and program that serve a need' })
export class NeedService {
  @Field(() => Intervention)
  intervention!: Intervention;

  @Field(() => Program)
  program!: Program;
}

@ObjectType({ description: 'A program that could serve needs of a household' })
export class ProgramMatch {
  @Field(() => Program)
  program!: Program;

  @Field(() => [NeedType], { description: "The household's unmet needs this program addresses" })
  needTypes!: NeedType[];

  @Field(() => Int, { nullable: true, description: 'Targets it can still serve in its current period; null when unlimited' })
  quotaLeft!: number | null;

  @Field(() => Float, { description: 'Higher is a better fit: needs addressed, precision of the target, quota left' })
  score!: number;
}

@ObjectType({ description: 'A rule of the versioned need rule set' })
export class NeedRuleInfo {
  @Field(() => NeedType)
  type!: NeedType;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { description: 'HOUSEHOLD or PERSON' })
  unit!: string;

  @Field(() => String)
  descriptionId!: string;

  @Field(() => String)
  descriptionEn!: string;
}

export interface CandidateRow {
  needId: string;
  programId: string;
  quotaLeft: number | null;
  personTargeted: boolean;
}
