import type { IamPrincipal } from '../iam-model.js';
import { requestPrincipalOf } from '../iam-model.js';
import {
  RequestContext,
  type ActionCatalog,
  type CompiledStatement,
  type ContextValue,
  type RequestPrincipal,
} from '../policy/index.js';
import { accessRequests, childPatterns, type ChildPattern } from './access-requests.js';
import type { AccessResult } from './access-result.js';
import type { AccessTarget } from './access-target.js';
import type { KindActions } from './action-levels.js';
import { callerContext } from './caller-context.js';
import { policyGrants, type AccessRequest } from './grant-source.js';
import type { PrincipalGroup } from './principal-groups.js';
import { rebaseResult } from './rebase-result.js';
import { summarizeAccess } from './summarize-access.js';

interface MemoEntry {
  readonly result?: AccessResult;
  /** The store the answer was computed for: its evidence is rebased onto others. */
  readonly store: AccessTarget;
}

/** Answers shared by every pair with the same store class, shape and applying statements. */
const MEMO_LIMIT = 500_000;

/**
 * Evaluates (principal, store) pairs of one kind. Two pairs get the same answer when the stores
 * are of one class (kind, account, policy template), the callers have the same shape (account,
 * kind, boundary set, SCP levels) and the same statements of every layer match each requested
 * ARN: the statements that do not match cannot apply. So principals of different groups share
 * answers on stores their differing statements do not name.
 */
export class AccessEvaluator {
  private readonly memo = new Map<string, MemoEntry>();
  /** Answers of groups whose statements apply everywhere, by the store's shape key. */
  private groupMemo = new WeakMap<PrincipalGroup, Map<string, MemoEntry>>();
  private groupMemoSize = 0;
  private readonly probes = new Map<RequestPrincipal, RequestContext>();
  private readonly contexts = new Map<string, Readonly<Record<string, ContextValue>>>();
  private readonly statementIds = new Map<CompiledStatement, number>();

  constructor(
    private readonly catalog: ActionCatalog,
    private readonly actions: KindActions,
    private readonly principalOf: (member: IamPrincipal) => RequestPrincipal,
    private readonly classes: StoreClasses,
  ) {}

