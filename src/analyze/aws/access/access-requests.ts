import { globSource } from '../policy/wildcard.js';
import type { KindActions } from './action-levels.js';
import type { AccessTarget } from './access-target.js';
import type { AccessRequest } from './grant-source.js';

/** A Resource pattern that names things under a store: `reports/*` under `arn:aws:s3:::b`. */
export interface ChildPattern {
  /** Matches the ARNs of the stores it could be under (variables taken as wildcards). */
  readonly store: RegExp;
  readonly child: string;
}

/** Children tried per store and caller, beyond "any name": enough for real prefix grants. */
const MAX_CHILDREN = 8;
const compiled = new Map<string, ChildPattern | null>();

/**
 * The pattern's child part, when it has one worth trying on its own: anything but `*`, which
 * the generic `<store>/*` request already covers. The child starts at the first `/` of the
 * ARN's resource part (S3 object keys, rds-db user names).
 */
export function childPattern(pattern: string): ChildPattern | undefined {
  let entry = compiled.get(pattern);
  if (entry === undefined) {
    entry = null;
    const resourceStart = nthIndexOf(pattern, ':', 5);
    const slash = resourceStart < 0 ? -1 : pattern.indexOf('/', resourceStart);
    const child = slash < 0 ? '*' : pattern.slice(slash + 1);
    if (child !== '*' && child !== '') {
      const store = pattern.slice(0, slash).replace(/\$\{[^}]*\}/g, '*');
      entry = { store: new RegExp(`^${globSource(store)}$`, 's'), child };
    }
    compiled.set(pattern, entry);
  }
  return entry ?? undefined;
}

/**
 * The ARNs to ask about for one caller and store: the store itself (for actions on it), any
 * name under it (`<arn>/*`), and the names its own and the caller's Allow patterns single out
 * under it, so a grant on one prefix or one database user is not missed. A user's own name
 * fills `${aws:username}`; a child with any other variable is not tried.
 */
export function accessRequests(
  target: AccessTarget,
  actions: KindActions,
  patterns: readonly ChildPattern[],
  userName?: string,
): AccessRequest[] {
  const out: AccessRequest[] = [];
  if (actions.hasParent) out.push({ arn: target.arn, bits: actions.parent });
  if (!actions.hasChild) return out;
  out.push({ arn: `${target.arn}/*`, bits: actions.child });
  const seen = new Set<string>(['*']);
  for (const pattern of patterns) {
    if (seen.size > MAX_CHILDREN) break;
    if (!pattern.store.test(target.arn)) continue;
    const child = resolveUserName(pattern.child, userName);
    if (child === undefined || seen.has(child)) continue;
    seen.add(child);
    out.push({ arn: `${target.arn}/${child}`, bits: actions.child });
  }
  return out;
}

/** The child patterns of a list of Resource patterns. */
export function childPatterns(patterns: readonly string[]): ChildPattern[] {
  return patterns.flatMap((pattern) => childPattern(pattern) ?? []);
}

function resolveUserName(child: string, userName: string | undefined): string | undefined {
  if (!child.includes('${')) return child;
  const resolved =
    userName === undefined ? child : child.replace(/\$\{aws:username\}/gi, () => userName);
  return resolved.includes('${') ? undefined : resolved;
}

function nthIndexOf(text: string, char: string, n: number): number {
  let index = -1;
  for (let i = 0; i < n; i++) {
    index = text.indexOf(char, index + 1);
    if (index < 0) return -1;
  }
  return index;
}
