import type { ActionBitSet } from '../policy/index.js';

/** Whether two action sets share an action (word by word, no allocation). */
export function intersects(a: ActionBitSet, b: ActionBitSet): boolean {
  const x = a.words;
  const y = b.words;
  for (let i = 0; i < x.length; i++) if (((x[i] ?? 0) & (y[i] ?? 0)) !== 0) return true;
  return false;
}

/** Up to `limit` indexes in both sets, lowest first; skips empty words. */
export function commonIndexes(a: ActionBitSet, b: ActionBitSet, limit: number): number[] {
  const out: number[] = [];
  const x = a.words;
  const y = b.words;
  for (let i = 0; i < x.length && out.length < limit; i++) {
    let word = (x[i] ?? 0) & (y[i] ?? 0);
    while (word !== 0 && out.length < limit) {
      const bit = 31 - Math.clz32(word & -word);
      out.push(i * 32 + bit);
      word &= word - 1;
    }
  }
  return out;
}

/** A new set: `a` without the actions of `b`. */
export function without(a: ActionBitSet, b: ActionBitSet): ActionBitSet {
  return a.clone().andWith(b.complement());
}
