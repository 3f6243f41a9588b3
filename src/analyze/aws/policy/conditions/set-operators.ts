import type { Tri } from '../tri.js';
import { triAll, triAny, triNot } from '../tri.js';

export type SetQualifier = 'none' | 'for-all-values' | 'for-any-value';

/**
 * Combines per-context-value results (`matchesAny(v)`: does v match any policy value) the way
 * AWS defines it. Negated operators mean "matches none of the policy values".
 * - plain: some value matches (negated: none does);
 * - ForAnyValue: at least one context value passes; an empty set is false;
 * - ForAllValues: every context value passes; an empty set is true.
 */
export function combineValues(
  qualifier: SetQualifier,
  negated: boolean,
  contextValues: readonly string[],
  matchesAny: (value: string) => Tri,
): Tri {
  const passes = (value: string): Tri => (negated ? triNot(matchesAny(value)) : matchesAny(value));
  if (qualifier === 'for-all-values') return triAll(contextValues, passes);
  if (qualifier === 'for-any-value') return triAny(contextValues, passes);
  const anyMatch = triAny(contextValues, matchesAny);
  return negated ? triNot(anyMatch) : anyMatch;
}

/** The result when the key is absent (or has no values), before any IfExists override. */
export function absentResult(qualifier: SetQualifier, negated: boolean): boolean {
  if (qualifier === 'for-all-values') return true;
  if (qualifier === 'for-any-value') return false;
  // A key that is not there does not match, so a negated operator holds.
  return negated;
}
