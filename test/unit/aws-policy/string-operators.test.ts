import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.js';

const K = 'custom:key';

describe('string condition operators', () => {
  it.each([
    ['StringEquals', 'abc', 'abc', true],
    ['StringEquals', 'abc', 'ABC', false],
    ['StringEquals', 'a*', 'abc', false],
    ['StringNotEquals', 'abc', 'abd', true],
    ['StringNotEquals', 'abc', 'abc', false],
    ['StringEqualsIgnoreCase', 'ABC', 'abc', true],
    ['StringNotEqualsIgnoreCase', 'ABC', 'abc', false],
    ['StringLike', 'a*c', 'abbbc', true],
    ['StringLike', 'a?c', 'abc', true],
    ['StringLike', 'a?c', 'ac', false],
    ['StringLike', 'A*', 'abc', false],
    ['StringLike', 'a.c', 'abc', false],
    ['StringNotLike', 'a*', 'bcd', true],
    ['StringNotLike', 'a*', 'abc', false],
  ] as const)('%s %j vs %j is %s', (operator, policy, actual, expected) => {
    expect(evaluateCondition(operator, K, policy, { [K]: actual })).toBe(expected);
  });

  it('ORs the policy values and ANDs nothing within one key', () => {
    expect(evaluateCondition('StringEquals', K, ['x', 'y'], { [K]: 'y' })).toBe(true);
    expect(evaluateCondition('StringNotEquals', K, ['x', 'y'], { [K]: 'y' })).toBe(false);
  });

  it('treats an absent key as not matching, so negated operators hold', () => {
    expect(evaluateCondition('StringEquals', K, 'x', { [K]: null })).toBe(false);
    expect(evaluateCondition('StringNotEquals', K, 'x', { [K]: null })).toBe(true);
    expect(evaluateCondition('StringNotLike', K, 'x*', { [K]: null })).toBe(true);
  });

  it('leaves an unknown key unknown, even with IfExists', () => {
    expect(evaluateCondition('StringEquals', K, 'x', {})).toBe('unknown');
    expect(evaluateCondition('StringEqualsIfExists', K, 'x', {})).toBe('unknown');
    expect(evaluateCondition('StringEqualsIfExists', K, 'x', {}, { complete: true })).toBe(true);
  });

  it('looks keys up case-insensitively', () => {
    expect(evaluateCondition('StringEquals', 'CUSTOM:KEY', 'x', { 'custom:key': 'x' })).toBe(true);
  });

  it('accepts operator names in any case', () => {
    expect(evaluateCondition('stringequals', K, 'x', { [K]: 'x' })).toBe(true);
  });

  it('rejects unknown operators', () => {
    expect(() => evaluateCondition('StringSortOf', K, 'x', {})).toThrow(
      /unknown condition operator/,
    );
    expect(() => evaluateCondition('NullIfExists', K, 'true', {})).toThrow(/unknown condition/);
  });
});
