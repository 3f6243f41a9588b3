import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { readTransaction } from '../../src/db/transactions.js';
import { loadScope } from '../../src/load/load-scope.js';
import { Provider } from '../../src/model/provider.js';
import { loadRuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { cairn } from '../support/cli.js';
import { openTestGraph } from '../support/graph.js';
import { node } from '../support/records.js';
import { testRulesDir } from '../support/test-rules-dir.js';

// The findings API (filters, pages, suppress/unsuppress, the compliance view) and `cairn analyze`
// with a broken rule file and with a suppressions file, over a catalog the test controls.
const ACCOUNT = '310987654321';
const arn = (name: string): string => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const FIXTURES = 'test/fixtures/rules-lifecycle';
const read = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const RULES = testRulesDir({
  'rules/test/test-user-mfa.yaml': read('user-mfa.yaml'),
  'cypher/rules/test/test-user-mfa.cypher': read('user-mfa.cypher'),
  'rules/frameworks/test-framework.yaml': read('framework.yaml'),
});
// The API loads its catalog once per process, from here.
process.env['CAIRN_RULES_DIR'] = RULES;

let db: Database;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  return runOperation(createContext(db), { query, variables });
}

const FINDINGS = `query Findings($filter: FindingFilter, $first: Int, $after: String) {
  findings(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id status severity priority resourceId account evidence
      rule { id title remediation { text } } resource { id } controls { framework control }
      suppression { reason by active } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const COMPLIANCE = `query Compliance($framework: String!) {
  compliance(framework: $framework) {
    framework { id controlCount }
    score
    statusCounts { pass fail manual notAssessed }
    controls { id status passed failed suppressed failingResources { resourceId } }
    byAccount { key score passed failed }
    trend { runId score }
  }
}`;

async function scanRuns(): Promise<number> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run('MATCH (r:CairnScanRun) RETURN count(r) AS n');
    return result.records[0]?.get('n') as number;
  });
}

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  await loadScope(db, {
    scope: { provider: Provider.AWS, id: ACCOUNT },
    nodes: [
      node('AWSUser', arn('alice'), { name: 'alice', hasConsolePassword: true, mfaActive: false }),
      node('AWSUser', arn('bob'), { name: 'bob', hasConsolePassword: true, mfaActive: false }),
      node('AWSUser', arn('carol'), { name: 'carol', hasConsolePassword: true, mfaActive: true }),
    ],
    relationships: [],
  });
  await runAnalysis(db, new Date(), { posture: { catalog: await loadRuleCatalog(RULES) } });
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('findings', () => {
  it('pages through open findings with their rule, resource and controls', async () => {
    const first = await gql(FINDINGS, { filter: { statuses: ['OPEN'] }, first: 1 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data?.['findings'] as {
      totalCount: number;
      edges: { node: Record<string, unknown> }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(FINDINGS, {
      filter: { statuses: ['OPEN'] },
      first: 5,
      after: page1.pageInfo.endCursor,
    });
    const page2 = second.data?.['findings'] as typeof page1;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const ids = [...page1.edges, ...page2.edges].map((e) => e.node['resourceId']);
    expect(ids.sort()).toEqual([arn('alice'), arn('bob')]);
    expect(page1.edges[0]?.node).toMatchObject({
      status: 'OPEN',
      severity: 'HIGH',
      priority: 70,
      account: ACCOUNT,
      evidence: { mfaActive: false },
      rule: { id: 'test-user-mfa', title: 'Console users have MFA' },
      controls: [{ framework: 'test-framework', control: '1' }],
      suppression: null,
    });
    expect((page1.edges[0]?.node['resource'] as { id: string }).id).toBe(
      page1.edges[0]?.node['resourceId'],
    );
  });

  it('filters by severity, framework and control, and refuses unknown ones', async () => {
    const count = async (filter: Record<string, unknown>) =>
      ((await gql(FINDINGS, { filter })).data?.['findings'] as { totalCount: number }).totalCount;
    expect(await count({ severities: ['LOW'] })).toBe(0);
    expect(await count({ framework: 'test-framework', control: '1' })).toBe(2);
    expect(await count({ framework: 'test-framework', control: '2' })).toBe(0);
    const unknown = await gql(FINDINGS, { filter: { framework: 'nope' } });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('BAD_INPUT');
    const badCursor = await gql(FINDINGS, { after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]?.message).toContain('after');
  });

  it('suppresses one finding with a reason and who, and unsuppresses it', async () => {
    const suppress = await gql(
      `mutation { suppress(input: { findingId: "test-user-mfa/${arn('bob')}", reason: "break-glass account", by: "sec@example.com" }) { id source rules resources reason by expiresAt } }`,
    );
    expect(suppress.errors).toBeUndefined();
    const made = suppress.data?.['suppress'] as Record<string, unknown>;
    expect(made).toMatchObject({
      source: 'api',
      rules: ['test-user-mfa'],
      resources: [arn('bob')],
      expiresAt: null,
    });
    const bob = await gql(FINDINGS, { filter: { resourceIds: [arn('bob')] } });
    expect(bob.data?.['findings']).toMatchObject({
      edges: [
        {
          node: {
            status: 'SUPPRESSED',
            suppression: { reason: 'break-glass account', by: 'sec@example.com', active: true },
          },
        },
      ],
    });
    const view = (await gql(COMPLIANCE, { framework: 'test-framework' })).data?.['compliance'];
    expect(view).toMatchObject({
      framework: { id: 'test-framework', controlCount: 3 },
      score: 0,
      statusCounts: { pass: 0, fail: 1, manual: 1, notAssessed: 1 },
      controls: [
        {
          id: '1',
          status: 'FAIL',
          passed: 1,
          failed: 1,
          suppressed: 1,
          failingResources: [{ resourceId: arn('alice') }],
        },
        { id: '2', status: 'MANUAL', failingResources: [] },
        { id: '3', status: 'NOT_ASSESSED' },
      ],
      byAccount: [{ key: ACCOUNT, score: 0, passed: 0, failed: 1 }],
    });
    const unsuppress = await gql(`mutation($id: ID!) { unsuppress(id: $id) }`, { id: made['id'] });
    expect(unsuppress.data).toEqual({ unsuppress: true });
    const again = await gql(FINDINGS, { filter: { statuses: ['SUPPRESSED'] } });
    expect(again.data?.['findings']).toMatchObject({ totalCount: 0 });
  });

  it('evaluates one rule now, passing resources included, with the evidence', async () => {
    const answer = await gql(
      `query { ruleResults(rule: "test-user-mfa") { resourceId status evidence account } }`,
    );
    expect(answer.data?.['ruleResults']).toEqual([
      {
        resourceId: arn('alice'),
        status: 'FAIL',
        evidence: { mfaActive: false },
        account: ACCOUNT,
      },
      { resourceId: arn('bob'), status: 'FAIL', evidence: { mfaActive: false }, account: ACCOUNT },
      { resourceId: arn('carol'), status: 'PASS', evidence: { mfaActive: true }, account: ACCOUNT },
    ]);
    const passing = await gql(
      `query { ruleResults(rule: "test-user-mfa", statuses: [PASS]) { resourceId } }`,
    );
    expect(passing.data?.['ruleResults']).toEqual([{ resourceId: arn('carol') }]);
    const unknown = await gql(`query { ruleResults(rule: "nope") { resourceId } }`);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses a suppression without a reason, one already expired, and an unknown id', async () => {
    const noReason = await gql(
      `mutation { suppress(input: { rules: ["test-*"], reason: " ", by: "me" }) { id } }`,
    );
    expect(noReason.errors?.[0]?.message).toContain('field "reason"');
    const expired = await gql(
      `mutation { suppress(input: { rules: ["test-*"], reason: "r", by: "me", expiresAt: "2020-01-01" }) { id } }`,
    );
    expect(expired.errors?.[0]?.message).toContain('has already passed');
    const everything = await gql(`mutation { suppress(input: { reason: "r", by: "me" }) { id } }`);
    expect(everything.errors?.[0]?.message).toContain('must name at least one rule or resource');
    const missing = await gql(`mutation { unsuppress(id: "api:nope") }`);
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('cairn analyze', () => {
  it('runs the valid rules, then rejects a malformed rule file naming file and field (exit 2)', async () => {
    const dir = testRulesDir({
      'rules/test/test-user-mfa.yaml': read('user-mfa.yaml'),
      'cypher/rules/test/test-user-mfa.cypher': read('user-mfa.cypher'),
      'rules/frameworks/test-framework.yaml': read('framework.yaml'),
      'rules/test/test-broken.yaml': read('user-mfa.yaml')
        .replace('id: test-user-mfa', 'id: test-broken')
        .replace('severity: high', 'severity: extreme'),
    });
    const before = await scanRuns();
    const result = await cairn(['analyze', '--rules', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'cairn: rejected rules/test/test-broken.yaml: field "severity": Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"',
    );
    expect(result.stdout).toContain('1 rules: 2 failing, 1 passing, 0 errors');
    expect(await scanRuns()).toBe(before + 1);
  });

  it('refuses a malformed suppressions file in one line, before touching the graph', async () => {
    const file = path.join(path.dirname(RULES), 'suppressions.yaml');
    writeFileSync(file, 'suppressions:\n  - rules: [test-*]\n    reason: accepted\n');
    const before = await scanRuns();
    const result = await cairn(['analyze', '--suppressions', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `cairn: ${file}: field "suppressions.0.by": Invalid input: expected string, received undefined`,
    );
    expect(await scanRuns()).toBe(before);
  });

  it('applies a reviewed suppressions file', async () => {
    const file = path.join(path.dirname(RULES), 'suppressions-ok.yaml');
    writeFileSync(
      file,
      `suppressions:\n  - id: alice-exception\n    rules: [test-user-*]\n    resources: ['${arn('alice')}']\n    reason: leaving this week\n    by: ciso@example.com\n    expires: 2099-01-01\n`,
    );
    const result = await cairn(['analyze', '--suppressions', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const alice = await gql(FINDINGS, { filter: { resourceIds: [arn('alice')] } });
    expect(alice.data?.['findings']).toMatchObject({
      edges: [
        {
          node: {
            status: 'SUPPRESSED',
            suppression: { reason: 'leaving this week', by: 'ciso@example.com', active: true },
          },
        },
      ],
    });
  });
});
