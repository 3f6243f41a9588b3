import type { IamModel, IamPrincipal } from '../iam-model.js';
import type {
  ActionBitSet,
  CompiledPolicy,
  CompiledStatement,
  PolicySet,
} from '../policy/index.js';
import { intersects } from './bit-ops.js';
import { childPatterns, type ChildPattern } from './access-requests.js';
import { dependsOnPrincipal } from './policy-facts.js';

/**
 * Principals whose statements about one service are the same: same account and kind, the same
 * statements of the same policies in every layer (identity, boundary, each SCP level). They get
 * the same decision on any store unless a store's policy names one of them, so each store is
 * evaluated once per group. A principal whose statements depend on who it is (`${aws:username}`,
 * `aws:PrincipalArn`) is a group of its own.
 */
export interface PrincipalGroup {
  readonly key: string;
  readonly account: string;
  readonly members: readonly IamPrincipal[];
  /** The members' policies cut down to statements about the service. */
  readonly policies: PolicySet;
  /** Those statements by layer (`I` identity, `B` boundary, `S0`... SCP levels). */
  readonly layers: readonly {
    readonly tag: string;
    readonly statements: readonly CompiledStatement[];
  }[];
  /**
   * What decides besides the statements that apply: account, kind, service-linked, whether a
   * boundary is set, SCP levels, management account. Groups with equal shapes and the same
   * statements applying to a store get the same answer there.
   */
  readonly shape: string;
  /** Its statements depend on who the member is: nothing is shared beyond the member. */
  readonly specific: boolean;
  /**
   * Every statement applies to every resource (`Resource: *`) and no pattern names anything
   * under a store: stores of one class and policy shape all get the same answer.
   */
  readonly anyResource: boolean;
  /** Resource patterns of its identity Allow statements (`*` for NotResource). */
  readonly allowPatterns: readonly string[];
  readonly children: readonly ChildPattern[];
}

export function principalGroups(model: IamModel, relevant: ActionBitSet): PrincipalGroup[] {
  const trim = policyTrimmer(relevant);
  const groups = new Map<string, PrincipalGroup & { members: IamPrincipal[] }>();
  for (const principal of model.principals) {
    const { identity, permissionsBoundary, scps, managementAccountId } = principal.policies;
    const policies: PolicySet = {
      identity: identity.map(trim).filter((p) => p.statements.length > 0),
      // An empty boundary or SCP level still matters: it allows none of the service.
      ...(permissionsBoundary ? { permissionsBoundary: trim(permissionsBoundary) } : {}),
      ...(scps ? { scps: scps.map((level) => level.map(trim)) } : {}),
      ...(managementAccountId ? { managementAccountId } : {}),
    };
    const layers = [
      { tag: 'I', statements: policies.identity.flatMap((p) => p.statements) },
      ...(policies.permissionsBoundary
        ? [{ tag: 'B', statements: policies.permissionsBoundary.statements }]
        : []),
      ...(policies.scps ?? []).map((level, i) => ({
        tag: `S${i}`,
        statements: level.flatMap((p) => p.statements),
      })),
    ];
    const specific = layers.some((layer) => layer.statements.some(dependsOnPrincipal));
    const shape = [
      principal.account,
      principal.kind,
      principal.id.includes(':role/aws-service-role/'),
      policies.permissionsBoundary !== undefined,
      layers.length,
      managementAccountId ?? '',
    ].join('|');
    const key = [
      specific ? principal.id : '',
      shape,
      principal.boundaryUnknown,
      policies.identity.map(refs).sort().join(','),
      policies.permissionsBoundary ? refs(policies.permissionsBoundary) : '-',
      (policies.scps ?? []).map((level) => level.map(refs).join(',')).join('/'),
    ].join('|');
    const existing = groups.get(key);
    if (existing) {
      existing.members.push(principal);
      continue;
    }
    const allowPatterns = policies.identity.flatMap((p) =>
      p.statements.flatMap((s) =>
        s.effect !== 'Allow'
          ? []
          : !s.resources || s.resources.negated
            ? ['*']
            : s.resources.patterns,
      ),
    );
    const children = childPatterns(allowPatterns);
    const anyResource =
      children.length === 0 &&
      layers.every((layer) =>
        layer.statements.every(
          (st) => !st.resources || (!st.resources.negated && st.resources.patterns.includes('*')),
        ),
      );
    groups.set(key, {
      key,
      account: principal.account,
      members: [principal],
      policies,
      layers,
      shape,
      specific,
      anyResource,
      allowPatterns,
      children,
    });
  }
  return [...groups.values()];
}

/** `policyId#1.3`: which statements of which policy. */
function refs(policy: CompiledPolicy): string {
  return `${policy.id}#${policy.statements.map((s) => s.index).join('.')}`;
}

/** Cuts policies down to the statements about the relevant actions, each policy once. */
function policyTrimmer(relevant: ActionBitSet): (policy: CompiledPolicy) => CompiledPolicy {
  const trimmed = new Map<CompiledPolicy, CompiledPolicy>();
  return (policy) => {
    let out = trimmed.get(policy);
    if (!out) {
      const statements = policy.statements.filter((s) => intersects(s.actions.bits, relevant));
      out = statements.length === policy.statements.length ? policy : { id: policy.id, statements };
      trimmed.set(policy, out);
    }
    return out;
  };
}
