import type { ActionCatalog } from '../policy/index.js';
import type { AccessResult } from './access-result.js';
import type { AccessTarget } from './access-target.js';
import type { AccessActions } from './action-levels.js';
import { publicEdges } from './internet-access.js';

/** The levels strangers reach on a store, and which of them outright; computed once per store. */
export class PublicLevels {
  private readonly levels = new WeakMap<
    AccessTarget,
    { all: Set<string>; outright: Set<string> }
  >();

  constructor(
    private readonly catalog: ActionCatalog,
    private readonly actions: AccessActions,
  ) {}

  /** Whether strangers (anyone, or any AWS account) get at least what `result` gives. */
  cover(store: AccessTarget, result: AccessResult): boolean {
    const open = this.of(store);
    if (open.all.size === 0) return false;
    const conditional = new Set(result.conditionalLevels);
    return result.levels.every(
      (level) => open.outright.has(level) || (conditional.has(level) && open.all.has(level)),
    );
  }

  private of(store: AccessTarget): { all: Set<string>; outright: Set<string> } {
    let entry = this.levels.get(store);
    if (!entry) {
      entry = { all: new Set(), outright: new Set() };
      for (const edge of publicEdges(this.catalog, this.actions, store)) {
        const conditional = new Set(edge.result.conditionalLevels);
        for (const level of edge.result.levels) {
          entry.all.add(level);
          if (!conditional.has(level)) entry.outright.add(level);
        }
      }
      this.levels.set(store, entry);
    }
    return entry;
  }
}
