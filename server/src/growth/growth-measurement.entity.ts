import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { numeric } from '../db/types.js';
import { MeasurePosition, StuntingStatus } from '../graphql/enums.js';
import { Person } from '../households/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'growth_measurement' })
@ObjectType({ description: 'A growth measurement of a child under five, with its WHO 2006 height-for-age z-score' })
export class GrowthMeasurement {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Person)
  person!: Person;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver)
  measuredOn!: string;

  // Exposed through a field resolver: with the measurement date it gives the birth date.
  @Property({ type: 'integer' })
  ageDays!: number;

  @Property({ type: numeric(), columnType: 'numeric(5,2)', nullable: true })
  @Field(() => Float, { nullable: true })
  weightKg?: number;

  @Property({ type: numeric(), columnType: 'numeric(5,1)' })
  @Field(() => Float)
  heightCm!: number;

  @Property({ type: 'string' })
  @Field(() => MeasurePosition)
  position!: MeasurePosition;

  // Exposed through a field resolver: with the height and the date it gives the age in days.
  @Property({ type: numeric(), columnType: 'numeric(6,3)' })
  heightForAgeZ!: number;

  @Property({ type: 'string' })
  @Field(() => StuntingStatus)
  stuntingStatus!: StuntingStatus;

  // The client's key (the offline outbox's entry): a resend with it is answered with this row.
  @Property({ type: 'string', nullable: true })
  idempotencyKey?: string;

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: User;

  @ManyToOne(() => Organization, { nullable: true })
  organization?: Organization;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();
}
