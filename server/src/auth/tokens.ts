import { createHash, randomBytes } from 'node:crypto';

export const SESSION_PREFIX = 'sns_';
export const API_TOKEN_PREFIX = 'snt_';

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

// Tokens carry 256 random bits, so a fast hash is enough to make a stolen table useless.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
