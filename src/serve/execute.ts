import type { GraphQLFormattedError } from 'graphql';
import type { Database } from '../db/connection.js';
import { createApollo } from './apollo.js';
import { createContext } from './context.js';
import type { QueryCounter } from './loaders.js';

export interface OperationResult {
  data: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Codes that mean the operation itself was wrong (the caller's fault, exit 2 on the CLI). */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_INPUT',
]);

let apollo: ReturnType<typeof createApollo> | undefined;

/** Runs one GraphQL operation in-process against the schema the server serves. */
export async function executeOperation(
  db: Database,
  query: string,
  variables: Record<string, unknown> = {},
  counter?: QueryCounter,
): Promise<OperationResult> {
  apollo ??= createApollo();
  const server = await apollo;
  const response = await server.executeOperation(
    { query, variables },
    { contextValue: createContext(db, counter) },
  );
  if (response.body.kind !== 'single') {
    return { data: null, errors: [{ message: 'incremental delivery is not supported here' }] };
  }
  const { data, errors } = response.body.singleResult;
  return errors ? { data: data ?? null, errors } : { data: data ?? null };
}
