import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnalyticsResolver, AreaCoverageResolver, OrganizationPerformanceResolver, ProgramPerformanceResolver } from '../analytics/analytics.resolver.js';
import { AreaResolver } from '../areas/area.resolver.js';
import { AssignmentResolver } from '../assignments/assignment.resolver.js';
import { PartnerProgramsResolver } from '../assignments/partner-programs.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { apiTokenResolver } from '../auth/api-token.resolver.js';
import { authResolver } from '../auth/auth.resolver.js';
import { AuthChecker } from '../auth/auth-checker.js';
import { API_TOKEN_MAX_DAYS_DEFAULT, DEFAULT_IDENTIFIER_SEARCH, type Config } from '../config/config.js';
import { GrowthMeasurementResolver } from '../growth/growth-measurement.resolver.js';
import { HouseholdResolver } from '../households/household.resolver.js';
import { IdentifierSearchGuard, type IdentifierSearchLimits } from '../households/identifier-search.js';
import { auditPersonalFields } from '../audit/personal-data.js';
import { leanFieldResolvers } from './lean-resolvers.js';
import { PersonResolver } from '../households/person.resolver.js';
import { HouseholdAssessmentsResolver, PovertyAssessmentResolver } from '../households/poverty-assessment.resolver.js';
import { ImportResolver } from '../imports/import.resolver.js';
import { HouseholdProvenanceResolver, PersonProvenanceResolver } from '../imports/provenance.js';
import { IndicatorResolver } from '../indicators/indicator.resolver.js';
import { InterventionResolver } from '../interventions/intervention.resolver.js';
import { HouseholdNeedsResolver, NeedResolver } from '../needs/need.resolver.js';
import { OrganizationResolver } from '../organizations/organization.resolver.js';
import { ProgramResolver } from '../programs/program.resolver.js';
import { UserResolver } from '../users/user.resolver.js';

export interface SchemaOptions {
  sessionTtlHours: number;
  apiTokenMaxDays?: number;
  cookieSecure?: Config['COOKIE_SECURE'];
  /** IDENTIFIER_SEARCH_LIMIT and IDENTIFIER_SEARCH_WINDOW_MINUTES of the configuration. */
  identifierSearch?: IdentifierSearchLimits;
}

export async function buildSinergiSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  // One instance per resolver class; the household resolver gets the search limits of this server.
  const instances = new Map<unknown, unknown>([
    [HouseholdResolver, new HouseholdResolver(new IdentifierSearchGuard(options.identifierSearch ?? DEFAULT_IDENTIFIER_SEARCH))],
  ]);
  const resolvers = [
    authResolver(options.sessionTtlHours, options.cookieSecure ?? 'auto'),
    apiTokenResolver(options.apiTokenMaxDays ?? API_TOKEN_MAX_DAYS_DEFAULT),
    AuditResolver,
    AnalyticsResolver,
    AreaCoverageResolver,
    OrganizationPerformanceResolver,
    ProgramPerformanceResolver,
    AreaResolver,
    AssignmentResolver,
    PartnerProgramsResolver,
    GrowthMeasurementResolver,
    HouseholdResolver,
    ImportResolver,
    HouseholdProvenanceResolver,
    PersonProvenanceResolver,
    IndicatorResolver,
    InterventionResolver,
    NeedResolver,
    HouseholdNeedsResolver,
    OrganizationResolver,
    PersonResolver,
    PovertyAssessmentResolver,
    HouseholdAssessmentsResolver,
    ProgramResolver,
    UserResolver,
  ] as const;
  const instanceOf = (resolverClass: Function) => {
    if (!instances.has(resolverClass)) instances.set(resolverClass, new (resolverClass as new () => unknown)());
    return instances.get(resolverClass);
  };
  const schema = await buildSchema({
    resolvers,
    container: { get: instanceOf },
    authChecker: AuthChecker,
    validate: false,
  });
  // Field resolvers without middleware called directly; then every field that shows a person's or household's data reports its subjects to the request's PII_READ event.
  return auditPersonalFields(leanFieldResolvers(schema, resolvers, instanceOf));
}
