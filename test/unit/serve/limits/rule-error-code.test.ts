import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { errorCodeOf, REQUEST_ERROR_CODES } from '../../../../src/serve/format-error.js';
import { ruleErrorCode } from '../../../../src/serve/limits/rule-error-code.js';

/** What Apollo makes of a validation rule's error: its own code over the rule's. */
function apolloWrapped(code: string): GraphQLError {
  const original = new GraphQLError('too deep', { extensions: { code } });
  return new GraphQLError('too deep', {
    originalError: original,
    extensions: { ...original.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

describe('codes of Cairn validation rules', () => {
  it('survive Apollo overwriting them', () => {
    expect(errorCodeOf(apolloWrapped('QUERY_TOO_DEEP'))).toBe('QUERY_TOO_DEEP');
    expect(errorCodeOf(apolloWrapped('QUERY_TOO_COMPLEX'))).toBe('QUERY_TOO_COMPLEX');
    expect(errorCodeOf(apolloWrapped('BAD_USER_INPUT'))).toBe('BAD_USER_INPUT');
  });

  it('leave other validation errors as GRAPHQL_VALIDATION_FAILED', () => {
    expect(ruleErrorCode(apolloWrapped('SOMETHING_ELSE'))).toBeUndefined();
    expect(errorCodeOf(apolloWrapped('SOMETHING_ELSE'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ruleErrorCode(null)).toBeUndefined();
    expect(ruleErrorCode({ originalError: 'text' })).toBeUndefined();
  });

  it('are request errors (HTTP 400, exit 2)', () => {
    expect(REQUEST_ERROR_CODES.has('QUERY_TOO_DEEP')).toBe(true);
    expect(REQUEST_ERROR_CODES.has('QUERY_TOO_COMPLEX')).toBe(true);
  });
});
