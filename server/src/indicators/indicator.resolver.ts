import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { ACTION_ROLES } from '../auth/policy.js';
import type { Context } from '../graphql/context.js';
import { Indicator } from '../graphql/enums.js';
import { requestKnex } from '../graphql/connection.js';
import { areaWithDescendants } from '../households/household.service.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { UpsertIndicatorValueInput } from './indicator.inputs.js';
import { upsertIndicatorValue } from './indicator.service.js';
import { Row } from '../graphql/row.js';

@Resolver(() => IndicatorValue)
export class IndicatorResolver {
  @Authorized()
  @Query(() => [IndicatorValue], { description: 'Indicator values, by area code and period' })
  async indicatorValues(
    @Arg('areaCode', () => String, { nullable: true, description: 'This area and its sub-areas' }) areaCode: string | undefined,
    @Arg('indicator', () => Indicator, { nullable: true }) indicator: Indicator | undefined,
    @Arg('year', () => Int, { nullable: true }) year: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<IndicatorValue[]> {
    const where: Record<string, unknown> = {};
    if (indicator) where['indicator'] = indicator;
    if (year) where['year'] = year;
    if (areaCode) {
      const ids = (await areaWithDescendants(requestKnex(ctx.em), { code: areaCode })) as Array<{ id: string }>;
      where['area'] = { $in: ids.map((r) => r.id) };
    }
    return ctx.em.find(IndicatorValue, where, { orderBy: { year: 'asc', quarter: 'asc', indicator: 'asc' }, limit: 5000 });
  }

  @Authorized([...ACTION_ROLES['indicator.record']])
  @Mutation(() => IndicatorValue, {
    description:
      "Creates or replaces the figure of an area, indicator and quarter. Agency staff record only the aspects their organisation's programs work on",
  })
  upsertIndicatorValue(@Arg('input', () => UpsertIndicatorValueInput) input: UpsertIndicatorValueInput, @Ctx() ctx: Context) {
    return upsertIndicatorValue(ctx, input);
  }

  @FieldResolver(() => Area)
  async area(@Row() v: IndicatorValue, @Ctx() ctx: Context): Promise<Area> {
    return (await ctx.loaders.area.load(v.area.id))!;
  }
}
