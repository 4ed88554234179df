import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { InterventionStatus } from '../graphql/enums.js';

@InputType({ description: 'All conditions must hold' })
export class InterventionFilter {
  @Field(() => ID, { nullable: true })
  householdId?: string;

  @Field(() => ID, { nullable: true })
  programId?: string;

  @Field(() => ID, { nullable: true, description: 'The delivering organisation' })
  organizationId?: string;

  @Field(() => [InterventionStatus], { nullable: true })
  status?: InterventionStatus[];

  @Field(() => ID, { nullable: true, description: "Households in this area or its sub-areas" })
  areaId?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  deliveredFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  deliveredTo?: string;
}

// Shared fields; type-graphql inherits only from decorated classes, and leaves unreferenced ones out of the schema.
@InputType()
class InterventionTarget {
  @Field(() => ID)
  programId!: string;

  @Field(() => ID)
  householdId!: string;

  @Field(() => ID, { nullable: true, description: 'Required for programs whose target unit is PERSON' })
  personId?: string;

  @Field(() => Float, { nullable: true })
  quantity?: number;

  @Field(() => Float, { nullable: true, description: 'Value in Rp' })
  valueRp?: number;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType()
export class PlanInterventionInput extends InterventionTarget {
  @Field(() => LocalDateResolver)
  plannedOn!: string;

  @Field(() => String, { nullable: true, description: 'Client-generated key; a retry with the same key returns the same intervention' })
  idempotencyKey?: string;
}

@InputType()
export class LogInterventionInput extends InterventionTarget {
  @Field(() => LocalDateResolver, { description: 'Date of delivery (not in the future)' })
  deliveredAt!: string;

  @Field(() => String, { description: 'Client-generated key (8–128 characters); a retry with the same key returns the same intervention' })
  idempotencyKey!: string;
}

@InputType()
export class AdvanceInterventionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a newer one answers CONFLICT' })
  version?: number;

  @Field(() => InterventionStatus, { description: 'IN_PROGRESS, DELIVERED or VERIFIED' })
  status!: InterventionStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Required when moving to DELIVERED' })
  deliveredAt?: string;

  @Field(() => Float, { nullable: true })
  quantity?: number;

  @Field(() => Float, { nullable: true })
  valueRp?: number;

  @Field(() => String, { nullable: true })
  note?: string;
}

@InputType({ description: 'A correction of a recorded delivery; only the fields given change' })
export class CorrectInterventionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one answers CONFLICT' })
  version!: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of delivery (not in the future)' })
  deliveredAt?: string;

  @Field(() => Float, { nullable: true })
  quantity?: number;

  @Field(() => Float, { nullable: true, description: 'Value in Rp' })
  valueRp?: number;

  @Field(() => String, { nullable: true })
  note?: string;
}
