import { describe, expect, it } from 'vitest';
import { AttackGraph } from '../../../src/paths/attack/attack-graph.js';
import { findAttackPaths } from '../../../src/paths/attack/find-attack-paths.js';
import { DEFAULT_RISK_MODEL } from '../../../src/paths/attack/risk-model.js';

function graph(lines: string): AttackGraph {
  const g = new AttackGraph();
  for (const line of lines.trim().split('\n')) {
    const [from = '', to = '', likelihood = ''] = line.trim().split(/\s+/);
    g.addHop(from, to, { technique: 't', likelihood: Number(likelihood), ref: `${from}-${to}` });
  }
  return g;
}

describe('findAttackPaths', () => {
  const g = graph(`
    internet web 0.9
    web role 0.9
    role admin 0.85
    admin bucket 0.95
    leaked-user bucket 0.95
    internet other 0.9`);
  const entries = [
    { id: 'internet', reason: 'internet' },
    { id: 'leaked-user', reason: 'weak-credentials' },
    { id: 'not-in-graph', reason: 'configured' },
  ];
  const jewels = [
    { id: 'admin', impact: 1, reason: 'admin-equivalent' },
    { id: 'bucket', impact: 0.9, reason: 'sensitive' },
    { id: 'nowhere', impact: 1, reason: 'configured' },
  ];

  it('finds every reachable (entry, jewel) pair, scored and banded, highest first', () => {
    const found = findAttackPaths(g, DEFAULT_RISK_MODEL, entries, jewels, { k: 3, maxHops: 6 });
    expect(found.map((p) => [p.entry.id, p.jewel.id, p.hops.length, p.score, p.band])).toEqual([
      ['leaked-user', 'bucket', 1, 85.5, 'critical'],
      ['internet', 'admin', 3, 68.9, 'high'],
      ['internet', 'bucket', 4, 58.9, 'high'],
    ]);
  });

  it('respects the hop limit', () => {
    const found = findAttackPaths(g, DEFAULT_RISK_MODEL, entries, jewels, { k: 3, maxHops: 3 });
    expect(found.map((p) => `${p.entry.id}->${p.jewel.id}`)).toEqual([
      'leaked-user->bucket',
      'internet->admin',
    ]);
  });
});
