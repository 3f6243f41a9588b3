import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.js';

const K = 'aws:SecureTransport';

describe('Bool and BinaryEquals', () => {
  it.each([
    ['true', 'true', true],
    ['true', 'TRUE', true],
    ['false', 'true', false],
    ['false', 'false', true],
  ] as const)('Bool %s vs %s is %s', (policy, actual, expected) => {
    expect(evaluateCondition('Bool', K, policy, { [K]: actual })).toBe(expected);
  });

  it('Bool on an absent key is false; BoolIfExists is true', () => {
    expect(evaluateCondition('Bool', K, 'false', { [K]: null })).toBe(false);
    expect(evaluateCondition('BoolIfExists', K, 'false', { [K]: null })).toBe(true);
  });

  it('BinaryEquals compares the base64 text exactly', () => {
    expect(evaluateCondition('BinaryEquals', 'c:b', 'QUJD', { 'c:b': 'QUJD' })).toBe(true);
    expect(evaluateCondition('BinaryEquals', 'c:b', 'QUJD', { 'c:b': 'qujd' })).toBe(false);
  });
});

describe('Null', () => {
  it.each([
    ['true', null, true],
    ['true', 'x', false],
    ['false', 'x', true],
    ['false', null, false],
    ['TRUE', null, true],
  ] as const)('Null %s with value %j is %s', (policy, actual, expected) => {
    expect(evaluateCondition('Null', 'c:k', policy, { 'c:k': actual })).toBe(expected);
  });

  it('treats an empty list as absent', () => {
    expect(evaluateCondition('Null', 'c:k', 'true', { 'c:k': [] })).toBe(true);
  });

  it('is unknown when the key is unknown', () => {
    expect(evaluateCondition('Null', 'c:k', 'true', {})).toBe('unknown');
  });

  it('knows aws:username is absent for roles and present for users', () => {
    expect(evaluateCondition('Null', 'aws:username', 'false', {})).toBe(true);
  });
});
