import type { AttackGraph, Hop } from './attack-graph.js';
import { MinHeap } from './min-heap.js';

/** A path as hops, with its cost: the sum of -ln(likelihood), so the likeliest path is cheapest. */
export interface FoundPath {
  readonly hops: readonly Hop[];
  readonly cost: number;
}

export interface PathLimits {
  readonly maxHops: number;
  /** Nodes the path may not enter (Yen's spur search bans the root path's nodes). */
  readonly bannedNodes?: ReadonlySet<number>;
  /** Hops the path may not take, by `hopKey`. */
  readonly bannedHops?: ReadonlySet<string>;
}

export const hopCost = (hop: Hop): number => -Math.log(hop.likelihood);
export const hopKey = (hop: Hop): string => `${hop.from}>${hop.to}>${hop.technique}`;

interface State {
  readonly node: number;
  readonly depth: number;
  readonly via: Hop | null;
  readonly parent: State | null;
}

/**
 * The cheapest simple path from `source` to `target` within `maxHops`. Dijkstra over (node,
 * depth) states: with a hop limit, a costlier path with fewer hops must not be discarded for a
 * cheaper longer one, which plain Dijkstra over nodes would do.
 */
export function bestPath(
  graph: AttackGraph,
  source: number,
  target: number,
  limits: PathLimits,
): FoundPath | undefined {
  const settled = new Set<number>();
  const width = limits.maxHops + 1;
  const heap = new MinHeap<State>();
  heap.push(0, { node: source, depth: 0, via: null, parent: null });
  for (let next = heap.pop(); next; next = heap.pop()) {
    const { key: cost, item: state } = next;
    if (state.node === target) return { hops: hopsOf(state), cost };
    const stateKey = state.node * width + state.depth;
    if (settled.has(stateKey)) continue;
    settled.add(stateKey);
    if (state.depth === limits.maxHops) continue;
    for (const hop of graph.hopsFrom(state.node)) {
      if (limits.bannedNodes?.has(hop.to) || limits.bannedHops?.has(hopKey(hop))) continue;
      if (onPath(state, hop.to)) continue;
      heap.push(cost + hopCost(hop), {
        node: hop.to,
        depth: state.depth + 1,
        via: hop,
        parent: state,
      });
    }
  }
  return undefined;
}

function onPath(state: State, node: number): boolean {
  for (let s: State | null = state; s; s = s.parent) if (s.node === node) return true;
  return false;
}

function hopsOf(state: State): Hop[] {
  const hops: Hop[] = [];
  for (let s: State | null = state; s?.via; s = s.parent) hops.push(s.via);
  return hops.reverse();
}
