import { IntervalSet } from './interval-set.js';
import type { Piece } from './exposure-ranges.js';
import type { NetFunctionUrl } from './network-estate.js';

const HTTPS = IntervalSet.of(443n, 443n);

/**
 * A function URL with auth type NONE answers anyone on HTTPS — provided the function's resource
 * policy allows `lambda:InvokeFunctionUrl` to everyone (AWS checks it even without auth). A Deny
 * for everyone, or no such Allow, closes it.
 */
export function functionUrlReach(url: NetFunctionUrl): Piece | undefined {
  if (url.authType !== 'NONE') return undefined;
  const statements = statementsOf(url.policy);
  const names = (s: Statement): boolean => actionsOf(s).some(coversInvokeUrl);
  const toEveryone = (s: Statement): boolean => isEveryone(s.Principal);
  if (statements.some((s) => s.Effect === 'Deny' && names(s) && toEveryone(s) && !s.Condition))
    return undefined;
  const allow = statements.findIndex((s) => s.Effect === 'Allow' && names(s) && toEveryone(s));
  if (allow < 0) return undefined;
  const sid = statements[allow]?.Sid;
  return {
    protocol: 'tcp',
    ports: HTTPS,
    via: [url.id],
    rules: [
      `function URL auth type NONE; resource policy statement ${sid ?? `#${allow}`} allows lambda:InvokeFunctionUrl to everyone`,
    ],
  };
}

interface Statement {
  readonly Sid?: string;
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly Action?: unknown;
  readonly Condition?: unknown;
}

function statementsOf(policy: unknown): Statement[] {
  const doc: unknown = typeof policy === 'string' ? parse(policy) : policy;
  if (typeof doc !== 'object' || doc === null) return [];
  const raw = (doc as { Statement?: unknown }).Statement;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null);
}

function actionsOf(s: Statement): string[] {
  const a = s.Action;
  return (Array.isArray(a) ? a : [a]).filter((x): x is string => typeof x === 'string');
}

function coversInvokeUrl(action: string): boolean {
  const pattern = new RegExp(
    `^${action
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return pattern.test('lambda:InvokeFunctionUrl');
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const aws = (principal as { AWS?: unknown }).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
