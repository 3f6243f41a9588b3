import { expect } from 'vitest';
import { flattenGraphRecords, type GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';

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
