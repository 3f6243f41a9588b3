import type { PolicyDocument } from '../../analyze/aws/policy/index.js';
import { confiningEntries, isGuardingDeny, type KeyLimit } from './condition-limit.js';
import { federatedProvider, type FederatedProvider } from './federated-provider.js';
import { ASSUME_WEB_IDENTITY, coversAction } from './statement-action.js';

/** One Allow of web-identity assumption to one provider, and whether a claim condition confines it. */
export interface FederatedTrust {
  readonly provider: FederatedProvider;
  readonly statement: number;
  readonly confined: boolean;
  /** The values its condition on the claim tests, when they do not confine. */
  readonly testedValues: string[];
}

/**
 * Every (statement, provider) pair that allows `sts:AssumeRoleWithWebIdentity` to a provider
 * `select` keeps, judged by the claim limit `limitFor` gives: confined by the statement's own
 * condition or by a Deny that refuses tokens outside it.
 */
export function federatedTrusts(
  trust: PolicyDocument,
  select: (provider: FederatedProvider) => boolean,
  limitFor: (provider: FederatedProvider) => KeyLimit,
): FederatedTrust[] {
  const found: FederatedTrust[] = [];
  for (const statement of trust.statements) {
    if (statement.effect !== 'Allow' || !statement.principal) continue;
    if (!coversAction(statement, ASSUME_WEB_IDENTITY)) continue;
    for (const entry of statement.principal.federated) {
      const provider = federatedProvider(entry);
      if (!provider || !select(provider)) continue;
      const limit = limitFor(provider);
      const guarded = trust.statements.some(
        (deny) =>
          deny.effect === 'Deny' &&
          deny.conditions.length > 0 &&
          (deny.principal?.wildcard === true ||
            deny.principal?.federated.some((f) => f.trim() === provider.principal) === true) &&
          coversAction(deny, ASSUME_WEB_IDENTITY) &&
          isGuardingDeny(deny, [limit]),
      );
      const confined = guarded || confiningEntries(statement, [limit]).length > 0;
      const testedValues = statement.conditions
        .filter((c) => c.key.toLowerCase() === limit.key)
        .flatMap((c) => c.values);
      found.push({ provider, statement: statement.index, confined, testedValues });
    }
  }
  return found;
}
