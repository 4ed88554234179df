import { useCallback, useEffect, useState } from 'react';
import * as authApi from './auth-api';
import type { SessionUser } from './auth-api';

export type SessionState =
  | { status: 'checking' }
  /** `checkError` is set when `me` could not be asked (API unreachable). */
  | { status: 'anonymous'; checkError?: unknown }
  | { status: 'authenticated'; user: SessionUser };

export interface Session {
  state: SessionState;
  /** Resolves on success; rejects with a GraphQLRequestError on failure. */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

/** Asks `me` once on mount to learn whether a cookie session exists. */
export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    authApi.fetchCurrentUser(controller.signal).then(
      (user) => setState(user ? { status: 'authenticated', user } : { status: 'anonymous' }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'anonymous', checkError: error });
      },
    );
    return () => controller.abort();
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const user = await authApi.login(username, password);
    setState({ status: 'authenticated', user });
  }, []);

  const logout = useCallback(async () => {
    await authApi.logout();
    setState({ status: 'anonymous' });
  }, []);

  return { state, login, logout };
}
