import type { AccessTarget } from './access/access-target.js';
import { aclActions } from './access/bucket-settings.js';
import { callerContext } from './access/caller-context.js';
import { INTERNET } from './access/internet-access.js';
import {
  anonymousCaller,
  outsiderCaller,
  publicPolicy,
  type PublicCaller,
} from './access/public-callers.js';
import { ALLOW_ALL } from './admin/admin-results.js';
import { canAssumeEdges, type AssumeEdge } from './assume/can-assume.js';
import { WhoCanRelevance } from './who-can-relevance.js';
import { DecisionSharing } from './who-can-sharing.js';
import { requestPrincipalOf, type IamModel } from './iam-model.js';
import {
  compilePolicy,
  evaluateRequest,
  type ActionCatalog,
  type CompiledPolicy,
  type Decision,
} from './policy/index.js';

export interface WhoCanEntry {
  /** A principal ARN, or `internet` for strangers. */
  readonly principal: string;
  /**
   * `direct`; the roles assumed on the way (`assume:<role> -> assume:<role>`); `anonymous`
   * (unsigned requests) or `any-aws-account` (any signed-in AWS principal) for the Internet;
   * `external` for a principal the store's policy names in an account that is not loaded.
   */
  readonly via: string;
  /** The principals from the caller to the one the permission belongs to. */
  readonly path: readonly string[];
  readonly conditional: boolean;
  /** The decision for the principal that holds the permission. */
  readonly decision: Decision;
  /** The public S3 ACL grant that allows it, when no statement does. */
  readonly acl?: { readonly group: string; readonly permission: string; readonly index: number };
}

export interface WhoCanOptions {
  /** Roles assumed at most on the way. */
  readonly maxHops?: number;
  /**
   * The data store the resource is (or is in: the bucket of an object), with its own policy
   * and, for a bucket, Block Public Access and ACL; the catalog compiles stand-in policies.
   */
  readonly store?: { readonly target: AccessTarget; readonly catalog: ActionCatalog };
  /** Organization id per account, for aws:PrincipalOrgID. */
  readonly orgs?: ReadonlyMap<string, string>;
  /**
   * The model's CAN_ASSUME edges when the caller keeps them (the server does): computing them
   * takes most of an answer's time on a large estate. Computed here otherwise.
   */
  readonly assumeEdges?: readonly AssumeEdge[];
}

/**
 * Who can perform `action` on `resource`, after every deny, boundary and SCP: each principal
 * allowed directly (through its own policies or the store's policy), strangers the store lets
 * in (anonymous callers, any AWS account, principals of unloaded accounts it names), then
 * everyone who can become an allowed principal through role assumption (at most `maxHops`
 * roles), shortest first.
 */
export function whoCan(
  model: IamModel,
  action: string,
  resource: string,
  options: WhoCanOptions = {},
): WhoCanEntry[] {
  const { maxHops = 6, orgs } = options;
  const store = options.store?.target;
  const target = principalsById(model).get(resource);
  const entries = new Map<string, WhoCanEntry>();
  const trust =
    target?.kind === 'role' && target.trust && /^sts:/i.test(action) ? target.trust : undefined;
  const sharing = new DecisionSharing(store, trust !== undefined);
  const shared = new Map<string, Decision>();
  const relevance = new WhoCanRelevance(action, resource, store, trust !== undefined);
  for (const principal of model.principals) {
    // RestrictPublicBuckets with a public policy keeps every other account out.
    if (store?.restrictsOutsiders && principal.account !== store.account) continue;
    if (!relevance.mayBeAllowed(principal)) continue;
    const orgId = orgs?.get(principal.account);
    const key = sharing.keyOf(principal, orgId);
    let decision = key === undefined ? undefined : shared.get(key);
    decision ??= evaluateRequest(
      {
        ...principal.policies,
        ...(trust ? { resource: [trust] } : {}),
        ...(store?.policy ? { resource: [store.policy] } : {}),
      },
      {
        principal: orgId
          ? { ...requestPrincipalOf(principal), orgId }
          : requestPrincipalOf(principal),
        action,
        resource,
        ...(store
          ? {
              resourceAccount: store.account,
              context: callerContext(store.kind, principal.account),
            }
          : {}),
      },
    );
    if (key !== undefined) shared.set(key, decision);
    if (decision.decision === 'denied') continue;
    entries.set(principal.id, {
      principal: principal.id,
      via: 'direct',
      path: [principal.id],
      conditional:
        decision.decision === 'conditional' ||
        principal.boundaryUnknown ||
        store?.policyUnusable === true,
      decision,
    });
  }
  if (options.store) {
    for (const entry of strangers(options.store, action, resource, model)) {
      if (!entries.has(entry.principal)) entries.set(entry.principal, entry);
    }
  }
  // Breadth-first backwards over CAN_ASSUME: who can become someone already in the answer.
  const callersOf = assumersOf(options.assumeEdges ?? canAssumeEdges(model));
  let frontier = [...entries.values()];
  for (let hop = 1; hop <= maxHops && frontier.length; hop += 1) {
    const next: WhoCanEntry[] = [];
    for (const entry of frontier) {
      for (const caller of callersOf.get(entry.principal) ?? []) {
        if (entries.has(caller.from)) continue;
        const reached: WhoCanEntry = {
          ...entry,
          principal: caller.from,
          path: [caller.from, ...entry.path],
          conditional: entry.conditional || caller.conditional,
          via: [...entry.path.slice(0, -1), entry.path.at(-1) ?? '']
            .map((id) => `assume:${id}`)
            .join(' -> '),
        };
        entries.set(caller.from, reached);
        next.push(reached);
      }
    }
    frontier = next;
  }
  return [...entries.values()].sort(
    (a, b) => a.path.length - b.path.length || a.principal.localeCompare(b.principal),
  );
}

