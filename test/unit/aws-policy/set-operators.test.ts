import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.js';

const K = 'aws:TagKeys';

describe('ForAllValues / ForAnyValue', () => {
  it.each([
    ['ForAllValues:StringEquals', ['a', 'b'], ['a'], true],
    ['ForAllValues:StringEquals', ['a', 'b'], ['a', 'c'], false],
    ['ForAllValues:StringEquals', ['a'], [], true],
    ['ForAllValues:StringEquals', ['a'], null, true],
    ['ForAnyValue:StringEquals', ['a', 'b'], ['c', 'b'], true],
    ['ForAnyValue:StringEquals', ['a'], ['c'], false],
    ['ForAnyValue:StringEquals', ['a'], [], false],
    ['ForAnyValue:StringEquals', ['a'], null, false],
    ['ForAllValues:StringLike', ['team-*'], ['team-a', 'team-b'], true],
    ['ForAllValues:StringNotEquals', ['a'], ['b', 'c'], true],
    ['ForAllValues:StringNotEquals', ['a'], ['a', 'c'], false],
    ['ForAnyValue:StringNotEquals', ['a'], ['a', 'c'], true],
    ['ForAnyValue:StringNotEquals', ['a'], ['a'], false],
    ['ForAnyValue:StringNotEquals', ['a'], null, false],
    ['ForAllValues:StringNotEquals', ['a'], null, true],
    ['ForAnyValue:StringEqualsIfExists', ['a'], null, true],
  ] as const)('%s %j vs %j is %s', (operator, policy, actual, expected) => {
    expect(
      evaluateCondition(operator, K, [...policy], { [K]: actual === null ? null : [...actual] }),
    ).toBe(expected);
  });

  it('is unknown when the set is unknown', () => {
    expect(evaluateCondition('ForAllValues:StringEquals', K, ['a'], {})).toBe('unknown');
  });

  it('treats a multivalued key without a qualifier as "any value matches"', () => {
    expect(evaluateCondition('StringEquals', K, 'a', { [K]: ['b', 'a'] })).toBe(true);
    expect(evaluateCondition('StringNotEquals', K, 'a', { [K]: ['b', 'a'] })).toBe(false);
  });
});
