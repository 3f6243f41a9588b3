import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/analyze/aws/policy/conditions/date-operators.js';
import { parseNumber } from '../../../src/analyze/aws/policy/conditions/numeric-operators.js';
import { evaluateCondition } from './evaluate-condition.js';

const K = 'custom:n';

describe('numeric condition operators', () => {
  it.each([
    ['NumericEquals', '10', '10.0', true],
    ['NumericEquals', '10', '1e1', true],
    ['NumericNotEquals', '10', '10', false],
    ['NumericLessThan', '10', '9.5', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericGreaterThan', '10', '-1', false],
    ['NumericGreaterThanEquals', '-5', '-5', true],
    ['NumericEquals', '10', 'ten', false],
    ['NumericEquals', 'ten', '10', false],
  ] as const)('%s %s vs %s is %s', (operator, policy, actual, expected) => {
    expect(evaluateCondition(operator, K, policy, { [K]: actual })).toBe(expected);
  });

  it('parses only plain decimal numbers', () => {
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber('0x10')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});

describe('date condition operators', () => {
  it.each([
    ['DateEquals', '2024-01-01T00:00:00Z', '1704067200', true],
    ['DateNotEquals', '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', true],
    ['DateLessThan', '2024-01-01T00:00:00Z', '2023-12-31T23:59:59Z', true],
    ['DateLessThan', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', false],
    ['DateLessThanEquals', '2024-01-01', '2024-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2024-01-01T00:00:00Z', '2024-06-01T00:00:00+02:00', true],
    ['DateGreaterThanEquals', '2024-01-01T00:00:00Z', 'not a date', false],
  ] as const)('%s %s vs %s is %s', (operator, policy, actual, expected) => {
    expect(evaluateCondition(operator, K, policy, { [K]: actual })).toBe(expected);
  });

  it('reads ISO 8601 and epoch seconds', () => {
    expect(parseDate('1704067200')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDate('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(parseDate('January 1st')).toBeUndefined();
  });
});
