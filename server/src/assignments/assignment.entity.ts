import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentStatus, ConsentMethod, LawfulBasis, NeedType } from '../graphql/enums.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
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

  @Property({ type: 'string', nullable: true })
  @Field(() => LawfulBasis, { nullable: true, description: 'Ground the referral rests on; null only for referrals made before it was recorded' })
  lawfulBasis?: LawfulBasis;

  /** The member who consented (field resolver `consentGivenBy`). */
  @ManyToOne(() => Person, { nullable: true })
  consentGivenBy?: Person;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  consentGivenOn?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => ConsentMethod, { nullable: true })
  consentMethod?: ConsentMethod;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the household withdrew its consent: the referral closed and the partner sees the household no more' })
  consentWithdrawnAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  consentWithdrawnBy?: User;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  consentWithdrawalNote?: string;

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
