import type { Verdict, RuleRow } from '../evaluator.js';
import { outsideAccountTrust } from './outside-accounts.js';
import { roleOrganization } from './role-organization.js';
import { readTrustPolicy } from './trust-policy.js';

/** aws-iam-trust-outside-org: FAIL when the trust lets in an account outside the organization. */
export function evaluateTrustOutsideOrg(row: RuleRow): Verdict {
  const trust = readTrustPolicy(row.evidence['trustPolicy'], row.resource);
  if (!trust) return { status: 'NOT_APPLICABLE', message: 'trust policy not collected' };
  const org = roleOrganization(row);
  const result = outsideAccountTrust(trust, org);
  const evidence = {
    organizationId: org.organizationId ?? null,
    outside: result.outside,
    ...(result.unresolved.length > 0 ? { unresolved: result.unresolved } : {}),
    ...(result.guardedBy !== undefined ? { guardedBy: result.guardedBy } : {}),
  };
  if (result.outside.length === 0) {
    return {
      status: 'PASS',
      evidence,
      message:
        result.guardedBy !== undefined
          ? `statement ${result.guardedBy} denies callers outside ${org.organizationId ?? 'the organization'}`
          : 'trusts no account outside the organization',
    };
  }
  const accounts = [...new Set(result.outside.map((o) => o.account))];
  return {
    status: 'FAIL',
    evidence,
    message: `trusts ${accounts.join(', ')}, outside ${org.organizationId ?? 'any known organization'}, with no aws:PrincipalOrgID condition`,
  };
}
