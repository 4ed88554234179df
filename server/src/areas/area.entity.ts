import { randomUUID } from 'node:crypto';
import { Entity, Formula, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AreaLevel } from '../graphql/enums.js';
import { now } from '../config/clock.js';

@Entity({ tableName: 'area' })
@ObjectType({ description: 'An administrative area: kota > kecamatan > kelurahan, with its Kemendagri code', simpleResolvers: true })
export class Area {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Kemendagri code, e.g. 62.71.03.1002' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String)
  name!: string;

  @Property({ type: 'string' })
  @Field(() => AreaLevel)
  level!: AreaLevel;

  @ManyToOne(() => Area, { nullable: true })
  parent?: Area;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  population?: number;

  // Geometry is kilobytes per area: loaded only when a query asks for it (AreaResolver.boundary).
  @Property({ type: 'json', nullable: true, lazy: true })
  boundary?: Record<string, unknown>;

  @Formula((t) => `(${t.alias}.boundary is not null)`, { type: 'boolean' })
  @Field(() => Boolean, { description: 'Whether a boundary has been imported (cheap: the geometry is not loaded)' })
  hasBoundary!: boolean;

  @Property({ type: 'datetime', onCreate: () => now() })
  createdAt: Date = now();

  @Property({ type: 'datetime', onUpdate: () => now() })
  updatedAt: Date = now();
}
