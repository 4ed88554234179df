import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { numeric } from '../db/types.js';
import {
  DrinkingWater,
  Electricity,
  FloorType,
  HomeOwnership,
  PovertyStatus,
  RoofType,
  Sanitation,
  VerificationStatus,
  WallType,
} from '../graphql/enums.js';
import { User } from '../users/user.entity.js';
import { now } from '../config/clock.js';

@ObjectType({ description: 'Where a piece of household data came from, and when' })
export class DataSource {
  @Field(() => String, { description: 'e.g. DTSEN, P3KE, Regsosek, field verification' })
  source!: string;

  @Field(() => LocalDateResolver)
  date!: string;
}

@Entity({ tableName: 'household' })
@ObjectType({ description: 'A household (keluarga), identified by its KK number', simpleResolvers: true })
export class Household {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string' })
  // Exposed through a field resolver that applies the disclosure tier.
  kkNumber!: string;

  @ManyToOne(() => Area)
  area!: Area;

  @Property({ type: 'string' })
  // Exposed through a field resolver that applies the disclosure tier.
  address!: string;

  @Property({ type: 'string', nullable: true })
  // Exposed through a field resolver that applies the disclosure tier.
  rt?: string;

  @Property({ type: 'string', nullable: true })
  // Exposed through a field resolver that applies the disclosure tier.
  rw?: string;

  @Property({ type: numeric(), columnType: 'numeric(9,6)', nullable: true })
  // Exposed through a field resolver that applies the disclosure tier.
  latitude?: number;

  @Property({ type: numeric(), columnType: 'numeric(9,6)', nullable: true })
  // Exposed through a field resolver that applies the disclosure tier.
  longitude?: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'DTSEN welfare decile, 1 (poorest) to 10' })
  welfareDecile!: number;

  @Property({ type: 'string' })
  @Field(() => PovertyStatus)
  povertyStatus!: PovertyStatus;

  @Property({ type: numeric(), columnType: 'numeric(14,2)', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Monthly expenditure per capita (Rp)' })
  monthlyExpenditurePerCapita?: number;

  @Property({ type: 'string', nullable: true })
  @Field(() => FloorType, { nullable: true })
  floorType?: FloorType;

  @Property({ type: 'string', nullable: true })
  @Field(() => WallType, { nullable: true })
  wallType?: WallType;

  @Property({ type: 'string', nullable: true })
  @Field(() => RoofType, { nullable: true })
  roofType?: RoofType;

  @Property({ type: 'string', nullable: true })
  @Field(() => DrinkingWater, { nullable: true })
  drinkingWater?: DrinkingWater;

  @Property({ type: 'string', nullable: true })
  @Field(() => Sanitation, { nullable: true })
  sanitation?: Sanitation;

  @Property({ type: 'string', nullable: true })
  @Field(() => Electricity, { nullable: true })
  electricity?: Electricity;

  @Property({ type: 'string', nullable: true })
  @Field(() => HomeOwnership, { nullable: true })
  homeOwnership?: HomeOwnership;

  @Property({ type: 'json' })
  @Field(() => [DataSource])
  dataSources: DataSource[] = [];

  @Property({ type: 'string' })
  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus = VerificationStatus.UNVERIFIED;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  verifiedAt?: Date;

  @ManyToOne(() => User, { nullable: true })
  verifiedBy?: User;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Optimistic lock: send it back with an update' })
  version!: number;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  @Field(() => Date)
  updatedAt: Date = now();
}
