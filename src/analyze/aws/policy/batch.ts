import type { ActionBitSet } from './action-bitset.js';
import type { ActionCatalog } from './action-catalog.js';
import type { CompiledPolicy, CompiledStatement } from './compiled-policy.js';
import type { Decision, DecisionValue } from './decision.js';
import type { LayerResults, RequestShape } from './decision-formula.js';
import { decide } from './decision-formula.js';
import { evaluateInContext } from './evaluate-request.js';
import type { PrincipalMatch } from './principal-matcher.js';
import type { PolicySet } from './policy-set.js';
import type { AuthorizationRequest } from './request.js';
import { RequestContext } from './request-context.js';
import { requestShape } from './request-shape.js';
import type { Tri } from './tri.js';
import type { TriBits } from './tri-bits.js';
import { emptyTriBits, selectBits, triBitsAlgebra } from './tri-bits.js';

/**
 * Every action's decision for one principal on one resource (or `*`), computed at once: each
 * statement's principal, resource and conditions are checked once, then its action bitset is
 * ORed into its layer and the AWS decision runs as bitset operations. Actions missing from the
 * catalog, and evidence for any action, go through the exact single-request path.
 */
export class ActionDecisions {
  private readonly catalog: ActionCatalog;
  private readonly policies: PolicySet;
  private readonly context: RequestContext;
  private readonly result: TriBits;

  constructor(
    catalog: ActionCatalog,
    policies: PolicySet,
    request: Omit<AuthorizationRequest, 'action'>,
  ) {
    this.catalog = catalog;
    this.policies = policies;
    this.context = new RequestContext({ ...request, action: '' });
    this.result = this.computeAll();
  }

  decisionOf(action: string): DecisionValue {
    const index = this.catalog.indexOf(action);
    if (index === undefined) return this.explain(action).decision;
    if (this.result.yes.has(index)) return 'allowed';
    return this.result.maybe.has(index) ? 'conditional' : 'denied';
  }

  /** The full decision with its evidence (statements, pending conditions). */
  explain(action: string): Decision {
    return evaluateInContext(this.policies, this.context, action);
  }

  /** Catalog actions that are allowed outright. */
  allowedActions(): string[] {
    return this.names(this.result.yes);
  }

  /** Catalog actions allowed only if some unknown condition holds. */
  conditionalActions(): string[] {
    return this.names(this.result.maybe.clone().andWith(this.result.yes.complement()));
  }

  private names(bits: ActionBitSet): string[] {
    return [...bits.indexes()].map((i) => this.catalog.nameAt(i) ?? '');
  }

  /** Catalog indexes allowed outright. Read-only. */
  get allowedSet(): ActionBitSet {
    return this.result.yes;
  }

  /** Catalog indexes allowed outright or conditionally. Read-only. */
  get possibleSet(): ActionBitSet {
    return this.result.maybe;
  }

  private computeAll(): TriBits {
    const alg = triBitsAlgebra(this.catalog.size);
    const shape = requestShape(this.policies, this.context, 'any:Action');
    const layers = this.layerResults(shape);
    const other = decide(alg, layers, shape).final;
    const sts = requestShape(this.policies, this.context, 'sts:AssumeRole');
    if (sts.kind === shape.kind) return other;
    // Trust policies govern only sts actions on a role; other actions on it use the default rules.
    return selectBits(this.catalog.expand('sts:*'), decide(alg, layers, sts).final, other);
  }

  private layerResults(shape: RequestShape): LayerResults<TriBits> {
    const p = this.policies;
    // Every layer's Deny statements accumulate into one set: any applicable Deny wins.
    const deny = emptyTriBits(this.catalog.size);
    const layer = (policies: readonly CompiledPolicy[]) => this.allowBits(policies, deny);
    const identity = layer(p.identity);
    const boundary = p.permissionsBoundary ? layer([p.permissionsBoundary]) : undefined;
    const session = p.session ? layer(p.session) : undefined;
    const scps = shape.scpApplies ? (p.scps ?? []).map(layer) : [];
    const rcps = shape.rcpApplies ? (p.rcps ?? []).map(layer) : [];
    const resource = p.resource ? this.resourceBits(p.resource, deny) : undefined;
    return {
      deny,
      scpLevels: scps,
      rcpLevels: rcps,
      identity,
      boundary,
      session,
      resource,
    };
  }

  /** The layer's Allow statements as tri-state bits; its Deny statements go into `deny`. */
  private allowBits(policies: readonly CompiledPolicy[], deny: TriBits): TriBits {
    const allow = emptyTriBits(this.catalog.size);
    this.forApplicable(policies, (statement, applies) => {
      addBits(statement.effect === 'Deny' ? deny : allow, statement, applies);
    });
    return allow;
  }

  /** A resource policy's allows split by how the principal matched (see principal-matcher). */
  private resourceBits(
    policies: readonly CompiledPolicy[],
    deny: TriBits,
  ): Record<PrincipalMatch, TriBits> {
    const size = this.catalog.size;
    const byMatch: Record<PrincipalMatch, TriBits> = {
      direct: emptyTriBits(size),
      user: emptyTriBits(size),
      role: emptyTriBits(size),
      account: emptyTriBits(size),
    };
    this.forApplicable(policies, (statement, applies, match) => {
      if (statement.effect === 'Deny') addBits(deny, statement, applies);
      else if (match) addBits(byMatch[match], statement, applies);
    });
    return byMatch;
  }

  private forApplicable(
    policies: readonly CompiledPolicy[],
    visit: (statement: CompiledStatement, applies: Tri, match: PrincipalMatch | undefined) => void,
  ): void {
    for (const policy of policies) {
      for (const statement of policy.statements) {
        const { applies, principalMatch } = statement.applicability(this.context);
        if (applies !== false) visit(statement, applies, principalMatch);
      }
    }
  }
}

function addBits(target: TriBits, statement: CompiledStatement, applies: Tri): void {
  target.maybe.orWith(statement.actions.bits);
  if (applies === true) target.yes.orWith(statement.actions.bits);
}

/** Decisions for a list of actions for one principal on one resource (or `*`). */
export function evaluateActions(
  catalog: ActionCatalog,
  policies: PolicySet,
  request: Omit<AuthorizationRequest, 'action'>,
  actions: readonly string[],
): Map<string, DecisionValue> {
  const decisions = new ActionDecisions(catalog, policies, request);
  return new Map(actions.map((action) => [action, decisions.decisionOf(action)]));
}
