import type { EvaluatorSet } from '../evaluator.js';
import { evaluateCrossAccountExternalId } from '../aws-identity-paths/evaluate-cross-account-external-id.js';
import { evaluateGithubRepoCondition } from '../aws-identity-paths/evaluate-github-repo-condition.js';
import { evaluateOidcAudience } from '../aws-identity-paths/evaluate-oidc-audience.js';
import { evaluatePassRoleAnyResource } from '../aws-identity-paths/evaluate-passrole-any-resource.js';
import { evaluatePrincipalCanEscalate } from '../aws-identity-paths/evaluate-principal-can-escalate.js';
import { evaluateTrustAnyPrincipal } from '../aws-identity-paths/evaluate-trust-any-principal.js';
import { evaluateTrustOutsideOrg } from '../aws-identity-paths/evaluate-trust-outside-org.js';

/**
 * Evaluators of the aws-identity-paths rules, by the name a rule's `check.evaluator` gives
 * (each named after the one rule that uses it).
 */
export const awsIdentityPathsEvaluators: EvaluatorSet = {
  'aws-iam-trust-outside-org': evaluateTrustOutsideOrg,
  'aws-iam-cross-account-trust-no-external-id': evaluateCrossAccountExternalId,
  'aws-iam-trust-any-principal': evaluateTrustAnyPrincipal,
  'aws-iam-oidc-github-no-repo-condition': evaluateGithubRepoCondition,
  'aws-iam-oidc-trust-no-audience': evaluateOidcAudience,
  'aws-iam-principal-can-escalate': evaluatePrincipalCanEscalate,
  'aws-iam-passrole-any-resource': evaluatePassRoleAnyResource,
};
