import type { AttackGraph } from './attack-graph.js';
import { bestPath, hopCost, hopKey, type FoundPath } from './best-path.js';
import { MinHeap } from './min-heap.js';

/**
 * The k likeliest simple paths from `source` to `target` within `maxHops`, best first (Yen's
 * algorithm): each next path leaves an earlier one at some hop, and the spur search may not
 * reuse the earlier paths' next hop from there nor revisit the shared prefix.
 */
export function kBestPaths(
  graph: AttackGraph,
  source: number,
  target: number,
  k: number,
  maxHops: number,
): FoundPath[] {
  const first = bestPath(graph, source, target, { maxHops });
  if (!first || k <= 0) return [];
  const found: FoundPath[] = [first];
  const candidates = new MinHeap<FoundPath>();
  const seen = new Set<string>([signature(first)]);
  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i < last.hops.length; i += 1) {
      const root = last.hops.slice(0, i);
      const spurNode = i === 0 ? source : root[i - 1]!.to;
      const bannedHops = new Set<string>();
      for (const path of found) {
        if (sharesPrefix(path, root)) {
          const next = path.hops[i];
          if (next) bannedHops.add(hopKey(next));
        }
      }
      const bannedNodes = new Set<number>([source, ...root.map((h) => h.to)]);
      bannedNodes.delete(spurNode);
      const spur = bestPath(graph, spurNode, target, {
        maxHops: maxHops - root.length,
        bannedNodes,
        bannedHops,
      });
      if (!spur) continue;
      const hops = [...root, ...spur.hops];
      const path = { hops, cost: hops.reduce((sum, hop) => sum + hopCost(hop), 0) };
      const key = signature(path);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(path.cost, path);
    }
    const next = candidates.pop();
    if (!next) break;
    found.push(next.item);
  }
  return found;
}

function sharesPrefix(path: FoundPath, root: readonly FoundPath['hops'][number][]): boolean {
  if (path.hops.length <= root.length) return false;
  return root.every((hop, i) => hopKey(hop) === hopKey(path.hops[i]!));
}

function signature(path: FoundPath): string {
  return path.hops.map(hopKey).join('|');
}
