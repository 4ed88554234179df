import { ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';
import type { OfflineQueries } from './offline-queries';

/**
 * Keeps field users' answers (OfflineQueries) and, when the request cannot reach the server, answers
 * from them instead: `extensions.offline` tells the page it shows a copy.
 */
export function offlineLink(queries: OfflineQueries): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const name = operation.operationName;
    if (!name) return forward(operation);
    return new Observable((observer) => {
      const sub = forward(operation).subscribe({
        next: (result) => {
          if (result.data && !('errors' in result && result.errors?.length)) {
            void queries.remember(name, operation.variables, result.data).catch(() => undefined);
          }
          observer.next(result);
        },
        error: (error: unknown) => {
          queries.recall(name, operation.variables).then(
            (saved) => {
              if (!saved) return observer.error(error);
              observer.next({ data: saved.data as Record<string, unknown>, extensions: { offline: true, savedAt: saved.savedAt } });
              observer.complete();
            },
            () => observer.error(error),
          );
        },
        complete: () => observer.complete(),
      });
      return () => sub.unsubscribe();
    });
  });
}
