import { GraphQLError } from 'graphql';
import { MESSAGES, problem, problemOf, render, type Problem, type Reason } from './messages.js';

// One error type per code clients can rely on (spec §5). Anything else is masked.
//
// BAD_USER_INPUT, CONFLICT, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED and TOO_MANY_REQUESTS carry extensions.reason and a message from the
// catalogue (messages.ts), rendered in the request's language by format-error.ts. New code adds its
// code to the catalogue (both languages, the same {parameters}) and throws it:
//   new BadUserInputError('input.nik', problem('NIK_FORMAT'))
//   new BadUserInputError('input.birthDate', problem('DATE_TOO_LATE', { date: today() }))
//   new ConflictError(problem('REFERRAL_ALREADY_OPEN'), { existingId, field: 'input.householdIds.0' })
//   new ForbiddenError(problem('OUTSIDE_OWN_AREA'))
//   new NotFoundError('Household', 'input.householdId')   // reason HOUSEHOLD_NOT_FOUND (from the entity name)
// A plain message still works: it is matched against the catalogue's templates, else it gets the code's
// generic reason (INVALID_VALUE, CONFLICT, FORBIDDEN) and Indonesian sentence; messages.test.ts fails
// for a literal message in the source that the catalogue does not hold.

/** An error whose message comes from the catalogue (messages.ts), rendered in the request's language. */
export interface CataloguedError {
  readonly problem: Problem;
}

export const isCatalogued = (error: unknown): error is GraphQLError & CataloguedError =>
  error instanceof GraphQLError && typeof (error as Partial<CataloguedError>).problem?.reason === 'string';

/**
 * The problem and English message of what a constructor was given: a catalogued problem (new code:
 * `problem('NIK_FORMAT')`), or an older plain message, matched against the catalogue's templates and
 * otherwise given the code's fallback reason (its English text is then kept as it was written).
 */
function resolve(given: string | Problem | undefined, fallback: Reason): { problem: Problem; message: string } {
  if (given === undefined) return { problem: { reason: fallback, params: {} }, message: MESSAGES[fallback].en };
  if (typeof given !== 'string') return { problem: given, message: render(given, 'en') };
  return { problem: problemOf(given) ?? { reason: fallback, params: {} }, message: given };
}

export class ForbiddenError extends GraphQLError implements CataloguedError {
  readonly problem: Problem;
  constructor(given?: string | Problem) {
    const { problem, message } = resolve(given, 'ROLE_FORBIDDEN');
    super(message, { extensions: { code: 'FORBIDDEN', reason: problem.reason } });
    this.problem = problem;
  }
}

const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export class NotFoundError extends GraphQLError implements CataloguedError {
  readonly problem: Problem;
  /** `entity` is the record's type ("Household"); its reason is HOUSEHOLD_NOT_FOUND when catalogued, else NOT_FOUND. */
  constructor(entity: string, field?: string) {
    const reason = `${snake(entity)}_NOT_FOUND`;
    const problem: Problem = { reason: reason in MESSAGES ? (reason as Reason) : 'NOT_FOUND', params: {} };
    super(`${entity} not found`, { extensions: { code: 'NOT_FOUND', reason: problem.reason, ...(field ? { field } : {}) } });
    this.problem = problem;
  }
}

export class BadUserInputError extends GraphQLError implements CataloguedError {
  readonly field: string;
  readonly problem: Problem;
  constructor(field: string, given: string | Problem) {
    const { problem, message } = resolve(given, 'INVALID_VALUE');
    super(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', reason: problem.reason, field } });
    this.field = field;
    this.problem = problem;
  }
}

export class ConflictError extends GraphQLError implements CataloguedError {
  readonly problem: Problem;
  constructor(given: string | Problem, details: { existingId?: string; field?: string; existing?: Record<string, unknown> } = {}) {
    const { problem, message } = resolve(given, 'CONFLICT');
    super(message, { extensions: { code: 'CONFLICT', reason: problem.reason, ...details } });
    this.problem = problem;
  }
}

export class UnauthenticatedError extends GraphQLError implements CataloguedError {
  readonly problem: Problem;
  /** The reason tells a refused login (INVALID_CREDENTIALS) from a request without a valid session (LOGIN_REQUIRED). */
  constructor(given: Problem = problem('LOGIN_REQUIRED')) {
    super(render(given, 'en'), { extensions: { code: 'UNAUTHENTICATED', reason: given.reason } });
    this.problem = given;
  }
}

export class TooManyRequestsError extends GraphQLError implements CataloguedError {
  readonly problem: Problem;
  constructor(retryAfterSeconds: number, given: Problem = problem('TOO_MANY_LOGIN_ATTEMPTS', { seconds: retryAfterSeconds })) {
    super(render(given, 'en'), { extensions: { code: 'TOO_MANY_REQUESTS', reason: given.reason, retryAfterSeconds } });
    this.problem = given;
  }
}

export const CLIENT_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
