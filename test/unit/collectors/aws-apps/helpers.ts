import { expect } from 'vitest';
import { flattenGraphRecords, type GraphRecords } from '../../../../src/records/graph-records.js';
import { validateGraphRecords } from '../../../../src/records/validate-graph-records.js';

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
