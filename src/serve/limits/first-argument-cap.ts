import { GraphQLError, Kind, type ValidationRule } from 'graphql';
import { BAD_USER_INPUT } from './rule-error-code.js';

/** No page may ask for more items than this (resolvers may allow fewer). */
export const MAX_FIRST = 1000;

/**
 * Refuses a literal `first` over `max` before anything runs. Values passed through variables are
 * only known at execution, where every resolver that takes `first` checks its own bound.
 */
export function firstArgumentCap(max: number = MAX_FIRST): ValidationRule {
  return (context) => ({
    Field(node) {
      const first = node.arguments?.find((argument) => argument.name.value === 'first');
      if (first?.value.kind !== Kind.INT) return;
      const digits = first.value.value;
      if (Number(digits) <= max) return;
      // The literal can be any length; quote only its start.
      const shown = digits.length > 20 ? `${digits.slice(0, 20)}...` : digits;
      context.reportError(
        new GraphQLError(
          `Field "${node.name.value}" asks for first: ${shown}; at most ${max} items per page.`,
          { nodes: first, extensions: { code: BAD_USER_INPUT } },
        ),
      );
    },
  });
}
