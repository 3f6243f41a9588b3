import type { IamModel, IamPrincipal } from '../iam-model.js';
import type { ActionCatalog } from '../policy/index.js';
import { AccessEvaluator, requestPrincipals, StoreClasses } from './access-evaluator.js';
import { POLICY_KINDS } from './access-kind.js';
import { allConditional, isConditional, type AccessResult } from './access-result.js';
import type { AccessTarget } from './access-target.js';
import type { PolicyFacts } from './policy-facts.js';
import type { AccessActions } from './action-levels.js';
import type { PublicAudience } from './bucket-settings.js';
import { KeyDelegation } from './key-delegation.js';
import { principalGroups, type PrincipalGroup } from './principal-groups.js';
import { PublicLevels } from './public-levels.js';
import { TargetIndex } from './target-index.js';

/** One CAN_ACCESS edge: a principal (or the Internet) and what it gets on a store. */
export interface AccessEdge {
  readonly from: string;
  readonly to: string;
  readonly result: AccessResult;
  readonly conditional: boolean;
  /** Edges from the Internet: who the grant opens the store to. */
  readonly audience?: PublicAudience;
}

export interface AccessInputs {
  readonly catalog: ActionCatalog;
  readonly actions: AccessActions;
  readonly model: IamModel;
  readonly targets: readonly AccessTarget[];
  /** Admin-equivalent principals: their same-account edges are implied by `isAdmin`. */
  readonly admins: ReadonlySet<string>;
  /** Organization id per account, so `aws:PrincipalOrgID` conditions decide. */
  readonly orgs: ReadonlyMap<string, string>;
}

/**
 * Every principal's access to every store of the policy-decided kinds, one batch of edges at a
 * time so the caller can write while the next is evaluated. Per kind, principals are grouped by
 * their statements about the service; each group meets only the stores it could reach (its
 * account's stores its Allows name, stores whose policy names its account, everyone or one of
 * its members), and stores every statement treats alike share one evaluation per group.
 * Same-account edges from admin-equivalent principals are left out (`isAdmin` implies them),
 * except to KMS keys whose policy does not delegate to the account, and so are edges that give
 * no more than the store's Internet edges (a public bucket is not linked to every principal).
 */
export function* principalAccessEdges(inputs: AccessInputs): Generator<AccessEdge[]> {
  const principalOf = requestPrincipals(inputs.orgs);
  const classes = new StoreClasses();
  const strangers = new PublicLevels(inputs.catalog, inputs.actions);
  for (const kind of POLICY_KINDS) {
    const actions = inputs.actions.get(kind);
    const stores = inputs.targets.filter((t) => t.kind === kind);
    if (!actions || stores.length === 0) continue;
    const index = new TargetIndex(stores, actions.hasChild);
    const delegation = new KeyDelegation(inputs.catalog, actions);
    const usableByAdmins = (store: AccessTarget): boolean =>
      store.kind !== 'kms-key' || delegation.delegates(store);
    const pairs: PairContext = {
      evaluator: new AccessEvaluator(inputs.catalog, actions, principalOf, classes),
      strangers,
      implied: (member, store) =>
        inputs.admins.has(member.id) && member.account === store.account && usableByAdmins(store),
      impliedForAll: (group, store, members) =>
        group.account === store.account &&
        (members === group.members
          ? allAdmins(group, inputs.admins)
          : members.every((m) => inputs.admins.has(m.id))) &&
        usableByAdmins(store),
    };
    for (const group of principalGroups(inputs.model, actions.all)) {
      const own = index.sameAccount(group);
      const naming = index.namingAccount(group.account);
      const reachable = naming.length ? [...new Set([...own, ...naming])] : own;
      const named = namedOnly(index, group, reachable);
      for (const store of reachable) {
        const edges = edgesTo(pairs, group, store, group.members);
        if (edges.length > 0) yield edges;
      }
      for (const [store, members] of named) {
        const edges = edgesTo(pairs, group, store, members);
        if (edges.length > 0) yield edges;
      }
    }
  }
}

const adminGroups = new WeakMap<PrincipalGroup, boolean>();

