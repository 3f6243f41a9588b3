import type { TemplatePart } from '../policy-variables.js';
import { partsToGlobSource, partsToText } from '../policy-variables.js';
import type { BaseOperator, ValueTest } from './base-operator.js';

function equals(parts: readonly TemplatePart[]): ValueTest {
  const expected = partsToText(parts);
  return (value) => value === expected;
}

function equalsIgnoreCase(parts: readonly TemplatePart[]): ValueTest {
  const expected = partsToText(parts).toLowerCase();
  return (value) => value.toLowerCase() === expected;
}

function like(parts: readonly TemplatePart[]): ValueTest {
  const regex = new RegExp(`^${partsToGlobSource(parts)}$`, 's');
  return (value) => regex.test(value);
}

function op(
  name: string,
  negated: boolean,
  wildcards: boolean,
  prepare: (parts: readonly TemplatePart[]) => ValueTest,
): BaseOperator {
  return { name, negated, variables: true, wildcards, prepare };
}

/** String operators: case-sensitive unless IgnoreCase; `*`/`?` wildcards only in the Like pair. */
export const STRING_OPERATORS: readonly BaseOperator[] = [
  op('StringEquals', false, false, equals),
  op('StringNotEquals', true, false, equals),
  op('StringEqualsIgnoreCase', false, false, equalsIgnoreCase),
  op('StringNotEqualsIgnoreCase', true, false, equalsIgnoreCase),
  op('StringLike', false, true, like),
  op('StringNotLike', true, true, like),
];
