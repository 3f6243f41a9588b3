import type { Database } from '../db/connection.js';
import { writeNamed } from '../db/transactions.js';
import type { CatalogProblem } from './catalog/catalog-problem.js';
import type { RuleCatalog } from './catalog/rule-catalog.js';
import {
  buildComplianceView,
  frameworkScore,
  type FrameworkScore,
} from './compliance/compliance-view.js';
import { readTallies } from './compliance/read-tallies.js';
import { attackPathResources } from './findings/attack-path-resources.js';
import { readPriorFindings, resolveFindings, writeFindings } from './findings/finding-store.js';
import { applyRun } from './findings/lifecycle.js';
import type { RuleRun } from './run/rule-result.js';
import { runRules } from './run/run-rules.js';
import { applySuppressions } from './suppressions/apply-suppressions.js';
import type { Suppression } from './suppressions/suppression.js';
import { replaceFileSuppressions } from './suppressions/suppression-store.js';

export interface PostureSummary {
  readonly runId: string;
  readonly rules: number;
  readonly ruleErrors: readonly { readonly ruleId: string; readonly error: string }[];
  readonly results: Readonly<Record<'PASS' | 'FAIL' | 'NOT_APPLICABLE' | 'ERROR', number>>;
  readonly findings: {
    readonly opened: number;
    readonly reopened: number;
    readonly resolved: number;
    readonly failing: number;
  };
  readonly compliance: Readonly<Record<string, FrameworkScore>>;
  /** Rule and framework files that were rejected (the rest ran). */
  readonly problems: readonly CatalogProblem[];
}

export interface PostureOptions {
  readonly catalog: RuleCatalog;
  /** The reviewed suppressions file's entries, when one was given: they replace the stored ones. */
  readonly fileSuppressions?: readonly Suppression[];
}

/**
 * The rules stage of `cairn analyze`: runs every rule, moves findings through their lifecycle,
 * applies suppressions and records the scan run with each framework's score.
 */
export async function runPosture(
  db: Database,
  runId: string,
  now: string,
  options: PostureOptions,
): Promise<PostureSummary> {
  const { catalog } = options;
  if (options.fileSuppressions) await replaceFileSuppressions(db, options.fileSuppressions);
  const runs = await runRules(db, catalog.rules, now);
  const onAttackPath = await attackPathResources(db);
  const prior = await readPriorFindings(db);
  const change = applyRun(runs, prior, {
    rules: new Map(catalog.rules.map((rule) => [rule.id, rule])),
    runId,
    now,
    onAttackPath,
  });
  await writeFindings(db, change.upserts);
  await resolveFindings(db, change.resolved, now, runId);
  await applySuppressions(db, now);
  await writeNamed(db, 'findings/write-scan-run', {
    run: { id: runId, startedAt: now, rules: catalog.rules.length, compliance: '{}' },
    evaluations: runs.map((run) => ({ id: `${runId}/${run.ruleId}`, ...evaluationRow(run) })),
  });
  const tallies = await readTallies(db, runId, now);
  const compliance = Object.fromEntries(
    catalog.frameworks.map((framework) => [
      framework.id,
      frameworkScore(buildComplianceView(catalog, framework, tallies)),
    ]),
  );
  await writeNamed(db, 'findings/set-scan-run-compliance', {
    id: runId,
    compliance: JSON.stringify(compliance),
  });
  const results = { PASS: 0, FAIL: 0, NOT_APPLICABLE: 0, ERROR: 0 };
  for (const run of runs) for (const result of run.results) results[result.status] += 1;
  return {
    runId,
    rules: catalog.rules.length,
    ruleErrors: runs.flatMap((run) =>
      run.error ? [{ ruleId: run.ruleId, error: run.error }] : [],
    ),
    results,
    findings: {
      opened: change.opened,
      reopened: change.reopened,
      resolved: change.resolved.length,
      failing: change.upserts.length,
    },
    compliance,
    problems: catalog.problems,
  };
}

/** Counts per `account|region`: [pass, fail, not applicable, error]. */
function evaluationRow(run: RuleRun): Record<string, unknown> {
  const counts: Record<string, [number, number, number, number]> = {};
  const slot = { PASS: 0, FAIL: 1, NOT_APPLICABLE: 2, ERROR: 3 } as const;
  for (const result of run.results) {
    const key = `${result.account ?? ''}|${result.region ?? ''}`;
    const entry = (counts[key] ??= [0, 0, 0, 0]);
    entry[slot[result.status]] += 1;
  }
  return {
    ruleId: run.ruleId,
    error: run.error ?? null,
    ms: run.ms,
    counts: JSON.stringify(counts),
  };
}
