import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CairnError } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { redact } from '../errors/redact.js';
import { FORBIDDEN, UNAUTHENTICATED } from './auth/refusal.js';
import { QUERY_TOO_COMPLEX, QUERY_TOO_DEEP, ruleErrorCode } from './limits/rule-error-code.js';

/** Codes that mean the caller got the operation wrong (exit 2 on the CLI). */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.BAD_INPUT,
  ErrorCode.BAD_USAGE,
  ErrorCode.NOT_FOUND,
  UNAUTHENTICATED,
  FORBIDDEN,
  QUERY_TOO_DEEP,
  QUERY_TOO_COMPLEX,
]);

/** Cairn codes whose messages are written for the caller; the others may name internals. */
const PUBLIC_MESSAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.BAD_INPUT,
  ErrorCode.BAD_USAGE,
  ErrorCode.NOT_FOUND,
  ErrorCode.SCOPE_BUSY,
]);

const MASKED_MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.DATABASE]: 'the database did not answer or refused the operation',
  [ErrorCode.NEO4J_RUNTIME]: 'the database did not answer or refused the operation',
  [ErrorCode.CLOUD_API]: 'a cloud API failed',
};
const SEE_LOG = '; the server log has the detail';

/** The stable code an error is reported under. */
export function errorCodeOf(error: unknown, formattedCode?: unknown): string {
  const original = unwrapResolverError(error);
  if (original instanceof CairnError) return original.code;
  const code = ruleErrorCode(error) ?? extensionCode(error) ?? formattedCode;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? code : ErrorCode.INTERNAL;
}

/** True for errors the service is at fault for: logged, and exit 1 on the CLI. */
export function isServiceFault(error: unknown): boolean {
  const code = errorCodeOf(error);
  return !REQUEST_ERROR_CODES.has(code) && code !== ErrorCode.SCOPE_BUSY;
}

/**
 * Every error leaves with its stable code in `extensions.code`. Messages of GraphQL's own errors
 * (syntax, validation, variables) and of Cairn's caller-facing errors pass through; anything else
 * (database, bugs) is replaced by a fixed text, because its message or stack could carry hosts,
 * queries or secrets. The originals are logged by the `reportFailures` plugin.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = errorCodeOf(error, formatted.extensions?.['code']);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  let message: string;
  if (original instanceof CairnError) {
    message = PUBLIC_MESSAGE_CODES.has(original.code)
      ? redact(original.message)
      : `${MASKED_MESSAGES[original.code] ?? 'internal error'}${SEE_LOG}`;
  } else {
    message = code === ErrorCode.INTERNAL ? `internal error${SEE_LOG}` : formatted.message;
  }
  return { message, ...where, extensions: { code } };
}

function extensionCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined;
  const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
  const code = extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}
