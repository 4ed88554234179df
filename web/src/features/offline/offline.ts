import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { browserStore } from './offline-store';
import { OfflineQueries } from './offline-queries';
import { Outbox, webLock, type OutboxEntry } from './outbox';
import { apolloSender } from './outbox-sender';

/** The app's offline store of served answers and its outbox (IndexedDB, shared by the tabs). */
export const offlineQueries = new OfflineQueries(browserStore());
export const outbox = new Outbox(browserStore(), webLock('sinergi-outbox'));

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

// Answers that say "not now" rather than "no": a proxy without its server, or the server shedding load.
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * A request the server did not handle (no connection, a gateway error, the server too busy), as opposed
 * to one it answered: the outbox may keep it and send it again (the same key makes a resend safe).
 */
export function isNetworkFailure(error: unknown): boolean {
  if (!navigator.onLine || error instanceof TypeError || (error instanceof Error && error.name === 'TypeError')) return true;
  if (ServerError.is(error)) return UNAVAILABLE_STATUSES.has(error.statusCode);
  return CombinedGraphQLErrors.is(error) && error.errors[0]?.extensions?.['code'] === 'SERVICE_UNAVAILABLE';
}

/** The user's outbox entries, kept current. */
export function useOutboxEntries(userId: string): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void outbox.list(userId).then((list) => live && setEntries(list), () => undefined);
    load();
    const unsubscribe = outbox.subscribe(load);
    // Another tab may have added or synced entries.
    window.addEventListener('focus', load);
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('focus', load);
    };
  }, [userId]);
  return entries;
}

/** Syncs the user's outbox now; the pages then reload what changed. */
export function useOutboxSync(userId: string) {
  const client = useApolloClient();
  const [syncing, setSyncing] = useState(false);
  const sync = useCallback(async () => {
    if (!navigator.onLine) return;
    setSyncing(true);
    try {
      const report = await outbox.sync(userId, apolloSender(client));
      if (report.sent > 0) {
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'myWorkQueue' });
        await client.refetchQueries({ include: 'active' });
      }
    } finally {
      setSyncing(false);
    }
  }, [client, userId]);
  return { sync, syncing };
}

/** In the app shell: syncs when the connection returns, and once at start. */
export function useAutoSync(userId: string) {
  const { sync } = useOutboxSync(userId);
  useEffect(() => {
    const onOnline = () => void sync();
    window.addEventListener('online', onOnline);
    void sync();
    return () => window.removeEventListener('online', onOnline);
  }, [sync]);
}

/** When the answer shown was kept on this device (offline), so the page can say how old it is. */
export function useSavedAt(operationName: string, variables: Record<string, unknown>, online: boolean): string | null {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (online) {
      setSavedAt(null);
      return;
    }
    let live = true;
    offlineQueries.recall(operationName, JSON.parse(key)).then((saved) => live && setSavedAt(saved?.savedAt ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, [operationName, key, online]);
  return savedAt;
}
