import type { RuleRow, Verdict } from '../evaluator.js';
import { isGitHubActions } from './federated-provider.js';
import { federatedTrusts } from './federated-statements.js';
import { githubSubLimit } from './github-sub-limit.js';
import { readTrustPolicy } from './trust-policy.js';

/**
 * aws-iam-oidc-github-no-repo-condition: FAIL when a statement lets GitHub Actions tokens assume
 * the role without a `sub` condition that fixes the repository owner.
 */
export function evaluateGithubRepoCondition(row: RuleRow): Verdict {
  const trust = readTrustPolicy(row.evidence['trustPolicy'], row.resource);
  if (!trust) return { status: 'NOT_APPLICABLE', message: 'trust policy not collected' };
  const trusts = federatedTrusts(trust, isGitHubActions, githubSubLimit);
  if (trusts.length === 0) {
    return { status: 'NOT_APPLICABLE', message: 'no statement trusts GitHub Actions' };
  }
  const open = trusts.filter((t) => !t.confined);
  const evidence = {
    statements: trusts.map((t) => ({
      statement: t.statement,
      provider: t.provider.principal,
      confined: t.confined,
      sub: t.testedValues,
    })),
  };
  if (open.length === 0) {
    return {
      status: 'PASS',
      evidence,
      message: 'every GitHub Actions trust names a repository owner',
    };
  }
  const first = open[0];
  const tested =
    first && first.testedValues.length > 0
      ? `sub ${first.testedValues.join(', ')}`
      : 'no sub condition';
  return {
    status: 'FAIL',
    evidence,
    message: `statement ${first?.statement ?? 0} lets any GitHub repository's workflow assume the role (${tested})`,
  };
}
