import { globSource } from '../policy/wildcard.js';
import type { AccessTarget } from './access-target.js';
import type { PrincipalGroup } from './principal-groups.js';

/** How a group's Allow patterns pick stores: all of them, by exact ARN, or by glob. */
interface StoreMatcher {
  readonly everything: boolean;
  readonly literal: ReadonlySet<string>;
  readonly globs: readonly RegExp[];
}

/**
 * The stores of one kind, indexed the two ways a caller can get in: its own Allow patterns
 * (stores of its account) and a store policy that names it, its account or everyone.
 */
export class TargetIndex {
  private readonly byAccount = new Map<string, AccessTarget[]>();
  private readonly byArn = new Map<string, AccessTarget>();
  private readonly everyone: AccessTarget[] = [];
  private readonly byAllowedAccount = new Map<string, AccessTarget[]>();
  private readonly byAllowedArn = new Map<string, AccessTarget[]>();
  private readonly matchers = new WeakMap<readonly string[], StoreMatcher>();

  /** `hasChildren`: ARNs under a store end its pattern at the first `/` (S3 keys, DB users). */
  constructor(
    targets: readonly AccessTarget[],
    private readonly hasChildren: boolean,
  ) {
    for (const target of targets) {
      push(this.byAccount, target.account, target);
      this.byArn.set(target.arn, target);
      const facts = target.facts;
      if (!facts) continue;
      if (facts.allowsEveryone) this.everyone.push(target);
      for (const account of facts.allowedAccounts) push(this.byAllowedAccount, account, target);
      for (const arn of facts.allowedArns) push(this.byAllowedArn, arn, target);
    }
  }

  /** Stores of the group's account that one of its Allow patterns could name. */
  sameAccount(group: PrincipalGroup): AccessTarget[] {
    const stores = this.byAccount.get(group.account) ?? [];
    let matcher = this.matchers.get(group.allowPatterns);
    if (!matcher) {
      matcher = storeMatcher(group.allowPatterns, this.hasChildren);
      this.matchers.set(group.allowPatterns, matcher);
    }
    if (matcher.everything) return stores;
    if (matcher.globs.length === 0) {
      return [...matcher.literal].flatMap((arn) => {
        const target = this.byArn.get(arn);
        return target && target.account === group.account ? [target] : [];
      });
    }
    return stores.filter(
      (t) => matcher.literal.has(t.arn) || matcher.globs.some((glob) => glob.test(t.arn)),
    );
  }

  /** Stores whose policy lets in everyone or names the account. */
  namingAccount(account: string): readonly AccessTarget[] {
    const named = this.byAllowedAccount.get(account);
    return named ? [...this.everyone, ...named] : this.everyone;
  }

  /** Stores whose policy names this principal ARN. */
  namingPrincipal(arn: string): readonly AccessTarget[] {
    return this.byAllowedArn.get(arn) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The store part of each pattern (before the child's `/`), variables taken as wildcards: an
 * over-approximation, since exact evaluation follows.
 */
function storeMatcher(patterns: readonly string[], hasChildren: boolean): StoreMatcher {
  let everything = false;
  const literal = new Set<string>();
  const globs: RegExp[] = [];
  for (const pattern of patterns) {
    const store = (hasChildren ? storePart(pattern) : pattern).replace(/\$\{[^}]*\}/g, '*');
    if (/^[*?]*$/.test(store) || /^arn:[^:]*:[*?]*:/.test(store)) everything = true;
    else if (/[*?]/.test(store)) globs.push(new RegExp(`^${globSource(store)}$`, 's'));
    else literal.add(store);
  }
  return { everything, literal, globs };
}

/** `arn:aws:s3:::b` of `arn:aws:s3:::b/k/*`: up to the first `/` of the resource part. */
function storePart(pattern: string): string {
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === ':') colons += 1;
    else if (char === '/' && colons >= 5) return pattern.slice(0, i);
  }
  return pattern;
}
