import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CostCache } from '../src/graphql/limits.js';

describe('CostCache', () => {
  it('estimates once per document, operation name and variables', () => {
    const cache = new CostCache();
    const document = parse('query A($n: Int) { a: households(first: $n) { totalCount } } query B { me { id } }');
    let estimates = 0;
    const cost = (value: number) => () => (estimates++, value);
    expect(cache.get(document, { n: 10 }, 'A', cost(11))).toBe(11);
    expect(cache.get(document, { n: 10 }, 'A', cost(99))).toBe(11);
    expect(estimates).toBe(1);
    // Other variables, another operation, another document: estimated again.
    expect(cache.get(document, { n: 20 }, 'A', cost(21))).toBe(21);
    expect(cache.get(document, { n: 10 }, 'B', cost(1))).toBe(1);
    expect(cache.get(parse('query A($n: Int) { a: households(first: $n) { totalCount } }'), { n: 10 }, 'A', cost(12))).toBe(12);
    expect(estimates).toBe(4);
  });

  it('does not keep long variables, nor more than its bound per document', () => {
    const cache = new CostCache();
    const document = parse('{ me { id } }');
    let estimates = 0;
    const long = { text: 'x'.repeat(CostCache.MAX_KEY) };
    cache.get(document, long, null, () => (estimates++, 1));
    cache.get(document, long, null, () => (estimates++, 1));
    expect(estimates).toBe(2);
    for (let i = 0; i < CostCache.PER_DOCUMENT + 10; i++) cache.get(document, { i }, null, () => i);
    estimates = 0;
    for (let i = 0; i < CostCache.PER_DOCUMENT + 10; i++) expect(cache.get(document, { i }, null, () => (estimates++, i))).toBe(i);
    expect(estimates).toBe(10);
  });
});
