import { expect } from 'vitest';
import { flattenGraphRecords, type GraphRecords } from '../../../../src/records/graph-records.js';
import { validateGraphRecords } from '../../../../src/records/validate-graph-records.js';

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

/** The records are what the loader accepts: declared properties, known models, ends present. */
export function expectValid(records: GraphRecords): void {
  expect(() => validateGraphRecords(flattenGraphRecords(records), 'test')).not.toThrow();
}

/** Calls `convert`, expecting a one-line BadInputError; returns its message. */
export function badInputMessage(convert: () => unknown): string {
  try {
    convert();
  } catch (error) {
    expect((error as Error).name).toBe('BadInputError');
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a BadInputError');
}

/** A warning sink that remembers what it was told. */
export function warnings(): { warn: (where: string, problem: string) => void; seen: string[] } {
  const seen: string[] = [];
  return { warn: (where, problem) => seen.push(`${where}: ${problem}`), seen };
}
