/**
 * Three-valued (Kleene) logic. `'unknown'` means the answer depends on request context we do not
 * know; it never silently becomes true or false.
 */
export type Tri = true | false | 'unknown';

export const UNKNOWN = 'unknown' as const;

export function triAnd(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return UNKNOWN;
}

export function triOr(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return UNKNOWN;
}

export function triNot(a: Tri): Tri {
  return a === UNKNOWN ? UNKNOWN : !a;
}

/** AND over a list, short-circuiting on false; an empty list is true. */
export function triAll<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let result: Tri = true;
  for (const item of items) {
    result = triAnd(result, test(item));
    if (result === false) return false;
  }
  return result;
}

/** OR over a list, short-circuiting on true; an empty list is false. */
export function triAny<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let result: Tri = false;
  for (const item of items) {
    result = triOr(result, test(item));
    if (result === true) return true;
  }
  return result;
}
