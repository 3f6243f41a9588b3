import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import type { Database } from '../db/connection.js';
import { createApollo } from './apollo.js';
import { createContext, type ContextOptions, type ServeContext } from './context.js';
import { formatError } from './format-error.js';
import { cairnSchema } from './schema.js';
import { complexityWithValues } from './limits/query-complexity.js';
import { validationRules } from './validation-rules.js';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** Which operation to run when the document holds several. */
  operationName?: string;
}

/** The GraphQL response body, as the HTTP endpoint would send it. */
export interface OperationResult {
  data: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

let apollo: ReturnType<typeof createApollo> | undefined;

/** Runs one operation in-process with the given context, through the server's own Apollo. */
export async function runOperation(
  context: ServeContext,
  request: OperationRequest,
): Promise<OperationResult> {
  apollo ??= createApollo();
  const server = await apollo;
  const response = await server.executeOperation(
    {
      query: request.query,
      variables: request.variables ?? {},
      ...(request.operationName === undefined ? {} : { operationName: request.operationName }),
    },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') {
    return { data: null, errors: [{ message: 'incremental delivery is not supported here' }] };
  }
  const { data, errors } = response.body.singleResult;
  return errors ? { data: data ?? null, errors } : { data: data ?? null };
}

/** Runs one GraphQL operation in-process against the schema the server serves. */
export function executeOperation(
  db: Database,
  query: string,
  variables: Record<string, unknown> = {},
  options: ContextOptions & { operationName?: string } = {},
): Promise<OperationResult> {
  const { operationName, ...contextOptions } = options;
  return runOperation(createContext(db, contextOptions), {
    query,
    variables,
    ...(operationName === undefined ? {} : { operationName }),
  });
}

/**
 * The errors Apollo would answer before running anything (syntax, validation, which operation,
 * variables), with the same codes; empty when the operation can run. Needs no database, so
 * `cairn query` can refuse a bad operation without starting one.
 */
export async function checkOperation(request: OperationRequest): Promise<GraphQLFormattedError[]> {
  const schema = await cairnSchema();
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
    throw error;
  }
  const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
  if (invalid.length > 0)
    return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
  const operation = getOperationAST(document, request.operationName);
  if (!operation) {
    const message =
      request.operationName === undefined
        ? 'Must provide operation name if query contains multiple operations.'
        : `Unknown operation named "${request.operationName}".`;
    return [{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }];
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    request.variables ?? {},
  );
  if (coerced.errors) return coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
  // As the server's plugin does: `first: $n` is measured with its value.
  const refused = complexityWithValues(schema, document, operation, coerced.coerced);
  return refused ? [formatError(refused.toJSON(), refused)] : [];
}

function withCode(error: GraphQLError, code: string): GraphQLFormattedError {
  const formatted = error.toJSON();
  return formatError({ ...formatted, extensions: { ...formatted.extensions, code } }, error);
}
