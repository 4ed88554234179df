import type { EntityManager } from '@mikro-orm/postgresql';
import { hash, verify } from '@node-rs/argon2';
import { requestKnex } from '../graphql/connection.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): a few tens of milliseconds per login.
// algorithm 2 = Argon2id (the package's enum is a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps a login for an unknown user as slow as one with a wrong password.
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$C9KF0lva+ixRpC0q4JmrZg$l4Wk/PzlXH1CGMoC/ripHPTbs1655nabVEKHOxyUBfw';

/**
 * The stored hash of a user's password, or null. The application role cannot select the column
 * (migration 0009): the database hands it out for the login (no viewer yet) and for the viewer's own
 * account only.
 */
export async function storedPasswordHash(em: EntityManager, userId: string): Promise<string | null> {
  const { rows } = await requestKnex(em).raw('select sinergi_password_hash(?) as hash', [userId]);
  return (rows as Array<{ hash: string | null }>)[0]?.hash ?? null;
}
