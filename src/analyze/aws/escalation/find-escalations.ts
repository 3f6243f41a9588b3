import { adminIds, adminResults } from '../admin/admin-results.js';
import type { AssumeEdge } from '../assume/can-assume.js';
import type { IamModel, IamPrincipal } from '../iam-model.js';
import type { ActionCatalog } from '../policy/index.js';
import { becomeEdges, type AccountPrincipals } from './become-techniques.js';
import { CallerChecks } from './caller-checks.js';
import { ASSUME_ROLE_TECHNIQUE } from './catalog/index.js';
import type { EscalationEdge } from './escalation-edge.js';
import { EscalationEnv } from './escalation-env.js';
import { AdminMemo, grantEdges } from './grant-techniques.js';
import { ResourceIndex } from './resource-index.js';
import { resourceEdges } from './resource-techniques.js';
import type { Technique } from './technique.js';

export interface EscalationResult {
  readonly edges: readonly EscalationEdge[];
  /** Principals admin-equivalent by their own permissions: no technique is derived from them. */
  readonly admins: ReadonlySet<string>;
}

const BECOME = new Set(['user-credentials', 'rewrite-trust', 'pass-role']);
/** Becoming a role by acting on an existing resource that runs as it. */
const ON_RESOURCE = 'existing-resource';

/** Every edge {@link escalationsByCaller} derives, with the admin-equivalent principals. */
export function findEscalations(
  model: IamModel,
  catalog: ActionCatalog,
  techniques: readonly Technique[],
  assumeEdges: readonly AssumeEdge[],
  resources: ResourceIndex = new ResourceIndex(),
): EscalationResult {
  const admins = adminIds(adminResults(catalog, model));
  const edges: EscalationEdge[] = [];
  for (const batch of escalationsByCaller(
    model,
    catalog,
    techniques,
    assumeEdges,
    admins,
    resources,
  )) {
    edges.push(...batch);
  }
  return { edges, admins };
}

/**
 * Every technique of the catalog for every principal that is not already admin-equivalent:
 * first the ways to become another principal, then the ways to make itself — or a principal it
 * can become — admin-equivalent. Role assumption edges come in from the trust analysis, the
 * admin-equivalent principals from the admin analysis, and the resources that run as roles
 * (for techniques that act on them) from the resource read. Yields one caller's edges at a
 * time, one per (target, technique), so they can be written as they come.
 */
export function* escalationsByCaller(
  model: IamModel,
  catalog: ActionCatalog,
  techniques: readonly Technique[],
  assumeEdges: readonly AssumeEdge[],
  admins: ReadonlySet<string>,
  resources: ResourceIndex = new ResourceIndex(),
): Generator<EscalationEdge[]> {
  const env = new EscalationEnv(catalog, model);
  const memo = new AdminMemo();
  const byId = new Map(model.principals.map((p) => [p.id, p]));
  const accounts = principalsByAccount(model.principals);
  const becomeTechniques = techniques.filter((t) => BECOME.has(t.shape.kind));
  const resourceTechniques = techniques.filter((t) => t.shape.kind === ON_RESOURCE);
  const grantTechniques = techniques.filter(
    (t) => !BECOME.has(t.shape.kind) && t.shape.kind !== ON_RESOURCE,
  );
  const assumeFrom = groupAssume(assumeEdges);
  for (const caller of model.principals) {
    const edges: EscalationEdge[] = [];
    if (admins.has(caller.id)) continue;
    const checks = new CallerChecks(caller);
    const account = accounts.get(caller.account) ?? { users: [], roles: [] };
    const becomes: EscalationEdge[] = [...(assumeFrom.get(caller.id) ?? [])];
    for (const technique of becomeTechniques) {
      if (!technique.needs.every((need) => checks.mentions(need.action))) continue;
      becomes.push(...becomeEdges(technique, checks, account, env));
    }
    for (const technique of resourceTechniques) {
      const { shape } = technique;
      // Optional actions (invoking the function) are no reason to skip the technique.
      const required = technique.needs.filter((need) => need.otherwise === undefined);
      if (shape.kind !== ON_RESOURCE || !required.every((n) => checks.mentions(n.action))) continue;
      const ofKind = resources.byRole(caller.account, shape.resource);
      if (ofKind.size > 0) becomes.push(...resourceEdges(technique, checks, ofKind, byId));
    }
    edges.push(...becomes.filter((edge) => edge.technique !== ASSUME_ROLE_TECHNIQUE));
    const targets = new Map<string, EscalationEdge | undefined>([[caller.id, undefined]]);
    for (const edge of becomes) {
      const best = targets.get(edge.to);
      if (!targets.has(edge.to) || (best?.conditional && !edge.conditional))
        targets.set(edge.to, edge);
    }
    for (const technique of grantTechniques) {
      if (!technique.needs.every((need) => checks.mentions(need.action))) continue;
      for (const [targetId, becoming] of targets) {
        const target = byId.get(targetId);
        // Same-account IAM only; an admin target needs no grant, becoming it is enough.
        if (!target || target.account !== caller.account || admins.has(targetId)) continue;
        edges.push(...grantEdges(technique, checks, target, becoming, env, memo));
      }
    }
    if (edges.length > 0) yield onePerTechnique(edges);
  }
}

/** One edge per (target, technique): an unconditional one when there is a choice. */
function onePerTechnique(edges: readonly EscalationEdge[]): EscalationEdge[] {
  const kept = new Map<string, EscalationEdge>();
  for (const edge of edges) {
    const key = `${edge.to}\n${edge.technique}`;
    const seen = kept.get(key);
    if (!seen || (seen.conditional && !edge.conditional)) kept.set(key, edge);
  }
  return [...kept.values()];
}

function principalsByAccount(principals: readonly IamPrincipal[]): Map<string, AccountPrincipals> {
  const out = new Map<string, { users: IamPrincipal[]; roles: IamPrincipal[] }>();
  for (const principal of principals) {
    const entry = out.get(principal.account) ?? { users: [], roles: [] };
    (principal.kind === 'user' ? entry.users : entry.roles).push(principal);
    out.set(principal.account, entry);
  }
  return out;
}

/** Trust-analysis edges in the escalation shape, grouped by caller. */
function groupAssume(edges: readonly AssumeEdge[]): Map<string, EscalationEdge[]> {
  const out = new Map<string, EscalationEdge[]>();
  for (const edge of edges) {
    const list = out.get(edge.from) ?? [];
    list.push({
      from: edge.from,
      to: edge.to,
      technique: edge.technique,
      actions: [edge.action],
      grantsAdmin: false,
      conditional: edge.conditional,
      pending: edge.decision.pending,
      preconditions: [],
      evidence: [
        { action: 'sts:AssumeRole', resource: edge.to, decidedBy: edge.decision.decidedBy },
      ],
    });
    out.set(edge.from, list);
  }
  return out;
}
