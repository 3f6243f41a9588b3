import type { Decision, DecisionReason, MissingAllow } from './decision.js';
import type { FormulaResult, LayerResults, RequestShape } from './decision-formula.js';
import type { EvaluatedLayers } from './evaluate-request.js';
import type { LayerOutcome } from './layer-outcome.js';
import type { Tri } from './tri.js';
import { triOr } from './tri.js';

export interface ExplainInput {
  readonly layers: EvaluatedLayers;
  readonly applicable: readonly LayerOutcome[];
  readonly results: LayerResults<Tri>;
  readonly formula: FormulaResult<Tri>;
  readonly shape: RequestShape;
}

/** Turns the formula's verdict into a decision with the statements and layer behind it. */
export function explainDecision(input: ExplainInput): Decision {
  const { layers, applicable, results, formula } = input;
  const none = { decidedBy: [], pending: [], missingAllow: undefined };
  if (results.deny === true) {
    const decidedBy = applicable.flatMap((layer) => layer.deniedBy);
    return { ...none, decision: 'denied', reason: 'explicit-deny', decidedBy };
  }
  if (formula.final === true) {
    const decidedBy = applicable.flatMap((layer) => layer.allowedBy);
    return { ...none, decision: 'allowed', reason: allowReason(input), decidedBy };
  }
  if (formula.grant === false) {
    const [reason, missingAllow] = denyReason(input);
    return { ...none, decision: 'denied', reason, missingAllow };
  }
  const pending = applicable.flatMap((layer) => layer.pending);
  const decidedBy = layers.identity.allowedBy;
  return { ...none, decision: 'conditional', reason: 'pending-conditions', pending, decidedBy };
}

function allowReason({ results, shape }: ExplainInput): DecisionReason {
  if (shape.caller === 'root') return 'root-user';
  const r = results.resource;
  const resourceGrant = r ? triOr(triOr(r.direct, r.user), r.role) === true : false;
  const identityGrant = shape.caller !== 'non-aws' && results.identity === true;
  const delegated = r?.account === true && identityGrant;
  if (resourceGrant || delegated)
    return identityGrant ? 'identity-and-resource-policy' : 'resource-policy';
  return 'identity-policy';
}

function denyReason(input: ExplainInput): [DecisionReason, MissingAllow | undefined] {
  const { results, formula, shape } = input;
  if (formula.scp === false) {
    const level = results.scpLevels.findIndex((allow) => allow === false);
    return ['scp', { policyType: 'scp', level }];
  }
  if (formula.rcp === false) {
    const level = results.rcpLevels.findIndex((allow) => allow === false);
    return ['rcp', { policyType: 'rcp', level }];
  }
  const r = results.resource;
  const anyResource = r ? triOr(triOr(r.direct, r.user), triOr(r.role, r.account)) : false;
  const needsResource =
    !shape.sameAccount || shape.kind !== 'default' || shape.caller === 'non-aws';
  if (needsResource && anyResource === false) return ['resource-policy-required', undefined];
  if (shape.caller === 'non-aws') return ['implicit-deny', undefined];
  const identity = shape.caller === 'root' ? true : results.identity;
  const identitySide = triOr(identity, r?.role ?? false);
  const anyGrant = triOr(identitySide, r ? triOr(r.direct, r.user) : false);
  if (anyGrant === false) return ['implicit-deny', undefined];
  if (results.boundary === false && shape.caller !== 'root' && identitySide !== false) {
    return ['permissions-boundary', { policyType: 'permissions-boundary', level: undefined }];
  }
  if (results.session === false)
    return ['session-policy', { policyType: 'session', level: undefined }];
  return ['implicit-deny', undefined];
}
