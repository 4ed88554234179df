import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { Role } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'app_user' })
@ObjectType({ description: 'A person who logs in; belongs to one organisation and has one role' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string' })
  @Field(() => String)
  username!: string;

  @Property({ type: 'string' })
  @Field(() => String)
  displayName!: string;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'string' })
  @Field(() => Role)
  role!: Role;

  // Kelurahan officers only see households inside this area.
  @ManyToOne(() => Area, { nullable: true })
  area?: Area;

  @Property({ type: 'string', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  active: boolean = true;

  // Exposed through a field resolver: the administrator and the user only.
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  updatedAt: Date = now();
}
