import type { EscalationGraph, StepEdge } from './escalation-graph.js';

export interface EscalationPath {
  /** An admin-equivalent principal, or the principal that grants itself admin. */
  readonly target: string;
  readonly steps: readonly StepEdge[];
  /** Some step holds only under conditions Cairn cannot know. */
  readonly conditional: boolean;
}

export interface PathOptions {
  readonly maxHops: number;
  /** At most this many paths, shortest first. */
  readonly limit: number;
}

/**
 * Shortest escalation paths from one principal to admin-equivalence: breadth-first over
 * assumption and escalation edges, one hop per query, one path per target. A path ends where it
 * reaches an admin-equivalent principal or takes an edge that grants admin. Among equally short
 * ways to a principal, an unconditional edge is preferred. An admin principal has no paths.
 */
export async function escalationPaths(
  graph: EscalationGraph,
  start: string,
  options: PathOptions,
): Promise<EscalationPath[]> {
  if ((await graph.admins([start])).has(start)) return [];
  const parent = new Map<string, StepEdge | null>([[start, null]]);
  const found = new Map<string, EscalationPath>();
  let frontier = [start];
  for (let hop = 1; hop <= options.maxHops && frontier.length > 0; hop += 1) {
    const edges = [...(await graph.outgoing(frontier))].sort(preferred);
    const reached = [
      ...new Set(edges.filter((e) => !e.grantsAdmin && !parent.has(e.to)).map((e) => e.to)),
    ];
    const admins = await graph.admins(reached);
    const next: string[] = [];
    for (const edge of edges) {
      if (edge.grantsAdmin) {
        if (!found.has(edge.to)) found.set(edge.to, pathOf(parent, edge));
        continue;
      }
      if (parent.has(edge.to)) continue;
      parent.set(edge.to, edge);
      if (admins.has(edge.to)) {
        if (!found.has(edge.to)) found.set(edge.to, pathOf(parent, edge));
      } else next.push(edge.to);
    }
    frontier = next;
    if (found.size >= options.limit) break;
  }
  return [...found.values()]
    .sort(
      (a, b) =>
        a.steps.length - b.steps.length ||
        Number(a.conditional) - Number(b.conditional) ||
        a.target.localeCompare(b.target),
    )
    .slice(0, options.limit);
}

function pathOf(parent: ReadonlyMap<string, StepEdge | null>, last: StepEdge): EscalationPath {
  const steps = [last];
  for (let edge = parent.get(last.from); edge; edge = parent.get(edge.from)) steps.unshift(edge);
  return { target: last.to, steps, conditional: steps.some((s) => s.conditional) };
}

/** Unconditional first, then a stable order, so equal-length choices are deterministic. */
function preferred(a: StepEdge, b: StepEdge): number {
  return (
    Number(a.conditional) - Number(b.conditional) ||
    a.technique.localeCompare(b.technique) ||
    a.to.localeCompare(b.to) ||
    a.from.localeCompare(b.from)
  );
}
