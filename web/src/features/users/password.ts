// No 0/O, 1/l/I: the password is read out or typed from paper.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password for a new account or a reset, from the browser's CSPRNG. */
export function generatePassword(length = 14): string {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
