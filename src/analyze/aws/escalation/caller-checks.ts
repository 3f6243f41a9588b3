import { requestPrincipalOf, type IamPrincipal } from '../iam-model.js';
import {
  evaluateRequest,
  type CompiledPolicy,
  type CompiledStatement,
  type ContextValue,
  type Decision,
  type DecisionValue,
} from '../policy/index.js';
import { ResourceClassMemo } from '../policy/resource-class-memo.js';

const RANK: Record<DecisionValue, number> = { allowed: 2, conditional: 1, denied: 0 };

/** The best of several decisions: one allowed resource is enough for the attacker. */
export function bestOf<T extends { resource: string; decision: Decision }>(
  decisions: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const entry of decisions) {
    if (!best || RANK[entry.decision.decision] > RANK[best.decision.decision]) best = entry;
    if (best.decision.decision === 'allowed') break;
  }
  return best;
}

/**
 * One caller's requests, evaluated exactly (identity, boundary, SCPs), with a cheap prefilter:
 * IAM and the create-actions used here have no resource policies, so an action no Allow
 * statement of the caller mentions is denied without evaluation.
 */
export class CallerChecks {
  private readonly allows = new Map<string, readonly CompiledStatement[]>();
  private readonly mentioned = new Map<string, boolean>();
  private readonly memo: ResourceClassMemo;
  private readonly resourceFreeActions = new Map<string, boolean>();
  private readonly accountWide = new Map<string, Decision>();
  private readonly remembered = new Map<string, unknown>();

  constructor(readonly caller: IamPrincipal) {
    this.memo = new ResourceClassMemo(caller.policies, requestPrincipalOf(caller));
  }

  /**
   * Whether any request for the action could be allowed: an Allow in the identity policies, in
   * the boundary if there is one, and at every SCP level must mention it.
   */
  mentions(action: string): boolean {
    let found = this.mentioned.get(action);
    if (found === undefined) {
      const { permissionsBoundary, scps } = this.caller.policies;
      const allowsIn = (policies: readonly CompiledPolicy[]): boolean =>
        policies.some((p) =>
          p.statements.some((s) => s.effect === 'Allow' && s.actions.matches(action)),
        );
      found =
        this.identityAllows(action).length > 0 &&
        (!permissionsBoundary || allowsIn([permissionsBoundary])) &&
        (scps ?? []).every((level) => allowsIn(level));
      this.mentioned.set(action, found);
    }
    return found;
  }

  /** A cheap pre-check on one resource: some identity Allow could apply to it. */
  mayDo(action: string, resource: string): boolean {
    return this.identityAllows(action).some((s) => s.resources?.mayMatch(resource) ?? true);
  }

  private identityAllows(action: string): readonly CompiledStatement[] {
    let list = this.allows.get(action);
    if (!list) {
      list = this.caller.policies.identity.flatMap((policy) =>
        policy.statements.filter((s) => s.effect === 'Allow' && s.actions.matches(action)),
      );
      this.allows.set(action, list);
    }
    return list;
  }

  decide(
    action: string,
    resource: string,
    context: Readonly<Record<string, ContextValue>> = {},
  ): Decision {
    // Thousands of targets usually fall in a few classes (`role/*`, `user/${aws:username}`).
    return this.memo.get(action, resource, context, () =>
      evaluateRequest(this.caller.policies, {
        principal: requestPrincipalOf(this.caller),
        action,
        resource,
        context,
      }),
    );
  }

  /**
   * Whether every statement about the action, at every layer, applies to all resources
   * (`Resource: *` or none): then a decision holds for every resource of an account alike.
   */
  resourceFree(action: string): boolean {
    let free = this.resourceFreeActions.get(action);
    if (free === undefined) {
      const { identity, permissionsBoundary, scps } = this.caller.policies;
      const layers = [identity, permissionsBoundary ? [permissionsBoundary] : [], ...(scps ?? [])];
      free = layers.every((policies) =>
        policies.every((policy) =>
          policy.statements.every(
            (s) =>
              !s.actions.matches(action) ||
              !s.resources ||
              (!s.resources.negated && s.resources.patterns.includes('*')),
          ),
        ),
      );
      this.resourceFreeActions.set(action, free);
    }
    return free;
  }

  /**
   * {@link decide} for an action {@link resourceFree} says ignores the resource: one
   * evaluation per account and context serves thousands of existing resources.
   */
  decideAccountWide(
    action: string,
    resource: string,
    account: string,
    context: Readonly<Record<string, ContextValue>>,
    contextKey: string = JSON.stringify(context),
  ): Decision {
    const key = `${action}\n${account}\n${contextKey}`;
    let decision = this.accountWide.get(key);
    if (!decision) {
      decision = this.decide(action, resource, context);
      this.accountWide.set(key, decision);
    }
    return decision;
  }

  /** A result about this caller that does not depend on the target, computed once. */
  remember<T>(key: string, compute: () => T): T {
    if (this.remembered.has(key)) return this.remembered.get(key) as T;
    const value = compute();
    this.remembered.set(key, value);
    return value;
  }

  /**
   * Resources the attacker could create and name for these actions: `*` and one concrete
   * instance of every resource pattern the caller's Allow statements give for them, so an allow
   * on `function:dev-*` counts and a Deny on the same pattern still applies.
   */
  chosenResources(actions: readonly string[]): string[] {
    const candidates = new Set<string>(['*']);
    for (const policy of this.caller.policies.identity) {
      for (const statement of policy.statements) {
        if (statement.effect !== 'Allow' || !actions.some((a) => statement.actions.matches(a))) {
          continue;
        }
        if (!statement.resources || statement.resources.negated) continue;
        for (const pattern of statement.resources.patterns) {
          if (!pattern.includes('${')) candidates.add(instantiate(pattern, this.caller.account));
        }
      }
    }
    return [...candidates];
  }
}

/** A concrete resource name matching an ARN pattern: the caller's account, wildcards filled. */
function instantiate(pattern: string, account: string): string {
  const parts = pattern.split(':');
  if (parts.length >= 5 && parts[0] === 'arn') {
    if (parts[4] === '*' || parts[4] === '') parts[4] = parts[2] === 's3' ? '' : account;
    if (parts[3] === '*') parts[3] = 'us-east-1';
  }
  return parts.join(':').replace(/\*/g, 'cairn').replace(/\?/g, 'x');
}
