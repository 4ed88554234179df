import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSinergiSchema } from '../src/graphql/schema.js';
import { SCHEMA_FILE, printSinergiSchema } from '../src/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the server builds (run `pnpm schema` after changing the API)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSinergiSchema());
  });

  it('keeps the names the spec promises to clients', async () => {
    const schema = await buildSinergiSchema({ sessionTtlHours: 1 });
    const signature = (type: 'Query' | 'Mutation', name: string) => {
      const field = (type === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name];
      expect(field, `${type}.${name}`).toBeDefined();
      return `${field!.args.map((a) => `${a.name}: ${String(a.type)}`).sort().join(', ')} -> ${String(field!.type)}`;
    };
    expect(signature('Query', 'areas')).toMatch(/level: AreaLevel.* -> \[Area!\]!/);
    expect(signature('Query', 'households')).toBe(
      'after: String, filter: HouseholdFilter, first: Int, orderBy: HouseholdOrder -> HouseholdConnection!',
    );
    expect(signature('Query', 'household')).toBe('id: ID! -> Household');
    expect(signature('Query', 'programs')).toMatch(/after: String, .*first: Int -> ProgramConnection!/);
    expect(signature('Mutation', 'login')).toBe('password: String!, username: String! -> Session!');
    expect(signature('Mutation', 'logIntervention')).toBe('input: LogInterventionInput! -> Intervention!');
    const input = schema.getType('LogInterventionInput') as { getFields(): Record<string, unknown> };
    for (const name of ['programId', 'householdId', 'personId', 'idempotencyKey', 'deliveredAt', 'quantity', 'valueRp', 'note']) {
      expect(input.getFields()).toHaveProperty(name);
    }
    const fields = (typeName: string) => Object.keys((schema.getType(typeName) as { getFields(): object }).getFields());
    expect(fields('Household')).toEqual(expect.arrayContaining(['id', 'kkNumber', 'povertyStatus', 'welfareDecile', 'address', 'area', 'members', 'interventions']));
    expect(fields('Area')).toEqual(expect.arrayContaining(['id', 'code', 'name', 'level', 'parent']));
    expect(fields('Program')).toEqual(expect.arrayContaining(['id', 'name', 'focusAspects', 'strategy', 'owner']));
    // totalCount stops at a bound on large lists (issue 12); totalCountIsExact says whether it did.
    expect(fields('HouseholdConnection')).toEqual(['edges', 'pageInfo', 'totalCount', 'totalCountIsExact']);
    expect(fields('PageInfo')).toEqual(['hasNextPage', 'endCursor']);
  });
});
