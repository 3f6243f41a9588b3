import type { Rule } from '../catalog/rule-schema.js';
import type { RuleResult, RuleRun } from '../run/rule-result.js';
import { findingId, findingPriority, type StoredFinding } from './finding.js';

/** What the store already holds of a finding, as far as its lifecycle needs. */
export type PriorFinding = Pick<
  StoredFinding,
  'id' | 'ruleId' | 'state' | 'firstSeen' | 'reopenedAt' | 'reopenCount' | 'resolvedAt'
>;

export interface LifecycleChange {
  /** Findings to write, whole (suppression fields are filled in afterwards). */
  readonly upserts: StoredFinding[];
  /** Ids of findings that stopped failing in this run. */
  readonly resolved: string[];
  readonly opened: number;
  readonly reopened: number;
}

interface RunContext {
  readonly rules: ReadonlyMap<string, Rule>;
  readonly runId: string;
  readonly now: string;
  readonly onAttackPath: ReadonlySet<string>;
}

/**
 * One scan run's effect on the findings: a FAIL opens (or reopens, or refreshes) its finding; an
 * open finding whose rule ran and no longer fails on that resource is resolved. A rule that could
 * not run, or a resource its evaluator could not decide, leaves earlier findings exactly as they were.
 */
export function applyRun(
  runs: readonly RuleRun[],
  prior: ReadonlyMap<string, PriorFinding>,
  context: RunContext,
): LifecycleChange {
  const upserts: StoredFinding[] = [];
  const stillOpen = new Set<string>();
  const ranRules = new Set<string>();
  let opened = 0;
  let reopened = 0;
  for (const run of runs) {
    if (run.error) continue;
    ranRules.add(run.ruleId);
    const rule = context.rules.get(run.ruleId);
    if (!rule) continue;
    for (const result of run.results) {
      const id = findingId(run.ruleId, result.resource);
      if (result.status === 'ERROR') stillOpen.add(id);
      if (result.status !== 'FAIL') continue;
      stillOpen.add(id);
      const before = prior.get(id);
      const recurs = before?.state === 'RESOLVED';
      if (!before) opened += 1;
      if (recurs) reopened += 1;
      upserts.push(failing(rule, result, id, before, recurs, context));
    }
  }
  const resolved: string[] = [];
  for (const finding of prior.values()) {
    if (finding.state === 'OPEN' && ranRules.has(finding.ruleId) && !stillOpen.has(finding.id)) {
      resolved.push(finding.id);
    }
  }
  return { upserts, resolved, opened, reopened };
}

function failing(
  rule: Rule,
  result: RuleResult,
  id: string,
  before: PriorFinding | undefined,
  recurs: boolean,
  context: RunContext,
): StoredFinding {
  const onAttackPath = context.onAttackPath.has(result.resource);
  return {
    id,
    ruleId: rule.id,
    resource: result.resource,
    resourceType: result.resourceType ?? rule.resourceType,
    account: result.account,
    region: result.region,
    severity: rule.severity,
    state: 'OPEN',
    firstSeen: before?.firstSeen ?? context.now,
    lastSeen: context.now,
    // A finding that recurs keeps when it was last resolved, as history.
    resolvedAt: before?.resolvedAt ?? null,
    reopenedAt: recurs ? context.now : (before?.reopenedAt ?? null),
    reopenCount: (before?.reopenCount ?? 0) + (recurs ? 1 : 0),
    lastScanRun: context.runId,
    evidence: boundedEvidence(result.evidence),
    message: result.message,
    onAttackPath,
    priority: findingPriority(rule.severity, onAttackPath),
    suppressionId: null,
    suppressionReason: null,
    suppressionBy: null,
    suppressionExpires: null,
  };
}

/** Evidence is for reading: a check that returns megabytes (a team's own rule) is cut, and says so. */
export const MAX_EVIDENCE_CHARS = 64 * 1024;

function boundedEvidence(evidence: Readonly<Record<string, unknown>>): string {
  const text = JSON.stringify(evidence);
  if (text.length <= MAX_EVIDENCE_CHARS) return text;
  return JSON.stringify({
    truncated: true,
    originalChars: text.length,
    keys: Object.keys(evidence).slice(0, 100),
  });
}
