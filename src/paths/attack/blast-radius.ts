import type { AttackGraph } from './attack-graph.js';
import { hopCost } from './best-path.js';
import { MinHeap } from './min-heap.js';

export interface Reached {
  readonly node: number;
  /** The likeliest way there: the product of its hops' likelihoods. */
  readonly likelihood: number;
  readonly hops: number;
}

/**
 * Everything reachable from `source` within `maxHops`, each with the likeliest way there. The
 * first time a node leaves the frontier (at any depth) is its cheapest path within the limit,
 * because every state is explored in order of cost.
 */
export function blastRadius(graph: AttackGraph, source: number, maxHops: number): Reached[] {
  const reached = new Map<number, Reached>();
  const settled = new Set<number>();
  const width = maxHops + 1;
  const heap = new MinHeap<{ node: number; depth: number }>();
  heap.push(0, { node: source, depth: 0 });
  for (let next = heap.pop(); next; next = heap.pop()) {
    const { key: cost, item } = next;
    const state = item.node * width + item.depth;
    if (settled.has(state)) continue;
    settled.add(state);
    if (item.node !== source && !reached.has(item.node)) {
      reached.set(item.node, { node: item.node, likelihood: Math.exp(-cost), hops: item.depth });
    }
    if (item.depth === maxHops) continue;
    for (const hop of graph.hopsFrom(item.node)) {
      if (hop.to === source) continue;
      heap.push(cost + hopCost(hop), { node: hop.to, depth: item.depth + 1 });
    }
  }
  return [...reached.values()];
}
