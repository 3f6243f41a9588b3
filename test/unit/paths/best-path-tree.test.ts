import { describe, expect, it } from 'vitest';
import { AttackGraph } from '../../../src/paths/attack/attack-graph.js';
import { BestPathTree } from '../../../src/paths/attack/best-path-tree.js';
import { kBestPaths } from '../../../src/paths/attack/k-best-paths.js';

function graph(lines: string): AttackGraph {
  const g = new AttackGraph();
  for (const line of lines.trim().split('\n')) {
    const [from = '', to = '', likelihood = ''] = line.trim().split(/\s+/);
    g.addHop(from, to, { technique: `${from}>${to}`, likelihood: Number(likelihood), ref: line });
  }
  return g;
}

const ids = (g: AttackGraph, hops: readonly { from: number; to: number }[]): string[] =>
  hops.length ? [g.idOf(hops[0]!.from), ...hops.map((h) => g.idOf(h.to))] : [];

describe('BestPathTree', () => {
  // The likeliest way to t takes four hops; within three, only a less likely way is left.
  const g = graph(`
    s a 0.99
    a b 0.99
    b c 0.99
    c t 0.99
    s x 0.5
    x t 0.5
    s t 0.1`);
  const at = (id: string): number => g.indexOf(id) ?? -1;

  it('finds the likeliest path to every node in one pass', () => {
    const tree = new BestPathTree(g, at('s'), 6);
    expect(ids(g, tree.pathTo(at('t'))?.hops ?? [])).toEqual(['s', 'a', 'b', 'c', 't']);
    expect(tree.reachedCount).toBe(6);
  });

  it('keeps the shorter, less likely ways for smaller hop budgets', () => {
    const tree = new BestPathTree(g, at('s'), 6);
    expect(ids(g, tree.pathTo(at('t'), 3)?.hops ?? [])).toEqual(['s', 'x', 't']);
    expect(ids(g, tree.pathTo(at('t'), 1)?.hops ?? [])).toEqual(['s', 't']);
    expect(ids(g, new BestPathTree(g, at('s'), 2).pathTo(at('t'))?.hops ?? [])).toEqual([
      's',
      'x',
      't',
    ]);
  });

  it('agrees with the exact search on the best path, and offers one path per last hop', () => {
    const tree = new BestPathTree(g, at('s'), 6);
    const [exact] = kBestPaths(g, at('s'), at('t'), 1, 6);
    expect(tree.pathTo(at('t'))?.cost).toBeCloseTo(exact?.cost ?? NaN);
    const alternatives = tree.alternativesTo(at('t'), 3).map((p) => ids(g, p.hops));
    expect(alternatives).toEqual([
      ['s', 'a', 'b', 'c', 't'],
      ['s', 'x', 't'],
      ['s', 't'],
    ]);
  });

  it('reaches nothing beyond the hop limit and nothing unreachable', () => {
    const tree = new BestPathTree(g, at('x'), 1);
    expect(tree.pathTo(at('t'))?.hops).toHaveLength(1);
    expect(tree.pathTo(at('s'))).toBeUndefined();
  });
});
