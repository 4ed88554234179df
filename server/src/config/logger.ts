import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

// Facts about a failure that name no person: PostgreSQL's SQLSTATE and the objects involved.
const SAFE_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'] as const;

/**
 * PostgreSQL's own message of a failed statement, without values. MikroORM appends the row-quoting
 * `detail` and `hint` to knex's message, which is the statement, " - ", then PostgreSQL's message; a
 * rejected value is quoted in it, where only the names of the objects involved may stay.
 */
function databaseMessage(error: Error & Record<string, unknown>): string {
  let text = error.message;
  for (const key of ['hint', 'detail']) {
    const suffix = `\n - ${key}: ${String(error[key])}`;
    if (typeof error[key] === 'string' && text.endsWith(suffix)) text = text.slice(0, -suffix.length);
  }
  // A value that imitates those suffixes leaves nothing worth the risk.
  if (/\n - (detail|hint): /.test(text)) return '[statement and message withheld]';
  const cut = text.lastIndexOf(' - ');
  if (cut >= 0) text = `[statement] - ${text.slice(cut + 3)}`;
  const names = new Set(SAFE_FIELDS.map((key) => error[key]).filter((v) => typeof v === 'string'));
  return text.replace(/"([^"]*)"/g, (quoted, inner: string) => (names.has(inner) ? quoted : '[value]'));
}

// Any long run of digits may be a NIK, KK or phone number.
const redactDigits = (text: string) => text.replace(/\d{6,}/g, '[number]');

/**
 * What the log keeps of an error: its type, a redacted message, the stack frames and the
 * database's codes; never `detail`, `where`, the statement or its parameters, which carry row values.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactDigits(String(error)) };
  const fields = error as Error & Record<string, unknown>;
  const fromDatabase = typeof fields['code'] === 'string' && /^[0-9A-Z]{5}$/.test(fields['code']) && 'routine' in fields;
  const message = redactDigits(fromDatabase ? databaseMessage(fields) : error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: Record<string, unknown> = { type: error.name, message, stack: [`${error.name}: ${message}`, ...frames].join('\n') };
  for (const key of SAFE_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (error.cause !== undefined && depth < 3) out['cause'] = serializeError(error.cause, depth + 1);
  return out;
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'sinergi' },
      // Never log credentials, even by accident.
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
