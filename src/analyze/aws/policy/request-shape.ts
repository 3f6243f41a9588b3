import type { CallerClass, RequestShape } from './decision-formula.js';
import type { PolicySet } from './policy-set.js';
import { detectResourcePolicyKind } from './policy-set.js';
import type { RequestContext } from './request-context.js';

/**
 * Which layers apply to this request. SCPs bind principals of member accounts (not the
 * management account, service-linked roles or AWS services); RCPs bind resources of member
 * accounts (not for service-linked roles).
 */
export function requestShape(
  policies: PolicySet,
  context: RequestContext,
  action: string,
): RequestShape {
  const caller = context.caller;
  const callerClass: CallerClass =
    caller.kind === 'root'
      ? 'root'
      : caller.kind === 'user' || caller.kind === 'role-session' || caller.kind === 'federated-user'
        ? 'aws'
        : 'non-aws';
  const management = policies.managementAccountId;
  const scpApplies =
    (policies.scps?.length ?? 0) > 0 &&
    callerClass !== 'non-aws' &&
    !caller.isServiceLinkedRole &&
    (management === undefined || caller.account !== management);
  const rcpApplies =
    (policies.rcps?.length ?? 0) > 0 &&
    !caller.isServiceLinkedRole &&
    (management === undefined || context.resourceAccount !== management);
  return {
    caller: callerClass,
    scpApplies,
    rcpApplies,
    sameAccount:
      context.resourceAccount === undefined || context.resourceAccount === caller.account,
    kind: policies.resourcePolicyKind ?? detectResourcePolicyKind(action, context.resource),
  };
}
