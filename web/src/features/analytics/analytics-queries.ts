import { graphql } from '../../gql';

// The figures the charts and their tables read; the dashboard asks for the same ones.
export const AREA_COVERAGE_FIGURES = graphql(`
  fragment AreaCoverageFigures on AreaCoverage {
    areaId
    code
    name
    households
    extremePoorHouseholds
    householdsWithUnmetNeed
    needsTotal
    needsServed
    needsPlanned
    needsUnmet
    coveragePct
    needsByType {
      needType
      total
      unmet
      planned
      served
    }
  }
`);

export const ORGANIZATION_FIGURES = graphql(`
  fragment OrganizationFigures on OrganizationPerformance {
    organizationId
    organizationName
    programs
    planned
    inProgress
    delivered
    verified
    cancelled
    householdsReached
    householdsDelivered
    valueDeliveredRp
    quotaUsedPct
    averageDaysPlannedToDelivered
  }
`);

export const TREND_FIGURES = graphql(`
  fragment TrendFigures on PovertyTrend {
    asOf
    targetDate
    projectedAtTarget
    projectedZeroDate
    onTrack
    points {
      month
      extremePoorHouseholds
      coveragePct
    }
  }
`);

/** Everything the page charts, in one round trip; each root field is one SQL statement on the server. */
export const ANALYTICS_QUERY = graphql(`
  query Analytics($filter: AnalyticsFilter, $level: AreaLevel!) {
    coverageByArea(filter: $filter, level: $level) {
      ...AreaCoverageFigures
    }
    overlap(filter: $filter) {
      asOf
      overlappingNeeds
      overlappingNeedsByType {
        key
        count
      }
      householdsWithOverlappingPrograms
      householdsWithOverlappingProgramsByAspect {
        key
        count
      }
    }
    organizationPerformance(filter: $filter) {
      ...OrganizationFigures
    }
    povertyTrend(filter: $filter) {
      ...TrendFigures
    }
  }
`);

export const FILTER_OPTIONS_QUERY = graphql(`
  query AnalyticsFilterOptions {
    areas {
      id
      code
      name
      level
      parent {
        id
        code
      }
    }
  }
`);
