import type { IamPrincipal } from '../iam-model.js';
import type { CallerChecks } from './caller-checks.js';
import type { EscalationEdge } from './escalation-edge.js';
import { edgeOf } from './need-outcome.js';
import { resourceFacts } from './resource-facts.js';
import type { ResourcesByRole } from './resource-index.js';
import { evaluateResourceNeeds } from './resource-needs.js';
import type { Technique } from './technique.js';

/**
 * A technique that acts on an existing resource running as a role: one edge from the caller to
 * each role some resource of the caller's account runs as, for the first resource (by ARN) the
 * caller may act on — an unconditional one when there is one. The evidence names the resource.
 */
export function resourceEdges(
  technique: Technique,
  checks: CallerChecks,
  resources: ResourcesByRole,
  principals: ReadonlyMap<string, IamPrincipal>,
): EscalationEdge[] {
  const shape = technique.shape;
  if (shape.kind !== 'existing-resource') return [];
  const caller = checks.caller;
  const edges: EscalationEdge[] = [];
  for (const [roleId, list] of resources) {
    // Code running as the caller's own role gives it nothing.
    if (roleId === caller.id || principals.get(roleId)?.kind !== 'role') continue;
    let best: EscalationEdge | undefined;
    for (const resource of list) {
      const facts = resourceFacts(shape, resource);
      if (!facts) continue;
      const outcome = evaluateResourceNeeds(checks, technique.needs, resource);
      if (!outcome) continue;
      const edge = edgeOf(
        technique,
        caller.id,
        roleId,
        outcome,
        [...facts, ...outcome.preconditions],
        { grantsAdmin: false, callerBoundaryUnknown: caller.boundaryUnknown },
      );
      const used = outcome.skipped.length
        ? { ...edge, actions: edge.actions.filter((a) => !outcome.skipped.includes(a)) }
        : edge;
      if (!best || (best.conditional && !used.conditional)) best = used;
      if (!best.conditional) break;
    }
    if (best) edges.push(best);
  }
  return edges;
}
