import type { ActionBitSet } from './action-bitset.js';
import type { ActionCatalog } from './action-catalog.js';
import { globToRegExp } from './wildcard.js';

/**
 * A statement's Action or NotAction, compiled: a bitset over the catalog for the fast path, and
 * the original patterns as case-insensitive regexes so actions missing from the catalog are still
 * matched literally, never dropped.
 */
export class ActionMatcher {
  /** Catalog actions this element applies to, NotAction already complemented. Read-only: shared. */
  readonly bits: ActionBitSet;
  readonly patterns: readonly string[];
  readonly negated: boolean;
  private readonly catalog: ActionCatalog;
  private readonly regexes: readonly RegExp[];

  constructor(catalog: ActionCatalog, patterns: readonly string[], negated: boolean) {
    this.catalog = catalog;
    this.patterns = patterns;
    this.negated = negated;
    this.regexes = patterns.map((pattern) => globToRegExp(pattern, 'i'));
    this.bits = catalog.expandList(patterns, negated);
  }

  matches(action: string): boolean {
    const index = this.catalog.indexOf(action);
    if (index !== undefined) return this.bits.has(index);
    const listed = this.regexes.some((regex) => regex.test(action));
    return this.negated ? !listed : listed;
  }
}
