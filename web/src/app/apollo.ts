import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, type ApolloCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
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
  const httpLink = new HttpLink({
    uri: GRAPHQL_ENDPOINT,
    credentials: 'same-origin',
    headers: { accept: 'application/graphql-response+json, application/json' },
  });
  return new ApolloClient({ link: ApolloLink.from([errorLink, httpLink]), cache: createCache() });
}

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
