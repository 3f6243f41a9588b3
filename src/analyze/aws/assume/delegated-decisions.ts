import type { IamPrincipal } from '../iam-model.js';
import type { CompiledPolicy, CompiledStatement, Decision, StatementRef } from '../policy/index.js';

const ACTION = 'sts:AssumeRole';

/**
 * Decisions for trusts that delegate to the caller's account, shared between roles whose trust
 * documents are identical: when none of the caller's statements about sts:AssumeRole (identity,
 * boundary, SCPs) names a resource or tests resource context, the decision cannot depend on
 * which role it is. An account's admins then cost one evaluation per distinct trust, not per role.
 */
export class DelegatedDecisions {
  private readonly agnostic = new Map<string, boolean>();
  private readonly decisions = new Map<string, Decision>();

  /** The cache key for this pair, or undefined when the pair must be evaluated on its own. */
  keyFor(caller: IamPrincipal, role: IamPrincipal): string | undefined {
    if (!role.trustKey || !trustIsRoleAgnostic(role.trustKey)) return undefined;
    if (!this.isAgnostic(caller)) return undefined;
    return `${caller.id}\n${role.account}\n${role.trustKey}`;
  }

  get(key: string, role: IamPrincipal): Decision | undefined {
    const cached = this.decisions.get(key);
    return cached && role.trust ? forRole(cached, role.trust.id) : undefined;
  }

  set(key: string, decision: Decision): void {
    this.decisions.set(key, decision);
  }

  private isAgnostic(caller: IamPrincipal): boolean {
    let value = this.agnostic.get(caller.id);
    if (value === undefined) {
      const { identity, permissionsBoundary, scps } = caller.policies;
      const policies: CompiledPolicy[] = [
        ...identity,
        ...(permissionsBoundary ? [permissionsBoundary] : []),
        ...(scps ?? []).flat(),
      ];
      value = policies.every((policy) =>
        policy.statements.every((s) => !s.actions.matches(ACTION) || roleAgnostic(s)),
      );
      this.agnostic.set(caller.id, value);
    }
    return value;
  }
}

function roleAgnostic(statement: CompiledStatement): boolean {
  const resources = statement.resources;
  if (resources && (resources.negated || resources.patterns.some((p) => p !== '*'))) return false;
  return statement.conditions.conditions.every(
    ({ entry }) =>
      !/^(aws|iam):resource/i.test(entry.key) && entry.values.every((v) => !v.includes('${')),
  );
}

function trustIsRoleAgnostic(trustText: string): boolean {
  return !trustText.includes('${') && !/(aws|iam):resource/i.test(trustText);
}

/** The cached decision with the trust policy's statements named as this role's. */
function forRole(decision: Decision, trustId: string): Decision {
  const rename = (ref: StatementRef): StatementRef =>
    ref.policyType === 'resource' ? { ...ref, policyId: trustId } : ref;
  return {
    ...decision,
    decidedBy: decision.decidedBy.map(rename),
    pending: decision.pending.map((p) => ({ ...p, statement: rename(p.statement) })),
  };
}
