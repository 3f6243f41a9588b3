import { Provider } from '../../src/model/provider.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../src/records/graph-records.js';

/**
 * One synthetic AWS account of exactly `nodes` nodes and `rels` relationships (for benchmarks):
 * users in groups, roles and policies attached, everything in the account.
 */
export function syntheticAccount(accountId: string, nodes: number, rels: number): GraphRecords {
  const arn = (kind: string, i: number): string => `arn:aws:iam::${accountId}:${kind}/${kind}-${i}`;
  const groups = Math.max(1, Math.floor(nodes / 100));
  const policies = Math.floor(nodes / 5);
  const users = Math.floor((nodes - 1 - groups - policies) / 2);
  const roles = nodes - 1 - groups - policies - users;
  const out: NodeRecord[] = [
    { model: 'AWSAccount', id: accountId, stub: false, properties: { name: 'bench' } },
  ];
  const add = (
    model: string,
    kind: string,
    count: number,
    props: (i: number) => Record<string, unknown>,
  ): void => {
    for (let i = 0; i < count; i += 1)
      out.push({ model, id: arn(kind, i), stub: false, properties: props(i) });
  };
  add('AWSGroup', 'group', groups, (i) => ({ name: `group-${i}`, path: '/' }));
  add('AWSPolicy', 'policy', policies, (i) => ({
    name: `policy-${i}`,
    policyType: 'managed',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: `s3:Get*`, Resource: `arn:aws:s3:::b-${i}/*` }],
    },
  }));
  add('AWSUser', 'user', users, (i) => ({
    name: `user-${i}`,
    path: '/',
    tags: { team: `t${i % 50}` },
  }));
  add('AWSRole', 'role', roles, (i) => ({
    name: `role-${i}`,
    path: '/',
    maxSessionDuration: 3600,
  }));

  const relationships: RelRecord[] = [];
  const kinds: (() => RelRecord)[] = [
    () => {
      const i = relationships.length;
      return {
        type: 'MEMBER_OF',
        from: arn('user', i % users),
        to: arn('group', (i * 7) % groups),
        properties: {},
      };
    },
    () => {
      const i = relationships.length;
      return {
        type: 'HAS_POLICY',
        from: arn('role', i % roles),
        to: arn('policy', (i * 13) % policies),
        properties: { attachment: 'managed' },
      };
    },
    () => {
      const i = relationships.length;
      return { type: 'IN_ACCOUNT', from: arn('role', i % roles), to: accountId, properties: {} };
    },
  ];
  // Distinct pairs: MERGE would fold duplicates and the counts would lie.
  const seen = new Set<string>();
  for (let attempt = 0; relationships.length < rels && attempt < rels * 4; attempt += 1) {
    const rel = kinds[attempt % kinds.length]?.();
    if (!rel) continue;
    const key = `${rel.type} ${rel.from} ${rel.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relationships.push(rel);
  }
  return { scope: { provider: Provider.AWS, id: accountId }, nodes: out, relationships };
}
