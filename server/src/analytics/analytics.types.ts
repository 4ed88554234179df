import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AreaLevel, FocusAspect, Frequency, Indicator, NeedType, Strategy } from '../graphql/enums.js';

/**
 * GraphQL types of the coverage analytics (spec §4, issue 4 item 3). Every figure is counted over
 * the households the viewer may see (partners: their assigned households; kelurahan officers: their
 * area), and in SQL: see analytics.service.ts for the exact definitions.
 */

@InputType({
  description:
    'Restricts what the analytics count. The area restricts households (the area and its sub-areas); ' +
    'focusAspect, strategy and organizationId restrict which programs count (their interventions, and the needs they address); ' +
    'from/to bound intervention dates (the delivery date, or the planned date while undelivered). ' +
    "Figures 'in the current period' are taken on the reference date: `to` if given and before today, else today (WIB).",
})
export class AnalyticsFilter {
  @Field(() => String, { nullable: true, description: 'Kemendagri code of an area; includes its sub-areas. Default: the whole city' })
  areaCode?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Interventions dated on or after this day' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Interventions dated on or before this day; also the reference date when before today' })
  to?: string | null;

  @Field(() => FocusAspect, { nullable: true, description: 'Only programs with this focus aspect' })
  focusAspect?: FocusAspect | null;

  @Field(() => Strategy, { nullable: true, description: 'Only programs of this Inpres 4/2022 strategy' })
  strategy?: Strategy | null;

  @Field(() => ID, { nullable: true, description: 'Only programs owned by this organisation' })
  organizationId?: string | null;
}

@ObjectType({ description: 'A count for one value of a dimension (a poverty status, a decile, a need type, an aspect…)' })
export class CountByKey {
  @Field(() => String)
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Needs of one type by status' })
export class NeedTypeCoverage {
  @Field(() => NeedType)
  needType!: NeedType;

  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'No intervention of a counted program addresses it in the current period' })
  unmet!: number;

  @Field(() => Int, { description: 'Only planned or in-progress interventions address it in the current period' })
  planned!: number;

  @Field(() => Int, { description: 'A delivered or verified intervention addresses it in the current period' })
  served!: number;

  @Field(() => Float, { nullable: true, description: 'served / total × 100; null when there are no needs' })
  coveragePct!: number | null;
}

@ObjectType({ description: 'Coverage figures of one area (households in it and its sub-areas)' })
export class AreaCoverage {
  @Field(() => ID)
  areaId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => Int, { description: 'Households counted (in the area, the filter area and the viewer scope)' })
  households!: number;

  @Field(() => [CountByKey], { description: 'Households by current poverty status (every status, zeros included)' })
  householdsByPovertyStatus!: CountByKey[];

  @Field(() => [CountByKey], { description: 'Households by current welfare decile, keys "1"…"10" (zeros included)' })
  householdsByDecile!: CountByKey[];

  @Field(() => Int)
  extremePoorHouseholds!: number;

  @Field(() => Int, { description: 'Households with at least one unmet need' })
  householdsWithUnmetNeed!: number;

  @Field(() => [NeedTypeCoverage], { description: 'Current needs by type and status (every type, zeros included)' })
  needsByType!: NeedTypeCoverage[];

  @Field(() => [CountByKey], { description: 'Current needs by status: UNMET, PLANNED, SERVED' })
  needsByStatus!: CountByKey[];

  @Field(() => Int, {
    description: 'Current needs of the households; with a program filter, only needs of a type some counted program addresses',
  })
  needsTotal!: number;

  @Field(() => Int, { description: 'Needs with a delivered or verified intervention of a counted program in its current period' })
  needsServed!: number;

  @Field(() => Int, { description: 'Needs with only planned or in-progress interventions in the current period' })
  needsPlanned!: number;

  @Field(() => Int)
  needsUnmet!: number;

  @Field(() => Float, { nullable: true, description: 'needsServed / needsTotal × 100 (planned work does not count); null when there are no needs' })
  coveragePct!: number | null;

  @Field(() => Int, {
    description: 'Households with no non-cancelled intervention ever (of a counted program, dated within from/to when given)',
  })
  householdsNeverReached!: number;
}

@ObjectType({ description: 'Programs doing the same work twice' })
export class OverlapReport {
  @Field(() => LocalDateResolver, { description: "Reference date: each program's current period is the one containing it" })
  asOf!: string;

  @Field(() => Int, {
    description:
      'Current needs addressed by non-cancelled interventions of more than one counted program, each in its current period',
  })
  overlappingNeeds!: number;

  @Field(() => [CountByKey], { description: 'overlappingNeeds by need type (types with overlaps only)' })
  overlappingNeedsByType!: CountByKey[];

  @Field(() => Int, {
    description:
      'Households with non-cancelled interventions of more than one counted program sharing a focus aspect, each in its current period',
  })
  householdsWithOverlappingPrograms!: number;

  @Field(() => [CountByKey], { description: 'Such households per focus aspect (a household can count under several aspects)' })
  householdsWithOverlappingProgramsByAspect!: CountByKey[];
}

// The delivery figures shared by a program and an organisation (the sum over its programs); type-graphql
// inherits only from decorated classes and leaves this unreferenced one out of the schema.
@ObjectType()
abstract class DeliveryFigures {
  @Field(() => Int, { description: 'Interventions now PLANNED' })
  planned!: number;

  @Field(() => Int, { description: 'Interventions now IN_PROGRESS' })
  inProgress!: number;

  @Field(() => Int, { description: 'Interventions now DELIVERED (not yet verified)' })
  delivered!: number;

