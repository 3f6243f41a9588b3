/** Codes Cairn's own validation rules report under (see validation-rules.ts). */
export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
/** GraphQL's usual code for a bad argument value; used by the `first` cap. */
export const BAD_USER_INPUT = 'BAD_USER_INPUT';

const RULE_CODES: ReadonlySet<string> = new Set([
  QUERY_TOO_DEEP,
  QUERY_TOO_COMPLEX,
  BAD_USER_INPUT,
]);

/**
 * Apollo wraps every validation error and overwrites its code with GRAPHQL_VALIDATION_FAILED,
 * keeping the rule's error as `originalError`; this recovers the code a Cairn rule gave it.
 */
export function ruleErrorCode(error: unknown): string | undefined {
  const original = propertyOf(error, 'originalError');
  const code = propertyOf(propertyOf(original, 'extensions'), 'code');
  return typeof code === 'string' && RULE_CODES.has(code) ? code : undefined;
}

function propertyOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
