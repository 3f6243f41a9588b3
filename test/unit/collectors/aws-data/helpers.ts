import type { GraphRecords } from '../../../../src/records/graph-records.js';

export const ACCOUNT = '123456789012';
export const at = { account: ACCOUNT, region: 'us-east-1' };
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

export const policyDoc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
};

/** Relationships of one type as `from -> to`, sorted. */
export function rels(records: GraphRecords, type: string): string[] {
  return records.relationships
    .filter((r) => r.type === type)
    .map((r) => `${r.from} -> ${r.to}`)
    .sort();
}

export function props(records: GraphRecords, id: string): Readonly<Record<string, unknown>> {
  const node = records.nodes.find((n) => n.id === id && !n.stub);
  if (!node) throw new Error(`no node ${id}`);
  return node.properties;
}

export { badInputMessage, expectValid } from '../../../support/record-checks.js';

/** A warning sink that remembers what it was told. */
export function warnings(): { warn: (where: string, problem: string) => void; seen: string[] } {
  const seen: string[] = [];
  return { warn: (where, problem) => seen.push(`${where}: ${problem}`), seen };
}
