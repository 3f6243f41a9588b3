import type { BaseOperator } from './base-operator.js';
import { defineOperators } from './base-operator.js';

/**
 * Bool compares `true`/`false` case-insensitively; BinaryEquals compares the base64 text of
 * binary values exactly (AWS has no negated binary operator).
 */
export const BOOL_OPERATORS: readonly BaseOperator[] = defineOperators({
  Bool: {
    negated: false,
    prepare: (text) => {
      const expected = text.trim().toLowerCase();
      return (value) => value.trim().toLowerCase() === expected;
    },
  },
  BinaryEquals: {
    negated: false,
    prepare: (text) => (value) => value === text,
  },
});
