import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AuditAction } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';

@InputType({ description: 'All conditions must hold' })
export class AuditEventFilter {
  @Field(() => [AuditAction], { nullable: true })
  action?: AuditAction[];

  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'e.g. Household, Person, Intervention, User, PersonalData' })
  entityType?: string;

  @Field(() => ID, { nullable: true, description: 'Events naming this record' })
  entityId?: string;

  @Field(() => Date, { nullable: true })
  from?: Date;

  @Field(() => Date, { nullable: true })
  to?: Date;
}

@ObjectType()
export class UsageCount {
  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => String)
  entityType!: string;

  @Field(() => Int)
  events!: number;
}

@ObjectType({ description: "What one partner organisation's users viewed and changed in a period" })
export class PartnerUsageReport {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => Int, { description: 'Responses that showed personal data' })
  readRequests!: number;

  @Field(() => Int, { description: 'Distinct people and households whose data was shown' })
  subjectsViewed!: number;

  @Field(() => Int, { description: 'Distinct records created or changed' })
  recordsChanged!: number;

  @Field(() => [UsageCount], { description: 'Events by action and entity type' })
  events!: UsageCount[];
}
