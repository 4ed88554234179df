import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { AreaLevel } from '../graphql/enums.js';
import { BadUserInputError } from '../graphql/errors.js';
import { Area } from './area.entity.js';

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

  @FieldResolver(() => Area, { nullable: true })
  parent(@Root() area: Area, @Ctx() ctx: Context): Promise<Area | null> {
    return area.parent ? ctx.loaders.area.load(area.parent.id) : Promise.resolve(null);
  }
}
