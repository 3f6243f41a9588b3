import { parseArn } from '../../../collectors/aws/iam/arn.js';
import type { CallerIdentity } from './caller-identity.js';
import { resolveCaller } from './caller-identity.js';
import type { AuthorizationRequest, ContextValue } from './request.js';

/** What the request context says about one key: its values, known absence, or nothing known. */
export type ContextLookup =
  | { readonly state: 'present'; readonly values: readonly string[] }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown' };

const ABSENT: ContextLookup = { state: 'absent' };
const UNKNOWN: ContextLookup = { state: 'unknown' };

const PRINCIPAL_TYPES: Readonly<Record<CallerIdentity['kind'], string>> = {
  user: 'User',
  'role-session': 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  service: 'AWSService',
  federated: 'WebIdentity',
  'canonical-user': 'CanonicalUser',
  anonymous: 'Anonymous',
};

/**
 * The request context as policies see it. Keys are case-insensitive. Values the caller gave win;
 * then what the principal and resource tell us (ARN, account, username, tags); everything else
 * is unknown, unless the caller declared the context complete.
 */
export class RequestContext {
  readonly caller: CallerIdentity;
  readonly resource: string;
  readonly resourceAccount: string | undefined;
  private readonly known = new Map<string, ContextLookup>();
  private readonly principalTags: ReadonlyMap<string, string> | undefined;
  private readonly resourceTags: ReadonlyMap<string, string> | undefined;
  private readonly complete: boolean;

  constructor(request: AuthorizationRequest) {
    this.caller = resolveCaller(request.principal);
    this.resource = request.resource;
    this.resourceAccount = request.resourceAccount ?? accountOf(request.resource);
    this.complete = request.contextComplete === true;
    // Services and anonymous callers carry no principal tags: every tag key is known absent.
    const isAwsCaller = this.caller.principalArn !== undefined;
    this.principalTags = lowerKeys(request.principal.tags) ?? (isAwsCaller ? undefined : new Map());
    this.resourceTags = lowerKeys(request.resourceTags);
    this.deriveFromPrincipal(request);
    if (this.resourceAccount) this.set('aws:ResourceAccount', this.resourceAccount);
    for (const [key, value] of Object.entries(request.context ?? {})) this.set(key, value);
  }

  lookup(key: string): ContextLookup {
    const lower = key.toLowerCase();
    const known = this.known.get(lower);
    if (known) return known;
    const tag = this.tagLookup(lower);
    if (tag) return tag;
    return this.complete ? ABSENT : UNKNOWN;
  }

  private tagLookup(lower: string): ContextLookup | undefined {
    for (const [prefix, tags] of [
      ['aws:principaltag/', this.principalTags],
      ['aws:resourcetag/', this.resourceTags],
    ] as const) {
      if (!lower.startsWith(prefix) || !tags) continue;
      const value = tags.get(lower.slice(prefix.length));
      return value === undefined ? ABSENT : { state: 'present', values: [value] };
    }
    return undefined;
  }

  private deriveFromPrincipal(request: AuthorizationRequest): void {
    const caller = this.caller;
    this.set('aws:PrincipalType', PRINCIPAL_TYPES[caller.kind]);
    this.set('aws:PrincipalIsAWSService', caller.kind === 'service');
    this.set('aws:PrincipalServiceName', caller.kind === 'service' ? (caller.name ?? null) : null);
    this.set('aws:PrincipalArn', caller.principalArn ?? null);
    this.set('aws:PrincipalAccount', caller.account ?? null);
    this.set('aws:username', caller.userName ?? null);
    if (caller.kind === 'root') this.set('aws:userid', caller.account ?? null);
    const orgId = request.principal.orgId;
    if (orgId !== undefined || caller.principalArn === undefined) {
      this.set('aws:PrincipalOrgID', orgId ?? null);
    }
  }

  private set(key: string, value: ContextValue): void {
    this.known.set(key.toLowerCase(), toLookup(value));
  }
}

function toLookup(value: ContextValue): ContextLookup {
  if (value === null) return ABSENT;
  const values = Array.isArray(value) ? value : [value];
  return { state: 'present', values: values.map(String) };
}

function lowerKeys(
  tags: Readonly<Record<string, string>> | undefined,
): Map<string, string> | undefined {
  if (!tags) return undefined;
  return new Map(Object.entries(tags).map(([key, value]) => [key.toLowerCase(), value]));
}

function accountOf(resource: string): string | undefined {
  const account = parseArn(resource)?.account;
  return account ? account : undefined;
}
