import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from '@mikro-orm/knex';

/**
 * The connection a request may use. While a request is being served, every query must run on its
 * transaction's connection: a query elsewhere would run without the viewer that row-level security
 * reads, and waiting for a second pooled connection while holding one deadlocks a busy pool.
 */
export interface RequestConnection {
  /** Set once the request's transaction is open; until then the request has not touched the database. */
  connection: object | null;
  /** The transaction is over: nothing of this request may query any more. */
  closed: boolean;
}

export const requestConnection = new AsyncLocalStorage<RequestConnection>();

export class EscapedQueryError extends Error {
  constructor(reason: string) {
    super(`A query of this request ${reason}: every query must run in the request's transaction`);
  }
}

type QueryFn = (this: unknown, connection: object, obj: unknown) => Promise<unknown>;
const INSTALLED = Symbol.for('sinergi.queryDiscipline');

/**
 * Serialises the queries of each connection (DataLoader batches and parallel resolvers of one request
 * share its connection; pg 8 warns about overlapping queries and pg 9 refuses them), and refuses a query
 * that a request sends outside its transaction. Installed on the dialect's prototype because knex
 * builds each transaction's client from it.
 */
export function installQueryDiscipline(knex: Knex): void {
  // Fail at once instead of waiting for a second connection that a busy pool may never free.
  const client = knex.client as { acquireConnection(): Promise<object> };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () => {
    const scope = requestConnection.getStore();
    if (scope?.closed || scope?.connection) return Promise.reject(new EscapedQueryError('asked the pool for a second connection'));
    return acquire();
  };

  const proto = Object.getPrototypeOf(knex.client) as { _query: QueryFn; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const original = proto._query;
  const tails = new WeakMap<object, Promise<unknown>>();
  proto._query = function (connection, obj) {
    const scope = requestConnection.getStore();
    if (scope?.closed) return Promise.reject(new EscapedQueryError('ran after its transaction ended'));
    if (scope?.connection && scope.connection !== connection) {
      return Promise.reject(new EscapedQueryError('ran on a second connection'));
    }
    const previous = tails.get(connection) ?? Promise.resolve();
    const run = previous.then(() => original.call(this, connection, obj));
    tails.set(
      connection,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  };
  proto[INSTALLED] = true;
}
