import { ArrayType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { AuditAction, Role } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';

// Append-only: rows are inserted, never updated or deleted.
@Entity({ tableName: 'audit_event' })
@ObjectType({ description: 'One audited event: who did what to which records, and when' })
export class AuditEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  occurredAt: Date = new Date();

  @ManyToOne(() => User, { nullable: true })
  actor?: User;

  @ManyToOne(() => Organization, { nullable: true })
  organization?: Organization;

  @Property({ type: 'string', nullable: true })
  @Field(() => Role, { nullable: true })
  role?: Role;

  @Property({ type: 'string' })
  @Field(() => AuditAction)
  action!: AuditAction;

  @Property({ type: 'string' })
  @Field(() => String)
  entityType!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  @Field(() => [String])
  entityIds: string[] = [];

  @Property({ type: 'json', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true })
  oldValues?: Record<string, unknown>;

  @Property({ type: 'json', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true })
  newValues?: Record<string, unknown>;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  requestId?: string;

  @Property({ type: 'string', nullable: true })
  ip?: string;
}
