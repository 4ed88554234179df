import { describe, expect, it } from 'vitest';
import { keyPaths, RESOURCES } from './resources';

describe('translations', () => {
  it('has the same keys in Indonesian and English', () => {
    const id = keyPaths(RESOURCES.id).sort();
    const en = keyPaths(RESOURCES.en).sort();
    expect(id.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !id.includes(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    for (const tree of [RESOURCES.id, RESOURCES.en]) {
      const flat = keyPaths(tree);
      expect(flat.length).toBeGreaterThan(100);
    }
    const empty = (tree: object): boolean =>
      Object.values(tree).some((v) => (typeof v === 'object' ? empty(v) : String(v).trim() === ''));
    expect(empty(RESOURCES.id)).toBe(false);
    expect(empty(RESOURCES.en)).toBe(false);
  });
});
