import { describe, expect, it } from 'vitest';
import { BestPathTree } from '../../../src/paths/attack/best-path-tree.js';
import { findAttackPaths, type AttackPath } from '../../../src/paths/attack/find-attack-paths.js';
import { buildAttackGraph, type HopRow } from '../../../src/paths/attack/read-attack-graph.js';
import { DEFAULT_RISK_MODEL } from '../../../src/paths/attack/risk-model.js';

/** An estate full of ties: two alike web servers, each with an alike role, each able to escalate. */
const ROWS: HopRow[] = [
  hop('internet', 'i-web-a', 'reach', 'network.reach', ['tcp:443']),
  hop('internet', 'i-web-b', 'reach', 'network.reach', ['tcp:443']),
  hop('i-web-a', 'role/web-a', 'runsAs', 'aws.ec2.InstanceProfile'),
  hop('i-web-b', 'role/web-b', 'runsAs', 'aws.ec2.InstanceProfile'),
  hop('role/web-a', 'role/deploy', 'assume', 'aws.sts.AssumeRole'),
  hop('role/web-b', 'role/deploy', 'assume', 'aws.sts.AssumeRole'),
  hop('role/web-a', 'bucket/payroll', 'access', 'data', ['read']),
  hop('role/web-b', 'bucket/payroll', 'access', 'data', ['read']),
  hop('role/deploy', 'role/deploy', 'escalate', 'aws.iam.PutRolePolicy', [], true),
  hop('role/deploy', 'role/deploy', 'escalate', 'aws.iam.AttachRolePolicy', [], true),
  hop('user/dev', 'role/web-a', 'assume', 'aws.sts.AssumeRole'),
  hop('user/dev', 'role/web-b', 'assume', 'aws.sts.AssumeRole'),
];

function hop(
  from: string,
  to: string,
  kind: HopRow['kind'],
  technique: string,
  detail: string[] = [],
  grantsAdmin = false,
): HopRow {
  return { from, to, kind, technique, conditional: false, grantsAdmin, detail };
}

/** The row orders a database could return: as written, reversed, and two shuffles. */
function orders(rows: readonly HopRow[]): HopRow[][] {
  const shuffled = (seed: number): HopRow[] => {
    const out = [...rows];
    let state = seed;
    for (let i = out.length - 1; i > 0; i -= 1) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j] as HopRow, out[i] as HopRow];
    }
    return out;
  };
  return [[...rows], [...rows].reverse(), shuffled(7), shuffled(2026)];
}

const signature = (paths: readonly AttackPath[]): string[] =>
  paths.map((p) => `${p.entry.id} ${p.hops.map((h) => h.ref).join(' | ')} ${p.score}`);

describe('the attack graph is built in a canonical order', () => {
  const entries = [
    { id: 'internet', reason: 'internet' },
    { id: 'user/dev', reason: 'weak-credentials' },
  ];
  const jewels = [
    { id: 'role/deploy#admin', impact: 1, reason: 'admin-equivalent' },
    { id: 'bucket/payroll', impact: 0.9, reason: 'sensitive' },
  ];

  it('so the paths chosen among equally likely ones do not depend on the order rows arrive', () => {
    for (const k of [1, 3]) {
      const found = orders(ROWS).map((rows) =>
        signature(
          findAttackPaths(
            buildAttackGraph(rows, DEFAULT_RISK_MODEL),
            DEFAULT_RISK_MODEL,
            entries,
            jewels,
            {
              k,
              maxHops: 6,
            },
          ),
        ),
      );
      expect(found[0]?.length).toBeGreaterThan(0);
      for (const other of found.slice(1)) expect(other).toEqual(found[0]);
    }
  });

  it('and neither do the alternatives a large reach falls back to', () => {
    const found = orders(ROWS).map((rows) => {
      const graph = buildAttackGraph(rows, DEFAULT_RISK_MODEL);
      const tree = new BestPathTree(graph, graph.indexOf('internet') ?? -1, 6);
      const target = graph.indexOf('bucket/payroll') ?? -1;
      return tree.alternativesTo(target, 3).map((p) => p.hops.map((h) => h.ref).join(' | '));
    });
    expect(found[0]).toHaveLength(2);
    for (const other of found.slice(1)) expect(other).toEqual(found[0]);
  });

  it('the first of the tied ways is the one whose ids sort first', () => {
    const [path] = findAttackPaths(
      buildAttackGraph([...ROWS].reverse(), DEFAULT_RISK_MODEL),
      DEFAULT_RISK_MODEL,
      [entries[0]!],
      [jewels[1]!],
      { k: 1, maxHops: 6 },
    );
    expect(path?.hops.map((h) => h.ref)).toEqual([
      'reach:internet->i-web-a:network.reach',
      'runsAs:i-web-a->role/web-a:aws.ec2.InstanceProfile',
      'access:role/web-a->bucket/payroll:data',
    ]);
  });
});
