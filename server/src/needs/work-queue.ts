import type { Knex } from '@mikro-orm/knex';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { scopeHouseholds } from '../auth/scope-sql.js';
import { keysetPage, requestKnex, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { NeedType } from '../graphql/enums.js';
import { Household } from '../households/household.entity.js';
import { areaWithDescendants } from '../households/household.service.js';
import { Program } from '../programs/program.entity.js';
import { NeedStatus } from './need.types.js';

@InputType({ description: 'All conditions must hold' })
export class WorkQueueFilter {
  @Field(() => [NeedType], { nullable: true, description: 'Households with an unmet need of any of these types' })
  needTypes?: NeedType[];

  @Field(() => ID, { nullable: true, description: 'Households in this area (a kelurahan) or its sub-areas' })
  areaId?: string;

  @Field(() => ID, { nullable: true, description: 'Households with an unmet need this program of yours addresses' })
  programId?: string;
}

@ObjectType()
export class NeedTypeCount {
  @Field(() => NeedType)
  needType!: NeedType;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class AreaCount {
  @Field(() => Area)
  area!: Area;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class ProgramCount {
  @Field(() => Program)
  program!: Program;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'Households of the work queue per filter value: each list applies the other filters but not its own (choosing a value gives that many households)',
})
export class WorkQueueCounts {
  @Field(() => Int, { description: 'Households matching the whole filter' })
  total!: number;

  @Field(() => [NeedTypeCount])
  needTypes!: NeedTypeCount[];

  @Field(() => [AreaCount], { description: 'Per kelurahan of the households' })
  areas!: AreaCount[];

  @Field(() => [ProgramCount])
  programs!: ProgramCount[];
}

type Facet = 'needTypes' | 'areaId' | 'programId';

/**
 * Rows (household, its area, an unmet need type, a running program of the viewer's organisation that
 * addresses it) in the viewer's household scope, with the filter applied except `omit`.
 */
function queueRows(ctx: Context, knex: Knex, filter: WorkQueueFilter | undefined, omit?: Facet): Knex.QueryBuilder {
  const q = scopeHouseholds(knex, knex('household as qh'), ctx.viewer, 'qh')
    .join('household_need_status as s', 's.household_id', 'qh.id')
    .join('program as p', knex.raw('s.need_type = any (p.need_types)'))
    .where('s.status', NeedStatus.UNMET)
    .where('p.owner_id', ctx.viewer!.organizationId)
    .whereRaw('p.starts_on <= sinergi_today() and (p.ends_on is null or p.ends_on >= sinergi_today())');
  if (omit !== 'needTypes' && filter?.needTypes?.length) q.whereIn('s.need_type', filter.needTypes);
  if (omit !== 'programId' && filter?.programId) q.where('p.id', filter.programId);
  if (omit !== 'areaId' && filter?.areaId) q.whereIn('qh.area_id', areaWithDescendants(knex, { id: filter.areaId }));
  return q;
}

/** The work queue: households with an unmet need a running program of the viewer's organisation addresses; poorest first. */
export function listWorkQueue(ctx: Context, args: { first?: number; after?: string; filter?: WorkQueueFilter }) {
  const { em } = ctx;
  const knex = em.getKnex();
  const base = () => sql(em, 'household as h').whereIn('h.id', queueRows(ctx, knex, args.filter).select('qh.id'));
  return keysetPage<Record<string, unknown>, Household>({
    query: base().select('h.*'),
    countQuery: base,
    list: 'myWorkQueue',
    filter: args.filter ?? null,
    viewer: ctx.viewer,
    spec: { column: 'h.welfare_decile', key: 'welfare_decile', direction: 'asc', idColumn: 'h.id' },
    first: args.first,
    after: args.after,
    map: (row) => em.map(Household, row),
  });
}

/** Counts per filter value, scoped as the list is (one statement per facet). */
export async function workQueueCounts(ctx: Context, filter: WorkQueueFilter | undefined): Promise<WorkQueueCounts> {
  const knex = requestKnex(ctx.em);
  const distinct = knex.raw('count(distinct qh.id)::int as count');
  const [total, needTypes, areas, programs] = await Promise.all([
    queueRows(ctx, knex, filter).select(distinct),
    queueRows(ctx, knex, filter, 'needTypes').select('s.need_type', distinct).groupBy('s.need_type').orderBy('s.need_type'),
    queueRows(ctx, knex, filter, 'areaId').select('qh.area_id', distinct).groupBy('qh.area_id'),
    queueRows(ctx, knex, filter, 'programId').select('p.id', distinct).groupBy('p.id'),
  ]);
  const [areaRows, programRows] = await Promise.all([
    ctx.loaders.area.loadMany(areas.map((r: { area_id: string }) => r.area_id)),
    ctx.loaders.program.loadMany(programs.map((r: { id: string }) => r.id)),
  ]);
  return Object.assign(new WorkQueueCounts(), {
    total: (total[0] as { count: number } | undefined)?.count ?? 0,
    needTypes: needTypes.map((r: { need_type: NeedType; count: number }) => Object.assign(new NeedTypeCount(), { needType: r.need_type, count: r.count })),
    areas: areas
      .map((r: { count: number }, i: number) => Object.assign(new AreaCount(), { area: areaRows[i], count: r.count }))
      .filter((c: AreaCount) => c.area && !(c.area instanceof Error))
      .sort((a: AreaCount, b: AreaCount) => a.area.name.localeCompare(b.area.name, 'id')),
    programs: programs
      .map((r: { count: number }, i: number) => Object.assign(new ProgramCount(), { program: programRows[i], count: r.count }))
      .filter((c: ProgramCount) => c.program && !(c.program instanceof Error))
      .sort((a: ProgramCount, b: ProgramCount) => a.program.name.localeCompare(b.program.name, 'id')),
  });
}
