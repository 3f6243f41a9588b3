import { describe, expect, it } from 'vitest';
import { chokePoints } from '../../../src/paths/attack/choke-points.js';

const step = (from: string, to: string, technique = 't') => ({
  from,
  to,
  technique,
  likelihood: 0.9,
  ref: `${from}->${to}`,
});

describe('chokePoints', () => {
  it('ranks hops by the total risk of the paths through them', () => {
    const points = chokePoints([
      { score: 60, steps: [step('internet', 'web'), step('web', 'role'), step('role', 'admin')] },
      { score: 30, steps: [step('internet', 'web'), step('web', 'role'), step('role', 'bucket')] },
      { score: 80, steps: [step('user', 'bucket')] },
    ]);
    expect(points.slice(0, 3)).toEqual([
      {
        from: 'internet',
        to: 'web',
        technique: 't',
        evidence: 'internet->web',
        paths: 2,
        risk: 90,
      },
      { from: 'web', to: 'role', technique: 't', evidence: 'web->role', paths: 2, risk: 90 },
      { from: 'user', to: 'bucket', technique: 't', evidence: 'user->bucket', paths: 1, risk: 80 },
    ]);
    expect(points).toHaveLength(5);
  });

  it('tells two techniques between the same nodes apart', () => {
    const points = chokePoints([
      { score: 10, steps: [step('a', 'b', 'x')] },
      { score: 20, steps: [step('a', 'b', 'y')] },
    ]);
    expect(points.map((p) => [p.technique, p.risk])).toEqual([
      ['y', 20],
      ['x', 10],
    ]);
  });
});
