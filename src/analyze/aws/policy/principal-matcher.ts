import type { CallerIdentity } from './caller-identity.js';
import type { PrincipalSpec } from './policy-document.js';

/**
 * How a resource policy's Principal matched the caller, which decides what the grant is worth
 * (AWS evaluation logic for resource-based policies):
 * - `direct`: the exact session, service, web identity or canonical user; stands alone in the
 *   same account, unaffected by permissions boundary or session policy.
 * - `user`: the IAM user ARN; not limited by the boundary, still limited by a session policy.
 * - `role`: the role ARN (not the session); counts like an identity policy, so the boundary and
 *   session policy limit it.
 * - `account`: the account (id or root ARN); delegates to the account's own IAM policies.
 */
export type PrincipalMatch = 'direct' | 'user' | 'role' | 'account';

const STRENGTH: Readonly<Record<PrincipalMatch, number>> = {
  direct: 3,
  user: 2,
  role: 1,
  account: 0,
};
const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;

/** The strongest way `spec` matches the caller, or undefined if it does not. */
export function matchPrincipal(
  spec: PrincipalSpec,
  caller: CallerIdentity,
): PrincipalMatch | undefined {
  let best: PrincipalMatch | undefined = spec.wildcard ? everyoneMatch(caller) : undefined;
  const consider = (match: PrincipalMatch | undefined): void => {
    if (match && (best === undefined || STRENGTH[match] > STRENGTH[best])) best = match;
  };
  for (const value of spec.aws) consider(matchAwsValue(value, caller));
  const named = caller.name?.toLowerCase();
  if (caller.kind === 'service' && spec.service.some((s) => s.toLowerCase() === named)) {
    consider('direct');
  }
  if (caller.kind === 'federated' && spec.federated.includes(caller.name ?? '')) consider('direct');
  if (caller.kind === 'canonical-user' && spec.canonicalUser.includes(caller.name ?? '')) {
    consider('direct');
  }
  return best;
}

/**
 * NotPrincipal matches every caller the list does not name. Simplification: a role ARN in the
 * list also excludes its sessions (AWS asks for the session ARN to be listed as well).
 */
export function matchNotPrincipal(
  spec: PrincipalSpec,
  caller: CallerIdentity,
): PrincipalMatch | undefined {
  return matchPrincipal(spec, caller) === undefined ? everyoneMatch(caller) : undefined;
}

function everyoneMatch(caller: CallerIdentity): PrincipalMatch {
  return caller.kind === 'user' || caller.kind === 'root' ? 'user' : 'direct';
}

function matchAwsValue(value: string, caller: CallerIdentity): PrincipalMatch | undefined {
  if (caller.principalArn === undefined) return undefined;
  const account = ACCOUNT_ID.test(value) ? value : ROOT_ARN.exec(value)?.[1];
  if (account !== undefined) {
    if (account !== caller.account) return undefined;
    return caller.kind === 'root' ? 'user' : 'account';
  }
  if (caller.sessionArn !== undefined && value === caller.sessionArn) return 'direct';
  if (value !== caller.principalArn) return undefined;
  return caller.kind === 'role-session' ? 'role' : 'user';
}
