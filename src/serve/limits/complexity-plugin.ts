import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { complexityWithValues } from './query-complexity.js';

/**
 * Measures an operation that uses variables again with their values, after Apollo has resolved
 * the operation and before anything runs: validation sees only the document, so without this
 * `first: $n` would slip past the limit a literal `first` is held to.
 */
export const limitComplexityWithValues: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operation, request }) {
        const refused =
          operation && complexityWithValues(schema, document, operation, request.variables ?? {});
        if (!refused) return Promise.resolve();
        // Refused like a validation error: 400, the same code and message.
        throw new GraphQLError(refused.message, {
          extensions: { ...refused.extensions, http: { status: 400 } },
        });
      },
    });
  },
};
