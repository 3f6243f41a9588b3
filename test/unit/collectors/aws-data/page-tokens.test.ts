import { describe, expect, it } from 'vitest';
import { PageTokens } from '../../../../src/collectors/aws/resources/page-tokens.js';
import { badInputMessage } from './helpers.js';

describe('PageTokens', () => {
  it('ends the list on an empty token and fails on one seen before instead of looping', () => {
    const tokens = new PageTokens('KMS: ListKeys');
    expect(tokens.next('a')).toBe('a');
    expect(tokens.next('b')).toBe('b');
    expect(tokens.next('')).toBeUndefined();
    expect(tokens.next(undefined)).toBeUndefined();
    expect(badInputMessage(() => tokens.next('a'))).toBe(
      'KMS: ListKeys: a next-page token came back twice',
    );
  });
});
