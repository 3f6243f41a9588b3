import type { ContextValue, Decision, PendingCondition } from '../policy/index.js';
import { bestOf, type CallerChecks } from './caller-checks.js';
import type { ActionEvidence, EscalationEdge } from './escalation-edge.js';
import type { ActionNeed, ResourceRole, Technique } from './technique.js';

/** Whether a caller can do all of a technique's actions, and the evidence for each. */
export interface NeedsOutcome {
  readonly conditional: boolean;
  readonly pending: readonly PendingCondition[];
  readonly evidence: readonly ActionEvidence[];
}

/** The concrete resources each resource role stands for, for one target. */
export type ResourceChoices = Partial<
  Record<Exclude<ResourceRole, 'new-resource'>, readonly string[]>
>;

/** Evaluates every need; undefined when one is denied (or has no resource to act on). */
export function evaluateNeeds(
  checks: CallerChecks,
  needs: readonly ActionNeed[],
  choices: ResourceChoices,
  extraContext: Readonly<Record<string, ContextValue>> = {},
): NeedsOutcome | undefined {
  const pending: PendingCondition[] = [];
  const evidence: ActionEvidence[] = [];
  let conditional = false;
  for (const need of needs) {
    const context = { ...extraContext, ...need.context };
    const best =
      need.on === 'new-resource'
        ? checks.decideChosen(need.action)
        : bestOf(
            (choices[need.on] ?? []).map((resource) => ({
              resource,
              decision: checks.decide(need.action, resource, context),
            })),
          );
    if (!best || best.decision.decision === 'denied') return undefined;
    evidence.push(evidenceOf(need.action, best.resource, best.decision));
    if (best.decision.decision === 'conditional') {
      conditional = true;
      pending.push(...best.decision.pending);
    }
  }
  return { conditional, pending, evidence };
}

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
    actions: technique.needs.map((need) => need.action),
    grantsAdmin: options.grantsAdmin,
    conditional: outcome.conditional || all.length > 0,
    pending: outcome.pending,
    preconditions: all,
    evidence: outcome.evidence,
  };
}
