import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { Provider } from '../../src/model/provider.js';
import type { GraphRecords } from '../../src/records/graph-records.js';
import { loadRuleCatalog, type RuleCatalog } from '../../src/rules/catalog/rule-catalog.js';
import { readCompliance } from '../../src/rules/compliance/read-compliance.js';
import { queryFindings } from '../../src/rules/findings/query-findings.js';
import type { Suppression } from '../../src/rules/suppressions/suppression.js';
import { openTestGraph } from '../support/graph.js';
import { node } from '../support/records.js';
import { testRulesDir } from '../support/test-rules-dir.js';

// Scan over scan: a finding opens, resolves when fixed, reopens when it recurs (keeping when it
// was first seen), and a suppression with an expiry stops applying by itself once it passes.
const ACCOUNT = '210987654321';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
const FIXTURES = 'test/fixtures/rules-lifecycle';
const read = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');

const day = (n: number): Date => new Date(Date.UTC(2026, 5, n));
const iso = (n: number): string => day(n).toISOString();

function estate(aliceHasMfa: boolean): GraphRecords {
  return {
    scope: { provider: Provider.AWS, id: ACCOUNT },
    nodes: [
      node('AWSUser', ALICE, { name: 'alice', hasConsolePassword: true, mfaActive: aliceHasMfa }),
      node('AWSUser', BOB, { name: 'bob', hasConsolePassword: true, mfaActive: false }),
    ],
    relationships: [],
  };
}

let db: Database;
let catalog: RuleCatalog;

async function scan(n: number, aliceHasMfa: boolean, fileSuppressions?: Suppression[]) {
  await loadScope(db, estate(aliceHasMfa));
  return runAnalysis(db, day(n), {
    posture: { catalog, ...(fileSuppressions ? { fileSuppressions } : {}) },
  });
}

