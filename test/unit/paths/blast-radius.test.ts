import { describe, expect, it } from 'vitest';
import { AttackGraph } from '../../../src/paths/attack/attack-graph.js';
import { blastRadius } from '../../../src/paths/attack/blast-radius.js';

describe('blastRadius', () => {
  it('reaches everything within the hop limit by its likeliest way', () => {
    const g = new AttackGraph();
    const hop = (from: string, to: string, likelihood: number) =>
      g.addHop(from, to, { technique: 't', likelihood, ref: `${from}-${to}` });
    hop('user', 'role', 0.9);
    hop('role', 'bucket', 0.9);
    hop('user', 'bucket', 0.5);
    hop('bucket', 'far', 1);
    hop('role', 'user', 1);
    const reached = (maxHops: number) =>
      Object.fromEntries(
        blastRadius(g, g.node('user'), maxHops).map((r) => [
          g.idOf(r.node),
          [Math.round(r.likelihood * 1000) / 1000, r.hops],
        ]),
      );
    expect(reached(3)).toEqual({ role: [0.9, 1], bucket: [0.81, 2], far: [0.81, 3] });
    // Within 2 hops, far is only reachable through the direct (less likely) grant.
    expect(reached(2)).toEqual({ role: [0.9, 1], bucket: [0.81, 2], far: [0.5, 2] });
    expect(reached(1)).toEqual({ role: [0.9, 1], bucket: [0.5, 1] });
  });
});
