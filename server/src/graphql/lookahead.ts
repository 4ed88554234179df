import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** The fields a selection asks for, by field name (aliases merged), through fragments and inline fragments. */
export type Selection = Map<string, FieldNode[]>;

function collect(sets: ReadonlyArray<SelectionSetNode | undefined>, info: Pick<GraphQLResolveInfo, 'fragments'>, out: Selection = new Map()): Selection {
  for (const set of sets) {
    if (!set) continue;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const nodes = out.get(s.name.value);
        if (nodes) nodes.push(s);
        else out.set(s.name.value, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        collect([s.selectionSet], info, out);
      } else {
        collect([info.fragments[s.name.value]?.selectionSet], info, out);
      }
    }
  }
  return out;
}

/**
 * What the current field selects, or below it along `path` (field names): the fields a resolver can
 * fetch ahead in one statement. @skip/@include are not evaluated: a skipped field is fetched ahead
 * for nothing, never missed.
 */
export function lookahead(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, ...path: string[]): Selection {
  let selection = collect(info.fieldNodes.map((f) => f.selectionSet), info);
  for (const name of path) selection = below(selection, name, info);
  return selection;
}

/** The selection under field `name` of `selection`. */
export function below(selection: Selection, name: string, info: Pick<GraphQLResolveInfo, 'fragments'>): Selection {
  return collect((selection.get(name) ?? []).map((f) => f.selectionSet), info);
}
