import type { RuleRow, Verdict } from '../evaluator.js';
import type { KeyLimit } from './condition-limit.js';
import type { FederatedProvider } from './federated-provider.js';
import { federatedTrusts } from './federated-statements.js';
import { recordList } from './row-fields.js';
import { readTrustPolicy } from './trust-policy.js';

/** `<issuer>:aud` (or `:app_id`) tested against something narrower than `*`; tokens always carry it. */
function audienceLimit(provider: FederatedProvider): KeyLimit {
  return {
    key: `${provider.issuer}:${provider.audienceClaim}`,
    alwaysPresent: true,
    confines: (value, operator) =>
      // `*` (or only wildcards) accepts every audience: that is no condition.
      operator.comparesNames && /[^*?]/.test(value.trim()),
  };
}

/** Audiences (client ids) STS still checks for a provider registered in IAM, by provider ARN. */
function clientIdsByProvider(row: RuleRow): Map<string, unknown> {
  return new Map(
    recordList(row, 'providers').map((p) => [String(p['id']), p['clientIds'] ?? null]),
  );
}

/**
 * aws-iam-oidc-trust-no-audience: FAIL when a statement lets an OIDC / web-identity provider's
 * tokens assume the role without a condition on the audience claim.
 */
export function evaluateOidcAudience(row: RuleRow): Verdict {
  const trust = readTrustPolicy(row.evidence['trustPolicy'], row.resource);
  if (!trust) return { status: 'NOT_APPLICABLE', message: 'trust policy not collected' };
  const trusts = federatedTrusts(trust, () => true, audienceLimit);
  if (trusts.length === 0) {
    return { status: 'NOT_APPLICABLE', message: 'no statement trusts an OIDC provider' };
  }
  const clientIds = clientIdsByProvider(row);
  const evidence = {
    statements: trusts.map((t) => ({
      statement: t.statement,
      provider: t.provider.principal,
      confined: t.confined,
      audience: t.testedValues,
      ...(clientIds.has(t.provider.principal)
        ? { clientIds: clientIds.get(t.provider.principal) }
        : {}),
    })),
  };
  const open = trusts.filter((t) => !t.confined);
  if (open.length === 0) {
    return { status: 'PASS', evidence, message: 'every OIDC trust tests the audience' };
  }
  const first = open[0];
  return {
    status: 'FAIL',
    evidence,
    message: `statement ${first?.statement ?? 0} trusts ${first?.provider.principal ?? 'a provider'} with no ${first?.provider.audienceClaim ?? 'aud'} condition`,
  };
}
