import type { IamPrincipal } from '../iam-model.js';
import type { CompiledPolicy } from '../policy/index.js';

export interface TrustCandidate {
  readonly principal: IamPrincipal;
  /**
   * The trust matches this principal itself (its ARN, `*` or NotPrincipal), which can grant
   * on its own. Otherwise it trusts the principal's account, which delegates the decision to
   * the principal's own policies.
   */
  readonly named: boolean;
}

/**
 * The loaded principals a trust policy could let in, so that exact evaluation runs per
 * (candidate, role) rather than per (every principal, every role): principals named by ARN,
 * all principals of a named account, and everyone for `*` or NotPrincipal.
 */
export function trustCandidates(
  trust: CompiledPolicy,
  byId: ReadonlyMap<string, IamPrincipal>,
  /** The principals of an account whose own policies could allow assuming this role. */
  callersIn: (account: string) => readonly IamPrincipal[],
  everyone: readonly IamPrincipal[],
): TrustCandidate[] {
  const found = new Map<string, TrustCandidate>();
  const add = (list: readonly IamPrincipal[], named: boolean): void =>
    list.forEach((p) => {
      if (named || !found.has(p.id)) found.set(p.id, { principal: p, named });
    });
  for (const statement of trust.statements) {
    if (statement.effect !== 'Allow' || !statement.principal) continue;
    const { spec, negated } = statement.principal;
    if (negated || spec.wildcard) {
      add(everyone, true);
      continue;
    }
    for (const entry of spec.aws) {
      if (entry === '*') {
        add(everyone, true);
        continue;
      }
      const account = /^\d{12}$/.test(entry)
        ? entry
        : /^arn:[^:]+:iam::(\d{12}):root$/.exec(entry)?.[1];
      if (account) add(callersIn(account), false);
      const named = byId.get(entry);
      if (named) add([named], true);
    }
  }
  return [...found.values()];
}
