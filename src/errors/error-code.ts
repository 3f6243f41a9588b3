/**
 * Stable error codes. They appear in CLI output, in GraphQL `extensions.code` and in logs,
 * so renaming one is a breaking change.
 */
export const ErrorCode = {
  /** The user gave us something we cannot use: a file, an argument, a record. Exit 2. */
  BAD_INPUT: 'BAD_INPUT',
  /** A command line that does not parse. Exit 2. */
  BAD_USAGE: 'BAD_USAGE',
  /** Neo4j refused, failed or could not be reached. Exit 1. */
  DATABASE: 'DATABASE',
  /** The local Neo4j could not be installed, started or stopped. Exit 1. */
  NEO4J_RUNTIME: 'NEO4J_RUNTIME',
  /** A cloud API failed in a way we could not recover from. Exit 1. */
  CLOUD_API: 'CLOUD_API',
  /** Another load holds the scope. Exit 1: retry later. */
  SCOPE_BUSY: 'SCOPE_BUSY',
  /** Something asked for does not exist. Exit 2 on the CLI. */
  NOT_FOUND: 'NOT_FOUND',
  /** A bug or an unexpected state. Exit 1. */
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const USER_ERRORS: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.BAD_INPUT,
  ErrorCode.BAD_USAGE,
  ErrorCode.NOT_FOUND,
]);

/** The contract's exit codes: 2 for anything the user can fix in their input, 1 otherwise. */
export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return USER_ERRORS.has(code) ? 2 : 1;
}
