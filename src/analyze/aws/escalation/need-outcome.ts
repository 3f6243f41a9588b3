import type { ContextValue, Decision, PendingCondition } from '../policy/index.js';
import { bestOf, type CallerChecks } from './caller-checks.js';
import type { ActionEvidence, EscalationEdge } from './escalation-edge.js';
import {
  techniqueActions,
  type ActionNeed,
  type ResourceRole,
  type Technique,
} from './technique.js';

/** Whether a caller can do all of a technique's actions, and the evidence for each. */
export interface NeedsOutcome {
  readonly conditional: boolean;
  readonly pending: readonly PendingCondition[];
  readonly evidence: readonly ActionEvidence[];
}

/** The concrete resources each resource role stands for, for one target. */
export type ResourceChoices = Partial<
  Record<Exclude<ResourceRole, 'new-resource' | 'created-resource'>, readonly string[]>
>;

/** Evaluates every need; undefined when one is denied (or has no resource to act on). */
export function evaluateNeeds(
  checks: CallerChecks,
  needs: readonly ActionNeed[],
  choices: ResourceChoices,
  /** Context IAM sets for actions on the target principal itself. */
  targetContext: Readonly<Record<string, ContextValue>> = {},
): NeedsOutcome | undefined {
  const pending: PendingCondition[] = [];
  const evidence: ActionEvidence[] = [];
  let conditional = false;
  for (let i = 0; i < needs.length; i += 1) {
    const need = needs[i];
    if (!need) break;
    // A created resource and the actions on it must all be allowed on the same name.
    const group = need.on === 'new-resource' ? [need, ...followingOnCreated(needs, i)] : [need];
    const best: { resource: string; decision: Decision; parts?: Decision[] } | undefined =
      need.on === 'new-resource'
        ? bestOf(
            checks.chosenResources(group.map((n) => n.action)).map((resource) => {
              const parts = group.map((n) => checks.decide(n.action, resource, n.context ?? {}));
              return { resource, decision: all(parts), parts };
            }),
          )
        : bestOf(
            (need.on === 'created-resource' ? [] : (choices[need.on] ?? []))
              .filter((resource) => checks.mayDo(need.action, resource))
              .map((resource) => ({
                resource,
                decision: checks.decide(need.action, resource, {
                  ...(need.on === 'target' ? targetContext : {}),
                  ...need.context,
                }),
              })),
          );
    if (!best || best.decision.decision === 'denied') return undefined;
    // Each action's own statements, not the group's.
    group.forEach((n, j) =>
      evidence.push(evidenceOf(n.action, best.resource, best.parts?.[j] ?? best.decision)),
    );
    if (best.decision.decision === 'conditional') {
      conditional = true;
      pending.push(...best.decision.pending);
    }
    i += group.length - 1;
  }
  return { conditional, pending, evidence };
}

function followingOnCreated(needs: readonly ActionNeed[], index: number): ActionNeed[] {
  const out: ActionNeed[] = [];
  for (const next of needs.slice(index + 1)) {
    if (next.on !== 'created-resource') break;
    out.push(next);
  }
  return out;
}

/** Several decisions as one: denied if any is, conditional if any is, with all their evidence. */
function all(decisions: readonly Decision[]): Decision {
  const denied = decisions.find((d) => d.decision === 'denied');
  if (denied) return denied;
  const first = decisions[0];
  if (!first) return DENIED;
  const conditional = decisions.some((d) => d.decision === 'conditional');
  return {
    ...first,
    decision: conditional ? 'conditional' : 'allowed',
    decidedBy: decisions.flatMap((d) => d.decidedBy),
    pending: decisions.flatMap((d) => d.pending),
  };
}

const DENIED: Decision = {
  decision: 'denied',
  reason: 'implicit-deny',
  decidedBy: [],
  pending: [],
  missingAllow: undefined,
};

function evidenceOf(action: string, resource: string, decision: Decision): ActionEvidence {
  return { action, resource, decidedBy: decision.decidedBy };
}

/** An edge for a technique whose needs hold, with any preconditions data cannot confirm. */
export function edgeOf(
  technique: Technique,
  from: string,
  to: string,
  outcome: NeedsOutcome,
  preconditions: readonly string[],
  options: { grantsAdmin: boolean; callerBoundaryUnknown: boolean },
): EscalationEdge {
  const all = [
    ...preconditions,
    ...(technique.unverifiable ? [technique.unverifiable] : []),
    ...(options.callerBoundaryUnknown
      ? ["the caller's permissions boundary was not collected"]
      : []),
  ];
  return {
    from,
    to,
    technique: technique.id,
    actions: techniqueActions(technique),
    grantsAdmin: options.grantsAdmin,
    conditional: outcome.conditional || all.length > 0,
    pending: outcome.pending,
    preconditions: all,
    evidence: outcome.evidence,
  };
}
