import { ActionBitSet, type ActionCatalog } from '../policy/index.js';
import { isPolicyKind } from './access-kind.js';
import { accessRequests, childPatterns } from './access-requests.js';
import { isConditional, type AccessResult } from './access-result.js';
import type { AccessTarget } from './access-target.js';
import type { AccessActions } from './action-levels.js';
import { without } from './bit-ops.js';
import { aclActions, type PublicAudience } from './bucket-settings.js';
import { fixedGrants, policyGrants, type GrantSource } from './grant-source.js';
import type { AccessEdge } from './principal-access.js';
import {
  anonymousCaller,
  outsiderCaller,
  publicPolicy,
  type PublicCaller,
} from './public-callers.js';
import { summarizeAccess } from './summarize-access.js';

/** The Internet node's id. */
export const INTERNET = 'internet';

/** What a public snapshot or image lets any AWS account do, and the attribute that says so. */
const PUBLIC_ATTRIBUTES = {
  'ebs-snapshot': {
    actions: ['ec2:CreateVolume', 'ec2:CopySnapshot'],
    attribute: 'createVolumePermission: all',
  },
  ami: { actions: ['ec2:RunInstances', 'ec2:CopyImage'], attribute: 'launchPermission: all' },
} as const;

/**
 * CAN_ACCESS edges from the Internet: one per store and audience. `anyone` (no credentials):
 * a bucket policy grant to `*` that Block Public Access (RestrictPublicBuckets) does not stop,
 * and ACL grants to AllUsers unless ACLs are ignored (IgnorePublicAcls) or disabled
 * (BucketOwnerEnforced). `any-aws-account`: ACL grants to AuthenticatedUsers, policy grants to
 * `*` of buckets, secrets and keys (beyond what anyone already has), public snapshots and images.
 */
export function* internetAccessEdges(
  catalog: ActionCatalog,
  actions: AccessActions,
  targets: readonly AccessTarget[],
): Generator<AccessEdge[]> {
  for (const store of targets) {
    const edges = publicEdges(catalog, actions, store);
    if (edges.length > 0) yield edges;
  }
}

export function publicEdges(
  catalog: ActionCatalog,
  actions: AccessActions,
  store: AccessTarget,
): AccessEdge[] {
  if (store.kind === 'ebs-snapshot' || store.kind === 'ami')
    return [attributeEdge(store, store.kind)];
  const kind = isPolicyKind(store.kind) ? actions.get(store.kind) : undefined;
  if (!kind) return [];
  const anyone: GrantSource[] = [];
  const anyAccount: GrantSource[] = [];
  const policy = publicPolicy(store);
  const ask = (caller: PublicCaller): GrantSource =>
    policyGrants({
      catalog,
      ...caller,
      resourceAccount: store.account,
      requests: accessRequests(store, kind, childPatterns(store.facts?.allowPatterns ?? [])),
    });
  if (policy && store.kind === 's3-bucket') anyone.push(ask(anonymousCaller(policy)));
  const bucket = store.bucket;
  if (bucket && !bucket.ignorePublicAcls && !bucket.aclsDisabled) {
    for (const grant of bucket.publicGrants) {
      const source = fixedGrants(catalog, aclActions(grant.permission), (action) => ({
        action,
        resource: store.arn,
        decidedBy: [],
        conditional: false,
        acl: { group: grant.group, permission: grant.permission, index: grant.index },
      }));
      (grant.audience === 'anyone' ? anyone : anyAccount).push(source);
    }
  }
  if (policy) anyAccount.push(ask(outsiderCaller(catalog, policy)));
  const edges: AccessEdge[] = [];
  const open = summarizeAccess(catalog, kind, anyone);
  if (open) edges.push(edgeOf(store, 'anyone', open));
  // What anyone can do, any AWS account can too: the second edge says only what it adds
  // (an action anyone has outright, or has only conditionally where accounts have it outright).
  const anyoneYes = new ActionBitSet(catalog.size);
  const anyoneMaybe = new ActionBitSet(catalog.size);
  for (const source of anyone) {
    anyoneYes.orWith(source.yes);
    anyoneMaybe.orWith(source.maybe);
  }
  const more = summarizeAccess(
    catalog,
    kind,
    anyAccount.map((s) => {
      const yes = without(s.yes, anyoneYes);
      return { ...s, yes, maybe: without(s.maybe, anyoneMaybe).orWith(yes) };
    }),
  );
  if (more) edges.push(edgeOf(store, 'any-aws-account', more));
  return edges;
}

function edgeOf(store: AccessTarget, audience: PublicAudience, result: AccessResult): AccessEdge {
  return { from: INTERNET, to: store.id, result, conditional: isConditional(result), audience };
}

function attributeEdge(store: AccessTarget, kind: keyof typeof PUBLIC_ATTRIBUTES): AccessEdge {
  const { actions, attribute } = PUBLIC_ATTRIBUTES[kind];
  return edgeOf(store, 'any-aws-account', {
    levels: ['read'],
    conditionalLevels: [],
    actions,
    evidence: actions.map((action) => ({
      action,
      resource: store.arn,
      decidedBy: [],
      conditional: false,
      attribute,
    })),
    pending: [],
  });
}
