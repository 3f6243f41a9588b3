import type { IamPrincipal } from '../iam-model.js';
import { evaluateRequest, type PrincipalSpec, type RequestPrincipal } from '../policy/index.js';
import type { AssumeEdge } from './can-assume.js';

/**
 * Federated identities that can become the role: every OIDC or SAML provider (or web identity
 * such as cognito-identity.amazonaws.com) the trust policy names, with the exact decision. The
 * claims the trust tests (`sub`, `aud`, SAML attributes) are request context Cairn cannot know,
 * so such edges are conditional and carry the conditions — a GitHub trust with `repo:org/*:*`
 * shows exactly that wildcard.
 */
export function federatedAssumeEdges(role: IamPrincipal): AssumeEdge[] {
  return namedIn(role, (spec) => spec.federated).flatMap((provider) => {
    const saml = provider.includes(':saml-provider/');
    return edgeFrom(
      role,
      provider,
      { federated: provider },
      saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity',
      saml ? 'aws.sts.AssumeRoleWithSAML' : 'aws.sts.AssumeRoleWithWebIdentity',
    );
  });
}

/**
 * Principals of accounts Cairn has not loaded that the trust lets in: their own policies are
 * unknown, so the trust alone decides, and they start attack paths (an outside party). A trusted
 * account is the AWSAccount node (its id); a trusted user or role, its ARN.
 */
export function unloadedAccountAssumeEdges(
  role: IamPrincipal,
  loaded: ReadonlySet<string>,
): AssumeEdge[] {
  return namedIn(role, (spec) => spec.aws).flatMap((entry) => {
    const account = /^\d{12}$/.test(entry)
      ? entry
      : /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(entry)?.[1];
    if (!account || loaded.has(account) || account === role.account) return [];
    const root = /^\d{12}$/.test(entry) || entry.endsWith(':root');
    const arn = root ? `arn:aws:iam::${account}:root` : entry;
    return edgeFrom(role, root ? account : entry, { arn }, 'sts:AssumeRole', 'aws.sts.AssumeRole');
  });
}

/**
 * AWS services that can become the role (Lambda, EC2, ECS tasks, ...): the service principal
 * node is the source. The resource the service acts for is unknown here, so `aws:SourceArn` and
 * `aws:SourceAccount` conditions stay pending and make the edge conditional.
 */
export function serviceAssumeEdges(role: IamPrincipal): AssumeEdge[] {
  return namedIn(role, (spec) => spec.service).flatMap((service) =>
    edgeFrom(role, service, { service }, 'sts:AssumeRole', 'aws.sts.AssumeRole').map((edge) => ({
      ...edge,
      fromService: true,
    })),
  );
}

/** The principals of one kind that the trust's Allow statements name. */
function namedIn(role: IamPrincipal, pick: (spec: PrincipalSpec) => readonly string[]): string[] {
  const names = new Set<string>();
  for (const statement of role.trust?.statements ?? []) {
    if (statement.effect !== 'Allow' || !statement.principal || statement.principal.negated) {
      continue;
    }
    pick(statement.principal.spec).forEach((name) => names.add(name));
  }
  return [...names];
}

function edgeFrom(
  role: IamPrincipal,
  from: string,
  principal: RequestPrincipal,
  action: string,
  technique: string,
): AssumeEdge[] {
  if (!role.trust) return [];
  const decision = evaluateRequest(
    { identity: [], resource: [role.trust], resourcePolicyKind: 'role-trust' },
    { principal, action, resource: role.id },
  );
  if (decision.decision === 'denied') return [];
  return [
    {
      from,
      to: role.id,
      technique,
      action,
      conditional: decision.decision === 'conditional',
      decision,
    },
  ];
}
