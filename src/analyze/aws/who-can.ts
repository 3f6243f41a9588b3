import { canAssumeEdges } from './assume/can-assume.js';
import { requestPrincipalOf, type IamModel } from './iam-model.js';
import { evaluateRequest, type Decision, type PolicySet } from './policy/index.js';

export interface WhoCanEntry {
  readonly principal: string;
  /** `direct`, or the roles assumed on the way: `assume:<role> -> assume:<role>`. */
  readonly via: string;
  /** The principals from the caller to the one the permission belongs to. */
  readonly path: readonly string[];
  readonly conditional: boolean;
  /** The decision for the principal that holds the permission. */
  readonly decision: Decision;
}

/**
 * Who can perform `action` on `resource`, after every deny, boundary and SCP: each principal
 * allowed directly, then everyone who can become one of them through role assumption (at most
 * `maxHops` roles), shortest first.
 */
export function whoCan(
  model: IamModel,
  action: string,
  resource: string,
  maxHops = 6,
): WhoCanEntry[] {
  const byId = new Map(model.principals.map((p) => [p.id, p]));
  const target = byId.get(resource);
  const entries = new Map<string, WhoCanEntry>();
  for (const principal of model.principals) {
    const policies: PolicySet = {
      ...principal.policies,
      ...(target?.kind === 'role' && target.trust && /^sts:/i.test(action)
        ? { resource: [target.trust] }
        : {}),
    };
    const decision = evaluateRequest(policies, {
      principal: requestPrincipalOf(principal),
      action,
      resource,
    });
    if (decision.decision === 'denied') continue;
    entries.set(principal.id, {
      principal: principal.id,
      via: 'direct',
      path: [principal.id],
      conditional: decision.decision === 'conditional' || principal.boundaryUnknown,
      decision,
    });
  }
  // Breadth-first backwards over CAN_ASSUME: who can become someone already in the answer.
  const callersOf = new Map<string, { from: string; conditional: boolean }[]>();
  for (const edge of canAssumeEdges(model)) {
    // A service "can" only on behalf of its resources, which are not principals to list here.
    if (edge.fromService) continue;
    const list = callersOf.get(edge.to) ?? [];
    list.push({ from: edge.from, conditional: edge.conditional });
    callersOf.set(edge.to, list);
  }
  let frontier = [...entries.values()];
  for (let hop = 1; hop <= maxHops && frontier.length; hop += 1) {
    const next: WhoCanEntry[] = [];
    for (const entry of frontier) {
      for (const caller of callersOf.get(entry.principal) ?? []) {
        if (entries.has(caller.from)) continue;
        const reached: WhoCanEntry = {
          ...entry,
          principal: caller.from,
          path: [caller.from, ...entry.path],
          conditional: entry.conditional || caller.conditional,
          via: [...entry.path.slice(0, -1), entry.path.at(-1) ?? '']
            .map((id) => `assume:${id}`)
            .join(' -> '),
        };
        entries.set(caller.from, reached);
        next.push(reached);
      }
    }
    frontier = next;
  }
  return [...entries.values()].sort(
    (a, b) => a.path.length - b.path.length || a.principal.localeCompare(b.principal),
  );
}
