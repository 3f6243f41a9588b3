import type { AttackGraph, Hop } from './attack-graph.js';
import { hopCost, type FoundPath } from './best-path.js';

/**
 * The likeliest path from one source to every node within `maxHops`, in one pass: a breadth-first
 * relaxation by hop count that carries on only what improves a node's cost. Layers run in hop
 * order, so a node keeps each cheaper way found with more hops beside the shorter ones (its
 * trade-off between hops and cost); a path within any smaller hop budget stays answerable. Costs
 * are -ln(likelihood) >= 0. O(maxHops × hops reached), against Yen's many searches per target.
 */
export class BestPathTree {
  /** Per hop count: the nodes whose cost improved at that depth, with the cost and last hop. */
  private readonly layers: Map<number, { cost: number; via: Hop | null }>[] = [];

  constructor(
    private readonly graph: AttackGraph,
    readonly source: number,
    readonly maxHops: number,
  ) {
    const best = new Map<number, number>([[source, 0]]);
    this.layers.push(new Map([[source, { cost: 0, via: null }]]));
    let frontier = [source];
    for (let depth = 1; depth <= maxHops && frontier.length > 0; depth += 1) {
      const previous = this.layers[depth - 1]!;
      const layer = new Map<number, { cost: number; via: Hop | null }>();
      for (const node of frontier) {
        const base = previous.get(node)!.cost;
        for (const hop of graph.hopsFrom(node)) {
          const cost = base + hopCost(hop);
          if (cost >= (best.get(hop.to) ?? Infinity)) continue;
          best.set(hop.to, cost);
          layer.set(hop.to, { cost, via: hop });
        }
      }
      this.layers.push(layer);
      frontier = [...layer.keys()];
    }
    this.reachedCount = best.size;
    this.reachedNodes = [...best.keys()];
  }

  readonly reachedCount: number;
  readonly reachedNodes: readonly number[];

  /** The likeliest path to `target` within `limit` hops (the tree's limit by default). */
  pathTo(target: number, limit: number = this.maxHops): FoundPath | undefined {
    const depth = this.bestDepth(target, limit);
    if (depth === undefined) return undefined;
    const hops: Hop[] = [];
    const seen = new Set<number>([target]);
    let node = target;
    for (let d = depth; d > 0; d -= 1) {
      const via = this.layers[d]?.get(node)?.via;
      if (!via) return undefined;
      // Zero-cost hops could tie into a loop; such a walk is no simple path.
      if (seen.has(via.from)) return undefined;
      seen.add(via.from);
      hops.push(via);
      node = via.from;
    }
    return { hops: hops.reverse(), cost: this.layers[depth]!.get(target)!.cost };
  }

  /**
   * Up to k likely paths to `target` that differ in their last hop: the likeliest way to each
   * node with a hop into the target, plus that hop; the best path is always the first.
   */
  alternativesTo(target: number, k: number): FoundPath[] {
    const found: FoundPath[] = [];
    for (const hop of this.graph.hopsInto(target)) {
      if (hop.from === target) continue;
      const before =
        hop.from === this.source ? { hops: [], cost: 0 } : this.pathTo(hop.from, this.maxHops - 1);
      if (!before || before.hops.some((h) => h.from === target)) continue;
      found.push({ hops: [...before.hops, hop], cost: before.cost + hopCost(hop) });
    }
    return found.sort((a, b) => a.cost - b.cost || a.hops.length - b.hops.length).slice(0, k);
  }

  /** The depth of the cheapest entry for `node` within `limit` hops (the deepest one kept). */
  private bestDepth(node: number, limit: number): number | undefined {
    for (let d = Math.min(limit, this.layers.length - 1); d >= 0; d -= 1) {
      if (this.layers[d]!.has(node)) return d;
    }
    return undefined;
  }
}
