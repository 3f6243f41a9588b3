import { requestPrincipalOf, type IamModel } from '../iam-model.js';
import { evaluateRequest, type Decision, type PolicySet } from '../policy/index.js';
import { AccountCallers } from './account-callers.js';
import { DelegatedDecisions } from './delegated-decisions.js';
import {
  federatedAssumeEdges,
  serviceAssumeEdges,
  unloadedAccountAssumeEdges,
} from './external-assume.js';
import { trustCandidates } from './trust-candidates.js';

export interface AssumeEdge {
  /** A user or role ARN, or an OIDC/SAML provider ARN (or web identity) for federation. */
  readonly from: string;
  readonly to: string;
  readonly technique: string;
  readonly action: string;
  readonly conditional: boolean;
  readonly decision: Decision;
  /** The source is an AWS service principal, not an identity. */
  readonly fromService?: boolean;
}

const ACTION = 'sts:AssumeRole';

/**
 * Who can become which role: for every role's trust policy and every principal it could let in,
 * the exact AWS decision for sts:AssumeRole — the trust policy together with the caller's
 * identity policies, boundary and SCPs. Unknown context (sts:ExternalId, MFA, source IP) makes
 * the edge conditional; denied pairs give no edge.
 */
export function canAssumeEdges(model: IamModel): AssumeEdge[] {
  return [...canAssumeEdgesByRole(model)].flatMap(([, edges]) => edges);
}

/**
 * The same, one role at a time, so a caller can write while the next roles are evaluated.
 * `impliedFrom` lists admin-equivalent principals: they can already assume (or re-trust and
 * assume) every role of their own account, so those edges say nothing `isAdmin` does not — and
 * on a large account they would be most of the graph. Their cross-account edges are kept.
 */
export function* canAssumeEdgesByRole(
  model: IamModel,
  impliedFrom: ReadonlySet<string> = new Set(),
): Generator<[string, AssumeEdge[]]> {
  const byId = new Map(model.principals.map((p) => [p.id, p]));
  const callers = new AccountCallers(model.principals);
  const delegated = new DelegatedDecisions();
  const loadedAccounts = new Set(model.accounts.keys());
  for (const role of model.principals) {
    if (role.kind !== 'role' || !role.trust) continue;
    const edges: AssumeEdge[] = [];
    for (const { principal: caller, named } of trustCandidates(
      role.trust,
      byId,
      (account) => callers.mayAssume(account, role),
      model.principals,
    )) {
      if (caller.id === role.id) continue;
      if (impliedFrom.has(caller.id) && caller.account === role.account) continue;
      const key = named ? undefined : delegated.keyFor(caller, role);
      let decision = key ? delegated.get(key, role) : undefined;
      if (!decision) {
        const policies: PolicySet = {
          ...caller.policies,
          resource: [role.trust],
          resourcePolicyKind: 'role-trust',
        };
        decision = evaluateRequest(policies, {
          principal: requestPrincipalOf(caller),
          action: ACTION,
          resource: role.id,
        });
        if (key) delegated.set(key, decision);
      }
      if (decision.decision === 'denied') continue;
      const conditional = decision.decision === 'conditional' || caller.boundaryUnknown;
      edges.push({
        from: caller.id,
        to: role.id,
        technique: 'aws.sts.AssumeRole',
        action: ACTION,
        conditional,
        decision,
      });
    }
    edges.push(
      ...federatedAssumeEdges(role),
      ...serviceAssumeEdges(role),
      ...unloadedAccountAssumeEdges(role, loadedAccounts),
    );
    if (edges.length > 0) yield [role.id, edges];
  }
}
