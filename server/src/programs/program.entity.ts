import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { numeric } from '../db/types.js';
import { FocusAspect, Frequency, NeedType, Sex, Strategy, TargetUnit } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'program' })
@ObjectType({ description: 'A program that delivers help: owner, aspects, strategy, needs addressed, quota', simpleResolvers: true })
export class Program {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organization)
  owner!: Organization;

  @Property({ type: 'string' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description?: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  @Field(() => [FocusAspect])
  focusAspects!: FocusAspect[];

  @Property({ type: 'string' })
  @Field(() => Strategy, { description: 'Inpres 4/2022 strategy' })
  strategy!: Strategy;

  @Property({ type: ArrayType, columnType: 'text[]' })
  @Field(() => [NeedType])
  needTypes: NeedType[] = [];

  @Property({ type: 'string' })
  @Field(() => TargetUnit)
  targetUnit!: TargetUnit;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  targetMinAgeMonths?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  targetMaxAgeMonths?: number;

  @Property({ type: 'string', nullable: true })
  @Field(() => Sex, { nullable: true })
  targetSex?: Sex;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Unit of delivery: paket, Rp, kg, bulan, …' })
  deliveryUnit!: string;

  @Property({ type: 'string' })
  @Field(() => Frequency)
  frequency!: Frequency;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver)
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  endsOn?: string;

  @Property({ type: numeric(), columnType: 'numeric(18,2)', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Budget (Rp)' })
  budgetRp?: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Maximum number of targets served' })
  quota?: number;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  @Field(() => Date)
  updatedAt: Date = now();
}
