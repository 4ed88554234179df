import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { installFieldArguments } from './field-arguments.js';

// The CommonJS build, which Node loads for the server and Apollo (vitest would give this file the ESM one).
const { buildSchema, execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const schema = buildSchema(`
  type Query { bare: Item! many: [Item!]! withArgs(n: Int = 3, s: String!): String! }
  type Item { name: String! nested: Item }
`);

describe('field arguments', () => {
  it('gives a field without declared arguments a fresh empty record, with nothing inherited; others as graphql-js does', () => {
    installFieldArguments();
    // Installing twice keeps one wrapper.
    installFieldArguments();
    const seen: Array<Record<string, unknown>> = [];
    const item = (name: string) => ({ name: (args: Record<string, unknown>) => (seen.push(args), name), nested: () => null });
    const result = execute({
      schema,
      document: parse('query ($s: String!) { bare { name nested { name } } many { name } withArgs(s: $s) other: withArgs(n: 5, s: "x") }'),
      variableValues: { s: 'v' },
      rootValue: {
        bare: (args: Record<string, unknown>) => (seen.push(args), item('a')),
        many: () => [item('b'), item('c')],
        withArgs: (args: Record<string, unknown>) => JSON.stringify(args),
      },
    });
    expect(result).toEqual({
      data: { bare: { name: 'a', nested: null }, many: [{ name: 'b' }, { name: 'c' }], withArgs: '{"n":3,"s":"v"}', other: '{"n":5,"s":"x"}' },
    });
    expect(seen).toHaveLength(4);
    for (const args of seen) {
      expect(Object.keys(args)).toEqual([]);
      for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) expect(key in args, key).toBe(false);
      // The fast record (its frozen prototype), not graphql-js's own.
      expect(Object.isFrozen(Object.getPrototypeOf(args))).toBe(true);
    }
    expect(new Set(seen).size).toBe(4);
    // What one field's resolver writes into its record, another's never sees.
    seen[0]!['written'] = true;
    expect('written' in seen[1]!).toBe(false);
  });
});