const byIds = new WeakMap<IamModel, ReadonlyMap<string, IamModel['principals'][number]>>();

/** The model's principals by id; a served model answers many requests. */
function principalsById(model: IamModel): ReadonlyMap<string, IamModel['principals'][number]> {
  let byId = byIds.get(model);
  if (!byId) {
    byId = new Map(model.principals.map((p) => [p.id, p]));
    byIds.set(model, byId);
  }
  return byId;
}

type Assumers = ReadonlyMap<string, readonly { from: string; conditional: boolean }[]>;
const assumers = new WeakMap<readonly AssumeEdge[], Assumers>();

/** Who can assume each role, from the CAN_ASSUME edges (kept while the edges are). */
function assumersOf(edges: readonly AssumeEdge[]): Assumers {
  let callersOf = assumers.get(edges);
  if (!callersOf) {
    const map = new Map<string, { from: string; conditional: boolean }[]>();
    for (const edge of edges) {
      // A service "can" only on behalf of its resources, which are not principals to list here.
      if (edge.fromService) continue;
      const list = map.get(edge.to) ?? [];
      list.push({ from: edge.from, conditional: edge.conditional });
      map.set(edge.to, list);
    }
    callersOf = map;
    assumers.set(edges, callersOf);
  }
  return callersOf;
}

const ALLOWED: Omit<Decision, 'decidedBy'> = {
  decision: 'allowed',
  reason: 'resource-policy',
  pending: [],
  missingAllow: undefined,
};

/** Principals that are not loaded IAM identities but that the store lets in. */
function strangers(
  { target: store, catalog }: NonNullable<WhoCanOptions['store']>,
  action: string,
  resource: string,
  model: IamModel,
): WhoCanEntry[] {
  const out: WhoCanEntry[] = [];
  const entry = (principal: string, via: string, decision: Decision, conditional = false) =>
    out.push({
      principal,
      via,
      path: [principal],
      conditional: conditional || decision.decision === 'conditional' || store.policyUnusable,
      decision,
    });
  const ask = (caller: PublicCaller): Decision => {
    const decision = evaluateRequest(caller.policies, {
      principal: caller.principal,
      action,
      resource,
      resourceAccount: store.account,
      context: caller.context,
    });
    const hidden = caller.hidePolicy;
    return { ...decision, decidedBy: decision.decidedBy.filter((r) => r.policyId !== hidden) };
  };
  const policy = publicPolicy(store);
  if (policy && store.kind === 's3-bucket') {
    const decision = ask(anonymousCaller(policy));
    if (decision.decision !== 'denied') entry(INTERNET, 'anonymous', decision);
  }
  const bucket = store.bucket;
  if (bucket && !bucket.ignorePublicAcls && !bucket.aclsDisabled && resource === store.arn) {
    for (const grant of bucket.publicGrants) {
      if (!aclActions(grant.permission).some((a) => a.toLowerCase() === action.toLowerCase())) {
        continue;
      }
      out.push({
        principal: INTERNET,
        via: grant.audience === 'anyone' ? 'anonymous' : 'any-aws-account',
        path: [INTERNET],
        conditional: false,
        decision: { ...ALLOWED, decidedBy: [] },
        acl: { group: grant.group, permission: grant.permission, index: grant.index },
      });
    }
  }
  if (policy) {
    const decision = ask(outsiderCaller(catalog, policy));
    if (decision.decision !== 'denied') entry(INTERNET, 'any-aws-account', decision);
  }
  // Anonymous first: an entry per principal, the widest audience wins.
  out.sort((a, b) => Number(b.via === 'anonymous') - Number(a.via === 'anonymous'));
  if (store.policy && store.facts) {
    for (const principal of externalNames(store, model)) {
      const decision = ask({
        principal: { arn: principal },
        policies: { identity: [allowAll(catalog)], resource: [store.policy] },
        context: callerContext(store.kind, principal.split(':')[4]),
        hidePolicy: ALLOW_ALL_ID,
      });
      // Its own account's policies, not loaded, must allow it too.
      if (decision.decision !== 'denied') entry(principal, 'external', decision, true);
    }
  }
  return out;
}

const IAM_PRINCIPAL = /^arn:[^:]+:iam::(\d{12}):(root|user\/.+|role\/.+)$/;

/** Users, roles and account roots the store's policy lets in, of accounts that are not loaded. */
function externalNames(store: AccessTarget, model: IamModel): string[] {
  const partition = store.arn.split(':')[1] ?? 'aws';
  const names = new Set<string>();
  for (const account of store.facts?.allowedAccounts ?? []) {
    names.add(`arn:${partition}:iam::${account}:root`);
  }
  for (const arn of store.facts?.allowedArns ?? []) if (IAM_PRINCIPAL.test(arn)) names.add(arn);
  return [...names].filter((arn) => {
    const account = IAM_PRINCIPAL.exec(arn)?.[1];
    return account !== undefined && !model.accounts.has(account);
  });
}

const ALLOW_ALL_ID = 'cairn:external-allows-all';
const allowAlls = new WeakMap<ActionCatalog, CompiledPolicy>();

/** A stranger controls its own policies: take them as allowing everything. */
function allowAll(catalog: ActionCatalog): CompiledPolicy {
  let policy = allowAlls.get(catalog);
  if (!policy) {
    policy = compilePolicy(ALLOW_ALL, ALLOW_ALL_ID, catalog);
    allowAlls.set(catalog, policy);
  }
  return policy;
}
