import { describe, expect, it } from 'vitest';
import { AttackGraph } from '../../../src/paths/attack/attack-graph.js';
import { kBestPaths } from '../../../src/paths/attack/k-best-paths.js';

/** A graph from `from to likelihood [technique]` lines. */
function graph(lines: string): AttackGraph {
  const g = new AttackGraph();
  for (const line of lines.trim().split('\n')) {
    const [from = '', to = '', likelihood = '', technique = 'hop'] = line.trim().split(/\s+/);
    g.addHop(from, to, { technique, likelihood: Number(likelihood), ref: `${from}-${to}` });
  }
  return g;
}

function paths(g: AttackGraph, k: number, maxHops: number, from = 's', to = 't'): string[] {
  return kBestPaths(g, g.node(from), g.node(to), k, maxHops).map((p) =>
    [
      g.idOf(p.hops[0]!.from),
      ...p.hops.map((h) => `${h.technique === 'hop' ? '' : `(${h.technique})`}${g.idOf(h.to)}`),
    ].join(' '),
  );
}

describe('kBestPaths', () => {
  it('lists the likeliest paths first', () => {
    const g = graph(`
      s a 0.9
      a t 0.9
      s b 0.5
      b t 1
      s t 0.3`);
    expect(paths(g, 5, 6)).toEqual(['s a t', 's b t', 's t']);
    expect(paths(g, 2, 6)).toEqual(['s a t', 's b t']);
  });

  it('respects the hop limit even when a longer path is likelier', () => {
    const g = graph(`
      s a 0.99
      a b 0.99
      b t 0.99
      s b 0.5`);
    // Reaching b cheaply takes 2 hops, leaving none for b -> t; the 2-hop path is s b t.
    expect(paths(g, 3, 2)).toEqual(['s b t']);
    expect(paths(g, 3, 3)).toEqual(['s a b t', 's b t']);
    expect(paths(g, 3, 1)).toEqual([]);
  });

  it('never revisits a node, so cycles add no paths', () => {
    const g = graph(`
      s a 0.9
      a b 0.9
      b a 0.9
      b t 0.9
      a s 0.9`);
    expect(paths(g, 10, 8)).toEqual(['s a b t']);
  });

  it('keeps two techniques between the same nodes as two paths', () => {
    const g = graph(`
      s r 0.9 aws.sts.AssumeRole
      s r 0.6 aws.iam.UpdateAssumeRolePolicy
      r t 1`);
    expect(paths(g, 5, 4)).toEqual([
      's (aws.sts.AssumeRole)r t',
      's (aws.iam.UpdateAssumeRolePolicy)r t',
    ]);
  });

  it('finds every simple path of a small dense graph exactly once, in order of likelihood', () => {
    const g = graph(`
      s a 0.9
      s b 0.8
      a b 0.7
      b a 0.6
      a t 0.5
      b t 0.4`);
    const found = kBestPaths(g, g.node('s'), g.node('t'), 50, 6);
    // s-a-t 0.45, s-b-t 0.32, s-a-b-t 0.252, s-b-a-t 0.24
    expect(found.map((p) => p.hops.map((h) => g.idOf(h.to)).join(''))).toEqual([
      'at',
      'bt',
      'abt',
      'bat',
    ]);
    expect(found.map((p) => Math.exp(-p.cost))).toEqual([
      expect.closeTo(0.45, 9),
      expect.closeTo(0.32, 9),
      expect.closeTo(0.252, 9),
      expect.closeTo(0.24, 9),
    ]);
  });

  it('finds nothing when the target cannot be reached, and refuses impossible likelihoods', () => {
    const g = graph(`
      s a 1
      t s 1`);
    expect(paths(g, 3, 5)).toEqual([]);
    expect(() => g.addHop('a', 'b', { technique: 'x', likelihood: 0, ref: 'r' })).toThrow(
      RangeError,
    );
    expect(() => g.addHop('a', 'b', { technique: 'x', likelihood: 1.5, ref: 'r' })).toThrow(
      RangeError,
    );
  });
});
