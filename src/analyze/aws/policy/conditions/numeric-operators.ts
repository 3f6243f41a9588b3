import type { BaseOperator, ValueTest } from './base-operator.js';
import { defineOperators, NEVER } from './base-operator.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function compare(test: (actual: number, expected: number) => boolean) {
  return (text: string): ValueTest => {
    const expected = parseNumber(text);
    if (expected === undefined) return NEVER;
    return (value) => {
      const actual = parseNumber(value);
      return actual !== undefined && test(actual, expected);
    };
  };
}

const eq = compare((a, b) => a === b);

/** Numeric operators; a value that is not a number never matches. */
export const NUMERIC_OPERATORS: readonly BaseOperator[] = defineOperators({
  NumericEquals: { negated: false, prepare: eq },
  NumericNotEquals: { negated: true, prepare: eq },
  NumericLessThan: { negated: false, prepare: compare((a, b) => a < b) },
  NumericLessThanEquals: { negated: false, prepare: compare((a, b) => a <= b) },
  NumericGreaterThan: { negated: false, prepare: compare((a, b) => a > b) },
  NumericGreaterThanEquals: { negated: false, prepare: compare((a, b) => a >= b) },
});
