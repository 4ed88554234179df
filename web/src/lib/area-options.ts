import type { Role } from '../gql/graphql';

interface AreaRow {
  code: string;
  level: string;
  parent?: { code: string } | null;
}

/**
 * The areas a user's filters offer: a kelurahan officer works in one kelurahan, so their filters offer
 * only it and its kecamatan (the server limits their data to it whatever they pick); others every area.
 */
export function filterableAreas<A extends AreaRow>(areas: readonly A[], user: { role: Role; area?: { code: string } | null }): A[] {
  if (user.role !== 'KELURAHAN_OFFICER') return [...areas];
  const own = areas.find((a) => a.code === user.area?.code);
  if (!own) return [];
  return areas.filter((a) => a.code === own.code || a.code === own.parent?.code);
}
