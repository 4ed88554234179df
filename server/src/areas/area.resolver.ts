import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ACTION_ROLES } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { AreaLevel } from '../graphql/enums.js';
import { BadUserInputError } from '../graphql/errors.js';
import { Area } from './area.entity.js';
import { importAreaBoundaries, loadBoundary } from './area.service.js';
import { Row } from '../graphql/row.js';

@ObjectType({ description: 'What an import of kelurahan boundaries changed' })
export class BoundaryImportResult {
  @Field(() => Int, { description: 'Features in the collection' })
  features!: number;

  @Field(() => Int, { description: 'Kelurahan whose boundary was added or changed' })
  updated!: number;

  @Field(() => Int, { description: 'Features equal to the stored boundary' })
  unchanged!: number;

  @Field(() => [String], { description: 'Codes of kelurahan that still have no boundary' })
  kelurahanWithoutBoundary!: string[];
}

@Resolver(() => Area)
export class AreaResolver {
  @Authorized()
  @Query(() => [Area], { description: 'Areas ordered by code, optionally of one level and/or inside one area' })
  areas(
    @Arg('level', () => AreaLevel, { nullable: true }) level: AreaLevel | undefined,
    @Arg('within', () => String, { nullable: true, description: 'Kemendagri code of an enclosing area' })
    within: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Area[]> {
    const where: Record<string, unknown> = {};
    if (level) where['level'] = level;
    if (within) where['code'] = { $like: `${within.replace(/[\\%_]/g, '')}.%` };
    return ctx.em.find(Area, where, { orderBy: { code: 'asc' } });
  }

  @Authorized()
  @Query(() => Area, { nullable: true, description: 'One area by id or by Kemendagri code' })
  area(
    @Arg('id', () => ID, { nullable: true }) id: string | undefined,
    @Arg('code', () => String, { nullable: true }) code: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<Area | null> {
    if (!id === !code) throw new BadUserInputError('id', 'give either id or code');
    return id ? ctx.loaders.area.load(id) : ctx.em.findOne(Area, { code: code! });
  }

  @Authorized([...ACTION_ROLES['area.import']])
  @Mutation(() => BoundaryImportResult, {
    description:
      'Stores kelurahan boundaries from a GeoJSON FeatureCollection (Polygon/MultiPolygon in lon/lat, area code in ' +
      'properties.kode, properties.code or the feature id). All features or none; re-importing the same file changes nothing.',
  })
  async importAreaBoundaries(
    @Arg('geojson', () => GraphQLJSONObject) geojson: Record<string, unknown>,
    @Ctx() ctx: Context,
  ): Promise<BoundaryImportResult> {
    const summary = await importAreaBoundaries(ctx, geojson);
    return {
      features: summary.features,
      updated: summary.updated.length,
      unchanged: summary.unchanged,
      kelurahanWithoutBoundary: summary.withoutBoundary,
    };
  }

  @FieldResolver(() => Area, { nullable: true })
  parent(@Row() area: Area, @Ctx() ctx: Context): Promise<Area | null> {
    return area.parent ? ctx.loaders.area.load(area.parent.id) : Promise.resolve(null);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'GeoJSON geometry of the boundary (lon/lat), if imported' })
  boundary(@Row() area: Area, @Ctx() ctx: Context): Promise<Record<string, unknown> | null> {
    return loadBoundary(ctx, area.id);
  }
}
