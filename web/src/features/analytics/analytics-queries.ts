import { graphql } from '../../gql';

/** Everything the page charts, in one round trip; each root field is one SQL statement on the server. */
export const ANALYTICS_QUERY = graphql(`
  query Analytics($filter: AnalyticsFilter, $level: AreaLevel!) {
    coverageByArea(filter: $filter, level: $level) {
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
    povertyTrend(filter: $filter) {
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
    organizations(first: 100) {
      edges {
        node {
          id
          name
          shortName
        }
      }
    }
  }
`);
