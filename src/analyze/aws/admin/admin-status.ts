import {
  ActionDecisions,
  type ActionBitSet,
  type ActionCatalog,
  type PolicySet,
  type StatementRef,
} from '../policy/index.js';

export type AdminStatus = 'admin' | 'conditional' | 'not-admin';

export interface AdminEvidence {
  /** For an admin: the statements that allow a sample of the ceiling. */
  readonly grantedBy?: readonly StatementRef[];
  /** For a non-admin: a few actions it cannot do that someone in the account could, and why. */
  readonly missing?: readonly { readonly action: string; readonly reason: string }[];
}

export interface AdminResult {
  readonly status: AdminStatus;
  readonly evidence: AdminEvidence;
}

const SAMPLE = 5;

/**
 * Admin-equivalent: the principal may do, on every resource, everything any principal of its
 * account could be allowed (`ceiling`: what the SCP chain lets through). An SCP that denies an
 * action to everyone therefore does not stop anyone being admin. Allowed only under unknown
 * conditions (MFA, source IP): `conditional`.
 */
export function adminStatus(
  catalog: ActionCatalog,
  policies: PolicySet,
  principalArn: string,
  ceiling: ActionBitSet,
): AdminResult {
  const decisions = new ActionDecisions(catalog, policies, {
    principal: { arn: principalArn },
    resource: '*',
  });
  const missingOutright = ceiling.clone().andWith(decisions.allowedSet.complement());
  if (missingOutright.isEmpty()) {
    const sample = firstIndexes(ceiling, 1).map((i) => catalog.nameAt(i) ?? '');
    return {
      status: 'admin',
      evidence: { grantedBy: sample.flatMap((a) => decisions.explain(a).decidedBy) },
    };
  }
  const missingPossibly = ceiling.clone().andWith(decisions.possibleSet.complement());
  const status: AdminStatus = missingPossibly.isEmpty() ? 'conditional' : 'not-admin';
  const sample = firstIndexes(
    missingPossibly.isEmpty() ? missingOutright : missingPossibly,
    SAMPLE,
  );
  return {
    status,
    evidence: {
      missing: sample.map((i) => {
        const action = catalog.nameAt(i) ?? '';
        return { action, reason: decisions.explain(action).reason };
      }),
    },
  };
}

/** What anyone in the account could be allowed: an allow-everything identity under its SCPs. */
export function accountCeiling(
  catalog: ActionCatalog,
  account: string,
  scps: PolicySet['scps'],
  managementAccountId: string | undefined,
  allowAll: PolicySet['identity'],
): ActionBitSet {
  const policies: PolicySet = {
    identity: allowAll,
    ...(scps ? { scps } : {}),
    ...(managementAccountId ? { managementAccountId } : {}),
  };
  const decisions = new ActionDecisions(catalog, policies, {
    principal: { arn: `arn:aws:iam::${account}:role/cairn-ceiling` },
    resource: '*',
  });
  return decisions.possibleSet;
}

function firstIndexes(bits: ActionBitSet, count: number): number[] {
  const out: number[] = [];
  for (const index of bits.indexes()) {
    out.push(index);
    if (out.length >= count) break;
  }
  return out;
}
