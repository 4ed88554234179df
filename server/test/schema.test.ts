import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, printSinergiSchema } from '../src/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the server builds (run `pnpm schema` after changing the API)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSinergiSchema());
  });

  it('keeps the field names the spec promises to clients', async () => {
    const sdl = await printSinergiSchema();
    for (const needle of [
      'areas(level: AreaLevel',
      'households(',
      'household(id: ID!): Household',
      'programs(',
      'logIntervention(input: LogInterventionInput!): Intervention!',
      'login(username: String!, password: String!): Session!',
      'totalCount: Int!',
      'endCursor: String',
    ]) {
      expect(sdl).toContain(needle);
    }
  });
});
