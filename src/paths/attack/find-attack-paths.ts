import type { AttackGraph, Hop } from './attack-graph.js';
import { BestPathTree } from './best-path-tree.js';
import { kBestPaths } from './k-best-paths.js';
import { bandOf, pathScore, type Band, type RiskModel } from './risk-model.js';

/** Where an attacker starts, and what it is worth to reach. */
export interface Entry {
  readonly id: string;
  /** Why this is an entry point, e.g. `internet`, `weak-credentials`, `external-trust`. */
  readonly reason: string;
}

export interface CrownJewel {
  readonly id: string;
  /** 0 < impact <= 1, from the risk model's impacts. */
  readonly impact: number;
  readonly reason: string;
  /** The account it belongs to, when known (S3 bucket ARNs do not say). */
  readonly account?: string | null;
}

export interface AttackPath {
  readonly entry: Entry;
  readonly jewel: CrownJewel;
  readonly hops: readonly Hop[];
  readonly score: number;
  readonly band: Band;
}

export interface SearchOptions {
  /** Paths kept per (entry, crown jewel) pair. */
  readonly k: number;
  readonly maxHops: number;
}

/**
 * Beyond this many nodes in an entry's reach, Yen's exact k-best search per crown jewel costs
 * too much (one search per hop of every path found); alternatives then differ in their last hop.
 */
export const EXACT_SEARCH_LIMIT = 20_000;

/**
 * The k likeliest paths from every entry to every crown jewel it can reach, highest score first.
 * One best-path tree per entry gives the likeliest path to every jewel in reach at once; the
 * k - 1 alternatives come from Yen's algorithm when the entry reaches few enough nodes for it,
 * else from the likeliest ways in through each other last hop.
 */
export function findAttackPaths(
  graph: AttackGraph,
  model: RiskModel,
  entries: readonly Entry[],
  jewels: readonly CrownJewel[],
  options: SearchOptions,
): AttackPath[] {
  const jewelAt = new Map<number, CrownJewel>();
  for (const jewel of jewels) {
    const at = graph.indexOf(jewel.id);
    if (at !== undefined) jewelAt.set(at, jewel);
  }
  const paths: AttackPath[] = [];
  for (const entry of entries) {
    const source = graph.indexOf(entry.id);
    if (source === undefined) continue;
    const tree = new BestPathTree(graph, source, options.maxHops);
    const exact = tree.reachedCount <= EXACT_SEARCH_LIMIT;
    for (const target of tree.reachedNodes) {
      const jewel = jewelAt.get(target);
      if (!jewel || target === source) continue;
      const found =
        options.k === 1
          ? [tree.pathTo(target)].filter((p) => p !== undefined)
          : exact
            ? kBestPaths(graph, source, target, options.k, options.maxHops)
            : tree.alternativesTo(target, options.k);
      for (const path of found) {
        const score = pathScore(
          path.hops.map((hop) => hop.likelihood),
          jewel.impact,
        );
        paths.push({ entry, jewel, hops: path.hops, score, band: bandOf(model, score) });
      }
    }
  }
  return paths.sort(
    (a, b) =>
      b.score - a.score ||
      a.hops.length - b.hops.length ||
      a.entry.id.localeCompare(b.entry.id) ||
      a.jewel.id.localeCompare(b.jewel.id),
  );
}