/** Groups share statements, so their members are usually all admins or none. */
function allAdmins(group: PrincipalGroup, admins: ReadonlySet<string>): boolean {
  let all = adminGroups.get(group);
  if (all === undefined) {
    all = group.members.every((m) => admins.has(m.id));
    adminGroups.set(group, all);
  }
  return all;
}

/** Stores whose policy names a member by ARN and that the group does not reach otherwise. */
function namedOnly(
  index: TargetIndex,
  group: PrincipalGroup,
  reachable: readonly AccessTarget[],
): Map<AccessTarget, IamPrincipal[]> {
  const named = new Map<AccessTarget, IamPrincipal[]>();
  let seen: Set<AccessTarget> | undefined;
  for (const member of group.members) {
    for (const store of index.namingPrincipal(member.id)) {
      // Most groups have no member any policy names: only then is the set built.
      seen ??= new Set(reachable);
      if (!seen.has(store)) named.set(store, [...(named.get(store) ?? []), member]);
    }
  }
  return named;
}

/** What deciding the pairs of one kind needs. */
interface PairContext {
  readonly evaluator: AccessEvaluator;
  readonly strangers: PublicLevels;
  /** `isAdmin` already says the member reaches the store. */
  readonly implied: (member: IamPrincipal, store: AccessTarget) => boolean;
  /** `implied` holds for every member (of a group whose members are all admins). */
  readonly impliedForAll: (
    group: PrincipalGroup,
    store: AccessTarget,
    members: readonly IamPrincipal[],
  ) => boolean;
}

/**
 * The edges from some members of one group to one store: one evaluation for the members the
 * store treats alike, one each for those its policy singles out. Most pairs give nothing, so
 * the members are walked only once the shared answer is known to give something.
 */
function edgesTo(
  pairs: PairContext,
  group: PrincipalGroup,
  store: AccessTarget,
  members: readonly IamPrincipal[],
): AccessEdge[] {
  // Another account's store lets a caller in only through its policy.
  if (store.account !== group.account && (!store.policy || store.restrictsOutsiders)) return [];
  if (pairs.impliedForAll(group, store, members)) return [];
  const singles = store.facts !== undefined && singlesOut(store.facts);
  const alone = (m: IamPrincipal): boolean =>
    singles &&
    (store.facts?.principalSensitive === true || store.facts?.namedArns.has(m.id) === true);
  const first = members.find((m) => !alone(m) && !pairs.implied(m, store));
  const common = first ? pairs.evaluator.result(group, store, first, false) : undefined;
  if (!common && !singles) return [];
  const out: AccessEdge[] = [];
  for (const m of members) {
    if (pairs.implied(m, store)) continue;
    if (!alone(m)) {
      if (common) out.push(edgeOf(m, store, common));
      continue;
    }
    const result = pairs.evaluator.result(group, store, m, true);
    if (result) out.push(edgeOf(m, store, result));
  }
  // Whatever strangers get, every principal gets: such edges say no more than the Internet's.
  const covered = new Map<AccessResult, boolean>();
  return out.filter((edge) => {
    let cover = covered.get(edge.result);
    if (cover === undefined) {
      cover = pairs.strangers.cover(store, edge.result);
      covered.set(edge.result, cover);
    }
    return !cover;
  });
}

function singlesOut(facts: PolicyFacts): boolean {
  return facts.principalSensitive || facts.namedArns.size > 0;
}

function edgeOf(member: IamPrincipal, store: AccessTarget, result: AccessResult): AccessEdge {
  // A boundary or store policy Cairn could not read might refuse anything.
  const unsure = member.boundaryUnknown || store.policyUnusable;
  const shown = unsure ? unsureResults(result) : result;
  return { from: member.id, to: store.id, result: shown, conditional: isConditional(shown) };
}

/** Results shared by many edges stay shared objects (their evidence is encoded once). */
const unsure = new WeakMap<AccessResult, AccessResult>();

function unsureResults(result: AccessResult): AccessResult {
  let shown = unsure.get(result);
  if (!shown) {
    shown = allConditional(result);
    unsure.set(result, shown);
  }
  return shown;
}