  /** What `member` (of `group`) gets on `store`; `alone` when the store singles it out. */
  result(
    group: PrincipalGroup,
    store: AccessTarget,
    member: IamPrincipal,
    alone: boolean,
  ): AccessResult | undefined {
    if (group.anyResource && !alone && !group.specific)
      return this.sharedResult(group, store, member);
    const principal = this.principalOf(member);
    const context = this.contextFor(store, member);
    const requests = accessRequests(
      store,
      this.actions,
      [...group.children, ...storeChildren(store)],
      member.kind === 'user' ? member.id.slice(member.id.lastIndexOf('/') + 1) : undefined,
    );
    const signature = this.signature(group, store, requests, this.probe(principal, context));
    const key =
      signature === undefined
        ? undefined
        : [
            alone || group.specific ? member.id : group.shape,
            this.classes.of(store),
            requests.map((r) => r.arn.slice(store.arn.length)).join('\u0001'),
            signature,
          ].join('\n');
    const hit = key === undefined ? undefined : this.memo.get(key);
    if (hit) return hit.result && rebaseResult(hit.result, hit.store, store);
    const result = this.evaluate(group, store, member, requests);
    if (key !== undefined) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(key, { ...(result ? { result } : {}), store });
    }
    return result;
  }

  /**
   * Every statement of the group applies everywhere: the store's shape alone tells stores
   * apart. Looked up per group by the store's cached shape key (no string is built per pair:
   * this runs for most of the millions of pairs of a large estate).
   */
  private sharedResult(
    group: PrincipalGroup,
    store: AccessTarget,
    member: IamPrincipal,
  ): AccessResult | undefined {
    const own = this.storeShape(store);
    if (own.key === undefined) return this.evaluate(group, store, member, own.requests);
    let byShape = this.groupMemo.get(group);
    if (!byShape) {
      byShape = new Map();
      this.groupMemo.set(group, byShape);
    }
    const hit = byShape.get(own.key);
    if (hit) return hit.result && rebaseResult(hit.result, hit.store, store);
    const result = this.evaluate(group, store, member, own.requests);
    // Bounded like `memo`: stores with policies of their own could make groups × stores.
    if (++this.groupMemoSize > MEMO_LIMIT) {
      this.groupMemo = new WeakMap();
      this.groupMemoSize = 1;
      byShape = new Map();
      this.groupMemo.set(group, byShape);
    }
    byShape.set(own.key, { ...(result ? { result } : {}), store });
    return result;
  }

  private evaluate(
    group: PrincipalGroup,
    store: AccessTarget,
    member: IamPrincipal,
    requests: readonly AccessRequest[],
  ): AccessResult | undefined {
    const source = policyGrants({
      catalog: this.catalog,
      policies: { ...group.policies, ...(store.policy ? { resource: [store.policy] } : {}) },
      principal: this.principalOf(member),
      resourceAccount: store.account,
      requests,
      context: this.contextFor(store, member),
    });
    return summarizeAccess(this.catalog, this.actions, [source]);
  }

  /**
   * Per requested ARN, the caller's statements (by layer) that match it, then which of the
   * store policy's do;
   * undefined when a policy variable that depends on the store decides, and the pair is
   * evaluated alone.
   */
  private signature(
    group: PrincipalGroup,
    store: AccessTarget,
    requests: readonly AccessRequest[],
    probe: RequestContext,
  ): string | undefined {
    let signature = '';
    for (const request of requests) {
      signature += '/';
      for (const layer of group.layers) {
        signature += layer.tag;
        for (const statement of layer.statements) {
          const match = matchOf(statement, request.arn, probe);
          if (match === undefined) return undefined;
          if (match) signature += `,${this.idOf(statement)}`;
        }
      }
      // The store's own statements by position: its class fixes the policy up to its ARN.
      signature += 'R';
      for (const statement of store.policy?.statements ?? []) {
        const match = matchOf(statement, request.arn, probe);
        if (match === undefined) return undefined;
        signature += match ? '1' : '0';
      }
    }
    return signature;
  }

  private readonly storeShapes = new WeakMap<
    AccessTarget,
    { requests: AccessRequest[]; key: string | undefined }
  >();

  /**
   * A store's requests (without any caller's patterns) and its class with which of its own
   * statements match each: what tells stores apart for a caller whose statements apply to all.
   */
  private storeShape(store: AccessTarget): { requests: AccessRequest[]; key: string | undefined } {
    let shape = this.storeShapes.get(store);
    if (!shape) {
      const requests = accessRequests(store, this.actions, storeChildren(store));
      let key: string | undefined = `${this.classes.of(store)}\n${requests
        .map((r) => r.arn.slice(store.arn.length))
        .join('\u0001')}\n`;
      for (const request of requests) {
        key += '/';
        for (const statement of store.policy?.statements ?? []) {
          const match = statement.resources?.mayMatch(request.arn) ?? true;
          // A variable in the store's own policy: decided per caller.
          if (statement.resources?.patterns.some((p) => p.includes('${'))) key = undefined;
          if (key === undefined) break;
          key += match ? '1' : '0';
        }
        if (key === undefined) break;
      }
      shape = { requests, key };
      this.storeShapes.set(store, shape);
    }
    return shape;
  }

  private idOf(statement: CompiledStatement): number {
    let id = this.statementIds.get(statement);
    if (id === undefined) {
      id = this.statementIds.size;
      this.statementIds.set(statement, id);
    }
    return id;
  }

  /** The caller context for a store kind and account. */
  private contextFor(
    store: AccessTarget,
    member: IamPrincipal,
  ): Readonly<Record<string, ContextValue>> {
    const key = `${store.kind}\n${member.account}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = callerContext(store.kind, member.account);
      this.contexts.set(key, context);
    }
    return context;
  }

  private probe(
    principal: RequestPrincipal,
    context: Readonly<Record<string, ContextValue>>,
  ): RequestContext {
    let probe = this.probes.get(principal);
    if (!probe) {
      probe = new RequestContext({ principal, action: '', resource: '*', context });
      this.probes.set(principal, probe);
    }
    return probe;
  }
}

function matchOf(
  statement: CompiledStatement,
  arn: string,
  probe: RequestContext,
): boolean | undefined {
  return statement.resources ? statement.resources.matchWithout(arn, probe) : true;
}

const childrenOfStore = new WeakMap<AccessTarget, ChildPattern[]>();

function storeChildren(store: AccessTarget): ChildPattern[] {
  let children = childrenOfStore.get(store);
  if (!children) {
    children = childPatterns(store.facts?.allowPatterns ?? []);
    childrenOfStore.set(store, children);
  }
  return children;
}

/** Kind, account and policy template (as a short id): stores of one class may share answers. */
export class StoreClasses {
  private readonly templateIds = new Map<string, number>();
  private readonly keys = new WeakMap<AccessTarget, string>();

  of(store: AccessTarget): string {
    let key = this.keys.get(store);
    if (!key) {
      let policy = store.policyUnusable ? '!' : '-';
      if (store.template !== undefined) {
        let id = this.templateIds.get(store.template);
        if (id === undefined) {
          id = this.templateIds.size;
          this.templateIds.set(store.template, id);
        }
        policy = String(id);
      }
      key = `${store.kind}|${store.account}|${policy}|${store.restrictsOutsiders}`;
      this.keys.set(store, key);
    }
    return key;
  }
}

/** Principals as requests see them, with their organization when it is known. */
export function requestPrincipals(
  orgs: ReadonlyMap<string, string>,
): (member: IamPrincipal) => RequestPrincipal {
  const cache = new Map<IamPrincipal, RequestPrincipal>();
  return (member) => {
    let principal = cache.get(member);
    if (!principal) {
      const orgId = orgs.get(member.account);
      principal = orgId ? { ...requestPrincipalOf(member), orgId } : requestPrincipalOf(member);
      cache.set(member, principal);
    }
    return principal;
  };
}
