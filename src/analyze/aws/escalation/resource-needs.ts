import type { EstateResource } from '../estate/resource-estate.js';
import type { PendingCondition } from '../policy/index.js';
import type { CallerChecks } from './caller-checks.js';
import type { ActionEvidence } from './escalation-edge.js';
import { evaluateNeeds, type NeedsOutcome } from './need-outcome.js';
import { RESOURCE_ROLE, type ActionNeed } from './technique.js';

/** The needs of a technique on one existing resource, with what stands in for optional ones. */
export interface ResourceNeedsOutcome extends NeedsOutcome {
  /** Preconditions that replace optional actions the caller may not do. */
  readonly preconditions: readonly string[];
  /** Those optional actions, which the edge then does not rely on. */
  readonly skipped: readonly string[];
}

/**
 * Evaluates a technique's needs on one existing resource: each action on the resource's ARN
 * (and on the further ARNs AWS checks with it), in the resource's region, so Deny statements,
 * boundaries, SCPs and conditions apply exactly as they would to the attacker's request.
 * Undefined when a required action is denied.
 */
export function evaluateResourceNeeds(
  checks: CallerChecks,
  needs: readonly ActionNeed[],
  resource: EstateResource,
): ResourceNeedsOutcome | undefined {
  const pending: PendingCondition[] = [];
  const evidence: ActionEvidence[] = [];
  const preconditions: string[] = [];
  const skipped: string[] = [];
  let conditional = false;
  for (const need of needs) {
    const { context, key } = contextFor(need, resource);
    const outcome =
      need.on === 'resource'
        ? onResource(checks, need, resource, context, key)
        : // Something the attacker makes or picks for it (a layer): any name their policies allow.
          checks.remember(`${need.action}\n${key}`, () =>
            evaluateNeeds(checks, [{ ...need, context }], {}),
          );
    if (!outcome) {
      if (need.otherwise === undefined) return undefined;
      preconditions.push(need.otherwise);
      skipped.push(need.action);
      continue;
    }
    conditional ||= outcome.conditional;
    pending.push(...outcome.pending);
    evidence.push(...outcome.evidence);
  }
  return { conditional, pending, evidence, preconditions, skipped };
}

/** The action on the resource and on every further ARN it needs: all must be allowed. */
function onResource(
  checks: CallerChecks,
  need: ActionNeed,
  resource: EstateResource,
  context: Readonly<Record<string, string>>,
  contextKey: string,
): NeedsOutcome | undefined {
  const arns = [resource.id, ...(need.alsoOn ?? []).map((template) => fill(template, resource))];
  const pending: PendingCondition[] = [];
  const evidence: ActionEvidence[] = [];
  let conditional = false;
  for (const arn of arns) {
    // Most callers' statements name no resource: decide once for the whole account.
    const wide = arn === resource.id && checks.resourceFree(need.action);
    if (!wide && !checks.mayDo(need.action, arn)) return undefined;
    const decision = wide
      ? checks.decideAccountWide(need.action, arn, resource.account, context, contextKey)
      : checks.decide(need.action, arn, context);
    if (decision.decision === 'denied') return undefined;
    if (decision.decision === 'conditional') {
      conditional = true;
      pending.push(...decision.pending);
    }
    evidence.push({ action: need.action, resource: arn, decidedBy: decision.decidedBy });
  }
  return { conditional, pending, evidence };
}

interface NeedContext {
  readonly context: Readonly<Record<string, string>>;
  /** The context as a string, for memo keys. */
  readonly key: string;
}

/** Contexts by need, then by region and role: the same few serve every caller and resource. */
const contexts = new WeakMap<ActionNeed, Map<string, NeedContext>>();

/**
 * The request context of a need on a resource: what the technique sets (the stack's own role
 * for `cloudformation:RoleArn`) and the region the attacker calls — the resource's, which SCPs
 * often test.
 */
function contextFor(need: ActionNeed, resource: EstateResource): NeedContext {
  let byPlace = contexts.get(need);
  if (!byPlace) {
    byPlace = new Map();
    contexts.set(need, byPlace);
  }
  const usesRole = Object.values(need.context ?? {}).includes(RESOURCE_ROLE);
  const place = usesRole ? `${resource.region}\n${resource.role ?? ''}` : resource.region;
  let found = byPlace.get(place);
  if (!found) {
    const context: Record<string, string> = {};
    for (const [key, value] of Object.entries(need.context ?? {})) {
      context[key] = value === RESOURCE_ROLE ? (resource.role ?? '') : value;
    }
    context['aws:RequestedRegion'] = resource.region;
    found = { context, key: JSON.stringify(context) };
    byPlace.set(place, found);
  }
  return found;
}

/** An ARN template filled from the resource: `{partition}`, `{region}`, `{account}`. */
function fill(template: string, resource: EstateResource): string {
  const partition = resource.id.split(':')[1] ?? 'aws';
  return template
    .replaceAll('{partition}', partition)
    .replaceAll('{region}', resource.region)
    .replaceAll('{account}', resource.account);
}
