import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { OrganizationType } from '../graphql/enums.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'organization' })
@ObjectType({ description: 'An agency, government body, NGO, community organisation or company', simpleResolvers: true })
export class Organization {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  shortName?: string;

  @Property({ type: 'string' })
  @Field(() => OrganizationType)
  type!: OrganizationType;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  contactEmail?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  contactPhone?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  address?: string;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  @Field(() => Date)
  updatedAt: Date = now();
}
