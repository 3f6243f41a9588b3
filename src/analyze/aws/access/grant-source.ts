import {
  ActionBitSet,
  ActionDecisions,
  RequestContext,
  type ActionCatalog,
  type ContextValue,
  type PendingCondition,
  type PolicySet,
  type RequestPrincipal,
  type StatementRef,
} from '../policy/index.js';
import type { AccessEvidence } from './access-result.js';

/** One ARN to ask about, and the actions that apply to it. */
export interface AccessRequest {
  readonly arn: string;
  readonly bits: ActionBitSet;
}

/** Something that allows actions on a store (policies, an ACL, an attribute), with its reasons. */
export interface GrantSource {
  readonly yes: ActionBitSet;
  /** Allowed outright or under pending conditions; yes ⊆ maybe. */
  readonly maybe: ActionBitSet;
  explain(action: string): { evidence: AccessEvidence; pending: readonly PendingCondition[] };
}

export interface PolicyQuestion {
  readonly catalog: ActionCatalog;
  readonly policies: PolicySet;
  readonly principal: RequestPrincipal;
  readonly resourceAccount: string;
  readonly requests: readonly AccessRequest[];
  readonly context: Readonly<Record<string, ContextValue>>;
  /** A stand-in policy (an outsider's allow-all identity) left out of the evidence. */
  readonly hidePolicy?: string;
}

/**
 * Every catalog action the policies allow on any of the requested ARNs, each ARN asked through
 * the batch evaluator and masked to the actions that apply to it. Evidence comes from the exact
 * single-request path, for the actions an edge shows only.
 */
export function policyGrants(question: PolicyQuestion): GrantSource {
  const { catalog, requests } = question;
  const yes = new ActionBitSet(catalog.size);
  const maybe = new ActionBitSet(catalog.size);
  const asked = requests.map((request) => {
    const decisions = new ActionDecisions(catalog, question.policies, {
      principal: question.principal,
      resource: request.arn,
      resourceAccount: question.resourceAccount,
      context: question.context,
    });
    const requestYes = decisions.allowedSet.clone().andWith(request.bits);
    const requestMaybe = decisions.possibleSet.clone().andWith(request.bits);
    yes.orWith(requestYes);
    maybe.orWith(requestMaybe);
    return { request, decisions, yes: requestYes, maybe: requestMaybe };
  });
  return {
    yes,
    maybe,
    explain(action) {
      const index = catalog.indexOf(action) ?? -1;
      const chosen =
        asked.find((a) => a.yes.has(index)) ?? asked.find((a) => a.maybe.has(index)) ?? asked[0];
      const decision = chosen?.decisions.explain(action);
      const hidden = question.hidePolicy;
      // A conditional decision names only the identity side; the store's grant belongs too.
      const granted =
        decision?.decision === 'conditional' && chosen
          ? resourceAllows(question, chosen.request.arn, action)
          : [];
      return {
        evidence: {
          action,
          resource: chosen?.request.arn ?? '',
          decidedBy: [...(decision?.decidedBy ?? []), ...granted].filter(
            (ref) => ref.policyId !== hidden,
          ),
          conditional: decision?.decision !== 'allowed',
        },
        pending: decision?.decision === 'allowed' ? [] : (decision?.pending ?? []),
      };
    },
  };
}

/** The store policy's Allow statements that apply (or may) to this request. */
function resourceAllows(question: PolicyQuestion, arn: string, action: string): StatementRef[] {
  const policies = question.policies.resource ?? [];
  if (policies.length === 0) return [];
  const context = new RequestContext({
    principal: question.principal,
    action,
    resource: arn,
    resourceAccount: question.resourceAccount,
    context: question.context,
  });
  return policies.flatMap((policy) =>
    policy.statements
      .filter(
        (s) =>
          s.effect === 'Allow' &&
          s.actions.matches(action) &&
          s.applicability(context).applies !== false,
      )
      .map((s) => ({
        policyType: 'resource' as const,
        policyId: policy.id,
        statementIndex: s.index,
        sid: s.sid,
        effect: s.effect,
        level: undefined,
      })),
  );
}

/** Fixed actions that a non-policy grant (an ACL grant, a public attribute) allows outright. */
export function fixedGrants(
  catalog: ActionCatalog,
  actions: readonly string[],
  evidence: (action: string) => AccessEvidence,
): GrantSource {
  const bits = new ActionBitSet(catalog.size);
  for (const action of actions) {
    const index = catalog.indexOf(action);
    if (index !== undefined) bits.add(index);
  }
  return {
    yes: bits,
    maybe: bits,
    explain: (action) => ({ evidence: evidence(action), pending: [] }),
  };
}
