import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { Provider } from '../../src/model/provider.js';
import { loadRuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import type { Suppression } from '../../src/rules/suppressions/suppression.js';
import { cairn } from '../support/cli.js';
import { openTestGraph } from '../support/graph.js';
import { node } from '../support/records.js';
import { testRulesDir } from '../support/test-rules-dir.js';

// A small estate analysed with one test rule (console users need MFA): alice fails, carol fails
// under a reviewed suppression, bob passes. Then every export format is run through the CLI.
const ACCOUNT = '310987654321';
const user = (name: string): string => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const FIXTURES = 'test/fixtures/rules-lifecycle';
const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');

let db: Database;
let rulesDir: string;
interface OcsfEvent extends Record<string, unknown> {
  resources: { uid: string }[];
}
const run = (args: string[]) => cairn(['export', ...args], { CAIRN_RULES_DIR: rulesDir });

beforeAll(async () => {
  rulesDir = testRulesDir({
    'rules/test/test-user-mfa.yaml': fixture('user-mfa.yaml'),
    'cypher/rules/test/test-user-mfa.cypher': fixture('user-mfa.cypher'),
    'rules/frameworks/test-framework.yaml': fixture('framework.yaml'),
  });
  const catalog = await loadRuleCatalog(rulesDir);
  expect(catalog.problems).toEqual([]);
  db = await openTestGraph();
  await resetGraph(db);
  await loadScope(db, {
    scope: { provider: Provider.AWS, id: ACCOUNT },
    nodes: [
      node('AWSUser', user('alice'), { name: 'alice', hasConsolePassword: true, mfaActive: false }),
      node('AWSUser', user('bob'), { name: 'bob', hasConsolePassword: true, mfaActive: true }),
      node('AWSUser', user('carol'), { name: 'carol', hasConsolePassword: true, mfaActive: false }),
    ],
    relationships: [],
  });
  const suppression: Suppression = {
    id: 'file:carol',
    source: 'file',
    createdAt: '2026-01-01T00:00:00.000Z',
    rules: ['test-*'],
    accounts: [],
    regions: [],
    resources: [user('carol')],
    tags: {},
    reason: 'break-glass, SEC-7',
    by: 'security@example.com',
  };
  await runAnalysis(db, new Date(), { posture: { catalog, fileSuppressions: [suppression] } });
}, 240_000);

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('cairn export findings', () => {
  it('writes OCSF Detection Findings, one per line, with the controls each finding fails', async () => {
    const result = await run(['findings', '--format', 'ocsf']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as OcsfEvent);
    expect(events.map((e) => e.resources[0]?.uid).sort()).toEqual([user('alice'), user('carol')]);
    const alice = events.find((e) => e.resources[0]?.uid === user('alice'))!;
    expect(alice).toMatchObject({
      class_uid: 2004,
      activity_id: 1,
      type_uid: 200401,
      severity_id: 4,
      status_id: 1,
      finding_info: { uid: `test-user-mfa/${user('alice')}`, title: 'Console users have MFA' },
      cloud: { provider: 'AWS', account: { uid: ACCOUNT, type_id: 10 }, region: 'global' },
      evidences: [{ data: { mfaActive: false } }],
      remediation: { desc: 'Enable MFA.' },
      unmapped: {
        compliance: [{ standards: ['test-framework'], requirements: ['1'], status: 'Fail' }],
      },
    });
    expect(typeof alice['time']).toBe('number');
    const carol = events.find((e) => e.resources[0]?.uid === user('carol'))!;
    expect(carol).toMatchObject({
      status_id: 3,
      status: 'Suppressed',
      unmapped: { cairn: { suppression: { reason: 'break-glass, SEC-7', active: true } } },
    });
  });

  it('writes CSV rows and a JSON array, and filters by status', async () => {
    const csv = await run(['findings', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toMatch(/^id,status,severity,priority,rule_id,/);
    expect(lines).toHaveLength(4); // header, two findings, the empty tail after the last CRLF
    expect(lines.find((l) => l.includes(user('alice')))).toContain(',OPEN,high,');
    expect(lines.find((l) => l.includes(user('carol')))).toContain(
      ',"break-glass, SEC-7",security@example.com,',
    );

    const json = await run(['findings', '--format', 'json', '--status', 'open']);
    expect(json.code).toBe(0);
    const findings = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: user('alice'),
      status: 'OPEN',
      ruleTitle: 'Console users have MFA',
      controls: [{ framework: 'test-framework', control: '1' }],
      evidence: { mfaActive: false },
    });

    const none = await run(['findings', '--format', 'json', '--severity', 'low']);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('writes to --out instead of stdout, leaving only the finished file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-export-'));
    const out = path.join(dir, 'findings.json');
    const result = await run(['findings', '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['findings.json']);
  });
});

describe('cairn export compliance', () => {
  it('writes one CSV row per control and the whole view as JSON', async () => {
    const csv = await run(['compliance', '--framework', 'test-framework', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).concat(r.split(',')[6]!))).toEqual([
      ['test-framework', '1', 'FAIL'],
      ['test-framework', '2', 'MANUAL'],
      ['test-framework', '3', 'NOT_ASSESSED'],
    ]);
    // passed 1 (bob), failed 1 (alice), suppressed 1 (carol), failing resources 1, its rule.
    expect(rows[1]).toMatch(/,FAIL,1,1,1,0,0,1,test-user-mfa$/);

    const json = await run(['compliance', '--framework', 'test-framework', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      framework: { id: 'test-framework' },
      score: 0,
      statusCounts: { FAIL: 1, MANUAL: 1, NOT_ASSESSED: 1 },
      controls: [{ id: '1', status: 'FAIL', failingResources: 1 }, { id: '2' }, { id: '3' }],
      byAccount: [{ key: ACCOUNT, failed: 1 }],
      trend: [{ failed: 1 }],
    });
  });
});

describe('bad export input', () => {
  it('exits 2 with one line naming the allowed values or the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['findings', '--format', 'xml'], /--format: "xml" is not one of ocsf, csv, json/],
      [['compliance', '--framework', 'test-framework', '--format', 'ocsf'], /one of csv, json/],
      [
        ['compliance', '--framework', 'cis-9', '--format', 'csv'],
        /unknown framework "cis-9" \(known: test-framework\)/,
      ],
      [['findings', '--format', 'csv', '--status', 'closed'], /OPEN, SUPPRESSED, RESOLVED/],
      [['findings', '--format', 'csv', '--out', tmpdir()], /: is a directory/],
      [['findings', '--format', 'csv', '--out', '/nonexistent-dir/x.csv'], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  }, 120_000);
});
