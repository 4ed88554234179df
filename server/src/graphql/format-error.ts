import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clientErrorFromDatabase } from '../db/errors.js';
import { BadUserInputError, CLIENT_ERROR_CODES, isCatalogued } from './errors.js';
import { requestLanguage } from './language.js';
import { problemOf, render, sentence, type Problem, type Reason } from './messages.js';
import { withoutSuggestions } from './limits.js';

// graphql-js wording of a literal of the wrong type: a client mistake, not a malformed document.
const VALUE_ERROR = /^(Expected value of type|Enum "|Value "|(String|Int|Float|Boolean|ID|LocalDate|DateTimeISO) cannot represent)/;

const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

function format(error: GraphQLError): GraphQLFormattedError {
  const { message, locations, path, extensions } = error.toJSON();
  return { message, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions };
}

/** Where in the variables a coercion error points, e.g. "input.members.0.birthDate". */
function variablePath(message: string): string | undefined {
  const at = /Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"/.exec(message);
  if (at) return at[2]!.replace(/\[(\d+)\]/g, '.$1');
  return /Variable "\$([^"]+)"/.exec(message)?.[1];
}

export const MASKED_MESSAGE = 'Internal server error';

/** True for errors that are the client's doing and may be shown as they are. */
export function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (clientErrorFromDatabase(original)) return true;
  if (original instanceof GraphQLError) return CLIENT_ERROR_CODES.has(String(original.extensions['code']));
  return false;
}

// The codes whose messages come from the catalogue, with the reason of an error that names none.
const FALLBACK_REASON: Record<string, Reason> = {
  BAD_USER_INPUT: 'INVALID_VALUE',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'LOGIN_REQUIRED',
  TOO_MANY_REQUESTS: 'TOO_MANY_LOGIN_ATTEMPTS',
};

/**
 * The error in the request's language, with its reason: English keeps the message as written (with
 * its "field: " prefix), Indonesian is the catalogue's sentence (the field is in extensions.field).
 */
function localized(formatted: GraphQLFormattedError, source: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.['code']);
  const fallback = FALLBACK_REASON[code];
  if (!fallback) return formatted;
  const problem: Problem = isCatalogued(source)
    ? source.problem
    : (problemOf(formatted.message) ?? { reason: fallback, params: {} });
  const message = requestLanguage() === 'en' ? formatted.message : sentence(render(problem, 'id'));
  return { ...formatted, message, extensions: { ...formatted.extensions, reason: problem.reason } };
}

/** What a client sees of an error: our typed errors as they are, everything else masked. */
export function formatError(suggesting: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const fromDatabase = clientErrorFromDatabase(original);
  return localized(clientView(suggesting, error), fromDatabase ?? original);
}

function clientView(suggesting: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = withoutSuggestions(suggesting);
  const code = formatted.extensions?.['code'];
  if (code === 'BAD_USER_INPUT' && !formatted.extensions?.['field']) {
    const field = variablePath(formatted.message);
    return { ...formatted, extensions: { ...formatted.extensions, ...(field ? { field } : {}) } };
  }
  if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    // graphql-js stops after 50 invalid variable values with an error of no code: still the client's input.
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && VALUE_ERROR.test(formatted.message)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  const original = unwrapResolverError(error);
  const fromDatabase = clientErrorFromDatabase(original);
  if (fromDatabase) return { ...format(fromDatabase), ...(formatted.path ? { path: formatted.path } : {}) };
  if (original instanceof GraphQLError && CLIENT_ERROR_CODES.has(String(original.extensions['code']))) {
    return formatted;
  }
  if (original instanceof RangeError && formatted.path) {
    // Pure domain helpers signal impossible values with RangeError; name the operation's input.
    return format(new BadUserInputError('input', original.message));
  }
  return {
    message: MASKED_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
