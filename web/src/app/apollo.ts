import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, type ApolloCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import i18next from 'i18next';
import { relayStylePagination } from '@apollo/client/utilities';
import { offlineLink } from '../features/offline/offline-link';
import { offlineQueries } from '../features/offline/offline';
import { sessionEvents } from '../lib/session-events';

export const GRAPHQL_ENDPOINT = '/graphql';

export function createCache() {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          households: relayStylePagination(['filter', 'orderBy']),
          myWorkQueue: relayStylePagination(['filter']),
          assignments: relayStylePagination(['filter']),
          auditEvents: relayStylePagination(['filter']),
          programs: relayStylePagination(['filter']),
          interventions: relayStylePagination(['filter']),
        },
      },
      // Coverage rows depend on the query's filters: kept inside each result, never merged by area.
      AreaCoverage: { keyFields: false },
      ProgramMatch: { keyFields: false },
      CountByKey: { keyFields: false },
    },
  });
}

export function createApolloClient() {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      if (operation.operationName !== 'Login') sessionEvents.markExpired();
    }
  });
  // The server writes its error messages in the portal's current language.
  const languageLink = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'accept-language': acceptLanguage(i18next.language) },
    }));
    return forward(operation);
  });
  const httpLink = new HttpLink({
    uri: GRAPHQL_ENDPOINT,
    credentials: 'same-origin',
    headers: { accept: 'application/graphql-response+json, application/json' },
  });
  // Field users' answers are kept on the device and answer for the server when it cannot be reached.
  return new ApolloClient({ link: ApolloLink.from([errorLink, languageLink, offlineLink(offlineQueries), httpLink]), cache: createCache() });
}

/** The Accept-Language for a portal language: Indonesian unless English is chosen. */
export const acceptLanguage = (language: string | undefined) => (language?.startsWith('en') ? 'en' : 'id');

/**
 * A mutation `update` that drops every cached answer of these root fields (all argument variants), so
 * other screens (option lists, the dashboard) ask again instead of showing the list before the change.
 */
export function evictRootFields(...fieldNames: string[]) {
  return (cache: ApolloCache) => {
    for (const fieldName of fieldNames) cache.evict({ id: 'ROOT_QUERY', fieldName });
    cache.gc();
  };
}
