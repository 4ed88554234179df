import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { numeric } from '../db/types.js';
import { InterventionStatus } from '../graphql/enums.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'intervention' })
@ObjectType({ description: 'A planned or delivered service of a program to a household or one of its members', simpleResolvers: true })
export class Intervention {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Program)
  program!: Program;

  @ManyToOne(() => Household)
  household!: Household;

  @ManyToOne(() => Person, { nullable: true })
  person?: Person;

  @Property({ type: 'string' })
  @Field(() => InterventionStatus)
  status!: InterventionStatus;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  plannedOn?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  deliveredOn?: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: "The program's frequency period this counts for: ONCE, 2026, 2026-Q3 or 2026-07" })
  periodKey!: string;

  @Property({ type: numeric(), columnType: 'numeric(14,2)', nullable: true })
  @Field(() => Float, { nullable: true })
  quantity?: number;

  @Property({ type: numeric(), columnType: 'numeric(16,2)', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Value delivered (Rp)' })
  valueRp?: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note?: string;

  @Property({ type: 'string', nullable: true })
  idempotencyKey?: string;

  @ManyToOne(() => User, { nullable: true })
  loggedBy?: User;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  verifiedAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  verifiedBy?: User;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt?: Date;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  cancelReason?: string;

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
