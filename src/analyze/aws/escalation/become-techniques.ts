import { requestPrincipalOf, type IamPrincipal } from '../iam-model.js';
import { evaluateRequest, type Decision } from '../policy/index.js';
import type { CallerChecks } from './caller-checks.js';
import type { EscalationEdge } from './escalation-edge.js';
import type { EscalationEnv } from './escalation-env.js';
import { edgeOf, evaluateNeeds } from './need-outcome.js';
import type { Technique, TechniqueShape } from './technique.js';

/** What become-techniques need to know about the caller's account. */
export interface AccountPrincipals {
  readonly users: readonly IamPrincipal[];
  readonly roles: readonly IamPrincipal[];
}

/** AWS refuses to pass, re-trust or attach policies to service-linked roles. */
export function isServiceLinked(role: IamPrincipal): boolean {
  return role.path.startsWith('/aws-service-role/');
}

/**
 * Techniques that let the caller act as another principal: another user's credentials, a role
 * whose trust it rewrites, or a role it passes to new compute.
 */
export function becomeEdges(
  technique: Technique,
  checks: CallerChecks,
  account: AccountPrincipals,
  env: EscalationEnv,
): EscalationEdge[] {
  const caller = checks.caller;
  const shape: TechniqueShape = technique.shape;
  const edges: EscalationEdge[] = [];
  const push = (target: IamPrincipal, extra: readonly string[], trust?: ServiceTrust): void => {
    const outcome = evaluateNeeds(checks, technique.needs, { target: [target.id] });
    if (!outcome) return;
    // The trust statement that lets the service in is part of the evidence.
    const merged = trust
      ? {
          conditional: outcome.conditional || trust.decision.decision === 'conditional',
          pending: [...outcome.pending, ...trust.decision.pending],
          evidence: [
            ...outcome.evidence,
            {
              action: 'sts:AssumeRole',
              resource: target.id,
              decidedBy: trust.decision.decidedBy,
              principal: trust.service,
            },
          ],
        }
      : outcome;
    edges.push(
      edgeOf(technique, caller.id, target.id, merged, extra, {
        grantsAdmin: false,
        callerBoundaryUnknown: caller.boundaryUnknown,
      }),
    );
  };
  switch (shape.kind) {
    case 'user-credentials':
      for (const user of account.users) {
        if (user.id === caller.id) continue;
        const fact = credentialFact(shape.requires, user);
        if (fact === false) continue;
        push(user, fact === true ? [] : [fact]);
      }
      break;
    case 'rewrite-trust':
      for (const role of account.roles) {
        if (role.id === caller.id || isServiceLinked(role)) continue;
        const assume = assumeAfterRewrite(env, caller, role);
        if (assume.decision === 'denied') continue;
        const outcome = evaluateNeeds(checks, technique.needs, { target: [role.id] });
        if (!outcome) continue;
        edges.push(
          edgeOf(
            technique,
            caller.id,
            role.id,
            {
              conditional: outcome.conditional || assume.decision === 'conditional',
              pending: [...outcome.pending, ...assume.pending],
              evidence: [
                ...outcome.evidence,
                { action: 'sts:AssumeRole', resource: role.id, decidedBy: assume.decidedBy },
              ],
            },
            [],
            { grantsAdmin: false, callerBoundaryUnknown: caller.boundaryUnknown },
          ),
        );
      }
      break;
    case 'pass-role':
      for (const role of account.roles) {
        if (role.id === caller.id || isServiceLinked(role) || !role.trust) continue;
        if (shape.instanceProfile && role.instanceProfiles.length === 0) continue;
        const trusts = shape.services
          .map((service) => ({ service, decision: env.serviceTrust(role, service) }))
          .find((t) => t.decision.decision !== 'denied');
        if (!trusts) continue;
        push(role, [], trusts);
      }
      break;
    default:
      break;
  }
  return edges;
}

/** A service principal the role's trust lets in, and how. */
interface ServiceTrust {
  readonly service: string;
  readonly decision: Decision;
}

/** true: the fact holds; false: it does not; a string: unknown, stated as a precondition. */
function credentialFact(
  requires: 'free-key-slot' | 'no-console-password' | 'console-password',
  user: IamPrincipal,
): boolean | string {
  switch (requires) {
    case 'free-key-slot':
      if (user.accessKeys === undefined)
        return 'the user has fewer than two access keys (keys not collected)';
      return user.accessKeys < 2;
    case 'no-console-password':
      if (user.consolePassword === undefined)
        return 'the user has no console password (credential report not collected)';
      return !user.consolePassword;
    case 'console-password':
      if (user.consolePassword === undefined)
        return 'the user has a console password (credential report not collected)';
      return user.consolePassword;
  }
}

/** sts:AssumeRole once the trust policy names the caller: the caller's own policies still apply. */
function assumeAfterRewrite(
  env: EscalationEnv,
  caller: IamPrincipal,
  role: IamPrincipal,
): Decision {
  return evaluateRequest(
    {
      ...caller.policies,
      resource: [env.trustNaming(caller, role)],
      resourcePolicyKind: 'role-trust',
    },
    { principal: requestPrincipalOf(caller), action: 'sts:AssumeRole', resource: role.id },
  );
}
