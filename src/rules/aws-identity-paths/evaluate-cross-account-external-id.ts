import type { RuleRow, Verdict } from '../evaluator.js';
import { confiningEntries, isGuardingDeny } from './condition-limit.js';
import { EXTERNAL_ID_LIMIT } from './key-limits.js';
import { outsideAccountTrust } from './outside-accounts.js';
import { namesAccountRoot } from './principal-account.js';
import { roleOrganization } from './role-organization.js';
import { ASSUME_ROLE, coversAction } from './statement-action.js';
import { readTrustPolicy } from './trust-policy.js';

/**
 * aws-iam-cross-account-trust-no-external-id: FAIL when a whole account outside the organization
 * (its root, or its bare id) may assume the role without proving an `sts:ExternalId`.
 */
export function evaluateCrossAccountExternalId(row: RuleRow): Verdict {
  const trust = readTrustPolicy(row.evidence['trustPolicy'], row.resource);
  if (!trust) return { status: 'NOT_APPLICABLE', message: 'trust policy not collected' };
  const limits = [EXTERNAL_ID_LIMIT];
  const guard = trust.statements.find(
    (s) =>
      s.effect === 'Deny' &&
      s.principal?.wildcard === true &&
      s.conditions.length > 0 &&
      coversAction(s, ASSUME_ROLE) &&
      isGuardingDeny(s, limits),
  );
  const org = roleOrganization(row);
  const result = outsideAccountTrust(
    trust,
    org,
    (principal, statement) =>
      namesAccountRoot(principal) && confiningEntries(statement, limits).length === 0,
  );
  const evidence = {
    organizationId: org.organizationId ?? null,
    outside: result.outside,
    ...(guard ? { guardedBy: guard.index } : {}),
  };
  if (result.outside.length === 0 || guard) {
    return {
      status: 'PASS',
      evidence,
      message: guard
        ? `statement ${guard.index} denies callers without the external id`
        : 'no account outside the organization is trusted without an external id',
    };
  }
  const accounts = [...new Set(result.outside.map((o) => o.account))];
  return {
    status: 'FAIL',
    evidence,
    message: `account ${accounts.join(', ')} (outside the organization) may assume it with no sts:ExternalId condition`,
  };
}
