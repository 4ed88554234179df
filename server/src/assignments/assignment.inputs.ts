import { Field, ID, InputType } from 'type-graphql';
import { AssignmentStatus, NeedType } from '../graphql/enums.js';

@InputType()
export class AssignmentFilter {
  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  householdId?: string;

  @Field(() => [AssignmentStatus], { nullable: true })
  status?: AssignmentStatus[];
}

@InputType()
export class CreateAssignmentInput {
  @Field(() => [ID], { description: 'One or more households (bulk referral, all or nothing)' })
  householdIds!: string[];

  @Field(() => ID, { description: 'The partner organisation' })
  organizationId!: string;

  @Field(() => NeedType, { nullable: true })
  needType?: NeedType;

  @Field(() => String, { nullable: true })
  note?: string;
}
