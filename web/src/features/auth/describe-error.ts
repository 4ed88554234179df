import { GraphQLRequestError } from '../../lib/graphql-client';
import type { I18n } from '../../i18n/i18n-context';

/** The server's own message for GraphQL errors, a translated one otherwise. */
export function describeError(error: unknown, t: I18n['t']): string {
  if (error instanceof GraphQLRequestError) {
    if (error.kind === 'graphql') return error.message;
    if (error.kind === 'http') return t('error.http', { status: error.status ?? '?' });
  }
  return t('error.network');
}
