import type { CompiledPolicy } from './compiled-policy.js';
import type { Decision, PolicyType } from './decision.js';
import type { LayerResults, TriAlgebra } from './decision-formula.js';
import { decide } from './decision-formula.js';
import { explainDecision } from './explain-decision.js';
import type { LayerOutcome } from './layer-outcome.js';
import { evaluateLayer } from './layer-outcome.js';
import type { PolicySet } from './policy-set.js';
import type { AuthorizationRequest } from './request.js';
import { RequestContext } from './request-context.js';
import { requestShape } from './request-shape.js';
import type { Tri } from './tri.js';
import { triAnd, triNot, triOr } from './tri.js';

const SCALAR: TriAlgebra<Tri> = {
  TRUE: true,
  FALSE: false,
  and: triAnd,
  or: triOr,
  not: triNot,
};

/** Every layer's outcome for one action, so the decision and its evidence come from one pass. */
export interface EvaluatedLayers {
  readonly identity: LayerOutcome;
  readonly boundary: LayerOutcome | undefined;
  readonly session: LayerOutcome | undefined;
  readonly scpLevels: readonly LayerOutcome[];
  readonly rcpLevels: readonly LayerOutcome[];
  readonly resource: LayerOutcome | undefined;
}

/** The AWS decision for one principal, action and resource, with its evidence. */
export function evaluateRequest(policies: PolicySet, request: AuthorizationRequest): Decision {
  return evaluateInContext(policies, new RequestContext(request), request.action);
}

/** Same as evaluateRequest with a context built once (batch callers reuse it across actions). */
export function evaluateInContext(
  policies: PolicySet,
  context: RequestContext,
  action: string,
): Decision {
  const shape = requestShape(policies, context, action);
  const at = (list: readonly CompiledPolicy[], type: PolicyType, level?: number): LayerOutcome =>
    evaluateLayer(list, type, level, action, context);
  const layers: EvaluatedLayers = {
    identity: at(policies.identity, 'identity'),
    boundary: policies.permissionsBoundary
      ? at([policies.permissionsBoundary], 'permissions-boundary')
      : undefined,
    session: policies.session ? at(policies.session, 'session') : undefined,
    scpLevels: shape.scpApplies ? (policies.scps ?? []).map((l, i) => at(l, 'scp', i)) : [],
    rcpLevels: shape.rcpApplies ? (policies.rcps ?? []).map((l, i) => at(l, 'rcp', i)) : [],
    resource: policies.resource ? at(policies.resource, 'resource') : undefined,
  };
  const applicable = applicableLayers(layers);
  const results: LayerResults<Tri> = {
    deny: applicable.reduce<Tri>((acc, outcome) => triOr(acc, outcome.deny), false),
    scpLevels: layers.scpLevels.map((outcome) => outcome.allow),
    rcpLevels: layers.rcpLevels.map((outcome) => outcome.allow),
    identity: layers.identity.allow,
    boundary: layers.boundary?.allow,
    session: layers.session?.allow,
    resource: layers.resource?.allowByMatch,
  };
  const formula = decide(SCALAR, results, shape);
  return explainDecision({ layers, applicable, results, formula, shape });
}

export function applicableLayers(layers: EvaluatedLayers): LayerOutcome[] {
  return [
    layers.identity,
    ...(layers.boundary ? [layers.boundary] : []),
    ...(layers.session ? [layers.session] : []),
    ...layers.scpLevels,
    ...layers.rcpLevels,
    ...(layers.resource ? [layers.resource] : []),
  ];
}
