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

// The last query of each connection: the next one starts after it, whoever sends it (knex or requestQuery).
const tails = new WeakMap<object, Promise<unknown>>();

function serialised<T>(connection: object, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(connection) ?? Promise.resolve();
  const result = previous.then(run);
  tails.set(
    connection,
    result.then(
      () => undefined,
      () => undefined,
    ),
  );
  return result;
}

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
  proto._query = function (connection, obj) {
    const scope = requestConnection.getStore();
    if (scope?.closed) return Promise.reject(new EscapedQueryError('ran after its transaction ended'));
    if (scope?.connection && scope.connection !== connection) {
      return Promise.reject(new EscapedQueryError('ran on a second connection'));
    }
    return serialised(connection, () => original.call(this, connection, obj));
  };
  proto[INSTALLED] = true;
}

interface PgConnection {
  query(text: string, values: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one statement (`$1`… placeholders) on the request's transaction connection, in turn with the
 * request's knex queries, as they are run. For the statements every request sends (its opening, a
 * page, its disclosure event): knex's compiling and runner were a few per cent of a page's CPU. The
 * statement is announced as knex announces its own (`knex`'s 'query' event), so whoever counts or
 * inspects a request's statements sees these too.
 */
export function requestQuery<R>(knex: Knex, scope: RequestConnection, text: string, values: readonly unknown[]): Promise<R[]> {
  const connection = scope.connection as PgConnection | null;
  if (scope.closed) return Promise.reject(new EscapedQueryError('ran after its transaction ended'));
  if (!connection) return Promise.reject(new EscapedQueryError('ran before its transaction began'));
  return serialised(connection, async () => {
    if (knex.listenerCount('query')) knex.emit('query', { sql: text, bindings: values, method: 'raw' });
    return (await connection.query(text, values)).rows as R[];
  });
}
