import type { ActionCatalog } from './action-catalog.js';
import { ActionMatcher } from './action-matcher.js';
import type {
  ConditionEntry,
  PolicyDocument,
  PolicyEffect,
  PrincipalSpec,
} from './policy-document.js';
import { parsePolicyDocument } from './policy-document.js';
import { ConditionBlock } from './conditions/condition-evaluator.js';
import type { PrincipalMatch } from './principal-matcher.js';
import { matchNotPrincipal, matchPrincipal } from './principal-matcher.js';
import type { RequestContext } from './request-context.js';
import { ResourceMatcher } from './resource-matcher.js';
import type { Tri } from './tri.js';
import { triAnd } from './tri.js';

/** Whether a statement applies to a request, apart from its action (same for every action). */
export interface StatementApplicability {
  readonly applies: Tri;
  /** For statements with Principal/NotPrincipal: how the caller matched. */
  readonly principalMatch: PrincipalMatch | undefined;
  readonly pending: readonly ConditionEntry[];
}

const NOT_APPLICABLE: StatementApplicability = {
  applies: false,
  principalMatch: undefined,
  pending: [],
};

export class CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: PolicyEffect;
  readonly actions: ActionMatcher;
  /** Undefined when the statement has neither Resource nor NotResource (trust policies). */
  readonly resources: ResourceMatcher | undefined;
  readonly principal: { readonly spec: PrincipalSpec; readonly negated: boolean } | undefined;
  readonly conditions: ConditionBlock;

  constructor(
    document: PolicyDocument,
    statement: PolicyDocument['statements'][number],
    catalog: ActionCatalog,
    where: string,
  ) {
    const variables = document.version === '2012-10-17';
    this.index = statement.index;
    this.sid = statement.sid;
    this.effect = statement.effect;
    const actions = statement.action ?? statement.notAction ?? [];
    this.actions = new ActionMatcher(catalog, actions, statement.action === undefined);
    const resources = statement.resource ?? statement.notResource;
    this.resources = resources
      ? new ResourceMatcher(resources, statement.resource === undefined, variables)
      : undefined;
    const spec = statement.principal ?? statement.notPrincipal;
    this.principal = spec ? { spec, negated: statement.principal === undefined } : undefined;
    this.conditions = new ConditionBlock(
      statement.conditions,
      variables,
      `${where}: Statement[${statement.index}].Condition`,
    );
  }

  /** A context-free pre-check: false only when this statement cannot apply to the pair. */
  mayApplyTo(action: string, resource: string): boolean {
    return this.actions.matches(action) && (this.resources?.mayMatch(resource) ?? true);
  }

  /** Principal, resource and condition checks; the action is tested separately. */
  applicability(context: RequestContext): StatementApplicability {
    let principalMatch: PrincipalMatch | undefined;
    if (this.principal) {
      const { spec, negated } = this.principal;
      principalMatch = negated
        ? matchNotPrincipal(spec, context.caller)
        : matchPrincipal(spec, context.caller);
      if (principalMatch === undefined) return NOT_APPLICABLE;
    }
    const resource: Tri = this.resources ? this.resources.matches(context.resource, context) : true;
    if (resource === false) return NOT_APPLICABLE;
    const condition = this.conditions.evaluate(context);
    const applies = triAnd(resource, condition.result);
    if (applies === false) return NOT_APPLICABLE;
    return { applies, principalMatch, pending: condition.pending };
  }
}

/** A policy document compiled once, identified by the id (ARN or name) the caller chose. */
export interface CompiledPolicy {
  readonly id: string;
  readonly statements: readonly CompiledStatement[];
}

/** Parses (object, JSON or URL-encoded JSON) and compiles a policy document. */
export function compilePolicy(input: unknown, id: string, catalog: ActionCatalog): CompiledPolicy {
  const where = `policy "${id}"`;
  return compileDocument(parsePolicyDocument(input, where), id, catalog);
}

export function compileDocument(
  document: PolicyDocument,
  id: string,
  catalog: ActionCatalog,
): CompiledPolicy {
  const where = `policy "${id}"`;
  return {
    id,
    statements: document.statements.map(
      (statement) => new CompiledStatement(document, statement, catalog, where),
    ),
  };
}
