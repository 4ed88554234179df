import { HeaderMap, type GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ErrorRequestHandler } from 'express';
import {
  GraphQLError,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { RateLimiter, reserve } from '../auth/rate-limit.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.js';
import type { Context } from './context.js';
import { TooManyRequestsError, UnauthenticatedError } from './errors.js';
import { problem } from './messages.js';

// What one operation may ask for. Everything here refuses before execution, so a refused operation
// runs no resolver and opens no database transaction. Documented in the README ("Query limits").

export const MAX_DEPTH = 8;
export const MAX_ALIASES = 15;
/** Lexical tokens of a document: the portal's largest has under 200, as has GraphiQL's introspection. */
export const MAX_TOKENS = 1000;
export const MAX_DIRECTIVES = 10;
/**
 * Estimated cost (see `estimateCost`). The spec's nested page (100 households with their area, members,
 * interventions, programs and owners) costs about 7,000 and must pass; the portal's dearest operation
 * costs about 2,300 (a test prices every portal operation); lists nested in lists of 100 households, or
 * two nested pages in one operation, cost well above.
 */
export const MAX_COST = 10_000;
/** A fixed cost for fields that do far more work than their selection shows. */
export const FIELD_COSTS: Record<string, number> = {
  // Reads and audits up to 50,000 households in one statement.
  'Mutation.exportHouseholds': 1000,
  // Up to 10,000 events of one person, each with its subjects' names.
  'Mutation.exportSubjectTrail': 300,
  // Analytics: one aggregate statement over every household in scope.
  'Query.coverageByArea': 300,
  'Query.overlap': 300,
  'Query.programPerformance': 300,
  'Query.organizationPerformance': 300,
  'Query.povertyTrend': 300,
  'Query.stuntingByArea': 300,
  'Query.indicatorSeries': 10,
  // The geometry of a kelurahan boundary is tens of kilobytes.
  'Area.boundary': 10,
};

/**
 * Rows a list field that is not paginated returns, per parent: a generous estimate of the demo city and
 * of the spec's limits (a household has a handful of members; a year of monthly deliveries).
 */
export const LIST_SIZES: Record<string, number | ((args: Record<string, unknown>) => number)> = {
  'Query.areas': 60,
  'Query.coverageByArea': 60,
  'Query.programPerformance': 50,
  'Query.organizationPerformance': 30,
  'Query.stuntingByArea': 60,
  'Query.subjectAccessTrail': 200,
  'Query.myApiTokens': 20,
  'Query.indicatorValues': 100,
  'Query.needRules': 10,
  'Mutation.createAssignments': (args) => {
    const ids = (args['input'] as { householdIds?: unknown[] } | undefined)?.householdIds;
    return Math.min(Array.isArray(ids) ? ids.length : 500, 500);
  },
  'AreaCoverage.householdsByPovertyStatus': 5,
  'AreaCoverage.householdsByDecile': 10,
  'AreaCoverage.needsByType': 10,
  'AreaCoverage.needsByStatus': 3,
  'OverlapReport.overlappingNeedsByType': 10,
  'OverlapReport.householdsWithOverlappingProgramsByAspect': 4,
  'PovertyTrend.points': 120,
  'IndicatorSeries.points': 40,
  'PartnerUsageReport.events': 20,
  // Most events name a person and their household; a list page's read names more, capped at 100.
  'AuditEvent.subjects': 3,
  'Household.dataSources': 3,
  'Household.members': 8,
  'Household.formerMembers': 8,
  'Household.interventions': 20,
  'Household.assignments': 5,
  'Household.assessments': 5,
  'Household.needs': 10,
  'Household.matchingPrograms': 10,
  'Person.growthMeasurements': 12,
  'Query.importSources': 4,
  'Query.importJobs': (args) => firstOf(args, 50),
  'Query.importReviews': (args) => firstOf(args, 50),
  'ImportSourceInfo.columns': 40,
  'ImportJob.mapping': 40,
  'ImportJob.firstErrors': (args) => firstOf(args, 20),
  'ImportReview.values': 7,
  'Household.provenance': 20,
  'Person.provenance': 15,
  'Need.candidatePrograms': 5,
  'WorkQueueCounts.needTypes': 10,
  'WorkQueueCounts.areas': 60,
  'WorkQueueCounts.programs': 50,
};
/** A list's `first` argument, or its default. */
function firstOf(args: Record<string, unknown>, fallback: number): number {
  return typeof args['first'] === 'number' && Number.isFinite(args['first']) ? Math.max(0, Math.min(args['first'], 200)) : fallback;
}

/** A list missing from LIST_SIZES (a test fails when one is) is counted as this many rows. */
const UNKNOWN_LIST_SIZE = 100;

function isObjectList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) && isCompositeType(getNamedType(inner));
}

