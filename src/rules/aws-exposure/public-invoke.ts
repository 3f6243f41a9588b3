import { BadInputError } from '../../errors/cairn-error.js';
import { isObject } from './evidence-fields.js';

/** The actions that run a function. */
export const INVOKE_ACTIONS = ['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl'] as const;

/**
 * Condition keys that do not narrow who may call: the auth type of a function URL (the console
 * adds `lambda:FunctionUrlAuthType: NONE` to its public statement), "through the URL", and
 * HTTPS, which any caller can use.
 */
const NON_LIMITING_KEYS: ReadonlySet<string> = new Set([
  'lambda:functionurlauthtype',
  'lambda:invokedviafunctionurl',
  'aws:securetransport',
]);

export interface PublicInvoke {
  /** Invoke actions that anyone may call, with the statements that allow each. */
  readonly open: readonly { readonly action: string; readonly statements: readonly string[] }[];
  /** Invoke actions a public Allow names but an unconditional Deny for everyone takes back. */
  readonly denied: readonly string[];
}

interface Statement {
  readonly ref: string;
  readonly effect: unknown;
  readonly raw: Record<string, unknown>;
}

/**
 * Who may invoke under a function's resource policy, as far as "anyone" goes: an Allow to `*`
 * (or with NotPrincipal) naming an invoke action, with no condition that narrows the caller,
 * not taken back by an unconditional Deny for everyone.
 */
export function publicInvoke(policy: unknown, where: string): PublicInvoke {
  const statements = statementsOf(policy, where);
  const open: { action: string; statements: string[] }[] = [];
  const denied: string[] = [];
  for (const action of INVOKE_ACTIONS) {
    const allows = statements.filter(
      (s) => s.effect === 'Allow' && toEveryone(s.raw) && covers(s.raw, action) && !limits(s.raw),
    );
    if (allows.length === 0) continue;
    const deny = statements.some(
      (s) =>
        s.effect === 'Deny' && toEveryone(s.raw) && covers(s.raw, action) && !s.raw['Condition'],
    );
    if (deny) denied.push(action);
    else open.push({ action, statements: allows.map((s) => s.ref) });
  }
  return { open, denied };
}

function statementsOf(policy: unknown, where: string): Statement[] {
  if (!isObject(policy))
    throw new BadInputError(`${where}: the resource policy is not a JSON object`);
  const raw = policy['Statement'];
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((s, index) => {
    if (!isObject(s)) return [];
    const sid = typeof s['Sid'] === 'string' && s['Sid'] !== '' ? s['Sid'] : `#${index}`;
    return [{ ref: sid, effect: s['Effect'], raw: s }];
  });
}

function toEveryone(s: Record<string, unknown>): boolean {
  // An Allow with NotPrincipal admits everyone but the few it names.
  if (s['NotPrincipal'] !== undefined) return s['Effect'] === 'Allow';
  const principal = s['Principal'];
  if (principal === '*') return true;
  if (!isObject(principal)) return false;
  return listOf(principal['AWS']).includes('*');
}

function covers(s: Record<string, unknown>, action: string): boolean {
  if (s['NotAction'] !== undefined) return !listOf(s['NotAction']).some((p) => matches(p, action));
  return listOf(s['Action']).some((p) => matches(p, action));
}

/** Any condition on something other than the URL's auth type narrows the caller. */
function limits(s: Record<string, unknown>): boolean {
  const condition = s['Condition'];
  if (condition === undefined) return false;
  if (!isObject(condition)) return true;
  return Object.values(condition).some((byKey) => {
    if (!isObject(byKey)) return true;
    return Object.entries(byKey).some(
      ([key, values]) =>
        !NON_LIMITING_KEYS.has(key.toLowerCase()) &&
        !(Array.isArray(values) ? values : [values]).every((v) => v === '*'),
    );
  });
}

function listOf(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

/** IAM action patterns: `*` and `?` wildcards, case-insensitive. */
function matches(pattern: string, action: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(action);
}
