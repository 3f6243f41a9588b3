import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { QUERY_TOO_DEEP } from './rule-error-code.js';

export const MAX_QUERY_DEPTH = 15;

/** Introspection is bounded by the schema itself; tools send deep introspection queries. */
export const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

type FragmentLookup = (name: string) => FragmentDefinitionNode | null | undefined;

/**
 * How many fields deep a selection set goes (`{ a { b } }` is 2), following fragments.
 * Each fragment is measured once, so fragments spread many times cost nothing extra, and a
 * fragment that spreads itself (already an error of its own) counts as 0 instead of looping.
 */
export function queryDepth(selectionSet: SelectionSetNode, fragment: FragmentLookup): number {
  const measured = new Map<string, number>();
  const inProgress = new Set<string>();

  const spreadDepth = (name: string): number => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const definition = fragment(name);
    if (!definition || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = depthOf(definition.selectionSet);
    inProgress.delete(name);
    measured.set(name, depth);
    return depth;
  };

  const depthOf = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        depth = spreadDepth(selection.name.value);
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };

  return depthOf(selectionSet);
}

/** Refuses operations nested deeper than `max` fields. */
export function queryDepthLimit(max: number = MAX_QUERY_DEPTH): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const depth = queryDepth(node.selectionSet, (name) => context.getFragment(name));
      if (depth <= max) return;
      const which = node.name ? `Operation "${node.name.value}"` : 'The operation';
      context.reportError(
        new GraphQLError(`${which} is ${depth} levels deep; the limit is ${max}.`, {
          nodes: node,
          extensions: { code: QUERY_TOO_DEEP },
        }),
      );
    },
  });
}
