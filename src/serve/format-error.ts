import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CairnError } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { redact } from '../errors/redact.js';
import { rootLogger } from '../logging/logger.js';

/**
 * Cairn's errors keep their stable code in `extensions.code`; anything unexpected is logged and
 * reported as INTERNAL without its message or stack (which could carry internals or secrets).
 * GraphQL's own errors (syntax, validation) keep Apollo's codes.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const path = formatted.path ? { path: formatted.path } : {};
  if (original instanceof CairnError) {
    return { message: redact(original.message), ...path, extensions: { code: original.code } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...path,
      extensions: { code },
    };
  }
  rootLogger.error({ err: original }, 'unexpected error in a GraphQL operation');
  return { message: 'internal error', ...path, extensions: { code: ErrorCode.INTERNAL } };
}
