import type { ContextLookup } from '../request-context.js';
import type { Tri } from '../tri.js';
import { triAny, UNKNOWN } from '../tri.js';

/**
 * `Null: {key: "true"}` holds when the key is absent, `"false"` when present (an empty list
 * counts as absent). Several values are ORed like any other operator's.
 */
export function evaluateNull(found: ContextLookup, values: readonly string[]): Tri {
  if (found.state === 'unknown') return UNKNOWN;
  const absent = found.state === 'absent' || found.values.length === 0;
  return triAny(values, (value) => {
    const wanted = value.trim().toLowerCase();
    if (wanted === 'true') return absent;
    if (wanted === 'false') return !absent;
    return false;
  });
}
