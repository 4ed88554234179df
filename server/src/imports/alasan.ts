import { GraphQLError } from 'graphql';
import { isCatalogued } from '../graphql/errors.js';
import { MESSAGES, problemOf, render } from '../graphql/messages.js';

// The import's error report speaks Indonesian ("alasan"), naming the file's column. The rules are the
// API's own validators (shared with the mutations); their Indonesian text comes from the error
// catalogue (graphql/messages.ts). A message the catalogue lacks gets its generic sentence, never English.

/** The Indonesian reason for a validator's message. */
export function translateProblem(message: string): string {
  const problem = problemOf(message);
  return problem ? render(problem, 'id') : MESSAGES.INVALID_VALUE.id.toLowerCase();
}

/**
 * `"<column>": <reason>` for an error thrown by a shared validator. `columnOf` turns the validator's
 * field name (undefined when it named none) into the file's header.
 */
export function alasanOf(error: unknown, columnOf: (field: string | undefined) => string): string {
  if (error instanceof GraphQLError) {
    const field = error.extensions['field'] as string | undefined;
    const reason = isCatalogued(error) ? render(error.problem, 'id') : translateProblem(error.message);
    return `${quoteColumn(columnOf(field))}: ${reason}`;
  }
  throw error;
}

export const quoteColumn = (column: string) => `"${column.replace(/\s+/g, ' ').trim()}"`;
