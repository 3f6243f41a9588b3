import type { ConditionEntry, PolicyStatement } from '../../analyze/aws/policy/index.js';
import { parseConditionOperator, type ConditionOperator } from './condition-operator.js';

/**
 * A condition key that, tested with the right values, confines who can use a trust statement
 * (an organization, an account, a repository, an external id...).
 */
export interface KeyLimit {
  /** The key, lower-case (condition keys are case-insensitive). */
  readonly key: string;
  /** Whether one tested value confines the caller; `*` and other catch-alls do not. */
  readonly confines: (value: string, operator: ConditionOperator) => boolean;
  /**
   * The key is in every request of the kind judged, so `...IfExists` and `ForAllValues`
   * (which pass when the key is absent) still confine.
   */
  readonly alwaysPresent: boolean;
}

/** A condition entry that confines the statement, with the limit it satisfies. */
export interface LimitMatch {
  readonly limit: KeyLimit;
  readonly entry: ConditionEntry;
}

/** The entries of an Allow statement that confine it by one of `limits` (all must hold in AWS). */
export function confiningEntries(
  statement: PolicyStatement,
  limits: readonly KeyLimit[],
): LimitMatch[] {
  const found: LimitMatch[] = [];
  for (const entry of statement.conditions) {
    const limit = limitFor(entry, limits);
    if (!limit) continue;
    const operator = parseConditionOperator(entry.operator);
    if (operator.negated) continue;
    const absentPasses = operator.ifExists || operator.qualifier === 'ForAllValues';
    if (absentPasses && !limit.alwaysPresent) continue;
    if (entry.values.length > 0 && entry.values.every((v) => limit.confines(v, operator))) {
      found.push({ limit, entry });
    }
  }
  return found;
}

/**
 * Whether a Deny's conditions turn it into a guard: every entry is a negated test of a limit key
 * whose values confine (`StringNotEquals aws:PrincipalOrgID o-...`), so the Deny hits every caller
 * outside them. A Deny without conditions hits everyone. Any other entry makes the Deny apply only
 * sometimes, and it guards nothing.
 */
export function isGuardingDeny(statement: PolicyStatement, limits: readonly KeyLimit[]): boolean {
  if (statement.effect !== 'Deny') return false;
  return statement.conditions.every((entry) => {
    const limit = limitFor(entry, limits);
    if (!limit) return false;
    const operator = parseConditionOperator(entry.operator);
    return (
      operator.negated &&
      operator.qualifier === undefined &&
      entry.values.length > 0 &&
      entry.values.every((v) => limit.confines(v, operator))
    );
  });
}

function limitFor(entry: ConditionEntry, limits: readonly KeyLimit[]): KeyLimit | undefined {
  const key = entry.key.toLowerCase();
  return limits.find((limit) => limit.key === key);
}
