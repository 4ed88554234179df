import { createParameterDecorator, type ResolverData } from 'type-graphql';

/** What @Row() passes: the parent itself (lean-resolvers.ts recognises it by identity). */
export const rowOf = ({ root }: ResolverData<object>): unknown => root;

/**
 * A field resolver's parent object, as it is. type-graphql's Root decorator copies a parent that is
 * not an instance of the declared class into a new instance, which for an entity class runs its
 * constructor and MikroORM's property setters, on every field of every row: a fifth of a nested
 * page's CPU once read paths return plain rows (plain-rows.ts).
 */
export function Row() {
  return createParameterDecorator(rowOf);
}
