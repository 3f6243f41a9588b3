import type { ConditionEntry } from '../policy-document.js';
import type { Template } from '../policy-variables.js';
import { parseTemplate, resolveTemplate } from '../policy-variables.js';
import type { ContextLookup, RequestContext } from '../request-context.js';
import type { Tri } from '../tri.js';
import { triAny, triAnd, UNKNOWN } from '../tri.js';
import type { BaseOperator, ValueTest } from './base-operator.js';
import { evaluateNull } from './null-operator.js';
import type { ParsedOperator } from './operator-registry.js';
import { parseOperator } from './operator-registry.js';
import { absentResult, combineValues } from './set-operators.js';

/** A policy value ready to test: precompiled, or a template resolved per request. */
type PreparedValue = { readonly test: ValueTest } | { readonly template: Template };

/** One `operator: {key: values}` entry compiled into a predicate over the request context. */
export class CompiledCondition {
  readonly entry: ConditionEntry;
  private readonly operator: ParsedOperator;
  private readonly prepared: readonly PreparedValue[];

  constructor(entry: ConditionEntry, variables: boolean, where: string) {
    this.entry = entry;
    this.operator = parseOperator(entry.operator, where);
    const base = this.operator.base;
    this.prepared = base
      ? entry.values.map((value) => {
          const template = parseTemplate(value, variables && base.variables, base.wildcards);
          return template.hasVariables ? { template } : { test: base.prepare(template.parts) };
        })
      : [];
  }

  evaluate(context: RequestContext): Tri {
    const found = context.lookup(this.entry.key);
    const { base, qualifier, ifExists } = this.operator;
    if (!base) return evaluateNull(found, this.entry.values);
    if (found.state === 'unknown') return UNKNOWN;
    if (found.state === 'absent' || found.values.length === 0) {
      return ifExists || absentResult(qualifier, base.negated);
    }
    const lookup = (key: string): ContextLookup => context.lookup(key);
    const tests = this.prepared.map((value) => testFor(base, value, lookup));
    const matchesAny = (value: string): Tri =>
      triAny(tests, (test) => (test === UNKNOWN ? UNKNOWN : test(value)));
    return combineValues(qualifier, base.negated, found.values, matchesAny);
  }
}

function testFor(
  base: BaseOperator,
  value: PreparedValue,
  lookup: (key: string) => ContextLookup,
): ValueTest | typeof UNKNOWN {
  if ('test' in value) return value.test;
  const resolved = resolveTemplate(value.template, lookup);
  if (resolved.status === 'unknown') return UNKNOWN;
  // A variable with no value matches nothing.
  if (resolved.status === 'absent') return () => false;
  return base.prepare(resolved.parts);
}

export interface ConditionOutcome {
  readonly result: Tri;
  /** The entries whose value could not be decided; empty unless `result` is unknown. */
  readonly pending: readonly ConditionEntry[];
}

const ALWAYS: ConditionOutcome = { result: true, pending: [] };

/** A statement's Condition: every entry must hold (AND); within an entry values are ORed. */
export class ConditionBlock {
  readonly conditions: readonly CompiledCondition[];

  constructor(entries: readonly ConditionEntry[], variables: boolean, where: string) {
    this.conditions = entries.map((entry) => new CompiledCondition(entry, variables, where));
  }

  get isEmpty(): boolean {
    return this.conditions.length === 0;
  }

  evaluate(context: RequestContext): ConditionOutcome {
    if (this.conditions.length === 0) return ALWAYS;
    let result: Tri = true;
    const pending: ConditionEntry[] = [];
    for (const condition of this.conditions) {
      const one = condition.evaluate(context);
      if (one === false) return { result: false, pending: [] };
      if (one === UNKNOWN) pending.push(condition.entry);
      result = triAnd(result, one);
    }
    return { result, pending };
  }
}
