import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { loadRuleCatalog, type RuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import { queryFindings } from '../../src/rules/findings/query-findings.js';
import { openTestGraph } from '../support/graph.js';
import { readRuleFixture } from '../support/rule-fixture.js';

// Findings on resources an attacker can reach are marked and ranked first: the internet reaches
// the web instances (and through the security group that lets it in), so their findings carry
// onAttackPath and a raised priority.
const FIXTURE = 'test/cases/rules/aws/aws-ec2-imdsv1-internet-reachable/fail.json';
const INSTANCE = 'arn:aws:ec2:eu-west-1:111111111111:instance/i-0imdsv1';
const GROUP = 'arn:aws:ec2:eu-west-1:111111111111:security-group/sg-0web';

let db: Database;
let catalog: RuleCatalog;

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  const fixture = readRuleFixture('aws-ec2-imdsv1-internet-reachable', FIXTURE);
  for (const scope of fixture.scopes) await loadScope(db, scope);
  catalog = await loadRuleCatalog();
  await runAnalysis(db, new Date(fixture.now), { posture: { catalog } });
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

it('marks findings on internet-reached resources and what lets the traffic in, and ranks them first', async () => {
  const page = await queryFindings(
    db,
    catalog,
    { resources: [INSTANCE, GROUP] },
    { first: 50 },
    new Date().toISOString(),
  );
  const byRule = new Map(page.findings.map((f) => [`${f.ruleId} ${f.resource}`, f]));
  expect(byRule.get(`aws-ec2-imdsv1-internet-reachable ${INSTANCE}`)).toMatchObject({
    onAttackPath: true,
    severity: 'critical',
    priority: 100,
  });
  // The group that opens SSH to the world lets the internet in: its finding is on the path too.
  expect(byRule.get(`aws-sg-admin-ports-ipv4 ${GROUP}`)).toMatchObject({
    onAttackPath: true,
    severity: 'high',
    priority: 80,
  });
  // Highest priority first.
  const priorities = page.findings.map((f) => f.priority);
  expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  const off = await queryFindings(
    db,
    catalog,
    { onAttackPath: false, resources: [INSTANCE, GROUP] },
    { first: 50 },
    new Date().toISOString(),
  );
  expect(off.totalCount).toBe(0);
});
