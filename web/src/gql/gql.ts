/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment AreaCoverageFigures on AreaCoverage {\n    areaId\n    code\n    name\n    households\n    extremePoorHouseholds\n    householdsWithUnmetNeed\n    needsTotal\n    needsServed\n    needsPlanned\n    needsUnmet\n    coveragePct\n    needsByType {\n      needType\n      total\n      unmet\n      planned\n      served\n    }\n  }\n": typeof types.AreaCoverageFiguresFragmentDoc,
    "\n  fragment OrganizationFigures on OrganizationPerformance {\n    organizationId\n    organizationName\n    programs\n    planned\n    inProgress\n    delivered\n    verified\n    cancelled\n    householdsReached\n    householdsDelivered\n    valueDeliveredRp\n    quotaUsedPct\n    averageDaysPlannedToDelivered\n  }\n": typeof types.OrganizationFiguresFragmentDoc,
    "\n  fragment TrendFigures on PovertyTrend {\n    asOf\n    targetDate\n    projectedAtTarget\n    projectedZeroDate\n    onTrack\n    points {\n      month\n      extremePoorHouseholds\n      coveragePct\n    }\n  }\n": typeof types.TrendFiguresFragmentDoc,
    "\n  query Analytics($filter: AnalyticsFilter, $level: AreaLevel!) {\n    coverageByArea(filter: $filter, level: $level) {\n      ...AreaCoverageFigures\n    }\n    overlap(filter: $filter) {\n      asOf\n      overlappingNeeds\n      overlappingNeedsByType {\n        key\n        count\n      }\n      householdsWithOverlappingPrograms\n      householdsWithOverlappingProgramsByAspect {\n        key\n        count\n      }\n    }\n    organizationPerformance(filter: $filter) {\n      ...OrganizationFigures\n    }\n    povertyTrend(filter: $filter) {\n      ...TrendFigures\n    }\n  }\n": typeof types.AnalyticsDocument,
    "\n  query AnalyticsFilterOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": typeof types.AnalyticsFilterOptionsDocument,
    "\n  fragment ApiTokenItem on ApiToken {\n    id\n    name\n    tokenPrefix\n    readOnly\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenItemFragmentDoc,
    "\n  query MyApiTokens {\n    myApiTokens {\n      ...ApiTokenItem\n    }\n  }\n": typeof types.MyApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenItem\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenItem\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query PartnerOrganizations($search: String, $servesNeed: NeedType, $first: Int) {\n    organizations(filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR], search: $search, servesNeed: $servesNeed }, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          programNeedTypes\n        }\n      }\n    }\n  }\n": typeof types.PartnerOrganizationsDocument,
    "\n  query ReferralConsentMembers($id: ID!) {\n    household(id: $id) {\n      id\n      members {\n        id\n        name\n        relation\n      }\n    }\n  }\n": typeof types.ReferralConsentMembersDocument,
    "\n  query ExistingReferral($householdId: ID!) {\n    assignments(filter: { householdId: $householdId }, first: 50) {\n      edges {\n        node {\n          id\n          status\n          needType\n          requestedAt\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            head {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ExistingReferralDocument,
    "\n  mutation CreateAssignments($input: CreateAssignmentInput!) {\n    createAssignments(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateAssignmentsDocument,
    "\n  query Assignments($filter: AssignmentFilter, $first: Int, $after: String) {\n    assignments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          needType\n          note\n          requestedAt\n          version\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            kkNumber\n            povertyStatus\n            head {\n              id\n              name\n            }\n            area {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AssignmentsDocument,
    "\n  mutation RespondToAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      respondedAt\n      version\n    }\n  }\n": typeof types.RespondToAssignmentDocument,
    "\n  mutation CloseAssignment($id: ID!, $note: String) {\n    closeAssignment(id: $id, note: $note) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.CloseAssignmentDocument,
    "\n  fragment AuditEventItem on AuditEvent {\n    id\n    occurredAt\n    role\n    action\n    entityType\n    entityIds\n    oldValues\n    newValues\n    requestId\n    disclosureTier\n    subjects {\n      id\n      kind\n      name\n    }\n    actor {\n      id\n      displayName\n      username\n    }\n    organization {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.AuditEventItemFragmentDoc,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query PartnerUsageReport($organizationId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    partnerUsageReport(organizationId: $organizationId, from: $from, to: $to) {\n      readRequests\n      subjectsViewed\n      recordsChanged\n      events {\n        action\n        entityType\n        events\n      }\n    }\n  }\n": typeof types.PartnerUsageReportDocument,
    "\n  query SubjectAccessTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO) {\n    subjectAccessTrail(nik: $nik, from: $from, to: $to) {\n      ...AuditEventItem\n    }\n  }\n": typeof types.SubjectAccessTrailDocument,
    "\n  mutation ExportSubjectTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportSubjectTrail(nik: $nik, from: $from, to: $to, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n": typeof types.ExportSubjectTrailDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment CurrentUser on User {\n    id\n    username\n    displayName\n    role\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n": typeof types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment DashboardAspectSeries on IndicatorSeries {\n    indicator\n    points {\n      year\n      quarter\n      value\n    }\n  }\n": typeof types.DashboardAspectSeriesFragmentDoc,
    "\n  query DashboardAspects {\n    stunting: indicatorSeries(indicator: STUNTING_PREVALENCE_PCT) {\n      ...DashboardAspectSeries\n    }\n    investment: indicatorSeries(indicator: INVESTMENT_REALISATION_RP) {\n      ...DashboardAspectSeries\n    }\n    p3dn: indicatorSeries(indicator: P3DN_SHARE_PCT) {\n      ...DashboardAspectSeries\n    }\n    inflation: indicatorSeries(indicator: INFLATION_YOY_PCT) {\n      ...DashboardAspectSeries\n    }\n  }\n": typeof types.DashboardAspectsDocument,
    "\n  query CoverageBoundaries {\n    areas(level: KELURAHAN) {\n      id\n      code\n      boundary\n    }\n  }\n": typeof types.CoverageBoundariesDocument,
    "\n  query Dashboard {\n    kecamatan: coverageByArea(level: KECAMATAN) {\n      ...AreaCoverageFigures\n      householdsNeverReached\n    }\n    kelurahan: coverageByArea(level: KELURAHAN) {\n      areaId\n      code\n      name\n      coveragePct\n      area {\n        id\n        hasBoundary\n        parent {\n          id\n          code\n          name\n        }\n      }\n    }\n    organizationPerformance {\n      ...OrganizationFigures\n    }\n    povertyTrend {\n      ...TrendFigures\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DeliveryPrograms($filter: ProgramFilter) {\n    programs(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          name\n          targetUnit\n          deliveryUnit\n          targetMinAgeMonths\n          targetMaxAgeMonths\n          targetSex\n          needTypes\n        }\n      }\n    }\n  }\n": typeof types.DeliveryProgramsDocument,
    "\n  mutation LogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n      status\n      deliveredOn\n    }\n  }\n": typeof types.LogInterventionDocument,
    "\n  mutation RecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n      measuredOn\n      ageDays\n      heightCm\n      weightKg\n      position\n      heightForAgeZ\n      stuntingStatus\n    }\n  }\n": typeof types.RecordGrowthMeasurementDocument,
    "\n  query WorkQueue($first: Int, $after: String, $filter: WorkQueueFilter) {\n    myWorkQueue(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n          members {\n            id\n            name\n            sex\n            age\n            ageMonths\n          }\n          needs {\n            id\n            type\n            status\n            person {\n              id\n              name\n              age\n              ageMonths\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WorkQueueDocument,
    "\n  query WorkQueueCounts($filter: WorkQueueFilter) {\n    myWorkQueueCounts(filter: $filter) {\n      total\n      needTypes {\n        needType\n        count\n      }\n      areas {\n        count\n        area {\n          id\n          name\n        }\n      }\n      programs {\n        count\n        program {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.WorkQueueCountsDocument,
    "\n  mutation RespondHouseholdAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      responseNote\n      respondedAt\n      version\n    }\n  }\n": typeof types.RespondHouseholdAssignmentDocument,
    "\n  mutation WithdrawReferralConsent($id: ID!, $reason: String!) {\n    withdrawReferralConsent(id: $id, reason: $reason) {\n      id\n      status\n      closedAt\n      consentWithdrawnAt\n      consentWithdrawalNote\n      version\n    }\n  }\n": typeof types.WithdrawReferralConsentDocument,
    "\n  fragment HouseholdListItem on Household {\n    id\n    kkNumber\n    address\n    welfareDecile\n    povertyStatus\n    verificationStatus\n    updatedAt\n    head {\n      id\n      name\n    }\n    area {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    assignments {\n      id\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.HouseholdListItemFragmentDoc,
    "\n  mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) {\n      id\n      address\n      rt\n      rw\n      monthlyExpenditurePerCapita\n      verificationStatus\n      version\n      updatedAt\n    }\n  }\n": typeof types.UpdateHouseholdDocument,
    "\n  fragment HouseholdVersion on Household {\n    version\n  }\n": typeof types.HouseholdVersionFragmentDoc,
    "\n  query HouseholdDetail($id: ID!) {\n    household(id: $id) {\n      id\n      kkNumber\n      address\n      rt\n      rw\n      welfareDecile\n      povertyStatus\n      verificationStatus\n      monthlyExpenditurePerCapita\n      version\n      updatedAt\n      area {\n        id\n        name\n        code\n        parent {\n          id\n          name\n        }\n      }\n      floorType\n      wallType\n      roofType\n      drinkingWater\n      sanitation\n      electricity\n      homeOwnership\n      formerMembers {\n        id\n        name\n        relation\n        leftOn\n        leftReason\n        leftNote\n      }\n      members {\n        id\n        name\n        nik\n        nikPending\n        sex\n        relation\n        age\n        ageMonths\n        birthDate\n        birthYear\n        jknStatus\n        version\n        employmentStatus\n        schoolEnrolled\n        pregnant\n        growthMeasurements {\n          id\n          measuredOn\n          ageDays\n          heightCm\n          weightKg\n          position\n          heightForAgeZ\n          stuntingStatus\n        }\n      }\n      needs {\n        id\n        type\n        status\n        evidence\n        person {\n          id\n          name\n        }\n        servedBy {\n          program {\n            id\n            name\n          }\n        }\n        candidatePrograms {\n          quotaLeft\n          program {\n            id\n            name\n            owner {\n              id\n              name\n              shortName\n            }\n          }\n        }\n      }\n      interventions {\n        id\n        status\n        plannedOn\n        deliveredOn\n        quantity\n        valueRp\n        note\n        version\n        verifiedAt\n        cancelReason\n        createdAt\n        program {\n          id\n          name\n          deliveryUnit\n          owner {\n            id\n          }\n        }\n        person {\n          id\n          name\n        }\n        organization {\n          id\n          name\n          shortName\n        }\n        loggedBy {\n          id\n          displayName\n        }\n      }\n      assignments {\n        id\n        status\n        needType\n        note\n        responseNote\n        requestedAt\n        lawfulBasis\n        consentGivenOn\n        consentMethod\n        consentGivenBy {\n          id\n          name\n        }\n        consentWithdrawnAt\n        consentWithdrawalNote\n        organization {\n          id\n          name\n        }\n      }\n      assessments {\n        id\n        assessedOn\n        welfareDecile\n        povertyStatus\n        previousDecile\n        previousStatus\n        reason\n        assessedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.HouseholdDetailDocument,
    "\n  query Households($filter: HouseholdFilter, $orderBy: HouseholdOrder, $first: Int, $after: String) {\n    households(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HouseholdsDocument,
    "\n  query Areas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": typeof types.AreasDocument,
    "\n  mutation ExportHouseholds($filter: HouseholdFilter, $orderBy: HouseholdOrder, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportHouseholds(filter: $filter, orderBy: $orderBy, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n": typeof types.ExportHouseholdsDocument,
    "\n  mutation AddHouseholdMember($householdId: ID!, $input: PersonInput!) {\n    addHouseholdMember(householdId: $householdId, input: $input) { id }\n  }\n": typeof types.AddHouseholdMemberDocument,
    "\n  mutation UpdateHouseholdMember($input: UpdatePersonInput!) {\n    updateHouseholdMember(input: $input) { id version }\n  }\n": typeof types.UpdateHouseholdMemberDocument,
    "\n  mutation RecordMemberExit($input: RecordMemberExitInput!) {\n    recordMemberExit(input: $input) { id leftOn leftReason }\n  }\n": typeof types.RecordMemberExitDocument,
    "\n  mutation MoveHouseholdMember($input: MoveMemberInput!) {\n    moveHouseholdMember(input: $input) { id }\n  }\n": typeof types.MoveHouseholdMemberDocument,
    "\n  query HouseholdByKk($kk: String!) {\n    households(first: 2, filter: { search: $kk }) { edges { node { id kkNumber } } }\n  }\n": typeof types.HouseholdByKkDocument,
    "\n  mutation CorrectMemberNik($input: CorrectNikInput!) {\n    correctMemberNik(input: $input) { id nik nikPending version }\n  }\n": typeof types.CorrectMemberNikDocument,
    "\n  mutation CorrectKkNumber($input: CorrectKkNumberInput!) {\n    correctKkNumber(input: $input) { id kkNumber version }\n  }\n": typeof types.CorrectKkNumberDocument,
    "\n  mutation UpdateHouseConditions($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) { id version floorType wallType roofType drinkingWater sanitation electricity homeOwnership }\n  }\n": typeof types.UpdateHouseConditionsDocument,
    "\n  mutation RecordAssessment($input: RecordPovertyAssessmentInput!) {\n    recordPovertyAssessment(input: $input) { id }\n  }\n": typeof types.RecordAssessmentDocument,
    "\n  query KelurahanOptions {\n    areas(level: KELURAHAN) { id name code }\n  }\n": typeof types.KelurahanOptionsDocument,
    "\n  mutation CreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id }\n  }\n": typeof types.CreateHouseholdDocument,
    "\n  fragment ImportJobSummary on ImportJob {\n    id\n    source\n    fileName\n    status\n    sourceDate\n    rowsTotal\n    rowsDone\n    validRows\n    inserted\n    updated\n    unchanged\n    rejected\n    inReview\n    createdByName\n    createdAt\n    validatedAt\n    committedAt\n  }\n": typeof types.ImportJobSummaryFragmentDoc,
    "\n  query ImportJobs($first: Int!) {\n    importJobs(first: $first) {\n      ...ImportJobSummary\n    }\n  }\n": typeof types.ImportJobsDocument,
    "\n  fragment ImportReviewItem on ImportReview {\n    id\n    jobId\n    fileName\n    line\n    kind\n    kindLabel\n    detail\n    status\n    values {\n      label\n      incoming\n      existing\n    }\n    householdId\n    createdAt\n    resolvedAt\n  }\n": typeof types.ImportReviewItemFragmentDoc,
    "\n  query ImportReviews($status: ImportReviewStatus!, $first: Int!) {\n    importReviews(status: $status, first: $first) {\n      ...ImportReviewItem\n    }\n  }\n": typeof types.ImportReviewsDocument,
    "\n  mutation ResolveImportReview($id: ID!, $decision: ImportReviewDecision!) {\n    resolveImportReview(id: $id, decision: $decision) {\n      ...ImportReviewItem\n    }\n  }\n": typeof types.ResolveImportReviewDocument,
    "\n  query ImportSources {\n    importSources {\n      ...ImportSourceItem\n    }\n  }\n": typeof types.ImportSourcesDocument,
    "\n  fragment ImportJobDetail on ImportJob {\n    ...ImportJobSummary\n    format\n    sheet\n    headers\n    mapping {\n      key\n      header\n      required\n      column\n      fileHeader\n    }\n    message\n    duplicateOf {\n      id\n      fileName\n      createdAt\n    }\n    firstErrors(first: 20) {\n      line\n      reason\n    }\n    errorReportUrl\n  }\n": typeof types.ImportJobDetailFragmentDoc,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobDetail\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  mutation SetImportMapping($jobId: ID!, $columns: [ImportColumnInput!]!) {\n    setImportMapping(jobId: $jobId, columns: $columns) {\n      ...ImportJobDetail\n    }\n  }\n": typeof types.SetImportMappingDocument,
    "\n  mutation ValidateImport($jobId: ID!) {\n    validateImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n": typeof types.ValidateImportDocument,
    "\n  mutation CommitImport($jobId: ID!) {\n    commitImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n": typeof types.CommitImportDocument,
    "\n  fragment ImportSourceItem on ImportSourceInfo {\n    source\n    key\n    label\n    description\n    mayImport\n    columns {\n      key\n      header\n      required\n      description\n      example\n    }\n  }\n": typeof types.ImportSourceItemFragmentDoc,
    "\n  query IndicatorAreas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": typeof types.IndicatorAreasDocument,
    "\n  query IndicatorPageSeries($indicator: Indicator!, $filter: AnalyticsFilter) {\n    indicatorSeries(indicator: $indicator, filter: $filter) {\n      areaCode\n      areaName\n      indicator\n      points {\n        year\n        quarter\n        value\n        aggregated\n        areasReporting\n        source\n      }\n    }\n  }\n": typeof types.IndicatorPageSeriesDocument,
    "\n  fragment IndicatorValueItem on IndicatorValue {\n    id\n    indicator\n    year\n    quarter\n    value\n    source\n    updatedAt\n    area {\n      id\n      code\n      name\n      level\n    }\n  }\n": typeof types.IndicatorValueItemFragmentDoc,
    "\n  query IndicatorPageValues($areaCode: String, $indicator: Indicator) {\n    indicatorValues(areaCode: $areaCode, indicator: $indicator) {\n      ...IndicatorValueItem\n    }\n  }\n": typeof types.IndicatorPageValuesDocument,
    "\n  query OwnProgramAspects($ownerId: ID!) {\n    programs(filter: { ownerId: $ownerId }, first: 100) {\n      edges {\n        node {\n          id\n          focusAspects\n        }\n      }\n    }\n  }\n": typeof types.OwnProgramAspectsDocument,
    "\n  mutation UpsertIndicatorValue($input: UpsertIndicatorValueInput!) {\n    upsertIndicatorValue(input: $input) {\n      ...IndicatorValueItem\n    }\n  }\n": typeof types.UpsertIndicatorValueDocument,
    "\n  mutation AdvanceIntervention($input: AdvanceInterventionInput!) {\n    advanceIntervention(input: $input) {\n      id\n      status\n      version\n      deliveredOn\n      verifiedAt\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n": typeof types.AdvanceInterventionDocument,
    "\n  mutation CancelIntervention($id: ID!, $reason: String!) {\n    cancelIntervention(id: $id, reason: $reason) {\n      id\n      status\n      version\n      cancelledAt\n      cancelReason\n      updatedAt\n    }\n  }\n": typeof types.CancelInterventionDocument,
    "\n  mutation CorrectIntervention($input: CorrectInterventionInput!) {\n    correctIntervention(input: $input) {\n      id\n      version\n      deliveredOn\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n": typeof types.CorrectInterventionDocument,
    "\n  mutation OutboxLogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n    }\n  }\n": typeof types.OutboxLogInterventionDocument,
    "\n  mutation OutboxRecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n    }\n  }\n": typeof types.OutboxRecordGrowthMeasurementDocument,
    "\n  fragment OrganizationItem on Organization {\n    id\n    name\n    shortName\n    type\n    contactEmail\n    contactPhone\n    address\n    updatedAt\n  }\n": typeof types.OrganizationItemFragmentDoc,
    "\n  query OrganizationsAdmin($filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...OrganizationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrganizationsAdminDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  fragment ProgramListItem on Program {\n    id\n    name\n    description\n    focusAspects\n    strategy\n    needTypes\n    targetUnit\n    targetSex\n    targetMinAgeMonths\n    targetMaxAgeMonths\n    frequency\n    startsOn\n    endsOn\n    quota\n    budgetRp\n    deliveryUnit\n    owner {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.ProgramListItemFragmentDoc,
    "\n  query Programs($filter: ProgramFilter, $first: Int, $after: String) {\n    programs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProgramListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n": typeof types.CreateProgramDocument,
    "\n  mutation UpdateProgram($input: UpdateProgramInput!) {\n    updateProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n": typeof types.UpdateProgramDocument,
    "\n  fragment UserItem on User {\n    id\n    username\n    displayName\n    role\n    active\n    lastLoginAt\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n": typeof types.UserItemFragmentDoc,
    "\n  query UsersAdmin($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.UsersAdminDocument,
    "\n  query UserFormOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": typeof types.UserFormOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserItem\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserItem\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetPassword($userId: ID!, $newPassword: String!) {\n    resetPassword(userId: $userId, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n      query Probe {\n        __typename\n      }\n    ": typeof types.ProbeDocument,
    "\n  query OrganizationOptions($filter: OrganizationFilter, $first: Int) {\n    organizations(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n": typeof types.OrganizationOptionsDocument,
    "\n  query OrganizationOption($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.OrganizationOptionDocument,
    "\n  query ProgramOptions($filter: ProgramFilter, $first: Int) {\n    programs(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ProgramOptionsDocument,
    "\n  query ProgramOption($id: ID!) {\n    program(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.ProgramOptionDocument,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment AreaCoverageFigures on AreaCoverage {\n    areaId\n    code\n    name\n    households\n    extremePoorHouseholds\n    householdsWithUnmetNeed\n    needsTotal\n    needsServed\n    needsPlanned\n    needsUnmet\n    coveragePct\n    needsByType {\n      needType\n      total\n      unmet\n      planned\n      served\n    }\n  }\n": types.AreaCoverageFiguresFragmentDoc,
    "\n  fragment OrganizationFigures on OrganizationPerformance {\n    organizationId\n    organizationName\n    programs\n    planned\n    inProgress\n    delivered\n    verified\n    cancelled\n    householdsReached\n    householdsDelivered\n    valueDeliveredRp\n    quotaUsedPct\n    averageDaysPlannedToDelivered\n  }\n": types.OrganizationFiguresFragmentDoc,
    "\n  fragment TrendFigures on PovertyTrend {\n    asOf\n    targetDate\n    projectedAtTarget\n    projectedZeroDate\n    onTrack\n    points {\n      month\n      extremePoorHouseholds\n      coveragePct\n    }\n  }\n": types.TrendFiguresFragmentDoc,
    "\n  query Analytics($filter: AnalyticsFilter, $level: AreaLevel!) {\n    coverageByArea(filter: $filter, level: $level) {\n      ...AreaCoverageFigures\n    }\n    overlap(filter: $filter) {\n      asOf\n      overlappingNeeds\n      overlappingNeedsByType {\n        key\n        count\n      }\n      householdsWithOverlappingPrograms\n      householdsWithOverlappingProgramsByAspect {\n        key\n        count\n      }\n    }\n    organizationPerformance(filter: $filter) {\n      ...OrganizationFigures\n    }\n    povertyTrend(filter: $filter) {\n      ...TrendFigures\n    }\n  }\n": types.AnalyticsDocument,
    "\n  query AnalyticsFilterOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": types.AnalyticsFilterOptionsDocument,
    "\n  fragment ApiTokenItem on ApiToken {\n    id\n    name\n    tokenPrefix\n    readOnly\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenItemFragmentDoc,
    "\n  query MyApiTokens {\n    myApiTokens {\n      ...ApiTokenItem\n    }\n  }\n": types.MyApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenItem\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenItem\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query PartnerOrganizations($search: String, $servesNeed: NeedType, $first: Int) {\n    organizations(filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR], search: $search, servesNeed: $servesNeed }, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          programNeedTypes\n        }\n      }\n    }\n  }\n": types.PartnerOrganizationsDocument,
    "\n  query ReferralConsentMembers($id: ID!) {\n    household(id: $id) {\n      id\n      members {\n        id\n        name\n        relation\n      }\n    }\n  }\n": types.ReferralConsentMembersDocument,
    "\n  query ExistingReferral($householdId: ID!) {\n    assignments(filter: { householdId: $householdId }, first: 50) {\n      edges {\n        node {\n          id\n          status\n          needType\n          requestedAt\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            head {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ExistingReferralDocument,
    "\n  mutation CreateAssignments($input: CreateAssignmentInput!) {\n    createAssignments(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateAssignmentsDocument,
    "\n  query Assignments($filter: AssignmentFilter, $first: Int, $after: String) {\n    assignments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          needType\n          note\n          requestedAt\n          version\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            kkNumber\n            povertyStatus\n            head {\n              id\n              name\n            }\n            area {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AssignmentsDocument,
    "\n  mutation RespondToAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      respondedAt\n      version\n    }\n  }\n": types.RespondToAssignmentDocument,
    "\n  mutation CloseAssignment($id: ID!, $note: String) {\n    closeAssignment(id: $id, note: $note) {\n      id\n      status\n      version\n    }\n  }\n": types.CloseAssignmentDocument,
    "\n  fragment AuditEventItem on AuditEvent {\n    id\n    occurredAt\n    role\n    action\n    entityType\n    entityIds\n    oldValues\n    newValues\n    requestId\n    disclosureTier\n    subjects {\n      id\n      kind\n      name\n    }\n    actor {\n      id\n      displayName\n      username\n    }\n    organization {\n      id\n      name\n      shortName\n    }\n  }\n": types.AuditEventItemFragmentDoc,
    "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query PartnerUsageReport($organizationId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    partnerUsageReport(organizationId: $organizationId, from: $from, to: $to) {\n      readRequests\n      subjectsViewed\n      recordsChanged\n      events {\n        action\n        entityType\n        events\n      }\n    }\n  }\n": types.PartnerUsageReportDocument,
    "\n  query SubjectAccessTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO) {\n    subjectAccessTrail(nik: $nik, from: $from, to: $to) {\n      ...AuditEventItem\n    }\n  }\n": types.SubjectAccessTrailDocument,
    "\n  mutation ExportSubjectTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportSubjectTrail(nik: $nik, from: $from, to: $to, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n": types.ExportSubjectTrailDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment CurrentUser on User {\n    id\n    username\n    displayName\n    role\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n": types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": types.MeDocument,
    "\n  fragment DashboardAspectSeries on IndicatorSeries {\n    indicator\n    points {\n      year\n      quarter\n      value\n    }\n  }\n": types.DashboardAspectSeriesFragmentDoc,
    "\n  query DashboardAspects {\n    stunting: indicatorSeries(indicator: STUNTING_PREVALENCE_PCT) {\n      ...DashboardAspectSeries\n    }\n    investment: indicatorSeries(indicator: INVESTMENT_REALISATION_RP) {\n      ...DashboardAspectSeries\n    }\n    p3dn: indicatorSeries(indicator: P3DN_SHARE_PCT) {\n      ...DashboardAspectSeries\n    }\n    inflation: indicatorSeries(indicator: INFLATION_YOY_PCT) {\n      ...DashboardAspectSeries\n    }\n  }\n": types.DashboardAspectsDocument,
    "\n  query CoverageBoundaries {\n    areas(level: KELURAHAN) {\n      id\n      code\n      boundary\n    }\n  }\n": types.CoverageBoundariesDocument,
    "\n  query Dashboard {\n    kecamatan: coverageByArea(level: KECAMATAN) {\n      ...AreaCoverageFigures\n      householdsNeverReached\n    }\n    kelurahan: coverageByArea(level: KELURAHAN) {\n      areaId\n      code\n      name\n      coveragePct\n      area {\n        id\n        hasBoundary\n        parent {\n          id\n          code\n          name\n        }\n      }\n    }\n    organizationPerformance {\n      ...OrganizationFigures\n    }\n    povertyTrend {\n      ...TrendFigures\n    }\n  }\n": types.DashboardDocument,
    "\n  query DeliveryPrograms($filter: ProgramFilter) {\n    programs(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          name\n          targetUnit\n          deliveryUnit\n          targetMinAgeMonths\n          targetMaxAgeMonths\n          targetSex\n          needTypes\n        }\n      }\n    }\n  }\n": types.DeliveryProgramsDocument,
    "\n  mutation LogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n      status\n      deliveredOn\n    }\n  }\n": types.LogInterventionDocument,
    "\n  mutation RecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n      measuredOn\n      ageDays\n      heightCm\n      weightKg\n      position\n      heightForAgeZ\n      stuntingStatus\n    }\n  }\n": types.RecordGrowthMeasurementDocument,
    "\n  query WorkQueue($first: Int, $after: String, $filter: WorkQueueFilter) {\n    myWorkQueue(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n          members {\n            id\n            name\n            sex\n            age\n            ageMonths\n          }\n          needs {\n            id\n            type\n            status\n            person {\n              id\n              name\n              age\n              ageMonths\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WorkQueueDocument,
    "\n  query WorkQueueCounts($filter: WorkQueueFilter) {\n    myWorkQueueCounts(filter: $filter) {\n      total\n      needTypes {\n        needType\n        count\n      }\n      areas {\n        count\n        area {\n          id\n          name\n        }\n      }\n      programs {\n        count\n        program {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.WorkQueueCountsDocument,
    "\n  mutation RespondHouseholdAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      responseNote\n      respondedAt\n      version\n    }\n  }\n": types.RespondHouseholdAssignmentDocument,
    "\n  mutation WithdrawReferralConsent($id: ID!, $reason: String!) {\n    withdrawReferralConsent(id: $id, reason: $reason) {\n      id\n      status\n      closedAt\n      consentWithdrawnAt\n      consentWithdrawalNote\n      version\n    }\n  }\n": types.WithdrawReferralConsentDocument,
    "\n  fragment HouseholdListItem on Household {\n    id\n    kkNumber\n    address\n    welfareDecile\n    povertyStatus\n    verificationStatus\n    updatedAt\n    head {\n      id\n      name\n    }\n    area {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    assignments {\n      id\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.HouseholdListItemFragmentDoc,
    "\n  mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) {\n      id\n      address\n      rt\n      rw\n      monthlyExpenditurePerCapita\n      verificationStatus\n      version\n      updatedAt\n    }\n  }\n": types.UpdateHouseholdDocument,
    "\n  fragment HouseholdVersion on Household {\n    version\n  }\n": types.HouseholdVersionFragmentDoc,
    "\n  query HouseholdDetail($id: ID!) {\n    household(id: $id) {\n      id\n      kkNumber\n      address\n      rt\n      rw\n      welfareDecile\n      povertyStatus\n      verificationStatus\n      monthlyExpenditurePerCapita\n      version\n      updatedAt\n      area {\n        id\n        name\n        code\n        parent {\n          id\n          name\n        }\n      }\n      floorType\n      wallType\n      roofType\n      drinkingWater\n      sanitation\n      electricity\n      homeOwnership\n      formerMembers {\n        id\n        name\n        relation\n        leftOn\n        leftReason\n        leftNote\n      }\n      members {\n        id\n        name\n        nik\n        nikPending\n        sex\n        relation\n        age\n        ageMonths\n        birthDate\n        birthYear\n        jknStatus\n        version\n        employmentStatus\n        schoolEnrolled\n        pregnant\n        growthMeasurements {\n          id\n          measuredOn\n          ageDays\n          heightCm\n          weightKg\n          position\n          heightForAgeZ\n          stuntingStatus\n        }\n      }\n      needs {\n        id\n        type\n        status\n        evidence\n        person {\n          id\n          name\n        }\n        servedBy {\n          program {\n            id\n            name\n          }\n        }\n        candidatePrograms {\n          quotaLeft\n          program {\n            id\n            name\n            owner {\n              id\n              name\n              shortName\n            }\n          }\n        }\n      }\n      interventions {\n        id\n        status\n        plannedOn\n        deliveredOn\n        quantity\n        valueRp\n        note\n        version\n        verifiedAt\n        cancelReason\n        createdAt\n        program {\n          id\n          name\n          deliveryUnit\n          owner {\n            id\n          }\n        }\n        person {\n          id\n          name\n        }\n        organization {\n          id\n          name\n          shortName\n        }\n        loggedBy {\n          id\n          displayName\n        }\n      }\n      assignments {\n        id\n        status\n        needType\n        note\n        responseNote\n        requestedAt\n        lawfulBasis\n        consentGivenOn\n        consentMethod\n        consentGivenBy {\n          id\n          name\n        }\n        consentWithdrawnAt\n        consentWithdrawalNote\n        organization {\n          id\n          name\n        }\n      }\n      assessments {\n        id\n        assessedOn\n        welfareDecile\n        povertyStatus\n        previousDecile\n        previousStatus\n        reason\n        assessedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.HouseholdDetailDocument,
    "\n  query Households($filter: HouseholdFilter, $orderBy: HouseholdOrder, $first: Int, $after: String) {\n    households(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HouseholdsDocument,
    "\n  query Areas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": types.AreasDocument,
    "\n  mutation ExportHouseholds($filter: HouseholdFilter, $orderBy: HouseholdOrder, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportHouseholds(filter: $filter, orderBy: $orderBy, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n": types.ExportHouseholdsDocument,
    "\n  mutation AddHouseholdMember($householdId: ID!, $input: PersonInput!) {\n    addHouseholdMember(householdId: $householdId, input: $input) { id }\n  }\n": types.AddHouseholdMemberDocument,
    "\n  mutation UpdateHouseholdMember($input: UpdatePersonInput!) {\n    updateHouseholdMember(input: $input) { id version }\n  }\n": types.UpdateHouseholdMemberDocument,
    "\n  mutation RecordMemberExit($input: RecordMemberExitInput!) {\n    recordMemberExit(input: $input) { id leftOn leftReason }\n  }\n": types.RecordMemberExitDocument,
    "\n  mutation MoveHouseholdMember($input: MoveMemberInput!) {\n    moveHouseholdMember(input: $input) { id }\n  }\n": types.MoveHouseholdMemberDocument,
    "\n  query HouseholdByKk($kk: String!) {\n    households(first: 2, filter: { search: $kk }) { edges { node { id kkNumber } } }\n  }\n": types.HouseholdByKkDocument,
    "\n  mutation CorrectMemberNik($input: CorrectNikInput!) {\n    correctMemberNik(input: $input) { id nik nikPending version }\n  }\n": types.CorrectMemberNikDocument,
    "\n  mutation CorrectKkNumber($input: CorrectKkNumberInput!) {\n    correctKkNumber(input: $input) { id kkNumber version }\n  }\n": types.CorrectKkNumberDocument,
    "\n  mutation UpdateHouseConditions($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) { id version floorType wallType roofType drinkingWater sanitation electricity homeOwnership }\n  }\n": types.UpdateHouseConditionsDocument,
    "\n  mutation RecordAssessment($input: RecordPovertyAssessmentInput!) {\n    recordPovertyAssessment(input: $input) { id }\n  }\n": types.RecordAssessmentDocument,
    "\n  query KelurahanOptions {\n    areas(level: KELURAHAN) { id name code }\n  }\n": types.KelurahanOptionsDocument,
    "\n  mutation CreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id }\n  }\n": types.CreateHouseholdDocument,
    "\n  fragment ImportJobSummary on ImportJob {\n    id\n    source\n    fileName\n    status\n    sourceDate\n    rowsTotal\n    rowsDone\n    validRows\n    inserted\n    updated\n    unchanged\n    rejected\n    inReview\n    createdByName\n    createdAt\n    validatedAt\n    committedAt\n  }\n": types.ImportJobSummaryFragmentDoc,
    "\n  query ImportJobs($first: Int!) {\n    importJobs(first: $first) {\n      ...ImportJobSummary\n    }\n  }\n": types.ImportJobsDocument,
    "\n  fragment ImportReviewItem on ImportReview {\n    id\n    jobId\n    fileName\n    line\n    kind\n    kindLabel\n    detail\n    status\n    values {\n      label\n      incoming\n      existing\n    }\n    householdId\n    createdAt\n    resolvedAt\n  }\n": types.ImportReviewItemFragmentDoc,
    "\n  query ImportReviews($status: ImportReviewStatus!, $first: Int!) {\n    importReviews(status: $status, first: $first) {\n      ...ImportReviewItem\n    }\n  }\n": types.ImportReviewsDocument,
    "\n  mutation ResolveImportReview($id: ID!, $decision: ImportReviewDecision!) {\n    resolveImportReview(id: $id, decision: $decision) {\n      ...ImportReviewItem\n    }\n  }\n": types.ResolveImportReviewDocument,
    "\n  query ImportSources {\n    importSources {\n      ...ImportSourceItem\n    }\n  }\n": types.ImportSourcesDocument,
    "\n  fragment ImportJobDetail on ImportJob {\n    ...ImportJobSummary\n    format\n    sheet\n    headers\n    mapping {\n      key\n      header\n      required\n      column\n      fileHeader\n    }\n    message\n    duplicateOf {\n      id\n      fileName\n      createdAt\n    }\n    firstErrors(first: 20) {\n      line\n      reason\n    }\n    errorReportUrl\n  }\n": types.ImportJobDetailFragmentDoc,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobDetail\n    }\n  }\n": types.ImportJobDocument,
    "\n  mutation SetImportMapping($jobId: ID!, $columns: [ImportColumnInput!]!) {\n    setImportMapping(jobId: $jobId, columns: $columns) {\n      ...ImportJobDetail\n    }\n  }\n": types.SetImportMappingDocument,
    "\n  mutation ValidateImport($jobId: ID!) {\n    validateImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n": types.ValidateImportDocument,
    "\n  mutation CommitImport($jobId: ID!) {\n    commitImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n": types.CommitImportDocument,
    "\n  fragment ImportSourceItem on ImportSourceInfo {\n    source\n    key\n    label\n    description\n    mayImport\n    columns {\n      key\n      header\n      required\n      description\n      example\n    }\n  }\n": types.ImportSourceItemFragmentDoc,
    "\n  query IndicatorAreas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": types.IndicatorAreasDocument,
    "\n  query IndicatorPageSeries($indicator: Indicator!, $filter: AnalyticsFilter) {\n    indicatorSeries(indicator: $indicator, filter: $filter) {\n      areaCode\n      areaName\n      indicator\n      points {\n        year\n        quarter\n        value\n        aggregated\n        areasReporting\n        source\n      }\n    }\n  }\n": types.IndicatorPageSeriesDocument,
    "\n  fragment IndicatorValueItem on IndicatorValue {\n    id\n    indicator\n    year\n    quarter\n    value\n    source\n    updatedAt\n    area {\n      id\n      code\n      name\n      level\n    }\n  }\n": types.IndicatorValueItemFragmentDoc,
    "\n  query IndicatorPageValues($areaCode: String, $indicator: Indicator) {\n    indicatorValues(areaCode: $areaCode, indicator: $indicator) {\n      ...IndicatorValueItem\n    }\n  }\n": types.IndicatorPageValuesDocument,
    "\n  query OwnProgramAspects($ownerId: ID!) {\n    programs(filter: { ownerId: $ownerId }, first: 100) {\n      edges {\n        node {\n          id\n          focusAspects\n        }\n      }\n    }\n  }\n": types.OwnProgramAspectsDocument,
    "\n  mutation UpsertIndicatorValue($input: UpsertIndicatorValueInput!) {\n    upsertIndicatorValue(input: $input) {\n      ...IndicatorValueItem\n    }\n  }\n": types.UpsertIndicatorValueDocument,
    "\n  mutation AdvanceIntervention($input: AdvanceInterventionInput!) {\n    advanceIntervention(input: $input) {\n      id\n      status\n      version\n      deliveredOn\n      verifiedAt\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n": types.AdvanceInterventionDocument,
    "\n  mutation CancelIntervention($id: ID!, $reason: String!) {\n    cancelIntervention(id: $id, reason: $reason) {\n      id\n      status\n      version\n      cancelledAt\n      cancelReason\n      updatedAt\n    }\n  }\n": types.CancelInterventionDocument,
    "\n  mutation CorrectIntervention($input: CorrectInterventionInput!) {\n    correctIntervention(input: $input) {\n      id\n      version\n      deliveredOn\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n": types.CorrectInterventionDocument,
    "\n  mutation OutboxLogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n    }\n  }\n": types.OutboxLogInterventionDocument,
    "\n  mutation OutboxRecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n    }\n  }\n": types.OutboxRecordGrowthMeasurementDocument,
    "\n  fragment OrganizationItem on Organization {\n    id\n    name\n    shortName\n    type\n    contactEmail\n    contactPhone\n    address\n    updatedAt\n  }\n": types.OrganizationItemFragmentDoc,
    "\n  query OrganizationsAdmin($filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...OrganizationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrganizationsAdminDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  fragment ProgramListItem on Program {\n    id\n    name\n    description\n    focusAspects\n    strategy\n    needTypes\n    targetUnit\n    targetSex\n    targetMinAgeMonths\n    targetMaxAgeMonths\n    frequency\n    startsOn\n    endsOn\n    quota\n    budgetRp\n    deliveryUnit\n    owner {\n      id\n      name\n      shortName\n    }\n  }\n": types.ProgramListItemFragmentDoc,
    "\n  query Programs($filter: ProgramFilter, $first: Int, $after: String) {\n    programs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProgramListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n": types.CreateProgramDocument,
    "\n  mutation UpdateProgram($input: UpdateProgramInput!) {\n    updateProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n": types.UpdateProgramDocument,
    "\n  fragment UserItem on User {\n    id\n    username\n    displayName\n    role\n    active\n    lastLoginAt\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n": types.UserItemFragmentDoc,
    "\n  query UsersAdmin($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.UsersAdminDocument,
    "\n  query UserFormOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n": types.UserFormOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserItem\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserItem\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetPassword($userId: ID!, $newPassword: String!) {\n    resetPassword(userId: $userId, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n      query Probe {\n        __typename\n      }\n    ": types.ProbeDocument,
    "\n  query OrganizationOptions($filter: OrganizationFilter, $first: Int) {\n    organizations(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n": types.OrganizationOptionsDocument,
    "\n  query OrganizationOption($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      shortName\n    }\n  }\n": types.OrganizationOptionDocument,
    "\n  query ProgramOptions($filter: ProgramFilter, $first: Int) {\n    programs(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ProgramOptionsDocument,
    "\n  query ProgramOption($id: ID!) {\n    program(id: $id) {\n      id\n      name\n    }\n  }\n": types.ProgramOptionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AreaCoverageFigures on AreaCoverage {\n    areaId\n    code\n    name\n    households\n    extremePoorHouseholds\n    householdsWithUnmetNeed\n    needsTotal\n    needsServed\n    needsPlanned\n    needsUnmet\n    coveragePct\n    needsByType {\n      needType\n      total\n      unmet\n      planned\n      served\n    }\n  }\n"): (typeof documents)["\n  fragment AreaCoverageFigures on AreaCoverage {\n    areaId\n    code\n    name\n    households\n    extremePoorHouseholds\n    householdsWithUnmetNeed\n    needsTotal\n    needsServed\n    needsPlanned\n    needsUnmet\n    coveragePct\n    needsByType {\n      needType\n      total\n      unmet\n      planned\n      served\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationFigures on OrganizationPerformance {\n    organizationId\n    organizationName\n    programs\n    planned\n    inProgress\n    delivered\n    verified\n    cancelled\n    householdsReached\n    householdsDelivered\n    valueDeliveredRp\n    quotaUsedPct\n    averageDaysPlannedToDelivered\n  }\n"): (typeof documents)["\n  fragment OrganizationFigures on OrganizationPerformance {\n    organizationId\n    organizationName\n    programs\n    planned\n    inProgress\n    delivered\n    verified\n    cancelled\n    householdsReached\n    householdsDelivered\n    valueDeliveredRp\n    quotaUsedPct\n    averageDaysPlannedToDelivered\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TrendFigures on PovertyTrend {\n    asOf\n    targetDate\n    projectedAtTarget\n    projectedZeroDate\n    onTrack\n    points {\n      month\n      extremePoorHouseholds\n      coveragePct\n    }\n  }\n"): (typeof documents)["\n  fragment TrendFigures on PovertyTrend {\n    asOf\n    targetDate\n    projectedAtTarget\n    projectedZeroDate\n    onTrack\n    points {\n      month\n      extremePoorHouseholds\n      coveragePct\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Analytics($filter: AnalyticsFilter, $level: AreaLevel!) {\n    coverageByArea(filter: $filter, level: $level) {\n      ...AreaCoverageFigures\n    }\n    overlap(filter: $filter) {\n      asOf\n      overlappingNeeds\n      overlappingNeedsByType {\n        key\n        count\n      }\n      householdsWithOverlappingPrograms\n      householdsWithOverlappingProgramsByAspect {\n        key\n        count\n      }\n    }\n    organizationPerformance(filter: $filter) {\n      ...OrganizationFigures\n    }\n    povertyTrend(filter: $filter) {\n      ...TrendFigures\n    }\n  }\n"): (typeof documents)["\n  query Analytics($filter: AnalyticsFilter, $level: AreaLevel!) {\n    coverageByArea(filter: $filter, level: $level) {\n      ...AreaCoverageFigures\n    }\n    overlap(filter: $filter) {\n      asOf\n      overlappingNeeds\n      overlappingNeedsByType {\n        key\n        count\n      }\n      householdsWithOverlappingPrograms\n      householdsWithOverlappingProgramsByAspect {\n        key\n        count\n      }\n    }\n    organizationPerformance(filter: $filter) {\n      ...OrganizationFigures\n    }\n    povertyTrend(filter: $filter) {\n      ...TrendFigures\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalyticsFilterOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalyticsFilterOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenItem on ApiToken {\n    id\n    name\n    tokenPrefix\n    readOnly\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenItem on ApiToken {\n    id\n    name\n    tokenPrefix\n    readOnly\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyApiTokens {\n    myApiTokens {\n      ...ApiTokenItem\n    }\n  }\n"): (typeof documents)["\n  query MyApiTokens {\n    myApiTokens {\n      ...ApiTokenItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenItem\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenItem\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerOrganizations($search: String, $servesNeed: NeedType, $first: Int) {\n    organizations(filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR], search: $search, servesNeed: $servesNeed }, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          programNeedTypes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerOrganizations($search: String, $servesNeed: NeedType, $first: Int) {\n    organizations(filter: { type: [NGO, COMMUNITY_ORGANIZATION, PRIVATE_SECTOR], search: $search, servesNeed: $servesNeed }, first: $first) {\n      edges {\n        node {\n          id\n          name\n          type\n          programNeedTypes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferralConsentMembers($id: ID!) {\n    household(id: $id) {\n      id\n      members {\n        id\n        name\n        relation\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferralConsentMembers($id: ID!) {\n    household(id: $id) {\n      id\n      members {\n        id\n        name\n        relation\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExistingReferral($householdId: ID!) {\n    assignments(filter: { householdId: $householdId }, first: 50) {\n      edges {\n        node {\n          id\n          status\n          needType\n          requestedAt\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            head {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExistingReferral($householdId: ID!) {\n    assignments(filter: { householdId: $householdId }, first: 50) {\n      edges {\n        node {\n          id\n          status\n          needType\n          requestedAt\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            head {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAssignments($input: CreateAssignmentInput!) {\n    createAssignments(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAssignments($input: CreateAssignmentInput!) {\n    createAssignments(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assignments($filter: AssignmentFilter, $first: Int, $after: String) {\n    assignments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          needType\n          note\n          requestedAt\n          version\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            kkNumber\n            povertyStatus\n            head {\n              id\n              name\n            }\n            area {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assignments($filter: AssignmentFilter, $first: Int, $after: String) {\n    assignments(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          needType\n          note\n          requestedAt\n          version\n          organization {\n            id\n            name\n          }\n          household {\n            id\n            kkNumber\n            povertyStatus\n            head {\n              id\n              name\n            }\n            area {\n              id\n              name\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      respondedAt\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      respondedAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAssignment($id: ID!, $note: String) {\n    closeAssignment(id: $id, note: $note) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAssignment($id: ID!, $note: String) {\n    closeAssignment(id: $id, note: $note) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventItem on AuditEvent {\n    id\n    occurredAt\n    role\n    action\n    entityType\n    entityIds\n    oldValues\n    newValues\n    requestId\n    disclosureTier\n    subjects {\n      id\n      kind\n      name\n    }\n    actor {\n      id\n      displayName\n      username\n    }\n    organization {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEventItem on AuditEvent {\n    id\n    occurredAt\n    role\n    action\n    entityType\n    entityIds\n    oldValues\n    newValues\n    requestId\n    disclosureTier\n    subjects {\n      id\n      kind\n      name\n    }\n    actor {\n      id\n      displayName\n      username\n    }\n    organization {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AuditEventItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerUsageReport($organizationId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    partnerUsageReport(organizationId: $organizationId, from: $from, to: $to) {\n      readRequests\n      subjectsViewed\n      recordsChanged\n      events {\n        action\n        entityType\n        events\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerUsageReport($organizationId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {\n    partnerUsageReport(organizationId: $organizationId, from: $from, to: $to) {\n      readRequests\n      subjectsViewed\n      recordsChanged\n      events {\n        action\n        entityType\n        events\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubjectAccessTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO) {\n    subjectAccessTrail(nik: $nik, from: $from, to: $to) {\n      ...AuditEventItem\n    }\n  }\n"): (typeof documents)["\n  query SubjectAccessTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO) {\n    subjectAccessTrail(nik: $nik, from: $from, to: $to) {\n      ...AuditEventItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportSubjectTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportSubjectTrail(nik: $nik, from: $from, to: $to, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n"): (typeof documents)["\n  mutation ExportSubjectTrail($nik: String!, $from: DateTimeISO, $to: DateTimeISO, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportSubjectTrail(nik: $nik, from: $from, to: $to, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUser on User {\n    id\n    username\n    displayName\n    role\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CurrentUser on User {\n    id\n    username\n    displayName\n    role\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardAspectSeries on IndicatorSeries {\n    indicator\n    points {\n      year\n      quarter\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardAspectSeries on IndicatorSeries {\n    indicator\n    points {\n      year\n      quarter\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAspects {\n    stunting: indicatorSeries(indicator: STUNTING_PREVALENCE_PCT) {\n      ...DashboardAspectSeries\n    }\n    investment: indicatorSeries(indicator: INVESTMENT_REALISATION_RP) {\n      ...DashboardAspectSeries\n    }\n    p3dn: indicatorSeries(indicator: P3DN_SHARE_PCT) {\n      ...DashboardAspectSeries\n    }\n    inflation: indicatorSeries(indicator: INFLATION_YOY_PCT) {\n      ...DashboardAspectSeries\n    }\n  }\n"): (typeof documents)["\n  query DashboardAspects {\n    stunting: indicatorSeries(indicator: STUNTING_PREVALENCE_PCT) {\n      ...DashboardAspectSeries\n    }\n    investment: indicatorSeries(indicator: INVESTMENT_REALISATION_RP) {\n      ...DashboardAspectSeries\n    }\n    p3dn: indicatorSeries(indicator: P3DN_SHARE_PCT) {\n      ...DashboardAspectSeries\n    }\n    inflation: indicatorSeries(indicator: INFLATION_YOY_PCT) {\n      ...DashboardAspectSeries\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageBoundaries {\n    areas(level: KELURAHAN) {\n      id\n      code\n      boundary\n    }\n  }\n"): (typeof documents)["\n  query CoverageBoundaries {\n    areas(level: KELURAHAN) {\n      id\n      code\n      boundary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard {\n    kecamatan: coverageByArea(level: KECAMATAN) {\n      ...AreaCoverageFigures\n      householdsNeverReached\n    }\n    kelurahan: coverageByArea(level: KELURAHAN) {\n      areaId\n      code\n      name\n      coveragePct\n      area {\n        id\n        hasBoundary\n        parent {\n          id\n          code\n          name\n        }\n      }\n    }\n    organizationPerformance {\n      ...OrganizationFigures\n    }\n    povertyTrend {\n      ...TrendFigures\n    }\n  }\n"): (typeof documents)["\n  query Dashboard {\n    kecamatan: coverageByArea(level: KECAMATAN) {\n      ...AreaCoverageFigures\n      householdsNeverReached\n    }\n    kelurahan: coverageByArea(level: KELURAHAN) {\n      areaId\n      code\n      name\n      coveragePct\n      area {\n        id\n        hasBoundary\n        parent {\n          id\n          code\n          name\n        }\n      }\n    }\n    organizationPerformance {\n      ...OrganizationFigures\n    }\n    povertyTrend {\n      ...TrendFigures\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryPrograms($filter: ProgramFilter) {\n    programs(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          name\n          targetUnit\n          deliveryUnit\n          targetMinAgeMonths\n          targetMaxAgeMonths\n          targetSex\n          needTypes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeliveryPrograms($filter: ProgramFilter) {\n    programs(filter: $filter, first: 100) {\n      edges {\n        node {\n          id\n          name\n          targetUnit\n          deliveryUnit\n          targetMinAgeMonths\n          targetMaxAgeMonths\n          targetSex\n          needTypes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n      status\n      deliveredOn\n    }\n  }\n"): (typeof documents)["\n  mutation LogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n      status\n      deliveredOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n      measuredOn\n      ageDays\n      heightCm\n      weightKg\n      position\n      heightForAgeZ\n      stuntingStatus\n    }\n  }\n"): (typeof documents)["\n  mutation RecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n      measuredOn\n      ageDays\n      heightCm\n      weightKg\n      position\n      heightForAgeZ\n      stuntingStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkQueue($first: Int, $after: String, $filter: WorkQueueFilter) {\n    myWorkQueue(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n          members {\n            id\n            name\n            sex\n            age\n            ageMonths\n          }\n          needs {\n            id\n            type\n            status\n            person {\n              id\n              name\n              age\n              ageMonths\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkQueue($first: Int, $after: String, $filter: WorkQueueFilter) {\n    myWorkQueue(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n          members {\n            id\n            name\n            sex\n            age\n            ageMonths\n          }\n          needs {\n            id\n            type\n            status\n            person {\n              id\n              name\n              age\n              ageMonths\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkQueueCounts($filter: WorkQueueFilter) {\n    myWorkQueueCounts(filter: $filter) {\n      total\n      needTypes {\n        needType\n        count\n      }\n      areas {\n        count\n        area {\n          id\n          name\n        }\n      }\n      programs {\n        count\n        program {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkQueueCounts($filter: WorkQueueFilter) {\n    myWorkQueueCounts(filter: $filter) {\n      total\n      needTypes {\n        needType\n        count\n      }\n      areas {\n        count\n        area {\n          id\n          name\n        }\n      }\n      programs {\n        count\n        program {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondHouseholdAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      responseNote\n      respondedAt\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation RespondHouseholdAssignment($id: ID!, $accept: Boolean!, $note: String) {\n    respondToAssignment(id: $id, accept: $accept, note: $note) {\n      id\n      status\n      responseNote\n      respondedAt\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawReferralConsent($id: ID!, $reason: String!) {\n    withdrawReferralConsent(id: $id, reason: $reason) {\n      id\n      status\n      closedAt\n      consentWithdrawnAt\n      consentWithdrawalNote\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawReferralConsent($id: ID!, $reason: String!) {\n    withdrawReferralConsent(id: $id, reason: $reason) {\n      id\n      status\n      closedAt\n      consentWithdrawnAt\n      consentWithdrawalNote\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HouseholdListItem on Household {\n    id\n    kkNumber\n    address\n    welfareDecile\n    povertyStatus\n    verificationStatus\n    updatedAt\n    head {\n      id\n      name\n    }\n    area {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    assignments {\n      id\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment HouseholdListItem on Household {\n    id\n    kkNumber\n    address\n    welfareDecile\n    povertyStatus\n    verificationStatus\n    updatedAt\n    head {\n      id\n      name\n    }\n    area {\n      id\n      name\n      parent {\n        id\n        name\n      }\n    }\n    assignments {\n      id\n      status\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) {\n      id\n      address\n      rt\n      rw\n      monthlyExpenditurePerCapita\n      verificationStatus\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateHousehold($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) {\n      id\n      address\n      rt\n      rw\n      monthlyExpenditurePerCapita\n      verificationStatus\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HouseholdVersion on Household {\n    version\n  }\n"): (typeof documents)["\n  fragment HouseholdVersion on Household {\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseholdDetail($id: ID!) {\n    household(id: $id) {\n      id\n      kkNumber\n      address\n      rt\n      rw\n      welfareDecile\n      povertyStatus\n      verificationStatus\n      monthlyExpenditurePerCapita\n      version\n      updatedAt\n      area {\n        id\n        name\n        code\n        parent {\n          id\n          name\n        }\n      }\n      floorType\n      wallType\n      roofType\n      drinkingWater\n      sanitation\n      electricity\n      homeOwnership\n      formerMembers {\n        id\n        name\n        relation\n        leftOn\n        leftReason\n        leftNote\n      }\n      members {\n        id\n        name\n        nik\n        nikPending\n        sex\n        relation\n        age\n        ageMonths\n        birthDate\n        birthYear\n        jknStatus\n        version\n        employmentStatus\n        schoolEnrolled\n        pregnant\n        growthMeasurements {\n          id\n          measuredOn\n          ageDays\n          heightCm\n          weightKg\n          position\n          heightForAgeZ\n          stuntingStatus\n        }\n      }\n      needs {\n        id\n        type\n        status\n        evidence\n        person {\n          id\n          name\n        }\n        servedBy {\n          program {\n            id\n            name\n          }\n        }\n        candidatePrograms {\n          quotaLeft\n          program {\n            id\n            name\n            owner {\n              id\n              name\n              shortName\n            }\n          }\n        }\n      }\n      interventions {\n        id\n        status\n        plannedOn\n        deliveredOn\n        quantity\n        valueRp\n        note\n        version\n        verifiedAt\n        cancelReason\n        createdAt\n        program {\n          id\n          name\n          deliveryUnit\n          owner {\n            id\n          }\n        }\n        person {\n          id\n          name\n        }\n        organization {\n          id\n          name\n          shortName\n        }\n        loggedBy {\n          id\n          displayName\n        }\n      }\n      assignments {\n        id\n        status\n        needType\n        note\n        responseNote\n        requestedAt\n        lawfulBasis\n        consentGivenOn\n        consentMethod\n        consentGivenBy {\n          id\n          name\n        }\n        consentWithdrawnAt\n        consentWithdrawalNote\n        organization {\n          id\n          name\n        }\n      }\n      assessments {\n        id\n        assessedOn\n        welfareDecile\n        povertyStatus\n        previousDecile\n        previousStatus\n        reason\n        assessedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HouseholdDetail($id: ID!) {\n    household(id: $id) {\n      id\n      kkNumber\n      address\n      rt\n      rw\n      welfareDecile\n      povertyStatus\n      verificationStatus\n      monthlyExpenditurePerCapita\n      version\n      updatedAt\n      area {\n        id\n        name\n        code\n        parent {\n          id\n          name\n        }\n      }\n      floorType\n      wallType\n      roofType\n      drinkingWater\n      sanitation\n      electricity\n      homeOwnership\n      formerMembers {\n        id\n        name\n        relation\n        leftOn\n        leftReason\n        leftNote\n      }\n      members {\n        id\n        name\n        nik\n        nikPending\n        sex\n        relation\n        age\n        ageMonths\n        birthDate\n        birthYear\n        jknStatus\n        version\n        employmentStatus\n        schoolEnrolled\n        pregnant\n        growthMeasurements {\n          id\n          measuredOn\n          ageDays\n          heightCm\n          weightKg\n          position\n          heightForAgeZ\n          stuntingStatus\n        }\n      }\n      needs {\n        id\n        type\n        status\n        evidence\n        person {\n          id\n          name\n        }\n        servedBy {\n          program {\n            id\n            name\n          }\n        }\n        candidatePrograms {\n          quotaLeft\n          program {\n            id\n            name\n            owner {\n              id\n              name\n              shortName\n            }\n          }\n        }\n      }\n      interventions {\n        id\n        status\n        plannedOn\n        deliveredOn\n        quantity\n        valueRp\n        note\n        version\n        verifiedAt\n        cancelReason\n        createdAt\n        program {\n          id\n          name\n          deliveryUnit\n          owner {\n            id\n          }\n        }\n        person {\n          id\n          name\n        }\n        organization {\n          id\n          name\n          shortName\n        }\n        loggedBy {\n          id\n          displayName\n        }\n      }\n      assignments {\n        id\n        status\n        needType\n        note\n        responseNote\n        requestedAt\n        lawfulBasis\n        consentGivenOn\n        consentMethod\n        consentGivenBy {\n          id\n          name\n        }\n        consentWithdrawnAt\n        consentWithdrawalNote\n        organization {\n          id\n          name\n        }\n      }\n      assessments {\n        id\n        assessedOn\n        welfareDecile\n        povertyStatus\n        previousDecile\n        previousStatus\n        reason\n        assessedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Households($filter: HouseholdFilter, $orderBy: HouseholdOrder, $first: Int, $after: String) {\n    households(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Households($filter: HouseholdFilter, $orderBy: HouseholdOrder, $first: Int, $after: String) {\n    households(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...HouseholdListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Areas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query Areas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportHouseholds($filter: HouseholdFilter, $orderBy: HouseholdOrder, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportHouseholds(filter: $filter, orderBy: $orderBy, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n"): (typeof documents)["\n  mutation ExportHouseholds($filter: HouseholdFilter, $orderBy: HouseholdOrder, $language: ExportLanguage, $separator: CsvSeparator) {\n    exportHouseholds(filter: $filter, orderBy: $orderBy, language: $language, separator: $separator) {\n      filename\n      contentType\n      csv\n      rowCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddHouseholdMember($householdId: ID!, $input: PersonInput!) {\n    addHouseholdMember(householdId: $householdId, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddHouseholdMember($householdId: ID!, $input: PersonInput!) {\n    addHouseholdMember(householdId: $householdId, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHouseholdMember($input: UpdatePersonInput!) {\n    updateHouseholdMember(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateHouseholdMember($input: UpdatePersonInput!) {\n    updateHouseholdMember(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMemberExit($input: RecordMemberExitInput!) {\n    recordMemberExit(input: $input) { id leftOn leftReason }\n  }\n"): (typeof documents)["\n  mutation RecordMemberExit($input: RecordMemberExitInput!) {\n    recordMemberExit(input: $input) { id leftOn leftReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveHouseholdMember($input: MoveMemberInput!) {\n    moveHouseholdMember(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation MoveHouseholdMember($input: MoveMemberInput!) {\n    moveHouseholdMember(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HouseholdByKk($kk: String!) {\n    households(first: 2, filter: { search: $kk }) { edges { node { id kkNumber } } }\n  }\n"): (typeof documents)["\n  query HouseholdByKk($kk: String!) {\n    households(first: 2, filter: { search: $kk }) { edges { node { id kkNumber } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectMemberNik($input: CorrectNikInput!) {\n    correctMemberNik(input: $input) { id nik nikPending version }\n  }\n"): (typeof documents)["\n  mutation CorrectMemberNik($input: CorrectNikInput!) {\n    correctMemberNik(input: $input) { id nik nikPending version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectKkNumber($input: CorrectKkNumberInput!) {\n    correctKkNumber(input: $input) { id kkNumber version }\n  }\n"): (typeof documents)["\n  mutation CorrectKkNumber($input: CorrectKkNumberInput!) {\n    correctKkNumber(input: $input) { id kkNumber version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateHouseConditions($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) { id version floorType wallType roofType drinkingWater sanitation electricity homeOwnership }\n  }\n"): (typeof documents)["\n  mutation UpdateHouseConditions($input: UpdateHouseholdInput!) {\n    updateHousehold(input: $input) { id version floorType wallType roofType drinkingWater sanitation electricity homeOwnership }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAssessment($input: RecordPovertyAssessmentInput!) {\n    recordPovertyAssessment(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation RecordAssessment($input: RecordPovertyAssessmentInput!) {\n    recordPovertyAssessment(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KelurahanOptions {\n    areas(level: KELURAHAN) { id name code }\n  }\n"): (typeof documents)["\n  query KelurahanOptions {\n    areas(level: KELURAHAN) { id name code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobSummary on ImportJob {\n    id\n    source\n    fileName\n    status\n    sourceDate\n    rowsTotal\n    rowsDone\n    validRows\n    inserted\n    updated\n    unchanged\n    rejected\n    inReview\n    createdByName\n    createdAt\n    validatedAt\n    committedAt\n  }\n"): (typeof documents)["\n  fragment ImportJobSummary on ImportJob {\n    id\n    source\n    fileName\n    status\n    sourceDate\n    rowsTotal\n    rowsDone\n    validRows\n    inserted\n    updated\n    unchanged\n    rejected\n    inReview\n    createdByName\n    createdAt\n    validatedAt\n    committedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobs($first: Int!) {\n    importJobs(first: $first) {\n      ...ImportJobSummary\n    }\n  }\n"): (typeof documents)["\n  query ImportJobs($first: Int!) {\n    importJobs(first: $first) {\n      ...ImportJobSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportReviewItem on ImportReview {\n    id\n    jobId\n    fileName\n    line\n    kind\n    kindLabel\n    detail\n    status\n    values {\n      label\n      incoming\n      existing\n    }\n    householdId\n    createdAt\n    resolvedAt\n  }\n"): (typeof documents)["\n  fragment ImportReviewItem on ImportReview {\n    id\n    jobId\n    fileName\n    line\n    kind\n    kindLabel\n    detail\n    status\n    values {\n      label\n      incoming\n      existing\n    }\n    householdId\n    createdAt\n    resolvedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportReviews($status: ImportReviewStatus!, $first: Int!) {\n    importReviews(status: $status, first: $first) {\n      ...ImportReviewItem\n    }\n  }\n"): (typeof documents)["\n  query ImportReviews($status: ImportReviewStatus!, $first: Int!) {\n    importReviews(status: $status, first: $first) {\n      ...ImportReviewItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveImportReview($id: ID!, $decision: ImportReviewDecision!) {\n    resolveImportReview(id: $id, decision: $decision) {\n      ...ImportReviewItem\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveImportReview($id: ID!, $decision: ImportReviewDecision!) {\n    resolveImportReview(id: $id, decision: $decision) {\n      ...ImportReviewItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportSources {\n    importSources {\n      ...ImportSourceItem\n    }\n  }\n"): (typeof documents)["\n  query ImportSources {\n    importSources {\n      ...ImportSourceItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobDetail on ImportJob {\n    ...ImportJobSummary\n    format\n    sheet\n    headers\n    mapping {\n      key\n      header\n      required\n      column\n      fileHeader\n    }\n    message\n    duplicateOf {\n      id\n      fileName\n      createdAt\n    }\n    firstErrors(first: 20) {\n      line\n      reason\n    }\n    errorReportUrl\n  }\n"): (typeof documents)["\n  fragment ImportJobDetail on ImportJob {\n    ...ImportJobSummary\n    format\n    sheet\n    headers\n    mapping {\n      key\n      header\n      required\n      column\n      fileHeader\n    }\n    message\n    duplicateOf {\n      id\n      fileName\n      createdAt\n    }\n    firstErrors(first: 20) {\n      line\n      reason\n    }\n    errorReportUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobDetail\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetImportMapping($jobId: ID!, $columns: [ImportColumnInput!]!) {\n    setImportMapping(jobId: $jobId, columns: $columns) {\n      ...ImportJobDetail\n    }\n  }\n"): (typeof documents)["\n  mutation SetImportMapping($jobId: ID!, $columns: [ImportColumnInput!]!) {\n    setImportMapping(jobId: $jobId, columns: $columns) {\n      ...ImportJobDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ValidateImport($jobId: ID!) {\n    validateImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ValidateImport($jobId: ID!) {\n    validateImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommitImport($jobId: ID!) {\n    commitImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n"): (typeof documents)["\n  mutation CommitImport($jobId: ID!) {\n    commitImport(jobId: $jobId) {\n      ...ImportJobDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportSourceItem on ImportSourceInfo {\n    source\n    key\n    label\n    description\n    mayImport\n    columns {\n      key\n      header\n      required\n      description\n      example\n    }\n  }\n"): (typeof documents)["\n  fragment ImportSourceItem on ImportSourceInfo {\n    source\n    key\n    label\n    description\n    mayImport\n    columns {\n      key\n      header\n      required\n      description\n      example\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorAreas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query IndicatorAreas {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorPageSeries($indicator: Indicator!, $filter: AnalyticsFilter) {\n    indicatorSeries(indicator: $indicator, filter: $filter) {\n      areaCode\n      areaName\n      indicator\n      points {\n        year\n        quarter\n        value\n        aggregated\n        areasReporting\n        source\n      }\n    }\n  }\n"): (typeof documents)["\n  query IndicatorPageSeries($indicator: Indicator!, $filter: AnalyticsFilter) {\n    indicatorSeries(indicator: $indicator, filter: $filter) {\n      areaCode\n      areaName\n      indicator\n      points {\n        year\n        quarter\n        value\n        aggregated\n        areasReporting\n        source\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IndicatorValueItem on IndicatorValue {\n    id\n    indicator\n    year\n    quarter\n    value\n    source\n    updatedAt\n    area {\n      id\n      code\n      name\n      level\n    }\n  }\n"): (typeof documents)["\n  fragment IndicatorValueItem on IndicatorValue {\n    id\n    indicator\n    year\n    quarter\n    value\n    source\n    updatedAt\n    area {\n      id\n      code\n      name\n      level\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorPageValues($areaCode: String, $indicator: Indicator) {\n    indicatorValues(areaCode: $areaCode, indicator: $indicator) {\n      ...IndicatorValueItem\n    }\n  }\n"): (typeof documents)["\n  query IndicatorPageValues($areaCode: String, $indicator: Indicator) {\n    indicatorValues(areaCode: $areaCode, indicator: $indicator) {\n      ...IndicatorValueItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnProgramAspects($ownerId: ID!) {\n    programs(filter: { ownerId: $ownerId }, first: 100) {\n      edges {\n        node {\n          id\n          focusAspects\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OwnProgramAspects($ownerId: ID!) {\n    programs(filter: { ownerId: $ownerId }, first: 100) {\n      edges {\n        node {\n          id\n          focusAspects\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertIndicatorValue($input: UpsertIndicatorValueInput!) {\n    upsertIndicatorValue(input: $input) {\n      ...IndicatorValueItem\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertIndicatorValue($input: UpsertIndicatorValueInput!) {\n    upsertIndicatorValue(input: $input) {\n      ...IndicatorValueItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdvanceIntervention($input: AdvanceInterventionInput!) {\n    advanceIntervention(input: $input) {\n      id\n      status\n      version\n      deliveredOn\n      verifiedAt\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdvanceIntervention($input: AdvanceInterventionInput!) {\n    advanceIntervention(input: $input) {\n      id\n      status\n      version\n      deliveredOn\n      verifiedAt\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelIntervention($id: ID!, $reason: String!) {\n    cancelIntervention(id: $id, reason: $reason) {\n      id\n      status\n      version\n      cancelledAt\n      cancelReason\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CancelIntervention($id: ID!, $reason: String!) {\n    cancelIntervention(id: $id, reason: $reason) {\n      id\n      status\n      version\n      cancelledAt\n      cancelReason\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectIntervention($input: CorrectInterventionInput!) {\n    correctIntervention(input: $input) {\n      id\n      version\n      deliveredOn\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CorrectIntervention($input: CorrectInterventionInput!) {\n    correctIntervention(input: $input) {\n      id\n      version\n      deliveredOn\n      quantity\n      valueRp\n      note\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutboxLogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OutboxLogIntervention($input: LogInterventionInput!) {\n    logIntervention(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutboxRecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OutboxRecordGrowthMeasurement($input: RecordGrowthMeasurementInput!) {\n    recordGrowthMeasurement(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationItem on Organization {\n    id\n    name\n    shortName\n    type\n    contactEmail\n    contactPhone\n    address\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment OrganizationItem on Organization {\n    id\n    name\n    shortName\n    type\n    contactEmail\n    contactPhone\n    address\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationsAdmin($filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...OrganizationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationsAdmin($filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...OrganizationItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($input: UpdateOrganizationInput!) {\n    updateOrganization(input: $input) {\n      ...OrganizationItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgramListItem on Program {\n    id\n    name\n    description\n    focusAspects\n    strategy\n    needTypes\n    targetUnit\n    targetSex\n    targetMinAgeMonths\n    targetMaxAgeMonths\n    frequency\n    startsOn\n    endsOn\n    quota\n    budgetRp\n    deliveryUnit\n    owner {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  fragment ProgramListItem on Program {\n    id\n    name\n    description\n    focusAspects\n    strategy\n    needTypes\n    targetUnit\n    targetSex\n    targetMinAgeMonths\n    targetMaxAgeMonths\n    frequency\n    startsOn\n    endsOn\n    quota\n    budgetRp\n    deliveryUnit\n    owner {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programs($filter: ProgramFilter, $first: Int, $after: String) {\n    programs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProgramListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programs($filter: ProgramFilter, $first: Int, $after: String) {\n    programs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ProgramListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProgram($input: UpdateProgramInput!) {\n    updateProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProgram($input: UpdateProgramInput!) {\n    updateProgram(input: $input) {\n      ...ProgramListItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserItem on User {\n    id\n    username\n    displayName\n    role\n    active\n    lastLoginAt\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserItem on User {\n    id\n    username\n    displayName\n    role\n    active\n    lastLoginAt\n    organization {\n      id\n      name\n      shortName\n    }\n    area {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersAdmin($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersAdmin($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...UserItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFormOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserFormOptions {\n    areas {\n      id\n      code\n      name\n      level\n      parent {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserItem\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserItem\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      ...UserItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($userId: ID!, $newPassword: String!) {\n    resetPassword(userId: $userId, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($userId: ID!, $newPassword: String!) {\n    resetPassword(userId: $userId, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Probe {\n        __typename\n      }\n    "): (typeof documents)["\n      query Probe {\n        __typename\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationOptions($filter: OrganizationFilter, $first: Int) {\n    organizations(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationOptions($filter: OrganizationFilter, $first: Int) {\n    organizations(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          shortName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationOption($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query OrganizationOption($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgramOptions($filter: ProgramFilter, $first: Int) {\n    programs(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgramOptions($filter: ProgramFilter, $first: Int) {\n    programs(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgramOption($id: ID!) {\n    program(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ProgramOption($id: ID!) {\n    program(id: $id) {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;