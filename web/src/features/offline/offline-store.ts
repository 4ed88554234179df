import { createStore, del, entries, get, set } from 'idb-keyval';

/** The little key-value storage the offline features need: IndexedDB in the app, a Map in tests. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Every [key, value] whose key starts with `prefix`. */
  entries<T>(prefix: string): Promise<[string, T][]>;
}

export function memoryStore(): KeyValueStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async <T,>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    entries: async <T,>(prefix: string) =>
      [...map].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k, structuredClone(v) as T] as [string, T]),
  };
}

let idb: KeyValueStore | null = null;

/** The browser's store (database "sinergi-offline"), opened on first use (never in tests that don't use it). */
export function browserStore(): KeyValueStore {
  if (idb) return idb;
  let opened: ReturnType<typeof createStore> | null = null;
  const store = () => (opened ??= createStore('sinergi-offline', 'kv'));
  idb = {
    // async: a browser without IndexedDB (private modes, tests) rejects instead of throwing.
    get: async (key) => get(key, store()),
    set: async (key, value) => set(key, value, store()),
    del: async (key) => del(key, store()),
    entries: async <T,>(prefix: string) =>
      ((await entries<string, T>(store())) as [string, T][]).filter(([k]) => typeof k === 'string' && k.startsWith(prefix)),
  };
  return idb;
}
