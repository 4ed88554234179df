import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Disability,
  EducationLevel,
  EmploymentStatus,
  JknStatus,
  MemberExit,
  Relation,
  Sex,
} from '../graphql/enums.js';
import { Household } from './household.entity.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'person' })
@ObjectType({ description: 'A member of a household (anggota keluarga)', simpleResolvers: true })
export class Person {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Household)
  household!: Household;

  @Property({ type: 'string', nullable: true })
  // Exposed through a field resolver that applies the disclosure tier. Null for a newborn whose NIK Dukcapil has not issued yet.
  nik?: string | null;

  @Property({ type: 'string' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'string' })
  @Field(() => Sex)
  sex!: Sex;

  @Property({ type: 'date' })
  // Exposed through a field resolver that applies the disclosure tier.
  birthDate!: string;

  @Property({ type: 'string' })
  @Field(() => Relation)
  relation!: Relation;

  @Property({ type: 'string', nullable: true })
  @Field(() => EducationLevel, { nullable: true })
  educationLevel?: EducationLevel;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  schoolEnrolled: boolean = false;

  @Property({ type: 'string' })
  @Field(() => Disability)
  disability: Disability = Disability.NONE;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  occupation?: string;

  @Property({ type: 'string', nullable: true })
  @Field(() => EmploymentStatus, { nullable: true })
  employmentStatus?: EmploymentStatus;

  @Property({ type: 'string' })
  @Field(() => JknStatus)
  jknStatus: JknStatus = JknStatus.NONE;

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  pregnant: boolean = false;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'When the member died or moved out; null while on the active roster' })
  leftOn?: string | null;

  @Property({ type: 'string', nullable: true })
  @Field(() => MemberExit, { nullable: true })
  leftReason?: MemberExit | null;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true })
  leftNote?: string | null;

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
