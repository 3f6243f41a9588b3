import type { IamPrincipal } from '../iam-model.js';
import { evaluateRequest } from '../policy/index.js';
import type { AssumeEdge } from './can-assume.js';

/**
 * Federated identities that can become the role: every OIDC or SAML provider (or web identity
 * such as cognito-identity.amazonaws.com) the trust policy names, with the exact decision. The
 * claims the trust tests (`sub`, `aud`, SAML attributes) are request context Cairn cannot know,
 * so such edges are conditional and carry the conditions — a GitHub trust with `repo:org/*:*`
 * shows exactly that wildcard.
 */
export function federatedAssumeEdges(role: IamPrincipal): AssumeEdge[] {
  if (!role.trust) return [];
  const providers = new Set<string>();
  for (const statement of role.trust.statements) {
    if (statement.effect !== 'Allow' || !statement.principal || statement.principal.negated) {
      continue;
    }
    statement.principal.spec.federated.forEach((provider) => providers.add(provider));
  }
  const edges: AssumeEdge[] = [];
  for (const provider of providers) {
    const saml = provider.includes(':saml-provider/');
    const action = saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
    const decision = evaluateRequest(
      { identity: [], resource: [role.trust], resourcePolicyKind: 'role-trust' },
      { principal: { federated: provider }, action, resource: role.id },
    );
    if (decision.decision === 'denied') continue;
    edges.push({
      from: provider,
      to: role.id,
      technique: saml ? 'aws.sts.AssumeRoleWithSAML' : 'aws.sts.AssumeRoleWithWebIdentity',
      action,
      conditional: decision.decision === 'conditional',
      decision,
    });
  }
  return edges;
}
