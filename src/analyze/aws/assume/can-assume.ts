import { requestPrincipalOf, type IamModel, type IamPrincipal } from '../iam-model.js';
import {
  evaluateRequest,
  type CompiledStatement,
  type Decision,
  type PolicySet,
} from '../policy/index.js';
import { DelegatedDecisions } from './delegated-decisions.js';
import { federatedAssumeEdges } from './federated-assume.js';
import { trustCandidates } from './trust-candidates.js';

export interface AssumeEdge {
  /** A user or role ARN, or an OIDC/SAML provider ARN (or web identity) for federation. */
  readonly from: string;
  readonly to: string;
  readonly technique: string;
  readonly action: string;
  readonly conditional: boolean;
  readonly decision: Decision;
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

/** The same, one role at a time, so a caller can write while the next roles are evaluated. */
export function* canAssumeEdgesByRole(model: IamModel): Generator<[string, AssumeEdge[]]> {
  const byId = new Map(model.principals.map((p) => [p.id, p]));
  // A trust that names an account delegates to the callers' own policies: only principals with
  // an Allow that matches sts:AssumeRole can use it, which keeps the pairs to evaluate few.
  const byAccount = new Map<string, IamPrincipal[]>();
  const assumeAllows = new Map<string, CompiledStatement[]>();
  for (const principal of model.principals) {
    const allows = principal.policies.identity.flatMap((policy) =>
      policy.statements.filter((s) => s.effect === 'Allow' && s.actions.matches(ACTION)),
    );
    if (allows.length === 0) continue;
    assumeAllows.set(principal.id, allows);
    const list = byAccount.get(principal.account) ?? [];
    list.push(principal);
    byAccount.set(principal.account, list);
  }
  // Trusting the account delegates to the caller's own Allow, which must reach this role.
  const allowsAssuming = (caller: IamPrincipal, roleArn: string): boolean =>
    (assumeAllows.get(caller.id) ?? []).some((s) => s.resources?.mayMatch(roleArn) ?? true);
  const delegated = new DelegatedDecisions();
  for (const role of model.principals) {
    if (role.kind !== 'role' || !role.trust) continue;
    const edges: AssumeEdge[] = [];
    for (const { principal: caller, named } of trustCandidates(
      role.trust,
      byId,
      byAccount,
      model.principals,
    )) {
      if (caller.id === role.id) continue;
      if (!named && !allowsAssuming(caller, role.id)) continue;
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
    edges.push(...federatedAssumeEdges(role));
    if (edges.length > 0) yield [role.id, edges];
  }
}
