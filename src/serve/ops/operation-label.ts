const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_LENGTH = 64;

/**
 * A client-chosen name as a metric label: `anonymous` when absent, `invalid` when it is not a
 * plain GraphQL name of at most 64 characters, so labels stay short and safe to print.
 */
export function operationLabel(name: string | null | undefined): string {
  if (name === undefined || name === null || name === '') return 'anonymous';
  return name.length <= MAX_LENGTH && NAME.test(name) ? name : 'invalid';
}

/** An error code as a label: codes are ours, but anything odd is still kept out. */
export function codeLabel(code: unknown): string {
  if (code === undefined || code === null) return 'OK';
  return typeof code === 'string' && code.length <= MAX_LENGTH && NAME.test(code)
    ? code
    : 'invalid';
}
