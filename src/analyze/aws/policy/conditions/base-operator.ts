import type { TemplatePart } from '../policy-variables.js';

/** Tests one context value against one (already substituted) policy value. */
export type ValueTest = (contextValue: string) => boolean;

/**
 * One condition operator without its `ForAllValues:`/`ForAnyValue:` qualifier or `IfExists`
 * suffix. Negated operators (StringNotEquals, NotIpAddress, ...) are stored as their positive
 * test plus `negated`, since AWS defines them as "matches none of the values".
 */
export interface BaseOperator {
  readonly name: string;
  readonly negated: boolean;
  /** Whether `${...}` policy variables are substituted in values (string and ARN operators). */
  readonly variables: boolean;
  /** Whether `*` and `?` in values are wildcards (StringLike, Arn*). */
  readonly wildcards: boolean;
  prepare(value: readonly TemplatePart[]): ValueTest;
}

export const NEVER: ValueTest = () => false;

export function defineOperators(
  names: Readonly<Record<string, { negated: boolean; prepare: (text: string) => ValueTest }>>,
): BaseOperator[] {
  return Object.entries(names).map(([name, spec]) => ({
    name,
    negated: spec.negated,
    variables: false,
    wildcards: false,
    prepare: (parts) => spec.prepare(parts.map((p) => (p.kind === 'text' ? p.text : '')).join('')),
  }));
}
