import { ActionBitSet, type ActionCatalog, type PendingCondition } from '../policy/index.js';
import { ACCESS_LEVELS, type AccessLevel } from './access-kind.js';
import type { AccessEvidence, AccessResult } from './access-result.js';
import type { KindActions } from './action-levels.js';
import { commonIndexes, intersects } from './bit-ops.js';
import type { GrantSource } from './grant-source.js';

/** Actions an edge lists per level. */
const PER_LEVEL = 3;

/**
 * The edge one caller gets from its grants: the levels any applicable action reaches, which of
 * them only conditionally, a few actions per level (the preferred ones first, outright before
 * conditional) and the evidence for those. Undefined when nothing is allowed.
 */
export function summarizeAccess(
  catalog: ActionCatalog,
  kind: KindActions,
  sources: readonly GrantSource[],
): AccessResult | undefined {
  const yes = new ActionBitSet(catalog.size);
  const maybe = new ActionBitSet(catalog.size);
  for (const source of sources) {
    yes.orWith(source.yes);
    maybe.orWith(source.maybe);
  }
  yes.andWith(kind.all);
  maybe.andWith(kind.all);
  const levels: AccessLevel[] = [];
  const conditionalLevels: AccessLevel[] = [];
  const chosen: number[] = [];
  for (const level of ACCESS_LEVELS) {
    const bits = kind.levels[level];
    if (!intersects(maybe, bits)) continue;
    levels.push(level);
    if (!intersects(yes, bits)) conditionalLevels.push(level);
    const picks: number[] = [];
    const pick = (index: number | undefined): void => {
      if (index === undefined || picks.length >= PER_LEVEL || picks.includes(index)) return;
      if (bits.has(index) && maybe.has(index)) picks.push(index);
    };
    const preferred = kind.preferred[level].map((name) => catalog.indexOf(name));
    preferred.filter((i) => i !== undefined && yes.has(i)).forEach(pick);
    preferred.forEach(pick);
    commonIndexes(yes, bits, PER_LEVEL).forEach(pick);
    commonIndexes(maybe, bits, PER_LEVEL).forEach(pick);
    for (const index of picks) if (!chosen.includes(index)) chosen.push(index);
  }
  if (levels.length === 0) return undefined;
  const evidence: AccessEvidence[] = [];
  const pending = new Map<string, PendingCondition>();
  for (const index of chosen) {
    const action = catalog.nameAt(index) ?? '';
    const source = sources.find((s) => s.yes.has(index)) ?? sources.find((s) => s.maybe.has(index));
    if (!source) continue;
    const explained = source.explain(action);
    evidence.push(explained.evidence);
    for (const p of explained.pending) pending.set(JSON.stringify(p), p);
  }
  return {
    levels,
    conditionalLevels,
    actions: evidence.map((e) => e.action),
    evidence,
    pending: [...pending.values()],
  };
}
