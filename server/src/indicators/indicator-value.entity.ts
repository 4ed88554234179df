import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { numeric } from '../db/types.js';
import { Indicator } from '../graphql/enums.js';
import { User } from '../users/user.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'indicator_value' })
@ObjectType({ description: 'An area-level figure of one of the four aspects for one quarter' })
export class IndicatorValue {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Area)
  area!: Area;

  @Property({ type: 'string' })
  @Field(() => Indicator)
  indicator!: Indicator;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  year!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int)
  quarter!: number;

  @Property({ type: numeric(), columnType: 'numeric(20,4)' })
  @Field(() => Float)
  value!: number;

  @Property({ type: 'string' })
  @Field(() => String)
  source!: string;

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: User;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  @Field(() => Date)
  updatedAt: Date = now();
}
