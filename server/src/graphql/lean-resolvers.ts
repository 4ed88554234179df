import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { rowOf } from './row.js';

type ParamMetadata = { kind: string; index: number; propertyName?: string; getType?: unknown; resolver?: unknown; options?: { arg?: unknown } };

/** How one parameter is read from (root, args, context, info), or null when only type-graphql knows. */
function paramSource(p: ParamMetadata): string | null {
  if (p.kind === 'context') return p.propertyName ? `c[${JSON.stringify(p.propertyName)}]` : 'c';
  if (p.kind === 'info') return 'i';
  if (p.kind === 'custom' && p.resolver === rowOf && !p.options?.arg) return 'r';
  return null;
}

/**
 * Calls the external field resolvers that need none of type-graphql's per-call work directly: no
 * middleware, no @Authorized, parameters only @Row(), @Ctx() and @Info(). type-graphql's wrapper
 * builds a resolver-data object, sorts and maps the parameter list and dispatches the (empty)
 * middleware chain on every field of every row: a few per cent of a nested page's CPU, and garbage.
 * The call is the same: same instance (the schema's container), same method, same arguments. The
 * schema has no global middlewares; a field's own (@UseMiddleware) are in `metadata.middlewares`.
 */
export function leanFieldResolvers(schema: GraphQLSchema, resolvers: readonly Function[], instanceOf: (resolverClass: Function) => unknown): GraphQLSchema {
  const storage = getMetadataStorage();
  const candidates = storage.fieldResolvers.filter((it) => it.kind === 'external' && resolvers.includes(it.target));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const implemented = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target));
    const graphqlFields = type.getFields();
    for (const field of [...implemented.flatMap((it) => it.fields ?? []), ...(objectType.fields ?? [])]) {
      // The resolver type-graphql chose for this field (its own rule: object type and method name).
      const all = storage.fieldResolvers.filter((it) => (it.kind === 'internal' || resolvers.includes(it.target)) && it.getObjectType?.() === field.target && it.methodName === field.name);
      const metadata = all[0];
      if (all.length !== 1 || !metadata || !candidates.includes(metadata)) continue;
      if (metadata.middlewares?.length || metadata.roles) continue;
      const params = [...((metadata.params ?? []) as ParamMetadata[])].sort((a, b) => a.index - b.index);
      const sources = params.map(paramSource);
      if (sources.some((s) => s === null) || params.some((p, i) => p.index !== i)) continue;
      const graphqlField = graphqlFields[field.schemaName];
      if (!graphqlField?.resolve) continue;
      const instance = instanceOf(metadata.target) as Record<string, (...args: unknown[]) => unknown>;
      const method = instance[metadata.methodName];
      if (typeof method !== 'function') continue;
      graphqlField.resolve = new Function('m', 'o', `return (r, a, c, i) => m.call(o${sources.map((s) => `, ${s}`).join('')});`)(method, instance) as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
