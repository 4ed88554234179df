import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GRAPHQL_ENDPOINT } from '../../app/apollo';

/**
 * Same-origin fetcher: the toolkit sends `content-type: application/json`
 * (required by Apollo's CSRF prevention) and the cookie session rides along,
 * so the IDE uses the portal session.
 */
export const fetcher = createGraphiQLFetcher({
  url: GRAPHQL_ENDPOINT,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});
