import { GraphQLError } from 'graphql';

// One error type per code clients can rely on (spec §5). Anything else is masked.

export class UnauthenticatedError extends GraphQLError {
  /** `reason` tells a refused login (INVALID_CREDENTIALS) from a request without a valid session. */
  constructor(message = 'Login required', reason: 'LOGIN_REQUIRED' | 'INVALID_CREDENTIALS' = 'LOGIN_REQUIRED') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', reason } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Your role may not do this') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(entity: string, field?: string) {
    super(`${entity} not found`, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
  }
}

export class BadUserInputError extends GraphQLError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
    this.field = field;
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, details: { existingId?: string; field?: string; existing?: Record<string, unknown> } = {}) {
    super(message, { extensions: { code: 'CONFLICT', ...details } });
  }
}

export class TooManyRequestsError extends GraphQLError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts; try again later') {
    super(message, {
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds },
    });
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
