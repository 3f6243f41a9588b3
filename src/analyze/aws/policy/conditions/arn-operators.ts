import { arnPatternSource } from '../arn-pattern.js';
import type { TemplatePart } from '../policy-variables.js';
import type { BaseOperator, ValueTest } from './base-operator.js';

/** ArnEquals and ArnLike alike check each ARN segment separately, wildcards allowed, case-sensitive. */
function arnMatch(parts: readonly TemplatePart[]): ValueTest {
  const regex = new RegExp(`^${arnPatternSource(parts, false)}$`, 's');
  return (value) => regex.test(value);
}

function op(name: string, negated: boolean): BaseOperator {
  return { name, negated, variables: true, wildcards: true, prepare: arnMatch };
}

export const ARN_OPERATORS: readonly BaseOperator[] = [
  op('ArnEquals', false),
  op('ArnLike', false),
  op('ArnNotEquals', true),
  op('ArnNotLike', true),
];
