import { hasWildcard } from '../../analyze/aws/policy/wildcard.js';
import type { KeyLimit } from './condition-limit.js';
import type { FederatedProvider } from './federated-provider.js';

// `repo:<owner>/<rest>` with a literal owner: only that owner's repositories can match.
const OWNER_SCOPED = /^repo:([^/*?]+)\/./;

/**
 * A GitHub Actions `sub` value confines the trust when it is literal (one exact subject, whatever
 * its template) or keeps the repository owner literal (`repo:acme/app:*`, `repo:acme/*`).
 * `*`, `repo:*` or `repo:acme*` let any GitHub user's workflow in.
 */
export function githubSubConfines(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return false;
  return !hasWildcard(trimmed) || OWNER_SCOPED.test(trimmed);
}

/** The `<issuer>:sub` limit; every GitHub token carries `sub`, so IfExists still confines. */
export function githubSubLimit(provider: FederatedProvider): KeyLimit {
  return {
    key: `${provider.issuer}:sub`,
    alwaysPresent: true,
    confines: (value, operator) => operator.comparesNames && githubSubConfines(value),
  };
}
