import { useQuery } from '@apollo/client/react';
import { createContext, useContext } from 'react';
import { graphql } from '../../gql';
import type { CurrentUserFragment, Role } from '../../gql/graphql';

export const CURRENT_USER_FRAGMENT = graphql(`
  fragment CurrentUser on User {
    id
    username
    displayName
    role
    organization {
      id
      name
      shortName
    }
    area {
      id
      code
      name
    }
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);

export function useMeQuery() {
  return useQuery(ME_QUERY, { fetchPolicy: 'cache-first' });
}

const UserContext = createContext<CurrentUserFragment | null>(null);
export const UserProvider = UserContext.Provider;

/** The logged-in user (inside the authenticated shell). */
export function useUser(): CurrentUserFragment {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside the authenticated shell');
  return user;
}

export type NavKey = 'home' | 'households' | 'workQueue' | 'assignments' | 'programs' | 'analytics' | 'audit' | 'apiHelp' | 'indicators' | 'organizations' | 'users' | 'apiTokens' | 'imports';

const ALL: readonly Role[] = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER', 'NGO_PARTNER', 'PRIVATE_PARTNER', 'AUDITOR'];

/** Which sections a role may use (mirrors the server's policy; the server decides). */
export const NAV_ROLES: Record<NavKey, readonly Role[]> = {
  home: ALL,
  households: ALL,
  workQueue: ['AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER'],
  assignments: ['ADMIN', 'COORDINATOR', 'NGO_PARTNER', 'PRIVATE_PARTNER'],
  programs: ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER'],
  analytics: ['ADMIN', 'COORDINATOR'],
  audit: ['ADMIN', 'AUDITOR'],
  apiHelp: ALL,
  indicators: ALL,
  organizations: ['ADMIN'],
  users: ['ADMIN'],
  apiTokens: ALL,
  imports: ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'KELURAHAN_OFFICER'],
};

export function mayUse(role: Role, key: NavKey): boolean {
  return NAV_ROLES[key].includes(role);
}

export const DELIVERY_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'AGENCY_STAFF', 'NGO_PARTNER', 'PRIVATE_PARTNER'];
/** Who resolves the import review queue (a kelurahan officer inside their area). */
export const IMPORT_REVIEW_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'KELURAHAN_OFFICER'];
export const HOUSEHOLD_EDIT_ROLES: readonly Role[] = ['ADMIN', 'KELURAHAN_OFFICER'];
/** Who records a poverty assessment (the server's policy, assessment.record). */
export const ASSESSMENT_ROLES: readonly Role[] = ['ADMIN', 'COORDINATOR', 'KELURAHAN_OFFICER', 'AGENCY_STAFF'];
