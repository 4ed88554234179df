/**
 * Minimal same-origin GraphQL client for the portal (no Apollo Client yet).
 * The API (Apollo Server 5, CSRF prevention on) needs `content-type:
 * application/json`; the session travels in an HttpOnly cookie, hence
 * `credentials: 'same-origin'`.
 */
export const GRAPHQL_ENDPOINT = '/graphql';

export type GraphQLRequestErrorKind =
  /** The request never got an answer (server down, offline, CORS…). */
  | 'network'
  /** An answer without usable GraphQL JSON (e.g. 404/502 HTML page). */
  | 'http'
  /** The API answered with GraphQL errors; `message` is the server's. */
  | 'graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly kind: GraphQLRequestErrorKind,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface GraphQLErrorPayload {
  message: string;
  extensions?: { code?: unknown };
}

interface GraphQLResponsePayload<TData> {
  data?: TData | null;
  errors?: readonly GraphQLErrorPayload[];
}

export interface GraphQLRequestOptions {
  signal?: AbortSignal;
}

export async function graphqlRequest<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  query: string,
  variables?: TVariables,
  { signal }: GraphQLRequestOptions = {},
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify(variables ? { query, variables } : { query }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new GraphQLRequestError(error instanceof Error ? error.message : String(error), 'network');
  }

  let payload: GraphQLResponsePayload<TData> | undefined;
  if (/json/i.test(response.headers.get('content-type') ?? '')) {
    try {
      payload = (await response.json()) as GraphQLResponsePayload<TData>;
    } catch {
      payload = undefined;
    }
  }

  const firstError = payload?.errors?.[0];
  if (firstError) {
    const code = typeof firstError.extensions?.code === 'string' ? firstError.extensions.code : undefined;
    throw new GraphQLRequestError(firstError.message, 'graphql', response.status, code);
  }
  if (!response.ok || payload?.data == null) {
    throw new GraphQLRequestError(`HTTP ${response.status}`, 'http', response.status);
  }
  return payload.data;
}
