import type { PolicyDocument, PolicyStatement } from '../../analyze/aws/policy/index.js';
import { confiningEntries, isGuardingDeny, type KeyLimit } from './condition-limit.js';
import { orgIdLimit, orgPathsLimit } from './key-limits.js';
import { accountOfPrincipal } from './principal-account.js';
import { ASSUME_ROLE, coversAction } from './statement-action.js';

/** Where a role stands: its account, its organization and the trusted accounts inside it. */
export interface RoleOrganization {
  readonly account: string | undefined;
  /** Undefined when the role's account reports no organization. */
  readonly organizationId: string | undefined;
  /** Accounts of the organization (at least those the trust names). */
  readonly members: ReadonlySet<string>;
}

/** One principal of an Allow statement that lets an account outside the organization in. */
export interface OutsidePrincipal {
  readonly account: string;
  readonly principal: string;
  readonly statement: number;
}

export interface OutsideTrust {
  readonly outside: OutsidePrincipal[];
  /** Principals whose account cannot be read (unique ids left by a deleted principal). */
  readonly unresolved: string[];
  /** Index of a Deny that keeps every caller outside the organization out, if any. */
  readonly guardedBy: number | undefined;
}

/**
 * The `AWS` principals of the trust's Allow statements that name an account other than the
 * role's, outside its organization, with no `aws:PrincipalOrgID`/`OrgPaths` condition confining
 * them to the organization and no Deny keeping them out. `keep` filters principals and statements
 * further (e.g. only account roots, only statements without an external id).
 */
export function outsideAccountTrust(
  trust: PolicyDocument,
  org: RoleOrganization,
  keep: (principal: string, statement: PolicyStatement) => boolean = () => true,
): OutsideTrust {
  const limits: KeyLimit[] = [orgIdLimit(org.organizationId), orgPathsLimit(org.organizationId)];
  const guard = trust.statements.find(
    (s) =>
      s.effect === 'Deny' &&
      s.principal?.wildcard === true &&
      coversAction(s, ASSUME_ROLE) &&
      isGuardingDeny(s, limits),
  );
  const result: OutsideTrust = { outside: [], unresolved: [], guardedBy: guard?.index };
  if (guard) return result;
  const denied = deniedAccounts(trust);
  for (const statement of trust.statements) {
    if (statement.effect !== 'Allow' || !statement.principal) continue;
    if (!coversAction(statement, ASSUME_ROLE)) continue;
    if (confiningEntries(statement, limits).length > 0) continue;
    for (const principal of statement.principal.aws) {
      const account = accountOfPrincipal(principal);
      if (account === undefined) {
        result.unresolved.push(principal);
        continue;
      }
      if (account === org.account || org.members.has(account) || denied.has(account)) continue;
      if (keep(principal, statement)) {
        result.outside.push({ account, principal, statement: statement.index });
      }
    }
  }
  return result;
}

/** Accounts an unconditional Deny on role assumption names: none of their principals get in. */
function deniedAccounts(trust: PolicyDocument): Set<string> {
  const denied = new Set<string>();
  for (const s of trust.statements) {
    if (s.effect !== 'Deny' || !s.principal || s.conditions.length > 0) continue;
    if (!coversAction(s, ASSUME_ROLE)) continue;
    for (const principal of s.principal.aws) {
      // A Deny naming one user or role leaves the rest of its account trusted.
      if (/^\d{12}$/.test(principal.trim()) || principal.trim().endsWith(':root')) {
        const account = accountOfPrincipal(principal);
        if (account) denied.add(account);
      }
    }
  }
  return denied;
}
