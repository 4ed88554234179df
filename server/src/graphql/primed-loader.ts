import DataLoader from 'dataloader';

/**
 * A DataLoader whose primed values a field resolver can also read at once (`now`). A household page
 * primes its children (household-page.ts); answering them without a promise keeps graphql-js on its
 * synchronous path for the whole page, instead of a promise, a microtask and an async-hook call per
 * field and per object. A key is read at once only if it was primed before anyone loaded it, as
 * DataLoader's own `prime` keeps an earlier value.
 */
export class PrimedLoader<K, V> extends DataLoader<K, V> {
  private readonly primed = new Map<K, V>();
  /** Keys DataLoader itself holds or is loading: a later prime leaves them as they are. */
  private readonly loaded = new Set<K>();

  override load(key: K): Promise<V> {
    // A primed value stays out of DataLoader's cache until someone asks for its promise: a page
    // primes a few hundred keys that its resolvers mostly read at once (`now`).
    if (this.primed.has(key)) return Promise.resolve(this.primed.get(key)!);
    this.loaded.add(key);
    return super.load(key);
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // The first value stays, as with DataLoader's own prime.
    if (this.primed.has(key)) return this;
    if (!this.loaded.has(key) && !(value instanceof Error) && !isPromiseLike(value)) {
      this.primed.set(key, value);
      return this;
    }
    this.loaded.add(key);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.primed.delete(key);
    this.loaded.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.primed.clear();
    this.loaded.clear();
    return super.clearAll();
  }

  /** The primed value of `key` at once, or the loader's promise of it. */
  now(key: K): V | Promise<V> {
    const value = this.primed.get(key);
    return value !== undefined || this.primed.has(key) ? (value as V) : this.load(key);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** `fn` of a value that may still be a promise, without making a promise of a value at hand. */
export function andThen<T, U>(value: T | Promise<T>, fn: (value: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}
