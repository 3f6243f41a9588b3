import { ActionBitSet } from './action-bitset.js';
import type { TriAlgebra } from './decision-formula.js';

/**
 * A Tri per catalog action as two bitsets: `yes` (true) and `maybe` (true or unknown), with
 * yes ⊆ maybe. Kleene AND/OR/NOT become word-wise operations over all actions at once.
 */
export interface TriBits {
  readonly yes: ActionBitSet;
  readonly maybe: ActionBitSet;
}

export function emptyTriBits(size: number): TriBits {
  return { yes: new ActionBitSet(size), maybe: new ActionBitSet(size) };
}

const algebras = new Map<number, TriAlgebra<TriBits>>();

/** One algebra per catalog size; its TRUE/FALSE constants are shared and never mutated. */
export function triBitsAlgebra(size: number): TriAlgebra<TriBits> {
  let algebra = algebras.get(size);
  if (!algebra) {
    algebra = createAlgebra(size);
    algebras.set(size, algebra);
  }
  return algebra;
}

function createAlgebra(size: number): TriAlgebra<TriBits> {
  const full = ActionBitSet.full(size);
  const empty = new ActionBitSet(size);
  const TRUE: TriBits = { yes: full, maybe: full };
  const FALSE: TriBits = { yes: empty, maybe: empty };
  // Shortcuts for the constants skip copying: results are never mutated after construction.
  return {
    TRUE,
    FALSE,
    and: (a, b) => {
      if (a === TRUE || b === FALSE) return b;
      if (b === TRUE || a === FALSE) return a;
      return { yes: a.yes.clone().andWith(b.yes), maybe: a.maybe.clone().andWith(b.maybe) };
    },
    or: (a, b) => {
      if (a === FALSE || b === TRUE) return b;
      if (b === FALSE || a === TRUE) return a;
      return { yes: a.yes.clone().orWith(b.yes), maybe: a.maybe.clone().orWith(b.maybe) };
    },
    not: (a) => ({ yes: a.maybe.complement(), maybe: a.yes.complement() }),
  };
}

/** Picks `whenSet` for actions in `mask` and `otherwise` elsewhere. */
export function selectBits(mask: ActionBitSet, whenSet: TriBits, otherwise: TriBits): TriBits {
  const inverse = mask.complement();
  const pick = (a: ActionBitSet, b: ActionBitSet): ActionBitSet =>
    a.clone().andWith(mask).orWith(b.clone().andWith(inverse));
  return { yes: pick(whenSet.yes, otherwise.yes), maybe: pick(whenSet.maybe, otherwise.maybe) };
}
