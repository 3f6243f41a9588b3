import { BadInputError } from '../../errors/cairn-error.js';

/** A count from a rule row: a non-negative integer, or 0 when absent. */
export function countOf(value: unknown, where: string): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new BadInputError(`${where}: expected a non-negative integer`);
}

/** A list of strings from a rule row, or empty when absent. */
export function stringsOf(value: unknown, where: string): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new BadInputError(`${where}: expected a list of strings`);
}
