import { describe, expect, it } from 'vitest';
import { addAdminControlHops, type PlacedJewel } from '../../../src/paths/attack/admin-control.js';
import { AttackGraph } from '../../../src/paths/attack/attack-graph.js';
import { DEFAULT_RISK_MODEL } from '../../../src/paths/attack/risk-model.js';

const A = '111111111111';
const B = '222222222222';
const jewel = (id: string, kind: string, account: string | null): PlacedJewel => ({
  id,
  kind,
  account,
  impact: 1,
  reason: 'test',
});

describe('addAdminControlHops', () => {
  const jewels = [
    jewel(`arn:aws:iam::${A}:role/admin`, 'admin', A),
    jewel('arn:aws:s3:::a-pii', 'sensitiveStore', A),
    jewel(`arn:aws:secretsmanager:eu-west-1:${A}:secret:db`, 'secret', A),
    jewel('arn:aws:s3:::b-pii', 'sensitiveStore', B),
    jewel('arn:aws:s3:::unknown-owner', 'sensitiveStore', null),
  ];

  it('joins each admin, and each principal as admin, to its account, and the account to its holdings', () => {
    const graph = new AttackGraph();
    graph.node(`arn:aws:iam::${A}:user/dev#admin`);
    const added = addAdminControlHops(graph, jewels, DEFAULT_RISK_MODEL);
    // Two admins of A; A holds two jewels, B one; the bucket of no known account is left alone.
    expect(added).toBe(5);
    const from = (id: string): string[] =>
      graph
        .hopsFrom(graph.indexOf(id) ?? -1)
        .map((h) => `${h.technique} ${graph.idOf(h.to)} ${h.likelihood}`)
        .sort();
    expect(from(`arn:aws:iam::${A}:role/admin`)).toEqual([`aws.iam.AdministerAccount ${A} 0.95`]);
    expect(from(`arn:aws:iam::${A}:user/dev#admin`)).toEqual([
      `aws.iam.AdministerAccount ${A} 0.95`,
    ]);
    expect(from(A)).toEqual([
      'aws.account.Holds arn:aws:s3:::a-pii 1',
      `aws.account.Holds arn:aws:secretsmanager:eu-west-1:${A}:secret:db 1`,
    ]);
    expect(from(B)).toEqual(['aws.account.Holds arn:aws:s3:::b-pii 1']);
  });

  it('leaves out hops a simulated fix removes', () => {
    const graph = new AttackGraph();
    const added = addAdminControlHops(
      graph,
      jewels,
      DEFAULT_RISK_MODEL,
      (hop) => hop.to !== 'arn:aws:s3:::a-pii',
    );
    expect(added).toBe(3);
  });
});
