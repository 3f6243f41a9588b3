import { describe, expect, it } from 'vitest';
import { AttackGraph } from '../../../src/paths/attack/attack-graph.js';
import type { AttackPath } from '../../../src/paths/attack/find-attack-paths.js';
import { rankPaths, storedPath } from '../../../src/paths/attack/stored-attack-path.js';

// Fifty web servers behind the same role make fifty paths alike: one group, shown once.
const ROLE = 'arn:aws:iam::111111111111:role/web';
const BUCKET = 'arn:aws:s3:::pii';
const graph = new AttackGraph();
const web = (i: number): string => `arn:aws:ec2:eu-west-1:111111111111:instance/i-${i}`;
for (let i = 0; i < 3; i += 1) {
  graph.addHop('internet', web(i), { technique: 'network.Reach', likelihood: 0.9, ref: `r${i}` });
  graph.addHop(web(i), ROLE, { technique: 'aws.compute.RunsAs', likelihood: 0.7, ref: `w${i}` });
}
graph.addHop(ROLE, BUCKET, { technique: 'data.Read', likelihood: 0.95, ref: 'a' });

function path(i: number, score: number): AttackPath {
  const n = (id: string): number => graph.indexOf(id) ?? -1;
  const hops = [
    {
      from: n('internet'),
      to: n(web(i)),
      technique: 'network.Reach',
      likelihood: 0.9,
      ref: `r${i}`,
    },
    {
      from: n(web(i)),
      to: n(ROLE),
      technique: 'aws.compute.RunsAs',
      likelihood: 0.7,
      ref: `w${i}`,
    },
    { from: n(ROLE), to: n(BUCKET), technique: 'data.Read', likelihood: 0.95, ref: 'a' },
  ];
  return {
    entry: { id: 'internet', reason: 'internet' },
    jewel: { id: BUCKET, impact: 0.9, reason: 'tagged-sensitive', account: '111111111111' },
    hops,
    score,
    band: 'high',
  };
}

describe('rankPaths', () => {
  const stored = [path(0, 60), path(1, 50), path(0, 60), path(2, 40)].map((p) =>
    storedPath(graph, p, 'run-2'),
  );

  it('drops the same hops found twice and groups alike paths, best first', () => {
    const ranked = rankPaths(stored, 100, undefined);
    expect(ranked.map((p) => p.score)).toEqual([60, 50, 40]);
    expect(new Set(ranked.map((p) => p.groupKey)).size).toBe(1);
    expect(ranked.map((p) => [p.groupSize, p.groupRank])).toEqual([
      [3, 1],
      [3, 2],
      [3, 3],
    ]);
  });

  it('keeps the best max paths and sizes groups by what was kept', () => {
    const ranked = rankPaths(stored, 2, undefined);
    expect(ranked.map((p) => [p.score, p.groupSize])).toEqual([
      [60, 2],
      [50, 2],
    ]);
  });

  it('is new only against a previous run, and never without one', () => {
    expect(rankPaths(stored, 100, undefined).every((p) => !p.isNew)).toBe(true);
    const before = new Set([stored[0]!.pathKey]);
    expect(rankPaths(stored, 100, before).map((p) => p.isNew)).toEqual([false, true, true]);
  });

  it('records the nodes, accounts and techniques a path touches, for filters', () => {
    const [first] = rankPaths(stored, 100, undefined);
    expect(first?.nodeIds).toEqual(['internet', web(0), ROLE, BUCKET]);
    // The bucket ARN names no account; the crown jewel's own account is kept.
    expect(first?.accounts).toEqual(['111111111111']);
    expect(first?.techniques).toEqual(['aws.compute.RunsAs', 'data.Read', 'network.Reach']);
  });
});
