import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PovertyStatus } from '../graphql/enums.js';

@InputType({ description: "A new assessment of a household's welfare; it becomes the household's current decile and status" })
export class RecordPovertyAssessmentInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => LocalDateResolver, { description: 'Not in the future, not before the latest assessment of the household' })
  assessedOn!: string;

  @Field(() => Int, { description: 'DTSEN welfare decile found, 1 (poorest) to 10' })
  welfareDecile!: number;

  @Field(() => PovertyStatus, {
    nullable: true,
    description: 'Defaults from the decile. GRADUATED only for a household now EXTREME_POOR or POOR, with decile ≥ 2',
  })
  povertyStatus?: PovertyStatus;

  @Field(() => Float, { nullable: true, description: 'Monthly expenditure per capita (Rp), when measured' })
  monthlyExpenditurePerCapita?: number;

  @Field(() => String, { description: 'Why the assessment was made and what changed (3–1000 characters)' })
  reason!: string;
}
