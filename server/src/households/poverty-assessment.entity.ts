import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { numeric } from '../db/types.js';
import { PovertyStatus } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Household } from './household.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'poverty_assessment' })
@ObjectType({ description: "A recorded assessment of a household's welfare: the only way its decile and poverty status change" })
export class PovertyAssessment {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Household)
  household!: Household;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver)
  assessedOn!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'DTSEN welfare decile found, 1 (poorest) to 10' })
  welfareDecile!: number;

  @Property({ type: 'string' })
  @Field(() => PovertyStatus)
  povertyStatus!: PovertyStatus;

  @Property({ type: numeric(), columnType: 'numeric(14,2)', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Monthly expenditure per capita (Rp), when measured' })
  monthlyExpenditurePerCapita?: number;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The decile before this assessment; null for the first one' })
  previousDecile?: number;

  @Property({ type: 'string', nullable: true })
  @Field(() => PovertyStatus, { nullable: true, description: 'The status before this assessment; null for the first one' })
  previousStatus?: PovertyStatus;

  @Property({ type: 'string' })
  @Field(() => String)
  reason!: string;

  @ManyToOne(() => User, { nullable: true })
  assessedBy?: User;

  @ManyToOne(() => Organization, { nullable: true })
  organization?: Organization;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();
}