function pageSizeOf(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.min(Math.floor(first), MAX_PAGE_SIZE));
}

/**
 * Cost of a field: scalars are free (they come with their row); an object is one row or loader hit plus
 * what is selected in it; a list multiplies that by its size — a connection by `first` (default 20,
 * capped at 100), another list by its estimate in LIST_SIZES. Introspection reads no data: free.
 */
export const estimateCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const key = `${type.name}.${field.name}`;
  const fixed = FIELD_COSTS[key] ?? 0;
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return fixed;
  if (named.name.endsWith('Connection') && field.args.some((a) => a.name === 'first')) return fixed + 1 + pageSizeOf(args['first']) * childComplexity;
  // A connection counts its edges itself; its pageInfo comes with the page.
  if (type.name.endsWith('Connection') && field.name === 'edges') return childComplexity;
  if (type.name.endsWith('Connection') && field.name === 'pageInfo') return 0;
  if (isObjectList(field.type)) {
    const size = LIST_SIZES[key] ?? UNKNOWN_LIST_SIZE;
    return fixed + (typeof size === 'function' ? size(args) : size) * (1 + childComplexity);
  }
  return fixed + 1 + childComplexity;
};

/** The estimated cost of one operation of `document` with these variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [estimateCost] });
}

function fragmentsOf(document: DocumentNode) {
  const byName = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) byName.set(d.name.value, d);
  return (name: string) => byName.get(name);
}

/** Root fields of an operation by response key, through fragments. */
function rootFields(operation: OperationDefinitionNode, fragments: (name: string) => FragmentDefinitionNode | null | undefined) {
  const fields = new Map<string, string>();
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.set(s.alias?.value ?? s.name.value, s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        const fragment = fragments(s.name.value);
        if (fragment) walk(fragment.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return fields;
}

/** At most one export per operation: aliases must not multiply the heaviest mutation. */
const oneExportPerOperation: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation !== 'mutation') return;
    const exports = [...rootFields(node, (n) => context.getFragment(n)).values()].filter((f) => f === 'exportHouseholds');
    if (exports.length > 1) {
      context.reportError(new GraphQLError(`At most one exportHouseholds per operation, found ${exports.length}`, { nodes: [node] }));
    }
  },
});

function rejectAs(context: ValidationContext | null, error: GraphQLError) {
  // graphql-armor prefixes "Syntax Error:" though the document parsed; the limit is what the client needs.
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
}

const armor = new ApolloArmor({
  maxDepth: { n: MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, propagateOnRejection: false, onReject: [rejectAs] },
  maxAliases: { n: MAX_ALIASES, propagateOnRejection: false, onReject: [rejectAs] },
  maxDirectives: { n: MAX_DIRECTIVES, propagateOnRejection: false, onReject: [rejectAs] },
  // Tokens are capped by graphql-js itself (PARSE_OPTIONS), suggestions by `withoutSuggestions`, cost by
  // the list-aware estimator below: armor's versions know neither variables nor list sizes.
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: false },
}).protect();

/** Depth (introspection not counted), aliases, directives and one export per operation. */
export const LIMIT_RULES: ValidationRule[] = [...armor.validationRules, oneExportPerOperation];

export const PARSE_OPTIONS = { maxTokens: MAX_TOKENS };

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Field, argument, type and enum suggestions would map the schema for an anonymous caller. */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(SUGGESTION, '');
  return message === error.message ? error : { ...error, message };
}

