import {
  flattenGraphRecords,
  type GraphRecords,
  type NodeRecord,
  type RelRecord,
} from '../../src/records/graph-records.js';
import { Provider } from '../../src/model/provider.js';

/** A small AWS account's records: one user in one group, one role, a policy and a stub. */
export function sampleAccount(accountId: string, extra: { roles?: number } = {}): GraphRecords {
  const arn = (kind: string, name: string): string => `arn:aws:iam::${accountId}:${kind}/${name}`;
  const nodes: NodeRecord[] = [
    node('AWSAccount', accountId, { name: `acct-${accountId}` }),
    node('AWSUser', arn('user', 'alice'), { name: 'alice', tags: { team: 'red' } }),
    node('AWSGroup', arn('group', 'admins'), { name: 'admins' }),
    node('AWSPolicy', arn('policy', 'ops'), {
      name: 'ops',
      policyType: 'managed',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      },
    }),
    node('AWSRole', arn('role', 'deploy'), { name: 'deploy', maxSessionDuration: 3600 }),
    { model: 'AWSRole', id: 'arn:aws:iam::999999999999:role/partner', stub: true, properties: {} },
  ];
  for (let i = 0; i < (extra.roles ?? 0); i += 1) {
    nodes.push(node('AWSRole', arn('role', `extra-${i}`), { name: `extra-${i}` }));
  }
  const relationships: RelRecord[] = [
    rel('MEMBER_OF', arn('user', 'alice'), arn('group', 'admins')),
    rel('HAS_POLICY', arn('group', 'admins'), arn('policy', 'ops'), { attachment: 'managed' }),
    rel('IN_ACCOUNT', arn('role', 'deploy'), accountId),
  ];
  return { scope: { provider: Provider.AWS, id: accountId }, nodes, relationships };
}

export function node(model: string, id: string, properties: Record<string, unknown>): NodeRecord {
  return { model, id, stub: false, properties };
}

export function rel(
  type: string,
  from: string,
  to: string,
  properties: Record<string, unknown> = {},
): RelRecord {
  return { type, from, to, properties };
}

/** The same records in the flat JSON form a snapshot file holds. */
export const toSnapshotJson = flattenGraphRecords;
