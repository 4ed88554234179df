import { describe, expect, it, vi } from 'vitest';
import { andThen, PrimedLoader } from './primed-loader.js';

/** A loader that answers `loaded:<key>` and counts its batches. */
function loader() {
  const batches: string[][] = [];
  const l = new PrimedLoader<string, string>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => `loaded:${k}`);
  });
  return { l, batches };
}

describe('PrimedLoader', () => {
  it('answers a primed key at once, without a promise or a batch', async () => {
    const { l, batches } = loader();
    l.prime('a', 'primed:a');
    expect(l.now('a')).toBe('primed:a');
    expect(andThen(l.now('a'), (v) => v.toUpperCase())).toBe('PRIMED:A');
    expect(await l.load('a')).toBe('primed:a');
    expect(batches).toEqual([]);
  });

  it('keeps what was loaded before a prime, as DataLoader does', async () => {
    const { l, batches } = loader();
    expect(await l.load('b')).toBe('loaded:b');
    l.prime('b', 'primed:b');
    const value = l.now('b');
    expect(value).toBeInstanceOf(Promise);
    expect(await value).toBe('loaded:b');
    expect(batches).toEqual([['b']]);
  });

  it('loads a key that was not primed, or was primed with an error, or was cleared', async () => {
    const { l, batches } = loader();
    l.prime('e', new Error('no'));
    await expect(l.now('e')).rejects.toThrow('no');
    l.prime('c', 'primed:c');
    l.clear('c');
    const pending = [l.now('c'), l.now('d')];
    expect(pending[0]).toBeInstanceOf(Promise);
    expect(await Promise.all(pending)).toEqual(['loaded:c', 'loaded:d']);
    expect(await andThen(l.now('f'), (v) => v.toUpperCase())).toBe('LOADED:F');
    expect(batches).toEqual([['c', 'd'], ['f']]);
  });

  it('primes without making a promise per key, and keeps the first value', async () => {
    const { l, batches } = loader();
    const resolve = vi.spyOn(Promise, 'resolve');
    try {
      for (const k of ['g', 'h', 'i']) l.prime(k, `primed:${k}`);
      l.prime('g', 'again:g');
      expect(resolve).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
    expect(l.now('g')).toBe('primed:g');
    expect(await l.loadMany(['g', 'h', 'i'])).toEqual(['primed:g', 'primed:h', 'primed:i']);
    expect(batches).toEqual([]);
  });

  it('keeps a key primed with an error an error', async () => {
    const { l } = loader();
    l.prime('j', new Error('gone'));
    l.prime('j', 'primed:j');
    await expect(l.now('j')).rejects.toThrow('gone');
  });
});