export type IntrospectionPolicy = 'on' | 'off' | 'authenticated';

export interface LimitOptions {
  introspection: IntrospectionPolicy;
  exportsPerWindow: number;
  exportWindowMinutes: number;
}

/** Errors raised before execution carry their HTTP status (Apollo would answer 500 otherwise). */
export function withStatus(error: GraphQLError, status: number, headers: Record<string, string> = {}): GraphQLError {
  const http = { status, headers: new HeaderMap(Object.entries(headers)) };
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http } });
}

/**
 * Operation costs by document (Apollo hands the same parsed document for the same text), operation name
 * and variables: a cost depends on nothing else, and estimating it walked the whole document on every
 * request (about 1 % of a page's CPU). Short variables only, and a bounded number per document.
 */
export class CostCache {
  static readonly MAX_KEY = 500;
  static readonly PER_DOCUMENT = 64;
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  get(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | null | undefined, estimate: () => number): number {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let known = this.byDocument.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = estimate();
    if (key.length > CostCache.MAX_KEY) return cost;
    if (!known) this.byDocument.set(document, (known = new Map()));
    if (known.size < CostCache.PER_DOCUMENT) known.set(key, cost);
    return cost;
  }
}

type OperationContext = Pick<GraphQLRequestContextDidResolveOperation<Context>, 'document' | 'operation' | 'operationName' | 'request' | 'contextValue'>;

/**
 * Checks that need the request, once the operation is known and before it executes: the cost with the
 * real variables (before the request touches the database), then, with the viewer resolved,
 * introspection for anonymous callers and the per-user export window.
 */
export function operationLimits(schema: GraphQLSchema, options: LimitOptions) {
  const exports = new RateLimiter(options.exportsPerWindow, options.exportWindowMinutes * 60_000);
  const costs = new CostCache();
  return {
    checkCost({ document, operation, operationName, request }: OperationContext): void {
      if (!operation) return;
      // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT.
      if ('errors' in getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 })) return;
      const cost = costs.get(document, request.variables, operationName, () => {
        try {
          return operationCost(schema, document, request.variables, operationName);
        } catch {
          // Too many nodes to estimate (fragments spread into each other): more than any limit.
          return Infinity;
        }
      });
      if (cost > MAX_COST) {
        const found = Number.isFinite(cost) ? ` ${cost}` : '';
        throw withStatus(
          new GraphQLError(`Operation cost${found} exceeds the limit of ${MAX_COST}; ask for smaller pages or fewer nested lists`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', maxCost: MAX_COST },
          }),
          400,
        );
      }
    },
    checkViewer({ document, operation, contextValue }: OperationContext): void {
      if (!operation) return;
      const fields = [...rootFields(operation, fragmentsOf(document)).values()];
      const viewer = contextValue.viewer;
      if (!viewer && options.introspection === 'authenticated' && fields.some((f) => f === '__schema' || f === '__type')) {
        throw withStatus(new UnauthenticatedError(problem('INTROSPECTION_LOGIN_REQUIRED')), 401);
      }
      if (viewer && operation.operation === 'mutation' && fields.some((f) => f === 'exportHouseholds' || f === 'exportSubjectTrail')) {
        // Every export counts, finished or not: the window bounds the work, not the successes.
        const wait = reserve([[exports, viewer.userId]]);
        if (wait > 0) {
          const tooMany = problem('TOO_MANY_EXPORTS', { max: options.exportsPerWindow, minutes: options.exportWindowMinutes, seconds: wait });
          throw withStatus(new TooManyRequestsError(wait, tooMany), 429, { 'retry-after': String(wait) });
        }
      }
    },
  };
}

export type OperationLimits = ReturnType<typeof operationLimits>;

/** A body over the configured size answers 413 in the GraphQL error shape, before anything else runs. */
export const payloadTooLarge: ErrorRequestHandler = (error: { type?: string; limit?: number }, _req, res, next) => {
  if (error?.type !== 'entity.too.large') {
    next(error);
    return;
  }
  res.status(413).json({
    errors: [{ message: `Request body exceeds ${error.limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: error.limit } }],
  });
};