  @Field(() => Int, { description: 'Interventions now VERIFIED' })
  verified!: number;

  @Field(() => Int, { description: 'Interventions CANCELLED' })
  cancelled!: number;

  @Field(() => Float, { description: 'Sum of value (Rp) of delivered and verified interventions' })
  valueDeliveredRp!: number;

  @Field(() => Int, { description: 'Distinct households with a non-cancelled intervention' })
  householdsReached!: number;

  @Field(() => Int, { description: 'Distinct households with a delivered or verified intervention' })
  householdsDelivered!: number;

  @Field(() => Int, { nullable: true, description: 'Targets per period (summed over programs that have one); null when unlimited' })
  quota!: number | null;

  @Field(() => Int, { description: 'Distinct targets (household, or member) with a non-cancelled intervention in the current period' })
  quotaUsed!: number;

  @Field(() => Float, { nullable: true, description: 'quotaUsed / quota × 100; null without a quota' })
  quotaUsedPct!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean days from planned date to delivery date over delivered/verified interventions that had a planned date',
  })
  averageDaysPlannedToDelivered!: number | null;
}

@ObjectType({ description: "Delivery figures of one program over the filter's households and dates" })
export class ProgramPerformance extends DeliveryFigures {
  @Field(() => ID)
  programId!: string;

  @Field(() => String)
  programName!: string;

  @Field(() => ID, { description: 'The owning organisation' })
  organizationId!: string;

  @Field(() => String)
  organizationName!: string;

  @Field(() => Frequency)
  frequency!: Frequency;

  @Field(() => [FocusAspect])
  focusAspects!: FocusAspect[];

  @Field(() => Strategy)
  strategy!: Strategy;
}

@ObjectType({ description: "ProgramPerformance summed over an organisation's programs" })
export class OrganizationPerformance extends DeliveryFigures {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  organizationName!: string;

  @Field(() => Int, { description: 'Counted programs the organisation owns' })
  programs!: number;
}

@ObjectType({ description: 'One month of the trend' })
export class PovertyTrendPoint {
  @Field(() => String, { description: 'YYYY-MM' })
  month!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the month, or the reference date for its month' })
  monthEnd!: string;

  @Field(() => Int, {
    description: "Households whose latest poverty assessment on or before monthEnd says EXTREME_POOR",
  })
  extremePoorHouseholds!: number;

  @Field(() => Int, {
    description:
      "Current needs with a delivered/verified intervention of a counted program addressing it, delivered on or before monthEnd, in that program's period containing monthEnd",
  })
  needsServed!: number;

  @Field(() => Float, { nullable: true, description: 'needsServed / currentNeeds × 100; null when there are no current needs' })
  coveragePct!: number | null;
}

@ObjectType({ description: 'Progress toward zero extreme poverty, with a linear projection' })
export class PovertyTrend {
  @Field(() => LocalDateResolver, { description: 'Reference date: the last month ends on it' })
  asOf!: string;

  @Field(() => Int, { description: 'Current needs (the coverage denominator of every month)' })
  currentNeeds!: number;

  @Field(() => [PovertyTrendPoint], { description: 'Oldest month first' })
  points!: PovertyTrendPoint[];

  @Field(() => Int, { description: 'Months used by the fit: the last 6 (fewer when the series is shorter)' })
  fitMonths!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Least-squares slope of extremePoorHouseholds over the fitted months, in households per month (x = monthEnd); null with fewer than 2 months',
  })
  slopePerMonth!: number | null;

  @Field(() => LocalDateResolver)
  targetDate!: string;

  @Field(() => Float, { nullable: true, description: 'The fitted line at targetDate (may be negative); null with fewer than 2 months' })
  projectedAtTarget!: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Where the fitted line reaches zero; null unless it is decreasing' })
  projectedZeroDate!: string | null;

  @Field(() => Boolean, {
    description: 'projectedAtTarget ≤ 0 (or no extreme-poor household left now); false with fewer than 2 months and some left',
  })
  onTrack!: boolean;
}

@ObjectType({ description: 'Stunting among children under five of one kelurahan, from each child’s latest measurement' })
export class StuntingPrevalence {
  @Field(() => ID)
  areaId!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Children under five on the reference date with a measurement on or before it (and on or after `from`)' })
  childrenMeasured!: number;

  @Field(() => Int, { description: 'Of them, latest measurement STUNTED or SEVERELY_STUNTED' })
  stunted!: number;

  @Field(() => Int, { description: 'Of them, latest measurement SEVERELY_STUNTED' })
  severelyStunted!: number;

  @Field(() => Float, { nullable: true, description: 'stunted / childrenMeasured × 100; null when no child was measured' })
  prevalencePct!: number | null;
}

@ObjectType({ description: 'One quarter of an area indicator' })
export class IndicatorPoint {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  quarter!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => Boolean, { description: 'false: recorded for the area itself; true: computed from its kelurahan' })
  aggregated!: boolean;

  @Field(() => Int, { description: 'Areas whose values make up the figure' })
  areasReporting!: number;

  @Field(() => String, { nullable: true, description: 'Source of a recorded value' })
  source!: string | null;
}

@ObjectType({
  description:
    'An area indicator per quarter. A value recorded for the area itself wins; otherwise its kelurahan are combined: ' +
    'investment is summed, percentages are averaged weighted by population (plain mean when a population is unknown).',
})
export class IndicatorSeries {
  @Field(() => String)
  areaCode!: string;

  @Field(() => String)
  areaName!: string;

  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => [IndicatorPoint], { description: 'Oldest quarter first; quarters overlapping from/to when given' })
  points!: IndicatorPoint[];
}
