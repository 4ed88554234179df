import { AsyncLocalStorage } from 'node:async_hooks';
import type { Lang } from './messages.js';

// The language of the request being answered, for error messages: Indonesian unless the client asks
// for English first (the portal sends its own language as Accept-Language).

const store = new AsyncLocalStorage<Lang>();

/** The first of Indonesian or English that an Accept-Language header prefers; Indonesian by default. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().toLowerCase().split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.q > 0 && (l.primary === 'id' || l.primary === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.primary as Lang | undefined) ?? 'id';
}

/** Runs a request's handling in its language. */
export function inLanguage<T>(lang: Lang, run: () => T): T {
  return store.run(lang, run);
}

/** The current request's language (Indonesian outside a request). */
export const requestLanguage = (): Lang => store.getStore() ?? 'id';
