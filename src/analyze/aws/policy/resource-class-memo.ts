import { parseArn } from '../../../collectors/aws/iam/arn.js';
import type { CompiledPolicy, CompiledStatement } from './compiled-policy.js';
import type { Decision } from './decision.js';
import type { PolicySet } from './policy-set.js';
import type { ContextValue, RequestPrincipal } from './request.js';
import { RequestContext } from './request-context.js';

/**
 * Decisions of one principal's policy set (without a resource policy) for one action across
 * many resources. Two resources that every statement about the action treats alike — the same
 * Resource/NotResource clauses match, in the same account, with the same request context —
 * get the same decision and the same evidence, so it is evaluated once per class. Policy
 * variables in Resource are resolved from the principal and the request context; one that
 * depends on the resource makes the class unknowable, and that resource is evaluated alone.
 */
export class ResourceClassMemo {
  private readonly statements = new Map<string, readonly CompiledStatement[] | null>();
  private readonly decisions = new Map<string, Decision>();
  private readonly probes = new Map<string, RequestContext>();

  constructor(
    private readonly policies: PolicySet,
    private readonly principal: RequestPrincipal,
  ) {}

  get(
    action: string,
    resource: string,
    context: Readonly<Record<string, ContextValue>>,
    evaluate: () => Decision,
  ): Decision {
    const key = this.classOf(action, resource, context);
    if (key === undefined) return evaluate();
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = evaluate();
      this.decisions.set(key, decision);
    }
    return decision;
  }

  private classOf(
    action: string,
    resource: string,
    context: Readonly<Record<string, ContextValue>>,
  ): string | undefined {
    const statements = this.statementsFor(action);
    if (!statements) return undefined;
    const contextKey = JSON.stringify(context);
    const probe = this.probeFor(action, contextKey, context);
    let signature = '';
    for (const statement of statements) {
      // No Resource element (trust policies) applies to every resource.
      const match = statement.resources ? statement.resources.matchWithout(resource, probe) : true;
      if (match === undefined) return undefined;
      signature += match ? '1' : '0';
    }
    const account = parseArn(resource)?.account ?? '';
    return `${action}\n${account}\n${signature}\n${contextKey}`;
  }

  /** The request context minus the resource: what policy variables can be resolved from. */
  private probeFor(
    action: string,
    contextKey: string,
    context: Readonly<Record<string, ContextValue>>,
  ): RequestContext {
    let probe = this.probes.get(contextKey);
    if (!probe) {
      probe = new RequestContext({ principal: this.principal, action, resource: '*', context });
      this.probes.set(contextKey, probe);
    }
    return probe;
  }

  /** Every statement of every layer that is about the action; null when memoizing is unsafe. */
  private statementsFor(action: string): readonly CompiledStatement[] | null {
    let list = this.statements.get(action);
    if (list === undefined) {
      const { identity, permissionsBoundary, session, scps, rcps, resource } = this.policies;
      const layers: readonly (readonly CompiledPolicy[])[] = [
        identity,
        permissionsBoundary ? [permissionsBoundary] : [],
        session ?? [],
        ...(scps ?? []),
        ...(rcps ?? []),
      ];
      list = resource?.length
        ? null
        : layers.flatMap((policies) =>
            policies.flatMap((p) => p.statements.filter((s) => s.actions.matches(action))),
          );
      this.statements.set(action, list);
    }
    return list;
  }
}
