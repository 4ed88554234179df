import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from '@mikro-orm/knex';
import pg from 'pg';
import { prepareValue } from 'pg/lib/utils.js';

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
  /** A statement to send in the same round trip as the transaction's BEGIN (`rideWithBegin`). */
  withBegin?: Rider | null;
  /** A statement to send in the same round trip as the transaction's COMMIT (`rideWithCommit`). */
  withCommit?: Rider | null;
}

/** A statement sent in one simple-protocol string with knex's BEGIN or COMMIT. */
interface Rider {
  text: string;
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

export const requestConnection = new AsyncLocalStorage<RequestConnection>();

export class EscapedQueryError extends Error {
  constructor(reason: string) {
    super(`A query of this request ${reason}: every query must run in the request's transaction`);
  }
}

interface QueryObject {
  sql: string;
  bindings?: unknown[];
  response?: unknown;
}
interface KnexClient {
  emit(event: string, ...args: unknown[]): boolean;
}
type QueryFn = (this: KnexClient, connection: object, obj: QueryObject) => Promise<unknown>;
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
    const begin = obj.sql === 'BEGIN;' && scope?.withBegin;
    const commit = obj.sql === 'COMMIT;' && scope?.connection === connection && scope.withCommit;
    if (begin || commit) {
      if (begin) scope!.withBegin = null;
      else scope!.withCommit = null;
      return serialised(connection, () => ride(this, original, connection, obj, (begin || commit) as Rider, !!begin));
    }
    return serialised(connection, () => original.call(this, connection, obj));
  };
  proto[INSTALLED] = true;
}

/**
 * Sends knex's BEGIN or COMMIT with `rider`'s statement in one simple-protocol string: one round trip
 * instead of two (each write to PostgreSQL's socket was a visible share of a page's CPU). BEGIN's rider
 * runs after it, COMMIT's before it, so both run inside the transaction.
 */
async function ride(client: KnexClient, original: QueryFn, connection: object, obj: QueryObject, rider: Rider, begin: boolean): Promise<unknown> {
  // Announced as knex announces its own, so whoever counts a request's statements still sees it.
  client.emit('query', { sql: rider.text, bindings: [], method: 'raw' });
  // A copy: an error message names only knex's own statement, not the rider's values.
  const both: QueryObject = { ...obj, sql: begin ? `${obj.sql} ${rider.text};` : `${rider.text}; ${obj.sql}` };
  try {
    await original.call(client, connection, both);
  } catch (error) {
    // PostgreSQL skips the rest of the string after a failed statement and leaves the transaction
    // aborted: end it here, before knex hands the connection back to the pool.
    await original.call(client, connection, { sql: 'ROLLBACK;' }).catch(() => undefined);
    rider.reject(error);
    throw error;
  }
  const [first, second] = both.response as Array<{ rows: unknown[] }>;
  obj.response = begin ? first : second;
  rider.resolve((begin ? second! : first!).rows);
  return obj;
}

// Text that pg's array serialisation and escapeLiteral would copy unchanged.
const PLAIN_ELEMENT = /^[^"\\]*$/;
const PLAIN_TEXT = /^[^'\\]*$/;

/** `value` as an SQL literal, as pg would send it as a parameter (dates, arrays, JSON), safely quoted. */
export function sqlLiteral(value: unknown): string {
  // An array of plain strings (the disclosure event's ids) as pg would write it, without its
  // per-character copies: they were about a tenth of the bytes a page allocated.
  const prepared = Array.isArray(value) && value.every((e) => typeof e === 'string' && PLAIN_ELEMENT.test(e)) ? plainArray(value as string[]) : prepareValue(value);
  if (prepared == null) return 'null';
  const text = String(prepared);
  return PLAIN_TEXT.test(text) ? `'${text}'` : pg.escapeLiteral(text);
}

/** pg's array literal of strings that need no escaping: each element quoted, as its arrayString does. */
function plainArray(values: readonly string[]): string {
  return values.length ? `{"${values.join('","')}"}` : '{}';
}

/**
 * Sends `text` (values inlined with `sqlLiteral`) with the request transaction's BEGIN. Call before
 * beginning; the function it returns, once the transaction has begun, gives the statement's rows (or,
 * had knex begun some other way, runs it on its own with `requestQuery`).
 */
export function rideWithBegin<R>(knex: Knex, scope: RequestConnection, text: string): () => Promise<R[]> {
  let rider: Rider;
  const rows = new Promise<R[]>((resolve, reject) => (rider = { text, resolve: resolve as Rider['resolve'], reject }));
  // Its failure is also BEGIN's, which the caller sees.
  rows.catch(() => undefined);
  scope.withBegin = rider!;
  return () => {
    if (scope.withBegin !== rider) return rows;
    scope.withBegin = null;
    return requestQuery<R>(knex, scope, text, []);
  };
}

/**
 * Sends `text` (values inlined with `sqlLiteral`) with the request transaction's COMMIT, in the same
 * transaction: if it fails, the transaction rolls back and the commit fails with its error.
 */
export function rideWithCommit(scope: RequestConnection, text: string): void {
  if (scope.closed || !scope.connection) throw new EscapedQueryError(scope.closed ? 'ran after its transaction ended' : 'ran before its transaction began');
  scope.withCommit = { text, resolve: () => undefined, reject: () => undefined };
}

interface PgConnection {
  query(query: { text: string; values: readonly unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}

// Statements prepared by name, each planned once per connection. Bounded: a prepared plan holds memory in
// every backend that ran it, so past this many texts a new one runs unnamed, planned at each run as before.
const PREPARED_MAX = 64;
const preparedNames = new Map<string, string>();

function preparedName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known || preparedNames.size >= PREPARED_MAX) return known;
  const name = `sinergi_${preparedNames.size + 1}`;
  preparedNames.set(text, name);
  return name;
}

/**
 * Runs one statement (`$1`… placeholders) on the request's transaction connection, in turn with the
 * request's knex queries, as they are run. For the statements every request sends (its opening, a
 * page, its disclosure event): knex's compiling and runner were a few per cent of a page's CPU. The
 * statement is announced as knex announces its own (`knex`'s 'query' event), so whoever counts or
 * inspects a request's statements sees these too. With `prepare`, a statement without parameters is
 * prepared by name and planned once per connection (`preparedName`).
 */
export function requestQuery<R>(knex: Knex, scope: RequestConnection, text: string, values: readonly unknown[], options: { prepare?: boolean } = {}): Promise<R[]> {
  const connection = scope.connection as PgConnection | null;
  if (scope.closed) return Promise.reject(new EscapedQueryError('ran after its transaction ended'));
  if (!connection) return Promise.reject(new EscapedQueryError('ran before its transaction began'));
  // Only a statement without parameters: PostgreSQL then keeps one generic plan for it, where a prepared
  // statement with parameters would still be planned again for their values.
  const name = options.prepare && values.length === 0 ? preparedName(text) : undefined;
  return serialised(connection, async () => {
    if (knex.listenerCount('query')) knex.emit('query', { sql: text, bindings: values, method: 'raw' });
    return (await connection.query({ text, values, name })).rows as R[];
  });
}
