import { ALLOW_ALL } from '../admin/admin-results.js';
import {
  compilePolicy,
  type ActionCatalog,
  type CompiledPolicy,
  type ContextValue,
  type PolicySet,
  type RequestPrincipal,
} from '../policy/index.js';
import type { AccessTarget } from './access-target.js';
import { callerContext } from './caller-context.js';

/** Who a public grant is checked with: the policies and context of one kind of stranger. */
export interface PublicCaller {
  readonly principal: RequestPrincipal;
  readonly policies: PolicySet;
  readonly context: Readonly<Record<string, ContextValue>>;
  /** Its stand-in identity policy, left out of evidence. */
  readonly hidePolicy?: string;
}

/** An unsigned request: what S3 lets anyone do. Other services refuse unsigned requests. */
export function anonymousCaller(store: AccessTarget & { policy: CompiledPolicy }): PublicCaller {
  return {
    principal: { anonymous: true },
    policies: { identity: [], resource: [store.policy] },
    context: callerContext(store.kind, undefined),
  };
}

/** An account id that is nobody's: the stranger's account. */
export const OUTSIDER_ACCOUNT = '000000000000';
const OUTSIDER_POLICY = 'cairn:outsider-allows-all';
const outsiderPolicies = new WeakMap<ActionCatalog, CompiledPolicy>();

/**
 * A principal of an unrelated AWS account whose own policies allow everything (it controls
 * them), in no organization: what a policy grant to `*` gives any AWS account.
 */
export function outsiderCaller(
  catalog: ActionCatalog,
  store: AccessTarget & { policy: CompiledPolicy },
): PublicCaller {
  let identity = outsiderPolicies.get(catalog);
  if (!identity) {
    identity = compilePolicy(ALLOW_ALL, OUTSIDER_POLICY, catalog);
    outsiderPolicies.set(catalog, identity);
  }
  const partition = store.arn.split(':')[1] ?? 'aws';
  return {
    principal: {
      arn: `arn:${partition}:iam::${OUTSIDER_ACCOUNT}:role/cairn-any-aws-account`,
      sessionArn: `arn:${partition}:sts::${OUTSIDER_ACCOUNT}:assumed-role/cairn-any-aws-account/cairn`,
    },
    policies: { identity: [identity], resource: [store.policy] },
    context: { ...callerContext(store.kind, OUTSIDER_ACCOUNT), 'aws:PrincipalOrgID': null },
    hidePolicy: OUTSIDER_POLICY,
  };
}

/** Whether the store's policy could let strangers in at all (and Block Public Access allows it). */
export function publicPolicy(
  store: AccessTarget,
): (AccessTarget & { policy: CompiledPolicy }) | undefined {
  if (!store.policy || !store.facts?.allowsEveryone || store.restrictsOutsiders) return undefined;
  return store as AccessTarget & { policy: CompiledPolicy };
}
