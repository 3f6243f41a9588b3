import type { CompiledPolicy, CompiledStatement } from './compiled-policy.js';
import type { PendingCondition, PolicyType, StatementRef } from './decision.js';
import type { PrincipalMatch } from './principal-matcher.js';
import type { RequestContext } from './request-context.js';
import type { Tri } from './tri.js';
import { triOr } from './tri.js';

/** What one policy layer (identity, boundary, one SCP level, ...) says about one action. */
export interface LayerOutcome {
  allow: Tri;
  deny: Tri;
  /** Resource layers: the allow, split by how the principal matched. */
  readonly allowByMatch: Record<PrincipalMatch, Tri>;
  readonly allowedBy: StatementRef[];
  readonly deniedBy: StatementRef[];
  readonly pending: PendingCondition[];
}

export function statementRef(
  policyType: PolicyType,
  policy: CompiledPolicy,
  statement: CompiledStatement,
  level: number | undefined,
): StatementRef {
  return {
    policyType,
    policyId: policy.id,
    statementIndex: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    level,
  };
}

export function evaluateLayer(
  policies: readonly CompiledPolicy[],
  policyType: PolicyType,
  level: number | undefined,
  action: string,
  context: RequestContext,
): LayerOutcome {
  const outcome: LayerOutcome = {
    allow: false,
    deny: false,
    allowByMatch: { direct: false, user: false, role: false, account: false },
    allowedBy: [],
    deniedBy: [],
    pending: [],
  };
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (!statement.actions.matches(action)) continue;
      const { applies, principalMatch, pending } = statement.applicability(context);
      if (applies === false) continue;
      const ref = statementRef(policyType, policy, statement, level);
      if (applies !== true) outcome.pending.push({ statement: ref, conditions: pending });
      if (statement.effect === 'Deny') {
        outcome.deny = triOr(outcome.deny, applies);
        if (applies === true) outcome.deniedBy.push(ref);
        continue;
      }
      if (policyType === 'resource' && principalMatch === undefined) continue;
      outcome.allow = triOr(outcome.allow, applies);
      if (principalMatch) {
        outcome.allowByMatch[principalMatch] = triOr(outcome.allowByMatch[principalMatch], applies);
      }
      if (applies === true) outcome.allowedBy.push(ref);
    }
  }
  return outcome;
}
