import type { Database } from '../../db/connection.js';
import { loggerFor } from '../../logging/logger.js';
import type { Rule } from '../catalog/rule-schema.js';
import type { RuleRun } from './rule-result.js';
import { runRule } from './run-rule.js';

/** Rules run two at a time: the database is the bottleneck, and it has two cores here. */
const CONCURRENCY = 2;

/** Runs every rule; results come back in the rules' order whatever order they finish in. */
export async function runRules(
  db: Database,
  rules: readonly Rule[],
  now: string,
): Promise<RuleRun[]> {
  const log = loggerFor({ stage: 'rules' });
  const runs: RuleRun[] = new Array<RuleRun>(rules.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < rules.length) {
      const index = next;
      next += 1;
      const rule = rules[index]!;
      const run = await runRule(db, rule, now);
      if (run.error) log.warn({ rule: rule.id, error: run.error }, 'rule could not run');
      log.debug({ rule: rule.id, ms: run.ms, results: run.results.length }, 'rule ran');
      runs[index] = run;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rules.length) }, worker));
  return runs;
}
