import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentStatus, NeedType } from '../graphql/enums.js';
import { Household } from '../households/household.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'assignment' })
@ObjectType({ description: 'A referral of a household (optionally for one need) to a partner organisation' })
export class Assignment {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Household)
  household!: Household;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'string', nullable: true })
  @Field(() => NeedType, { nullable: true })
  needType?: NeedType;

  @Property({ type: 'string' })
  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  responseNote?: string;

  @ManyToOne(() => User, { nullable: true })
  requestedBy?: User;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  requestedAt: Date = now();

  @ManyToOne(() => User, { nullable: true })
  respondedBy?: User;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  respondedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt?: Date;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  @Field(() => Date)
  updatedAt: Date = now();
}
