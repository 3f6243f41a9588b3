import { idMatcher } from '../catalog/id-glob.js';
import type { Suppression } from './suppression.js';

/** What a suppression is matched against. */
export interface SuppressionTarget {
  readonly ruleId: string;
  readonly resource: string;
  readonly account: string | null;
  readonly region: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

/** A suppression compiled once, so that matching 100,000 findings stays cheap. */
export interface CompiledSuppression {
  readonly suppression: Suppression;
  readonly matches: (target: SuppressionTarget) => boolean;
}

export function compileSuppression(suppression: Suppression): CompiledSuppression {
  const rules = suppression.rules.map(idMatcher);
  const resources = suppression.resources.map(idMatcher);
  const tags = Object.entries(suppression.tags);
  return {
    suppression,
    matches: (target) =>
      (rules.length === 0 || rules.some((m) => m(target.ruleId))) &&
      (resources.length === 0 || resources.some((m) => m(target.resource))) &&
      (suppression.accounts.length === 0 ||
        (target.account !== null && suppression.accounts.includes(target.account))) &&
      (suppression.regions.length === 0 ||
        (target.region !== null && suppression.regions.includes(target.region))) &&
      tags.every(([key, value]) =>
        value === '*' ? key in target.tags : target.tags[key] === value,
      ),
  };
}

/**
 * The suppression that applies to a target at `now`: of those that match and have not expired,
 * the one that lasts longest (no expiry lasts longest), so a short one never hides a permanent one.
 */
export function applicableSuppression(
  compiled: readonly CompiledSuppression[],
  target: SuppressionTarget,
  now: string,
): Suppression | undefined {
  let best: Suppression | undefined;
  for (const { suppression, matches } of compiled) {
    if (suppression.expires !== undefined && suppression.expires <= now) continue;
    if (!matches(target)) continue;
    if (!best || outlasts(suppression, best)) best = suppression;
  }
  return best;
}

function outlasts(a: Suppression, b: Suppression): boolean {
  if (b.expires === undefined) return false;
  return a.expires === undefined || a.expires > b.expires;
}
