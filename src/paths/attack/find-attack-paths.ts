import type { AttackGraph, Hop } from './attack-graph.js';
import { kBestPaths } from './k-best-paths.js';
import { reachableWithin } from './reachable-within.js';
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
 * The k likeliest paths from every entry to every crown jewel it can reach, highest score first.
 * A breadth-first pass per entry finds which jewels are in reach, so the path search runs only
 * for pairs that have a path.
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
    for (const target of reachableWithin(graph, source, options.maxHops)) {
      const jewel = jewelAt.get(target);
      if (!jewel || target === source) continue;
      for (const found of kBestPaths(graph, source, target, options.k, options.maxHops)) {
        const score = pathScore(
          found.hops.map((hop) => hop.likelihood),
          jewel.impact,
        );
        paths.push({ entry, jewel, hops: found.hops, score, band: bandOf(model, score) });
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
