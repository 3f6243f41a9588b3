import { BadInputError } from '../../errors/cairn-error.js';
import type { RuleRow } from '../evaluator.js';

function where(row: RuleRow, field: string): string {
  return `rule row for ${row.resource}: evidence.${field}`;
}

/** An optional string field of the row's evidence; anything else than a string or null is bad input. */
export function optionalString(row: RuleRow, field: string): string | undefined {
  const value = row.evidence[field];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadInputError(`${where(row, field)} must be a string`);
  return value;
}

/** A list of strings in the row's evidence (absent or null reads as empty). */
export function stringList(row: RuleRow, field: string): string[] {
  const value = row.evidence[field];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new BadInputError(`${where(row, field)} must be a list of strings`);
  }
  return value;
}

/** A list of maps in the row's evidence (absent or null reads as empty). */
export function recordList(row: RuleRow, field: string): Record<string, unknown>[] {
  const value = row.evidence[field];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new BadInputError(`${where(row, field)} must be a list`);
  return value.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new BadInputError(`${where(row, field)}[${index}] must be a map`);
    }
    return item as Record<string, unknown>;
  });
}

/** A boolean field of the row's evidence; absent or null reads as false. */
export function flag(row: RuleRow, field: string): boolean {
  const value = row.evidence[field];
  if (value === null || value === undefined) return false;
  if (typeof value !== 'boolean') throw new BadInputError(`${where(row, field)} must be a boolean`);
  return value;
}
