import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { idMatcher } from '../../src/rules/catalog/id-glob.js';
import { loadRuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import type { Rule } from '../../src/rules/catalog/rule-schema.js';
import { runRule } from '../../src/rules/run/run-rule.js';
import { openTestGraph } from '../support/graph.js';
import { fixtureFolders, readRuleFixture } from '../support/rule-fixture.js';

// Every rule's fixtures (test/cases/rules/<cloud>/<rule-id>/*.json, docs/rules/format.md) are
// loaded into the real Neo4j one at a time, analyzed when they ask to be, and the rule must give
// each listed resource exactly the expected status. CAIRN_RULES=<glob> narrows the run.
const catalog = await loadRuleCatalog();
const only = idMatcher(process.env['CAIRN_RULES'] ?? '*');
const folders = fixtureFolders();
const rules = catalog.rules.filter((rule) => only(rule.id));

let db: Database;

beforeAll(async () => {
  db = await openTestGraph();
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule: Rule) => {
  const files = folders.get(rule.id) ?? [];

  it('has a passing and a failing fixture', () => {
    const names = files.map((file) => file.split('/').pop());
    expect(names).toContain('pass.json');
    expect(names).toContain('fail.json');
  });

  it.each(files)('%s', async (file) => {
    const fixture = readRuleFixture(rule.id, file);
    // Each fixture sees only its own records: rules judge the whole graph.
    await resetGraph(db);
    for (const scope of fixture.scopes) await loadScope(db, scope, { source: file });
    if (fixture.analyze) await runAnalysis(db, new Date(fixture.now), { posture: false });
    const run = await runRule(db, rule, fixture.now);
    expect(run.error, `${rule.id} could not run`).toBeUndefined();
    const errors = run.results.filter((result) => result.status === 'ERROR');
    expect(errors, 'no resource may be ERROR').toEqual([]);
    const got = new Map(run.results.map((result) => [result.resource, result]));
    for (const [resource, status] of Object.entries(fixture.expect)) {
      const result = got.get(resource);
      expect(result, `${rule.id} returned no row for ${resource}`).toBeDefined();
      expect(
        { resource, status: result?.status },
        `${fixture.description}: ${result?.message ?? ''} ${JSON.stringify(result?.evidence)}`,
      ).toEqual({ resource, status });
      if (status === 'FAIL') {
        expect(Object.keys(result?.evidence ?? {}), 'a FAIL carries evidence').not.toEqual([]);
      }
    }
  });
});

it('the shipped rule catalog loads without problems', () => {
  expect(catalog.problems).toEqual([]);
});
