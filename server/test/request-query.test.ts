import type { Knex } from '@mikro-orm/knex';
import pg from 'pg';
import { prepareValue } from 'pg/lib/utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EscapedQueryError,
  type RequestConnection,
  requestConnection,
  requestQuery,
  rideWithBegin,
  rideWithCommit,
  sqlLiteral,
} from '../src/db/query-discipline.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** A request's scope with its transaction open on one pooled connection, as openRequest leaves it. */
async function inTransaction<T>(
  fn: (knex: Knex, trx: Knex.Transaction, scope: RequestConnection) => Promise<T>,
  scope: RequestConnection = { connection: null, closed: false },
): Promise<T> {
  const knex = t.db.orm.em.getKnex();
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

  it('with prepare, a statement without parameters is prepared once per connection and keeps one generic plan', async () => {
    const text = 'select count(*)::int as n from household /* prepared once */';
    const withValue = 'select $1::int as n /* never prepared */';
    await inTransaction(async (knex, _trx, scope) => {
      for (let i = 0; i < 3; i++) expect(await requestQuery(knex, scope, text, [], { prepare: true })).toHaveLength(1);
      expect(await requestQuery(knex, scope, withValue, [4], { prepare: true })).toEqual([{ n: 4 }]);
      const prepared = await requestQuery<{ statement: string; generic_plans: number; custom_plans: number }>(
        knex,
        scope,
        `select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%/* prepared once */' or statement like '%/* never prepared */'`,
        [],
      );
      expect(prepared).toEqual([{ statement: text, generic_plans: 3, custom_plans: 0 }]);
    });
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

/** The texts pg sends while `fn` runs (one per round trip), and the statements knex announces. */
async function sent<T>(fn: () => Promise<T>): Promise<{ result: T | Error; texts: string[]; announced: string[] }> {
  const texts: string[] = [];
  const announced: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    texts.push(typeof config === 'string' ? config : (config as { text: string }).text);
    return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof query;
  const listen = (q: { sql: string }) => announced.push(q.sql);
  const knex = t.db.orm.em.getKnex();
  knex.on('query', listen);
  try {
    const result = await fn().catch((error: Error) => error);
    return { result, texts, announced };
  } finally {
    pg.Client.prototype.query = query;
    knex.off('query', listen);
  }
}

/** The pool answers plainly on every connection: none was handed back inside an open or aborted transaction. */
async function poolIsClean() {
  const knex = t.db.orm.em.getKnex();
  const states = await Promise.all(
    Array.from({ length: 12 }, () => knex.raw(`select now() = statement_timestamp() as fresh`).then((r: { rows: Array<{ fresh: boolean }> }) => r.rows[0]!.fresh)),
  );
  expect(states.every(Boolean)).toBe(true);
}

describe('statements riding with BEGIN and COMMIT', () => {
  it('sqlLiteral gives what the same value gives as a parameter', async () => {
    const cases: Array<[unknown, string]> = [
      ["it's a \\ back'slash\\'; drop table audit_event; --", 'text'],
      ['Jl. Tjilik Riwut “km 5” ½', 'text'],
      [null, 'text'],
      [new Date('2026-12-07T13:45:12.345Z'), 'timestamptz'],
      [['b6b1c6a3-6b0e-4e55-9d4e-8c6b0c7b8f11', '00000000-0000-4000-8000-000000000000'], 'uuid[]'],
      [['a"b', 'c,d', '{e}', "f'g", 'h\\i', ''], 'text[]'],
      [JSON.stringify({ tier: "it's", subjects: 3 }), 'jsonb'],
      ['2001:db8::1', 'inet'],
      ['2026-12-07', 'date'],
    ];
    // As pg sends a parameter (requestQuery, what the disclosure event used), and as a literal.
    await inTransaction(async (knex, _trx, scope) => {
      for (const [value, type] of cases) {
        const viaParameter = await requestQuery(knex, scope, `select $1::${type} as v`, [value]);
        const viaLiteral = await requestQuery(knex, scope, `select ${sqlLiteral(value)}::${type} as v`, []);
        expect(viaLiteral, `${String(value)} as ${type}`).toEqual(viaParameter);
      }
    });
  });

  it("sqlLiteral's text is exactly pg's escapeLiteral of pg's own serialisation (its fast path for plain text and arrays)", () => {
    const ids = Array.from({ length: 300 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const values: unknown[] = [
      'plain',
      '',
      "o'k",
      'back\\slash',
      'quote " inside',
      'Jl. Tjilik Riwut “km 5” ½',
      ids,
      [],
      [''],
      ['a"b', 'c'],
      ['c', 'h\\i'],
      ["f'g", 'ok'],
      ['x', null],
      ['x', 1],
      [['nested']],
      ['2001:db8::1', 'x,y', '{z}', 'NULL'],
      new Date('2026-12-07T13:45:12.345Z'),
      null,
      undefined,
      42,
      true,
      JSON.stringify({ tier: "it's", subjects: 3 }),
    ];
    for (const value of values) {
      const prepared = prepareValue(value);
      expect(sqlLiteral(value), JSON.stringify(value)).toBe(prepared == null ? 'null' : pg.escapeLiteral(String(prepared)));
    }
  });

  it("runs a statement with BEGIN, in the transaction, in one round trip and announced", async () => {
    const knex = t.db.orm.em.getKnex();
    const scope: RequestConnection = { connection: null, closed: false };
    const text = `select txid_current()::text as tx, ${sqlLiteral("o'k")} as said`;
    const { result, texts, announced } = await sent(() =>
      requestConnection.run(scope, async () => {
        const rows = rideWithBegin<{ tx: string; said: string }>(knex, scope, text);
        return inTransaction(async (_knex, trx) => {
          const [opened] = await rows();
          const inside = await trx.raw('select txid_current()::text as tx');
          return { opened, inside: inside.rows[0].tx };
        }, scope);
      }),
    );
    expect(result).not.toBeInstanceOf(Error);
    const { opened, inside } = result as { opened: { tx: string; said: string }; inside: string };
    expect(opened).toEqual({ tx: inside, said: "o'k" });
    expect(texts).toContain(`BEGIN; ${text};`);
    expect(texts.filter((s) => s.includes(text))).toHaveLength(1);
    expect(announced).toContain(text);
  });

  it('runs a statement with COMMIT, in the transaction; if it fails, nothing commits and the connection comes back clean', async () => {
    const knex = t.db.orm.em.getKnex();
    const commitWith = async (rider: (tx: string) => string) => {
      let tx = '';
      const outcome = await sent(() =>
        inTransaction(async (_knex, trx, scope) => {
          tx = (await trx.raw('select txid_current()::text as tx')).rows[0].tx;
          rideWithCommit(scope, rider(tx));
        }),
      );
      const { rows } = await knex.raw('select txid_status(?::bigint) as status', [tx]);
      return { ...outcome, status: rows[0].status as string, text: rider(tx) };
    };
    // Raises unless it runs inside the request's transaction.
    const ok = await commitWith((tx) => `do $$ begin if txid_current()::text <> '${tx}' then raise exception 'outside'; end if; end $$`);
    expect(ok.result).not.toBeInstanceOf(Error);
    expect(ok.status).toBe('committed');
    expect(ok.texts).toContain(`${ok.text}; COMMIT;`);
    expect(ok.announced).toContain(ok.text);

    const failed = await commitWith(() => 'select 1 / 0');
    expect(failed.result).toBeInstanceOf(Error);
    expect((failed.result as Error).message).toContain('division by zero');
    // Its error names knex's statement, not the rider's values.
    expect((failed.result as Error).message).not.toContain('1 / 0');
    expect(failed.status).toBe('aborted');
    await poolIsClean();
  });

  it('a failing statement with BEGIN fails the BEGIN and leaves no transaction open', async () => {
    const knex = t.db.orm.em.getKnex();
    const scope: RequestConnection = { connection: null, closed: false };
    const outcome = await sent(() =>
      requestConnection.run(scope, async () => {
        const rows = rideWithBegin(knex, scope, 'select 1 / 0');
        await inTransaction(async () => undefined, scope);
        return rows();
      }),
    );
    expect(outcome.result).toBeInstanceOf(Error);
    expect((outcome.result as Error).message).toContain('division by zero');
    await poolIsClean();
  });
});
