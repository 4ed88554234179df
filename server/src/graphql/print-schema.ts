import { printSchema } from 'graphql';
import { buildSinergiSchema } from './schema.js';

export const SCHEMA_FILE = new URL('../../../schema/schema.graphql', import.meta.url);

export async function printSinergiSchema(): Promise<string> {
  const header = '# Generated from the server code by `pnpm schema`. Do not edit by hand.\n\n';
  return header + printSchema(await buildSinergiSchema({ sessionTtlHours: 12 })) + '\n';
}
