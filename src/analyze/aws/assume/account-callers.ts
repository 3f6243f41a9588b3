import type { IamPrincipal } from '../iam-model.js';
import type { CompiledStatement } from '../policy/index.js';

const ACTION = 'sts:AssumeRole';

/**
 * A trust that names an account delegates to the callers' own policies: only principals with
 * an Allow for sts:AssumeRole that can reach the role may use it. Callers whose Allows name
 * roles literally are indexed by role ARN, so a role is only checked against the callers that
 * name it and those with patterns; on a large account most callers name a handful of roles.
 */
export class AccountCallers {
  /** Per account: callers with a pattern (wildcard, variable, NotResource) in an Allow. */
  private readonly broad = new Map<
    string,
    { caller: IamPrincipal; allows: CompiledStatement[] }[]
  >();
  /** Per role ARN: callers whose Allows all name roles literally, and name this one. */
  private readonly literal = new Map<string, IamPrincipal[]>();

  constructor(principals: readonly IamPrincipal[]) {
    for (const caller of principals) {
      const allows = caller.policies.identity.flatMap((policy) =>
        policy.statements.filter((s) => s.effect === 'Allow' && s.actions.matches(ACTION)),
      );
      if (allows.length === 0) continue;
      const names = literalRoles(allows);
      if (names) {
        for (const name of names) {
          const list = this.literal.get(name) ?? [];
          list.push(caller);
          this.literal.set(name, list);
        }
      } else {
        const list = this.broad.get(caller.account) ?? [];
        list.push({ caller, allows });
        this.broad.set(caller.account, list);
      }
    }
  }

  /** Principals of `account` whose own Allow could let them assume `role`. */
  mayAssume(account: string, role: IamPrincipal): IamPrincipal[] {
    const out: IamPrincipal[] = [];
    for (const { caller, allows } of this.broad.get(account) ?? []) {
      if (allows.some((s) => s.resources?.mayMatch(role.id) ?? true)) out.push(caller);
    }
    for (const caller of this.literal.get(role.id) ?? []) {
      if (caller.account === account) out.push(caller);
    }
    return out;
  }
}

/** The exact ARNs the Allows name, or undefined when one is a pattern of any kind. */
function literalRoles(allows: readonly CompiledStatement[]): string[] | undefined {
  const names: string[] = [];
  for (const statement of allows) {
    const resources = statement.resources;
    if (!resources || resources.negated) return undefined;
    for (const pattern of resources.patterns) {
      if (/[*?]|\$\{/.test(pattern)) return undefined;
      names.push(pattern);
    }
  }
  return names;
}
