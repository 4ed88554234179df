import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;

function depth(selectionSet: SelectionSetNode | undefined, fragments: ValidationContext, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection (GraphiQL asks 15 levels deep) reads the schema, not the data: not counted.
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, selection.selectionSet ? 1 + depth(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      const fragment = fragments.getFragment(name);
      max = Math.max(max, depth(fragment?.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

/** Refuses operations nested deeper than MAX_DEPTH or with more than MAX_ALIASES aliases. */
export function queryLimits(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === MAX_ALIASES + 1) {
        context.reportError(new GraphQLError(`At most ${MAX_ALIASES} aliases per operation`, { nodes: [node] }));
      }
    },
    OperationDefinition(node) {
      const d = depth(node.selectionSet, context, new Set());
      if (d > MAX_DEPTH) {
        context.reportError(new GraphQLError(`Operation is nested ${d} levels deep; at most ${MAX_DEPTH}`, { nodes: [node] }));
      }
    },
  };
}
