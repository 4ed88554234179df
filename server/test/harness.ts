import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../src/app.js';
import { today, useClock } from '../src/config/clock.js';
import { loadConfig } from '../src/config/config.js';
import { knex } from '@mikro-orm/knex';
import { APP_ROLE } from '../src/db/embedded.js';
import { createDatabase, type Database } from '../src/db/orm.js';
import { TEST_APP_PASSWORD } from './global-setup.js';

export const DEMO_PASSWORD = 'sinergi-demo';

/**
 * The suite's clock: SINERGI_CLOCK from the environment (e.g. `pnpm test:clock`), the one the global
 * setup seeded the demo city with. Set at import, so that fixtures computing dates agree with the app.
 */
const CLOCK = process.env['SINERGI_CLOCK'] ?? '';
useClock(loadConfig({ SINERGI_CLOCK: CLOCK }).SINERGI_CLOCK);

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; existingId?: string } }>;
}

export interface TestServer {
  url: string;
  db: Database;
  /** The test database as its owner, for a test that needs a connection of its own (e.g. to hold a lock). */
  ownerUrl: string;
  /** Runs a GraphQL operation over HTTP, as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  login(username: string): Promise<string>;
  /** Raw SQL against the test database as its owner (not subject to row-level security). */
  query<T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Counts the SQL statements the server sends while `fn` runs. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: inject('adminUrl') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface TestServerOptions {
  /** Extra configuration, as environment variables (e.g. TRUST_PROXY). */
  env?: Record<string, string>;
  /** The server's logger (default: silent, or TEST_LOG_LEVEL). */
  log?: Logger;
}

/** A fresh copy of the migrated, demo-seeded database, served by the real app on a free port. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${inject('templateDatabase')}`);
  const ownerUrl = new URL(inject('adminUrl'));
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = APP_ROLE;
  appUrl.password = TEST_APP_PASSWORD;
  const config = loadConfig({
    DATABASE_URL: appUrl.toString(),
    DATABASE_OWNER_URL: ownerUrl.toString(),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SINERGI_CLOCK: CLOCK,
    // Tests that send many requests at once (races on one key) must not be shed on a loaded machine;
    // test/overload.test.ts sets its own line.
    GRAPHQL_QUEUE_WAIT_MS: '120000',
    ...options.env,
  });
  const db = await createDatabase(config);
  const log = options.log ?? pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const { app, stop } = await createApp(config, db, log);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const gql: TestServer['gql'] = async (query, variables, token, headers) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };

  // Owner queries see the suite's today too (sinergi_today(), the household_need_status view).
  const owner = knex({
    client: 'pg',
    connection: ownerUrl.toString(),
    pool: {
      min: 0,
      max: 2,
      afterCreate: (conn: pg.Client, done: (error: Error | null, conn: pg.Client) => void) => {
        conn.query(`select set_config('sinergi.today', $1, false)`, [today()]).then(() => done(null, conn), (error: Error) => done(error, conn));
      },
    },
  });
  let statements = 0;
  db.orm.em.getKnex().on('query', () => statements++);

  return {
    url: base,
    db,
    ownerUrl: ownerUrl.toString(),
    gql,
    async login(username) {
      const res = await gql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: DEMO_PASSWORD },
      );
      if (!res.data) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async query(text, params) {
      return (await owner.raw(text, (params ?? []) as never)).rows;
    },
    async countStatements(fn) {
      const before = statements;
      await fn();
      return statements - before;
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await stop();
      await db.close();
      await owner.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
