import type { IamPrincipal } from '../iam-model.js';
import type { CompiledPolicy } from '../policy/index.js';

/**
 * The loaded principals a trust policy could let in, so that exact evaluation runs per
 * (candidate, role) rather than per (every principal, every role): principals named by ARN,
 * all principals of a named account, and everyone for `*` or NotPrincipal.
 */
export function trustCandidates(
  trust: CompiledPolicy,
  byId: ReadonlyMap<string, IamPrincipal>,
  /** Per account, only principals whose own policies could allow assuming a role at all. */
  byAccount: ReadonlyMap<string, readonly IamPrincipal[]>,
  everyone: readonly IamPrincipal[],
): IamPrincipal[] {
  const found = new Map<string, IamPrincipal>();
  const addAll = (list: readonly IamPrincipal[]): void => list.forEach((p) => found.set(p.id, p));
  for (const statement of trust.statements) {
    if (statement.effect !== 'Allow' || !statement.principal) continue;
    const { spec, negated } = statement.principal;
    if (negated || spec.wildcard) return [...everyone];
    for (const entry of spec.aws) {
      if (entry === '*') return [...everyone];
      const account = /^\d{12}$/.test(entry)
        ? entry
        : /^arn:[^:]+:iam::(\d{12}):root$/.exec(entry)?.[1];
      if (account) addAll(byAccount.get(account) ?? []);
      const named = byId.get(entry);
      if (named) found.set(named.id, named);
    }
  }
  return [...found.values()];
}
