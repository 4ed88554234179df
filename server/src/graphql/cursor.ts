import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { BadUserInputError } from './errors.js';

// Cursors are sealed with AES-256-GCM: a client learns nothing from one (not the sort value, which may
// be a full KK number, nor the row id) and cannot forge or alter one. The authenticated data binds it to
// its list, filter, order and viewer, so it is refused anywhere else.

export type CursorValue = string | number | null;

/** Where a cursor is valid: it opens only with the same list, filter, order and viewer. */
export interface CursorScope {
  list: string;
  /** Filter and order arguments of the list (null and undefined members are ignored). */
  args: unknown;
  userId: string | null;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Plaintext is padded to a multiple of this, so a cursor's length does not tell the sort value's length.
const PAD_TO = 48;
const MAX_CURSOR_CHARS = 400;

// Without a configured key, one per process: cursors then do not survive a restart.
let key = randomBytes(32);

/** Sets the sealing key from configuration (any secret of at least 32 characters); unset keeps a random one. */
export function useCursorKey(secret: string | undefined): void {
  if (secret) key = Buffer.from(hkdfSync('sha256', secret, 'sinergi', 'cursor-v1', 32));
}

/** JSON with sorted keys and without null or undefined members: the same filter always binds the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function additionalData(scope: CursorScope): Buffer {
  return Buffer.from(canonical([VERSION, scope.list, scope.args ?? null, scope.userId ?? '']));
}

export function sealCursor(values: CursorValue[], scope: CursorScope): string {
  const plain = Buffer.from(JSON.stringify(values));
  const padded = Buffer.concat([plain, Buffer.alloc(PAD_TO - (plain.length % PAD_TO), ' ')]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(scope));
  const sealed = Buffer.concat([iv, cipher.update(padded), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

/** The values sealed in `cursor`, or BAD_USER_INPUT on `after` for anything this server did not seal for `scope`. */
export function openCursor(cursor: string, arity: number, scope: CursorScope): CursorValue[] {
  if (cursor.length <= MAX_CURSOR_CHARS && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    const sealed = Buffer.from(cursor, 'base64url');
    if (sealed.length >= IV_BYTES + PAD_TO + TAG_BYTES && sealed.toString('base64url') === cursor) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAAD(additionalData(scope));
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
        const values = JSON.parse(plain.toString('utf8')) as unknown;
        if (
          Array.isArray(values) &&
          values.length === arity &&
          values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
        ) {
          return values as CursorValue[];
        }
      } catch {
        // fall through to the error below
      }
    }
  }
  throw new BadUserInputError('after', 'is not a cursor returned by this list');
}
