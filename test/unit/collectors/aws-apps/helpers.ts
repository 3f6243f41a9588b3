import type { GraphRecords } from '../../../../src/records/graph-records.js';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const at = { account: ACCOUNT, region: REGION };

/** Relationships of one type as `from -> to`, sorted. */
export function rels(records: GraphRecords, type: string): string[] {
  return records.relationships
    .filter((r) => r.type === type)
    .map((r) => `${r.from} -> ${r.to}`)
    .sort();
}

export function nodeById(records: GraphRecords, id: string) {
  return records.nodes.find((n) => n.id === id);
}

export { badInputMessage, expectValid } from '../../../support/record-checks.js';
