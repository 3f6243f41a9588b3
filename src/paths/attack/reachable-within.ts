import type { AttackGraph } from './attack-graph.js';

/** Every node reachable from `source` in at most `maxHops` hops (breadth-first). */
export function reachableWithin(graph: AttackGraph, source: number, maxHops: number): Set<number> {
  const seen = new Set<number>([source]);
  let frontier = [source];
  for (let depth = 0; depth < maxHops && frontier.length > 0; depth += 1) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const hop of graph.hopsFrom(node)) {
        if (seen.has(hop.to)) continue;
        seen.add(hop.to);
        next.push(hop.to);
      }
    }
    frontier = next;
  }
  return seen;
}
