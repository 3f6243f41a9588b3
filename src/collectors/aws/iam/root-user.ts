import type { NodeRecord, RelRecord } from '../../../records/graph-records.js';
import type { RootCredentialFacts } from './credential-report.js';

/** The id of an account's AWSRootUser node. */
export function rootUserId(account: string): string {
  return `${account}/root-user`;
}

/** The root user's node and its HAS_ROOT_USER edge from the account. */
export function rootUserRecords(
  account: string,
  facts: RootCredentialFacts,
): { nodes: NodeRecord[]; rels: RelRecord[] } {
  const id = rootUserId(account);
  return {
    nodes: [{ model: 'AWSRootUser', id, stub: false, properties: { account, ...facts } }],
    rels: [{ type: 'HAS_ROOT_USER', from: account, to: id, properties: {} }],
  };
}
