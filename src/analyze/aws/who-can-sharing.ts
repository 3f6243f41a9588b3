import { dependsOnPrincipal } from './access/policy-facts.js';
import type { AccessTarget } from './access/access-target.js';
import type { IamPrincipal } from './iam-model.js';
import type { CompiledPolicy, PolicySet } from './policy/index.js';

/**
 * When two principals get the same decision on one request, so that whoCan evaluates one of
 * them: the same policy objects in every layer, the same account, kind and organization, and
 * nothing that looks at which principal asks (a statement using its ARN, name or id, or a
 * resource policy naming principals). whoCan asks about every principal of the estate; on a
 * large one most share their policies with thousands of others.
 */
export class DecisionSharing {
  /** Whether the store's policy (or a trust) can tell principals of one account apart. */
  private readonly storeSingles: (principal: IamPrincipal) => boolean;

  constructor(store: AccessTarget | undefined, trustDecides: boolean) {
    const facts = store?.facts;
    const readsPrincipal =
      trustDecides ||
      (store?.policy !== undefined &&
        (!facts ||
          facts.principalSensitive ||
          [...facts.namedArns].some((name) => !name.startsWith('arn:'))));
    this.storeSingles = readsPrincipal
      ? () => true
      : (principal) => facts?.namedArns.has(principal.id) === true;
  }

  /** The key principals sharing a decision have in common; undefined: decide it alone. */
  keyOf(principal: IamPrincipal, orgId: string | undefined): string | undefined {
    if (this.storeSingles(principal)) return undefined;
    const own = principalKey(principal);
    return own === null ? undefined : `${own}|${orgId ?? ''}`;
  }
}

const principalKeys = new WeakMap<IamPrincipal, string | null>();

/** Account, kind and the identities of its policies; null when a statement reads who asks. */
function principalKey(principal: IamPrincipal): string | null {
  let key = principalKeys.get(principal);
  if (key === undefined) {
    const { policies } = principal;
    const all = [
      ...policies.identity,
      ...(policies.permissionsBoundary ? [policies.permissionsBoundary] : []),
      ...(policies.session ?? []),
      ...(policies.scps ?? []).flat(),
      ...(policies.rcps ?? []).flat(),
      ...(policies.resource ?? []),
    ];
    const sensitive = all.some((policy) => policy.statements.some(dependsOnPrincipal));
    const ids = (list: readonly CompiledPolicy[] | undefined): string =>
      (list ?? []).map(policyId).join(',');
    const levels = (chain: PolicySet['scps']): string => (chain ?? []).map(ids).join('/');
    key = sensitive
      ? null
      : [
          principal.account,
          principal.kind,
          // SCPs do not apply to service-linked roles.
          principal.id.includes(':role/aws-service-role/'),
          principal.boundaryUnknown,
          policies.managementAccountId ?? '',
          policies.resourcePolicyKind ?? '',
          `I${ids(policies.identity)}`,
          `B${policies.permissionsBoundary ? policyId(policies.permissionsBoundary) : '-'}`,
          `S${policies.session ? ids(policies.session) : '-'}`,
          `C${policies.scps ? levels(policies.scps) : '-'}`,
          `R${policies.rcps ? levels(policies.rcps) : '-'}`,
          `P${policies.resource ? ids(policies.resource) : '-'}`,
        ].join('|');
    principalKeys.set(principal, key);
  }
  return key;
}

const policyIds = new WeakMap<CompiledPolicy, number>();
let nextPolicyId = 0;

function policyId(policy: CompiledPolicy): number {
  let id = policyIds.get(policy);
  if (id === undefined) {
    id = nextPolicyId++;
    policyIds.set(policy, id);
  }
  return id;
}
