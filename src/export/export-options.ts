import { BadInputError } from '../errors/cairn-error.js';

/** `value` if it is one of `allowed`, else a one-line error naming the flag and the choices. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((choice) => choice === value);
  if (match === undefined) {
    throw new BadInputError(`${flag}: "${value}" is not one of ${allowed.join(', ')}`);
  }
  return match;
}

/** A comma-separated list where every item must be one of `allowed` (case-insensitive). */
export function listOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  normalize: (item: string) => string = (item) => item,
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new BadInputError(`${flag}: empty; expected ${allowed.join(', ')}`);
  return [...new Set(items.map((item) => oneOf(flag, normalize(item), allowed)))];
}
