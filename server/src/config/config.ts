import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseInstant } from './clock.js';

export const DEFAULT_IDENTIFIER_SEARCH = { limit: 20, windowMinutes: 60 };

export const API_TOKEN_MAX_DAYS_DEFAULT = 90;

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may set X-Forwarded-For/-Proto, in Express's terms: false (none: the client is the
 * peer), true (any peer: only when nothing but the proxy can reach the server), a number of hops, or
 * a comma-separated list of addresses, subnets and the presets loopback, linklocal, uniquelocal.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value, ctx): boolean | number | string[] => {
    const v = value.trim().toLowerCase();
    if (v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    if (entries.every(isAddressOrSubnet)) return entries;
    ctx.addIssue({ code: 'custom', message: 'must be false, true, a number of hops, or addresses, subnets, loopback, linklocal or uniquelocal separated by commas' });
    return z.NEVER;
  });

/** An instant the application clock starts at (tests, demonstrations); unset: the system clock. */
const clockStart = z
  .string()
  .optional()
  .transform((value, ctx): Date | undefined => {
    if (value === undefined) return undefined;
    const at = parseInstant(value.trim());
    if (at) return at;
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 instant with its offset, e.g. 2027-06-30T23:30:00+07:00' });
    return z.NEVER;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Unset: the server runs its own embedded PostgreSQL in SINERGI_DATA_DIR.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // Owner of the tables, for migrations and `pnpm seed`; defaults to DATABASE_URL (see README).
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SINERGI_DATA_DIR: z.string().min(1).default('./.data'),
  // Load the demo city into an empty embedded database at start (never into an external one).
  SINERGI_DEMO_SEED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SINERGI_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  // Longest lifetime of a personal API token, and the lifetime of one created without an expiry.
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(API_TOKEN_MAX_DAYS_DEFAULT),
  TRUST_PROXY: trustProxy,
  // Secure session cookies: auto = when the request came over https (as a trusted proxy says).
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  DB_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
  // Bounds for the application role's sessions: a runaway query or an abandoned transaction must
  // not hold a pooled connection for long.
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  // Introspection: for logged-in viewers only (the bundled GraphiQL after login), for everyone, or for nobody.
  GRAPHQL_INTROSPECTION: z.enum(['authenticated', 'on', 'off']).default('authenticated'),
  // Largest accepted request body; the largest legitimate one is a boundary import (about 100 KB for a city).
  GRAPHQL_BODY_LIMIT_KB: z.coerce.number().int().min(16).max(100 * 1024).default(512),
  // Admission control of /graphql (http/admission.ts): requests handled at once (unset: DB_POOL_MAX, one
  // connection each), and how many may wait for a turn and for how long before the server answers 503.
  GRAPHQL_CONCURRENCY: z.coerce.number().int().min(1).max(1000).optional(),
  GRAPHQL_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(200),
  GRAPHQL_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  // Household exports per user in a window of EXPORT_WINDOW_MINUTES that opens with the first export.
  EXPORTS_PER_WINDOW: z.coerce.number().int().min(1).max(1000).default(5),
  EXPORT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  // Seals pagination cursors; unset: a random key per process (cursors do not survive a restart).
  SINERGI_CURSOR_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  // Searches by NIK or KK number a partner's user may make per window (each one is audited).
  IDENTIFIER_SEARCH_LIMIT: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_IDENTIFIER_SEARCH.limit),
  IDENTIFIER_SEARCH_WINDOW_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(DEFAULT_IDENTIFIER_SEARCH.windowMinutes),
  // Largest import file accepted (upload and command line), and the most data rows one file may hold.
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(1024).default(200),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(5_000_000).default(1_000_000),
  // Households (or rows, for other sources) committed per all-or-nothing batch of an import.
  IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(1_000),
  // Starts the application clock at this instant (it runs on from there); unset: the system clock.
  SINERGI_CLOCK: clockStart,
});

export type Config = Omit<z.infer<typeof schema>, 'SINERGI_DATA_DIR' | 'SINERGI_WEB_DIST'> & {
  SINERGI_DATA_DIR: string;
  SINERGI_WEB_DIST: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in a .env file mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    SINERGI_DATA_DIR: path.resolve(c.SINERGI_DATA_DIR),
    SINERGI_WEB_DIST: path.resolve(c.SINERGI_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
  };
}
