import { afterAll, beforeAll, bench, describe } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { readTransaction } from '../../src/db/transactions.js';
import { loadScope } from '../../src/load/load-scope.js';
import { loadRuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import type { RuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import { runPosture } from '../../src/rules/run-posture.js';
import { runRules } from '../../src/rules/run/run-rules.js';
import { openTestGraph } from '../support/graph.js';
import { countResources, ESTATE_NOW, syntheticEstate } from '../../src/seed/synthetic-estate.js';

// Issue 5: every shipped rule over an estate of 100,000 resources, target under 30 s. The graph
// is reset first: this bench owns its database (run it with its own CAIRN_HOME and port).
// The generator lands about 1% under what it is asked for; ask for enough to judge 100,000.
const RESOURCES = 101_200;
let db: Database;
let catalog: RuleCatalog;
const report: string[] = [];
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
let iteration = 0;

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  const t0 = performance.now();
  const scopes = syntheticEstate(RESOURCES);
  const t1 = performance.now();
  for (const scope of scopes) await loadScope(db, scope, { source: 'synthetic posture estate' });
  const t2 = performance.now();
  const analysis = await runAnalysis(db, new Date(ESTATE_NOW), { posture: false });
  const t3 = performance.now();
  report.push(
    `setup: generate ${seconds(t1 - t0)} (${countResources(scopes)} resources in ${scopes.length} scopes, ` +
      `${scopes.reduce((n, s) => n + s.relationships.length, 0)} rels); load ${seconds(t2 - t1)}; ` +
      `analysis ${seconds(t3 - t2)} (${analysis.canAssume.edges} CAN_ASSUME, ${analysis.escalations.edges} CAN_ESCALATE, ` +
      `${analysis.reachability.reached} REACHES, data access ${JSON.stringify(analysis.dataAccess)})`,
  );
  report.push(`nodes by label: ${JSON.stringify(await countByLabel(db))}`);

  catalog = await loadRuleCatalog();
  report.push(
    `catalog: ${catalog.rules.length} rules, ${catalog.frameworks.length} frameworks, ${catalog.problems.length} problems`,
  );
  // One bare rules pass (queries and evaluators, nothing written) to see which rules cost most.
  const t4 = performance.now();
  const runs = await runRules(db, catalog.rules, ESTATE_NOW);
  const t5 = performance.now();
  const counts = { PASS: 0, FAIL: 0, NOT_APPLICABLE: 0, ERROR: 0 };
  for (const run of runs) for (const result of run.results) counts[result.status] += 1;
  const errors = runs.filter((run) => run.error).map((run) => `${run.ruleId}: ${run.error}`);
  report.push(
    `runRules alone: ${seconds(t5 - t4)} wall, ${seconds(runs.reduce((n, r) => n + r.ms, 0))} summed over rules; ` +
      `results ${JSON.stringify(counts)}; rule errors ${errors.length ? errors.join(' | ') : 'none'}`,
  );
  const slowest = [...runs].sort((a, b) => b.ms - a.ms).slice(0, 10);
  for (const run of slowest) {
    const rule = catalog.rules.find((r) => r.id === run.ruleId);
    const query = rule ? await queryOnly(db, rule.query, rule.check.params) : NaN;
    const fails = run.results.filter((r) => r.status === 'FAIL').length;
    report.push(
      `  ${run.ruleId}: ${run.ms} ms (query alone ${query} ms, evaluator ${rule?.check.evaluator ?? '-'}), ` +
        `${run.results.length} results, ${fails} FAIL`,
    );
  }
}, 1_800_000);

afterAll(async () => {
  clearInterval(sample);
  console.log(
    `${report.join('\n')}\npeak RSS of the Cairn process: ${Math.round(peakRss / 1048576)} MiB`,
  );
  await db.close();
}, 600_000);

describe(`posture: every rule over ${RESOURCES.toLocaleString('en')} resources`, () => {
  bench(
    'runPosture (run 1: findings opened; run 2: findings exist)',
    async () => {
      iteration += 1;
      const t0 = performance.now();
      const summary = await runPosture(db, `posture-bench-${iteration}`, ESTATE_NOW, { catalog });
      const t1 = performance.now();
      report.push(
        `runPosture run ${iteration}: ${seconds(t1 - t0)}; ${summary.rules} rules, results ${JSON.stringify(summary.results)}, ` +
          `findings ${JSON.stringify(summary.findings)}, ${summary.ruleErrors.length} rule errors`,
      );
    },
    { iterations: 2, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});

async function countByLabel(db: Database): Promise<Record<string, number>> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run(
      `MATCH (n:Entity) WHERE coalesce(n.stub, false) = false
       WITH [l IN labels(n) WHERE l STARTS WITH 'AWS' OR l IN ['Internet', 'CoverageGap']][0] AS label
       RETURN label, count(*) AS n ORDER BY n DESC`,
    );
    return Object.fromEntries(
      result.records.map((r) => [String(r.get('label')), Number(r.get('n'))]),
    );
  });
}

/** One rule's query alone, rows fetched but not evaluated, in milliseconds. */
async function queryOnly(db: Database, query: string, params: unknown): Promise<number> {
  const start = performance.now();
  await readTransaction(db, (tx) => tx.run(query, { params: params ?? {}, now: ESTATE_NOW }));
  return Math.round(performance.now() - start);
}
