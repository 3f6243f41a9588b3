import type { PendingCondition, StatementRef } from '../policy/index.js';
import type { AccessResult } from './access-result.js';
import type { AccessTarget } from './access-target.js';

/**
 * A result evaluated on one store, told of another that every statement treats alike (same
 * kind, account, policy template and matches): its own policy's statements, ARNs and condition
 * values replace the first store's.
 */
export function rebaseResult(
  result: AccessResult,
  from: AccessTarget,
  to: AccessTarget,
): AccessResult {
  if (from === to) return result;
  const fromPolicy = from.policy?.id;
  const toPolicy = to.policy?.id;
  const ref = (r: StatementRef): StatementRef =>
    r.policyType === 'resource' && r.policyId === fromPolicy && toPolicy
      ? { ...r, policyId: toPolicy }
      : r;
  const arn = (text: string): string =>
    text.startsWith(from.arn) ? to.arn + text.slice(from.arn.length) : text;
  const value = (text: string): string => arn(text.split(from.id).join(to.id));
  const pending = (p: PendingCondition): PendingCondition => ({
    statement: ref(p.statement),
    conditions: p.conditions.map((c) => ({ ...c, values: c.values.map(value) })),
  });
  return {
    ...result,
    evidence: result.evidence.map((e) => ({
      ...e,
      resource: arn(e.resource),
      decidedBy: e.decidedBy.map(ref),
    })),
    pending: result.pending.map(pending),
  };
}
