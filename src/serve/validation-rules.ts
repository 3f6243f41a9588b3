import { GraphQLError, type ValidationRule } from 'graphql';
import { firstArgumentCap } from './limits/first-argument-cap.js';
import { queryComplexityLimit } from './limits/query-complexity.js';
import { queryDepthLimit } from './limits/query-depth.js';

/**
 * graphql 16 only notices at execution that the schema has no mutation (or subscription) root,
 * and Apollo then reports it as an internal error; refuse it as the caller's mistake instead.
 */
const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`The schema has no ${node.operation} operations.`, { nodes: node }),
    );
  },
});

/**
 * Rules Cairn adds to GraphQL's own. Apollo runs them for every request, and `checkOperation`
 * for `cairn query` before it opens the database, so both refuse the same operations.
 */
export const validationRules: readonly ValidationRule[] = [
  KnownOperationTypes,
  queryDepthLimit(),
  queryComplexityLimit(),
  firstArgumentCap(),
];
