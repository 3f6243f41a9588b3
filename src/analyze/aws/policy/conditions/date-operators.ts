import type { BaseOperator, ValueTest } from './base-operator.js';
import { defineOperators, NEVER } from './base-operator.js';

/** ISO 8601 dates/times, or epoch seconds (AWS accepts both); undefined if neither. */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const millis = Date.parse(trimmed);
  return Number.isNaN(millis) ? undefined : millis;
}

function compare(test: (actual: number, expected: number) => boolean) {
  return (text: string): ValueTest => {
    const expected = parseDate(text);
    if (expected === undefined) return NEVER;
    return (value) => {
      const actual = parseDate(value);
      return actual !== undefined && test(actual, expected);
    };
  };
}

const eq = compare((a, b) => a === b);

/** Date operators compare instants, so `2024-01-01T00:00:00Z` equals `1704067200`. */
export const DATE_OPERATORS: readonly BaseOperator[] = defineOperators({
  DateEquals: { negated: false, prepare: eq },
  DateNotEquals: { negated: true, prepare: eq },
  DateLessThan: { negated: false, prepare: compare((a, b) => a < b) },
  DateLessThanEquals: { negated: false, prepare: compare((a, b) => a <= b) },
  DateGreaterThan: { negated: false, prepare: compare((a, b) => a > b) },
  DateGreaterThanEquals: { negated: false, prepare: compare((a, b) => a >= b) },
});
