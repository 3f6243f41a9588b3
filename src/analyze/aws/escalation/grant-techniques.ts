import type { AdminStatus } from '../admin/admin-status.js';
import type { IamPrincipal } from '../iam-model.js';
import type { ContextValue, PolicySet } from '../policy/index.js';
import { isServiceLinked } from './become-techniques.js';
import type { CallerChecks } from './caller-checks.js';
import type { EscalationEdge } from './escalation-edge.js';
import type { EscalationEnv } from './escalation-env.js';
import { edgeOf, evaluateNeeds, type ResourceChoices } from './need-outcome.js';
import type { Technique } from './technique.js';

/**
 * Techniques that make a principal admin-equivalent: the caller itself, or a principal the caller
 * can become (`becoming` is the edge it would use, and joins the result as its first move).
 */
export function grantEdges(
  technique: Technique,
  checks: CallerChecks,
  target: IamPrincipal,
  becoming: EscalationEdge | undefined,
  env: EscalationEnv,
  memo: AdminMemo,
): EscalationEdge[] {
  const shape = technique.shape;
  const caller = checks.caller;
  const results: { outcome: NonNullable<ReturnType<typeof evaluateNeeds>>; extra: string[] }[] = [];
  const attempt = (choices: ResourceChoices, after: AdminStatus, extra: string[] = []): void => {
    if (after === 'not-admin') return;
    // The attacker attaches whichever admin policy their conditions on iam:PolicyARN allow.
    const attachable = technique.needs.some((need) => need.context?.['iam:PolicyARN'])
      ? env.adminPolicyArns(target.account)
      : [undefined];
    let outcome: ReturnType<typeof evaluateNeeds>;
    for (const policyArn of attachable) {
      const needs = policyArn
        ? technique.needs.map((need) =>
            need.context?.['iam:PolicyARN']
              ? { ...need, context: { ...need.context, 'iam:PolicyARN': policyArn } }
              : need,
          )
        : technique.needs;
      outcome = evaluateNeeds(checks, needs, choices, boundaryContext(target));
      if (outcome) break;
    }
    if (!outcome) return;
    const unsure =
      after === 'conditional' ? ['the target would be admin-equivalent only under conditions'] : [];
    results.push({ outcome, extra: [...extra, ...unsure] });
  };
  switch (shape.kind) {
    case 'grant-admin': {
      if (shape.targets !== 'user-or-role' && shape.targets !== target.kind) break;
      if (target.kind === 'role' && isServiceLinked(target)) break;
      const after = memo.get(`${target.id}\ngrant`, () =>
        env.oracle.status(
          { ...target.policies, identity: [...target.policies.identity, env.oracle.allowAll] },
          target.id,
          target.account,
        ),
      );
      attempt(
        {
          target: [target.id],
          'target-group': target.groups,
          'target-policy': target.policyRefs
            .filter((ref) => ref.kind === 'customer-managed')
            .map((ref) => ref.id),
        },
        unknownBoundary(target, after),
      );
      // A new version of a customer-managed boundary lifts the boundary instead.
      const boundary = target.policies.permissionsBoundary?.id;
      const versionsPolicies = technique.needs.some((need) => need.on === 'target-policy');
      if (results.length === 0 && versionsPolicies && boundary && CUSTOMER_POLICY.test(boundary)) {
        attempt({ 'target-policy': [boundary] }, unboundedStatus(target, env, memo));
      }
      break;
    }
    case 'join-group': {
      if (target.kind !== 'user') break;
      for (const group of env.model.groups.values()) {
        if (group.account !== target.account || target.groups.includes(group.id)) continue;
        const after = memo.get(`${target.id}\njoin\n${group.id}`, () =>
          env.oracle.status(
            { ...target.policies, identity: [...target.policies.identity, ...group.policies] },
            target.id,
            target.account,
          ),
        );
        const before = results.length;
        attempt({ 'joined-group': [group.id] }, unknownBoundary(target, after));
        if (results.length > before) break;
      }
      break;
    }
    case 'lift-boundary': {
      if (shape.targets !== target.kind || !hasBoundary(target)) break;
      if (target.kind === 'role' && isServiceLinked(target)) break;
      attempt({ target: [target.id] }, unboundedStatus(target, env, memo));
      break;
    }
    default:
      break;
  }
  return results.map(({ outcome, extra }) => {
    const edge = edgeOf(technique, caller.id, target.id, outcome, extra, {
      grantsAdmin: true,
      callerBoundaryUnknown: caller.boundaryUnknown,
    });
    return becoming ? joined(edge, becoming) : edge;
  });
}

/** A grant to another principal, preceded by becoming it. */
function joined(grant: EscalationEdge, becoming: EscalationEdge): EscalationEdge {
  return {
    ...grant,
    actions: [...new Set([...grant.actions, ...becoming.actions])],
    conditional: grant.conditional || becoming.conditional,
    pending: [...grant.pending, ...becoming.pending],
    preconditions: [...grant.preconditions, ...becoming.preconditions],
    evidence: [...grant.evidence, ...becoming.evidence],
    through: becoming.technique,
  };
}

const CUSTOMER_POLICY = /^arn:[^:]+:iam::\d{12}:policy\//;

/** Admin status once the target's boundary is gone (deleted, replaced or rewritten). */
function unboundedStatus(target: IamPrincipal, env: EscalationEnv, memo: AdminMemo): AdminStatus {
  const { permissionsBoundary: _lifted, ...unbounded } = target.policies;
  void _lifted;
  return memo.get(`${target.id}\nunbounded`, () =>
    env.oracle.status(unbounded satisfies PolicySet, target.id, target.account),
  );
}

/**
 * `iam:PermissionsBoundary` as IAM sets it for actions on the target user or role: its current
 * boundary, or known absent. Unknown when the boundary was not collected.
 */
function boundaryContext(target: IamPrincipal): Record<string, ContextValue> {
  if (target.boundaryUnknown) return {};
  return { 'iam:PermissionsBoundary': target.policies.permissionsBoundary?.id ?? null };
}

function hasBoundary(principal: IamPrincipal): boolean {
  return principal.policies.permissionsBoundary !== undefined || principal.boundaryUnknown;
}

/** A boundary we could not read could still deny what the grant gives. */
function unknownBoundary(target: IamPrincipal, status: AdminStatus): AdminStatus {
  return target.boundaryUnknown && status === 'admin' ? 'conditional' : status;
}

/** Admin status of hypothetical policy sets, computed once per target and change. */
export class AdminMemo {
  private readonly values = new Map<string, AdminStatus>();

  get(key: string, compute: () => AdminStatus): AdminStatus {
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute();
      this.values.set(key, value);
    }
    return value;
  }
}
