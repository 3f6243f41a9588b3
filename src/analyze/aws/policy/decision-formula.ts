import type { PrincipalMatch } from './principal-matcher.js';
import type { ResourcePolicyKind } from './policy-set.js';

/**
 * Kleene logic over any carrier: a single Tri for one request, or a pair of bitsets over every
 * catalog action for batch questions. One formula serves both, so they cannot disagree.
 */
export interface TriAlgebra<T> {
  readonly TRUE: T;
  readonly FALSE: T;
  readonly and: (a: T, b: T) => T;
  readonly or: (a: T, b: T) => T;
  readonly not: (a: T) => T;
}

/** The per-layer results the AWS decision combines. */
export interface LayerResults<T> {
  /** Any applicable Deny in any applicable policy. */
  readonly deny: T;
  readonly scpLevels: readonly T[];
  readonly rcpLevels: readonly T[];
  readonly identity: T;
  readonly boundary: T | undefined;
  readonly session: T | undefined;
  /** Resource-policy allows, by how the principal matched; undefined without a resource policy. */
  readonly resource: Readonly<Record<PrincipalMatch, T>> | undefined;
}

export type CallerClass = 'aws' | 'root' | 'non-aws';

/** Facts about the request that select the shape of the formula (not per action). */
export interface RequestShape {
  readonly caller: CallerClass;
  readonly scpApplies: boolean;
  readonly rcpApplies: boolean;
  readonly sameAccount: boolean;
  readonly kind: ResourcePolicyKind;
}

export interface FormulaResult<T> {
  readonly scp: T;
  readonly rcp: T;
  readonly grant: T;
  readonly final: T;
}

/**
 * AWS's documented decision: an explicit Deny anywhere wins; every SCP and RCP level must allow;
 * then the identity side (identity policy ∩ boundary ∩ session policy) and the resource policy
 * combine by account and resource kind (see principal-matcher for what each match is worth).
 */
export function decide<T>(
  alg: TriAlgebra<T>,
  layers: LayerResults<T>,
  shape: RequestShape,
): FormulaResult<T> {
  const all = (items: readonly T[]): T => items.reduce((acc, item) => alg.and(acc, item), alg.TRUE);
  const scp = shape.scpApplies ? all(layers.scpLevels) : alg.TRUE;
  const rcp = shape.rcpApplies ? all(layers.rcpLevels) : alg.TRUE;
  const grant = alg.and(alg.and(scp, rcp), principalGrant(alg, layers, shape));
  return { scp, rcp, grant, final: alg.and(alg.not(layers.deny), grant) };
}

function principalGrant<T>(alg: TriAlgebra<T>, layers: LayerResults<T>, shape: RequestShape): T {
  const { and, or } = alg;
  const r = layers.resource;
  if (shape.caller === 'non-aws') return r ? r.direct : alg.FALSE;
  // The root user has every permission its identity could be given; boundaries do not apply.
  const identity = shape.caller === 'root' ? alg.TRUE : layers.identity;
  const boundary = shape.caller === 'root' ? alg.TRUE : (layers.boundary ?? alg.TRUE);
  const session = layers.session ?? alg.TRUE;
  const limited = (value: T): T => and(and(value, boundary), session);
  if (!r) {
    return shape.sameAccount && shape.kind === 'default' ? limited(identity) : alg.FALSE;
  }
  if (!shape.sameAccount) {
    const resourceAllows = or(or(r.direct, r.user), or(r.role, r.account));
    return and(limited(identity), resourceAllows);
  }
  // Key and trust policies must allow: identity policies count only where they delegate.
  const identityPart = shape.kind === 'default' ? identity : and(identity, r.account);
  return or(or(r.direct, and(r.user, session)), limited(or(identityPart, r.role)));
}