async function findingOf(id: string, now: string) {
  const page = await queryFindings(db, catalog, { resources: [id] }, { first: 10 }, now);
  return page.findings[0];
}

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  catalog = await loadRuleCatalog(
    testRulesDir({
      'rules/test/test-user-mfa.yaml': read('user-mfa.yaml'),
      'cypher/rules/test/test-user-mfa.cypher': read('user-mfa.cypher'),
      'rules/frameworks/test-framework.yaml': read('framework.yaml'),
    }),
  );
  expect(catalog.problems).toEqual([]);
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('a finding across scan runs', () => {
  it('opens, resolves, reopens, and an expiring suppression lapses by itself', async () => {
    const first = await scan(1, false);
    expect(first.posture?.findings).toMatchObject({ opened: 2, reopened: 0, resolved: 0 });
    let alice = await findingOf(ALICE, iso(1));
    expect(alice).toMatchObject({
      status: 'OPEN',
      firstSeen: iso(1),
      lastSeen: iso(1),
      reopenCount: 0,
      resolvedAt: null,
    });
    expect(JSON.parse(alice!.evidence)).toEqual({ mfaActive: false });

    // Alice turns MFA on: her finding resolves; Bob's stays open and is seen again.
    const second = await scan(2, true);
    expect(second.posture?.findings).toMatchObject({ opened: 0, resolved: 1 });
    alice = await findingOf(ALICE, iso(2));
    expect(alice).toMatchObject({ status: 'RESOLVED', resolvedAt: iso(2), lastSeen: iso(1) });
    expect(await findingOf(BOB, iso(2))).toMatchObject({ status: 'OPEN', lastSeen: iso(2) });

    // It recurs: the same finding reopens, remembering when it was first seen.
    const third = await scan(3, false);
    expect(third.posture?.findings).toMatchObject({ opened: 0, reopened: 1 });
    alice = await findingOf(ALICE, iso(3));
    expect(alice).toMatchObject({
      status: 'OPEN',
      firstSeen: iso(1),
      lastSeen: iso(3),
      reopenedAt: iso(3),
      reopenCount: 1,
    });

    // A reviewed suppression for Bob until day 10.
    const suppression: Suppression = {
      id: 'file:bob-break-glass',
      source: 'file',
      createdAt: iso(4),
      rules: ['test-*'],
      accounts: [ACCOUNT],
      regions: [],
      resources: ['arn:aws:iam::*:user/bob'],
      tags: {},
      reason: 'break-glass user, reviewed in SEC-1',
      by: 'security@example.com',
      expires: iso(10),
    };
    await scan(4, false, [suppression]);
    const bob = await findingOf(BOB, iso(5));
    expect(bob).toMatchObject({
      status: 'SUPPRESSED',
      suppressionId: 'file:bob-break-glass',
      suppressionReason: 'break-glass user, reviewed in SEC-1',
      suppressionBy: 'security@example.com',
      suppressionExpires: iso(10),
    });
    expect((await findingOf(ALICE, iso(5)))?.status).toBe('OPEN');
    // No new analysis: once day 10 has passed, Bob's finding is simply open again.
    expect((await findingOf(BOB, iso(11)))?.status).toBe('OPEN');

    // The compliance view counts the suppressed failure as accepted until it lapses.
    const during = await readCompliance(db, catalog, 'test-framework', iso(5));
    expect(
      during.view.controls.map((c) => [c.control.id, c.status, c.tally.fail, c.tally.suppressed]),
    ).toEqual([
      ['1', 'FAIL', 1, 1],
      ['2', 'MANUAL', 0, 0],
      ['3', 'NOT_ASSESSED', 0, 0],
    ]);
    expect(during.view.byAccount).toEqual([{ key: ACCOUNT, score: 0, passed: 0, failed: 1 }]);
    expect(during.trend.map((t) => [t.at, t.failed])).toEqual([
      [iso(1), 1],
      [iso(2), 1],
      [iso(3), 1],
      [iso(4), 1],
    ]);

    // Alice fixed and Bob suppressed: the control passes while the suppression lasts.
    await scan(6, true);
    expect((await readCompliance(db, catalog, 'test-framework', iso(7))).view.score).toBe(100);
    expect((await readCompliance(db, catalog, 'test-framework', iso(11))).view.score).toBe(0);
  });

  it('leaves findings as they were when a rule cannot run, and says why', async () => {
    const broken = await loadRuleCatalog(
      testRulesDir({
        'rules/test/test-user-mfa.yaml': read('user-mfa.yaml'),
        'cypher/rules/test/test-user-mfa.cypher':
          'MATCH (u:AWSUser) RETURN u.id AS resource, noSuchFunction(u) AS status',
        'rules/frameworks/test-framework.yaml': read('framework.yaml'),
      }),
    );
    const before = await findingOf(BOB, iso(20));
    await loadScope(db, estate(true));
    const result = await runAnalysis(db, day(20), { posture: { catalog: broken } });
    expect(result.posture?.ruleErrors).toEqual([
      { ruleId: 'test-user-mfa', error: expect.stringContaining('query failed') as string },
    ]);
    expect(result.posture?.findings).toMatchObject({ resolved: 0, failing: 0 });
    // Nothing was decided, so nothing resolved: Bob's finding keeps its lifecycle as it was
    // (its suppression, expired on day 10, is dropped: that needs no rule).
    const lifecycle = (f: typeof before) => ({
      state: f?.state,
      firstSeen: f?.firstSeen,
      lastSeen: f?.lastSeen,
      lastScanRun: f?.lastScanRun,
      evidence: f?.evidence,
    });
    const after = await findingOf(BOB, iso(20));
    expect(lifecycle(after)).toEqual(lifecycle(before));
    expect(after).toMatchObject({ status: 'OPEN', suppressionId: null });
    const view = await readCompliance(db, broken, 'test-framework', iso(20));
    expect(view.view.controls[0]?.status).toBe('FAIL');
  });
});
