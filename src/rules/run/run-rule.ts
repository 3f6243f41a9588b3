import type { Database } from '../../db/connection.js';
import { redact } from '../../errors/redact.js';
import type { Rule } from '../catalog/rule-schema.js';
import type { Evaluator, RuleRow } from '../evaluator.js';
import { EVALUATORS } from '../evaluators/index.js';
import { plainValue } from './plain-value.js';
import { worse, type RuleResult, type RuleRun } from './rule-result.js';

const CHECK_STATUSES = new Set(['PASS', 'FAIL', 'NOT_APPLICABLE']);
/** A runaway query must not hold the analysis forever. */
const QUERY_TIMEOUT_MS = 300_000;

/** Runs one rule's query (and evaluator) over the graph. Never throws: a failure is the rule's ERROR. */
export async function runRule(db: Database, rule: Rule, now: string): Promise<RuleRun> {
  const start = performance.now();
  const elapsed = (): number => Math.round(performance.now() - start);
  let rows: Record<string, unknown>[];
  const session = db.session('READ');
  try {
    const answer = await session.executeRead(
      (tx) => tx.run(rule.query, { params: rule.check.params, now }),
      { timeout: QUERY_TIMEOUT_MS },
    );
    rows = answer.records.map((record) => plainValue(record.toObject()) as Record<string, unknown>);
  } catch (error) {
    return { ruleId: rule.id, results: [], error: queryError(error), ms: elapsed() };
  } finally {
    await session.close();
  }
  const evaluator = rule.check.evaluator ? EVALUATORS.get(rule.check.evaluator) : undefined;
  const byResource = new Map<string, RuleResult>();
  for (const [index, row] of rows.entries()) {
    const resource = row['resource'];
    if (typeof resource !== 'string' || resource === '') {
      return {
        ruleId: rule.id,
        results: [],
        error: `query row ${index + 1} has no "resource" id`,
        ms: elapsed(),
      };
    }
    const result = decide(rule, row, resource, now, evaluator);
    const earlier = byResource.get(resource);
    byResource.set(resource, earlier ? worse(earlier, result) : result);
  }
  return { ruleId: rule.id, results: [...byResource.values()], ms: elapsed() };
}

function decide(
  rule: Rule,
  row: Record<string, unknown>,
  resource: string,
  now: string,
  evaluator: Evaluator | undefined,
): RuleResult {
  const resourceType = stringOrNull(row['resourceType']);
  const base = {
    ruleId: rule.id,
    resource,
    ...(resourceType ? { resourceType } : {}),
    account: stringOrNull(row['account']),
    region: stringOrNull(row['region']),
  };
  const evidence = isRecord(row['evidence']) ? row['evidence'] : {};
  const message = stringOrNull(row['message']);
  const error = (why: string): RuleResult => ({
    ...base,
    status: 'ERROR',
    evidence,
    message: why,
  });
  if (!isRecord(row['evidence'])) return error('the query returned no "evidence" map');
  if (!evaluator) {
    const status = row['status'];
    if (typeof status !== 'string' || !CHECK_STATUSES.has(status)) {
      return error(`the query returned status ${JSON.stringify(status ?? null)}`);
    }
    return { ...base, status: status as RuleResult['status'], evidence, message };
  }
  const input: RuleRow = { ...base, evidence, message, params: rule.check.params, now };
  try {
    const verdict = evaluator(input);
    if (!CHECK_STATUSES.has(verdict.status)) {
      return error(`the evaluator returned status ${JSON.stringify(verdict.status)}`);
    }
    return {
      ...base,
      status: verdict.status,
      evidence: verdict.evidence ?? evidence,
      message: verdict.message ?? message,
    };
  } catch (thrown) {
    return error(`the evaluator failed: ${redact(firstLine(thrown))}`);
  }
}

function queryError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return `query failed${typeof code === 'string' ? ` (${code})` : ''}: ${redact(firstLine(error))}`;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n', 1)[0] ?? '').slice(0, 300);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
