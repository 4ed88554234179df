import { graphqlRequest } from '../../lib/graphql-client';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  organization: { id: string; name: string } | null;
}

const USER_FIELDS = /* GraphQL */ `
  id
  username
  displayName
  role
  organization {
    id
    name
  }
`;

const ME_QUERY = /* GraphQL */ `
  query PortalMe {
    me {
      ${USER_FIELDS}
    }
  }
`;

// The token is not requested: the server also sets an HttpOnly session
// cookie, so the browser never has to hold the bearer token in JS.
const LOGIN_MUTATION = /* GraphQL */ `
  mutation PortalLogin($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      user {
        ${USER_FIELDS}
      }
    }
  }
`;

const LOGOUT_MUTATION = /* GraphQL */ `
  mutation PortalLogout {
    logout
  }
`;

export async function fetchCurrentUser(signal?: AbortSignal): Promise<SessionUser | null> {
  const data = await graphqlRequest<{ me: SessionUser | null }>(ME_QUERY, undefined, { signal });
  return data.me;
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const data = await graphqlRequest<{ login: { user: SessionUser } }, { username: string; password: string }>(
    LOGIN_MUTATION,
    { username, password },
  );
  return data.login.user;
}

export async function logout(): Promise<void> {
  await graphqlRequest<{ logout: boolean }>(LOGOUT_MUTATION);
}
