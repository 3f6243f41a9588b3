import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ServeContext } from './context.js';
import { isServiceFault } from './format-error.js';

/**
 * Keeps the service's own failures (database, bugs) of a request in its context and logs them;
 * the caller only sees their masked form, so this is where the real cause is kept.
 */
export const reportFailures: ApolloServerPlugin<ServeContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ contextValue, errors }) {
        for (const error of errors) {
          if (!isServiceFault(error)) continue;
          const original = unwrapResolverError(error);
          contextValue.failures.push(original);
          contextValue.log.error({ err: original, path: error.path }, 'GraphQL operation failed');
        }
        return Promise.resolve();
      },
    });
  },
};
