import type { Knex } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscapedQueryError, type RequestConnection, requestConnection, requestQuery } from '../src/db/query-discipline.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** A request's scope with its transaction open on one pooled connection, as openRequest leaves it. */
async function inTransaction<T>(fn: (knex: Knex, trx: Knex.Transaction, scope: RequestConnection) => Promise<T>): Promise<T> {
  const knex = t.db.orm.em.getKnex();
  const scope: RequestConnection = { connection: null, closed: false };
  try {
    return await requestConnection.run(scope, () =>
      knex.transaction(async (trx) => {
        scope.connection = (await trx.client.acquireConnection()) as object;
        return fn(knex, trx, scope);
      }),
    );
  } finally {
    // As abandonRequest: once the transaction is over, nothing of the request may query.
    scope.closed = true;
  }
}

describe('requestQuery', () => {
  it("runs in the request's transaction, in turn with its knex queries, and is announced as they are", async () => {
    const seen: string[] = [];
    const listen = (q: { sql: string }) => seen.push(q.sql);
    const warnings: string[] = [];
    const warn = (w: Error) => warnings.push(w.message);
    t.db.orm.em.getKnex().on('query', listen);
    process.on('warning', warn);
    try {
      await inTransaction(async (knex, trx, scope) => {
        const finished: string[] = [];
        // The slow knex query first, then ours on the same connection while it runs: ours waits its turn.
        const sent = new Promise((resolve) => knex.once('query', resolve));
        const slow = trx.raw('select txid_current() as tx, pg_sleep(0.1)').then((r: { rows: Array<{ tx: string }> }) => {
          finished.push('knex');
          return r.rows[0]!.tx;
        });
        await sent;
        const ours = requestQuery<{ tx: string; n: number }>(knex, scope, 'select txid_current() as tx, $1::int as n', [7]).then((rows) => {
          finished.push('direct');
          return rows;
        });
        const [knexTx, rows] = await Promise.all([slow, ours]);
        expect(rows).toEqual([{ tx: knexTx, n: 7 }]);
        expect(finished).toEqual(['knex', 'direct']);
      });
    } finally {
      t.db.orm.em.getKnex().off('query', listen);
      process.removeListener('warning', warn);
    }
    expect(seen).toContain('select txid_current() as tx, $1::int as n');
    expect(warnings.filter((w) => w.includes('already executing'))).toEqual([]);
  });

  it('refuses before the transaction begins and after it ends, without sending anything', async () => {
    const knex = t.db.orm.em.getKnex();
    const seen: string[] = [];
    const listen = (q: { sql: string }) => seen.push(q.sql);
    knex.on('query', listen);
    try {
      await expect(requestQuery(knex, { connection: null, closed: false }, 'select 1', [])).rejects.toBeInstanceOf(EscapedQueryError);
      let ended: RequestConnection | undefined;
      await inTransaction(async (_knex, _trx, scope) => {
        ended = scope;
      });
      await expect(requestQuery(knex, ended!, 'select 2', [])).rejects.toBeInstanceOf(EscapedQueryError);
    } finally {
      knex.off('query', listen);
    }
    expect(seen.filter((s) => /select [12]$/.test(s))).toEqual([]);
  });
});
