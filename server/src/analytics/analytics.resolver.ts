import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import type { Context } from '../graphql/context.js';
import { AreaLevel, Indicator } from '../graphql/enums.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import {
  coverageByArea,
  indicatorSeries,
  organizationPerformance,
  overlap,
  povertyTrend,
  programPerformance,
  stuntingByArea,
} from './analytics.service.js';
import {
  AnalyticsFilter,
  AreaCoverage,
  IndicatorSeries,
  OrganizationPerformance,
  OverlapReport,
  PovertyTrend,
  ProgramPerformance,
  StuntingPrevalence,
} from './analytics.types.js';
import { Row } from '../graphql/row.js';

const FILTER = { nullable: true, description: 'What to count; default: everything in the viewer scope' } as const;
const SCOPED = "Counted over the households in the viewer's scope (partners: their assigned households). One SQL statement.";

/**
 * Coverage analytics for every logged-in role: the role decides which households are counted, never
 * whether the question may be asked. Each root field is one SQL statement (analytics.service.ts).
 */
@Resolver()
export class AnalyticsResolver {
  @Authorized()
  @Query(() => [AreaCoverage], { description: `Coverage per area of a level overlapping the filter area, by code. ${SCOPED}` })
  coverageByArea(
    @Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined,
    @Arg('level', () => AreaLevel, { defaultValue: AreaLevel.KELURAHAN }) level: AreaLevel,
    @Ctx() ctx: Context,
  ): Promise<AreaCoverage[]> {
    return coverageByArea(ctx, filter, level);
  }

  @Authorized()
  @Query(() => OverlapReport, { description: `Needs served twice and households receiving several programs of one aspect. ${SCOPED}` })
  overlap(@Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined, @Ctx() ctx: Context): Promise<OverlapReport> {
    return overlap(ctx, filter);
  }

  @Authorized()
  @Query(() => [ProgramPerformance], { description: `Delivery figures per counted program, by owner and name. ${SCOPED}` })
  programPerformance(
    @Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<ProgramPerformance[]> {
    return programPerformance(ctx, filter);
  }

  @Authorized()
  @Query(() => [OrganizationPerformance], { description: `Delivery figures per organisation owning counted programs, by name. ${SCOPED}` })
  organizationPerformance(
    @Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPerformance[]> {
    return organizationPerformance(ctx, filter);
  }

  @Authorized()
  @Query(() => PovertyTrend, {
    description: `Extreme-poor households and coverage per month up to the reference date, and a linear projection (last 6 months) to targetDate. ${SCOPED}`,
  })
  povertyTrend(
    @Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined,
    @Arg('months', () => Int, { defaultValue: 24, description: 'Months in the series, 1–120' }) months: number,
    @Arg('targetDate', () => LocalDateResolver, { defaultValue: '2029-12-31', description: 'When extreme poverty should be zero' })
    targetDate: string,
    @Ctx() ctx: Context,
  ): Promise<PovertyTrend> {
    return povertyTrend(ctx, filter, months, targetDate);
  }

  @Authorized()
  @Query(() => [StuntingPrevalence], { description: `Stunting among children under five per kelurahan overlapping the filter area; partners count on the first day of the reference date's quarter. ${SCOPED}` })
  stuntingByArea(
    @Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined,
    @Ctx() ctx: Context,
  ): Promise<StuntingPrevalence[]> {
    return stuntingByArea(ctx, filter);
  }

  @Authorized()
  @Query(() => IndicatorSeries, {
    description: 'An area indicator per quarter for the filter area (default the city); areaCode, from and to apply. One SQL statement.',
  })
  indicatorSeries(
    @Arg('filter', () => AnalyticsFilter, FILTER) filter: AnalyticsFilter | undefined,
    @Arg('indicator', () => Indicator) indicator: Indicator,
    @Ctx() ctx: Context,
  ): Promise<IndicatorSeries> {
    return indicatorSeries(ctx, filter, indicator);
  }
}

// Objects behind the ids, for clients that want more than the names (one batched statement each).

@Resolver(() => AreaCoverage)
export class AreaCoverageResolver {
  @FieldResolver(() => Area)
  async area(@Row() row: AreaCoverage, @Ctx() ctx: Context): Promise<Area> {
    return (await ctx.loaders.area.load(row.areaId))!;
  }
}

@Resolver(() => ProgramPerformance)
export class ProgramPerformanceResolver {
  @FieldResolver(() => Program)
  async program(@Row() row: ProgramPerformance, @Ctx() ctx: Context): Promise<Program> {
    return (await ctx.loaders.program.load(row.programId))!;
  }

  @FieldResolver(() => Organization)
  async organization(@Row() row: ProgramPerformance, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(row.organizationId))!;
  }
}

@Resolver(() => OrganizationPerformance)
export class OrganizationPerformanceResolver {
  @FieldResolver(() => Organization)
  async organization(@Row() row: OrganizationPerformance, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organization.load(row.organizationId))!;
  }
}
