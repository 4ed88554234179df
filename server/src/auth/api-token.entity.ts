import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'api_token' })
@ObjectType({ description: "A personal API token: acts with its user's scope, optionally read-only" })
export class ApiToken {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: User;

  @Property({ type: 'string' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'The first characters of the token, to recognise it' })
  tokenPrefix!: string;

  @Property({ type: 'string' })
  tokenHash!: string;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  readOnly: boolean = false;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime' })
  @Field(() => Date)
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  lastUsedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt?: Date;
}
