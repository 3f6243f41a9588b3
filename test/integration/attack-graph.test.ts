import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import type { AttackGraph } from '../../src/paths/attack/attack-graph.js';
import { kBestPaths } from '../../src/paths/attack/k-best-paths.js';
import { findAttackPaths } from '../../src/paths/attack/find-attack-paths.js';
import { asAdmin, readAttackGraph } from '../../src/paths/attack/read-attack-graph.js';
import { readCrownJewels, readEntries } from '../../src/paths/attack/read-targets.js';
import { DEFAULT_PATH_SETTINGS } from '../../src/paths/attack/path-settings.js';
import { DEFAULT_RISK_MODEL, pathScore } from '../../src/paths/attack/risk-model.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { openTestGraph } from '../support/graph.js';
import { readTransaction } from '../../src/db/transactions.js';
import { readRuleFixture } from '../support/rule-fixture.js';

// The attack graph read from what the analysis derived: from the internet through a reachable
// instance to its role's credentials, and on through escalation or assumption to admin.
const FIXTURE =
  'test/cases/rules/aws/aws-ec2-internet-reachable-privileged-role/escalation-path.json';
const ACCOUNT = 'arn:aws:iam::111111111111';
const ec2 = (id: string): string => `arn:aws:ec2:eu-west-1:111111111111:instance/${id}`;

let db: Database;
let graph: AttackGraph;

function described(
  from: string,
  to: string,
): { ids: string[]; techniques: string[]; score: number }[] {
  const source = graph.indexOf(from);
  const target = graph.indexOf(to);
  if (source === undefined || target === undefined) return [];
  return kBestPaths(graph, source, target, 5, 6).map((path) => ({
    ids: [from, ...path.hops.map((h) => graph.idOf(h.to))],
    techniques: path.hops.map((h) => h.technique),
    score: pathScore(
      path.hops.map((h) => h.likelihood),
      DEFAULT_RISK_MODEL.impact.admin,
    ),
  }));
}

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  const fixture = readRuleFixture('aws-ec2-internet-reachable-privileged-role', FIXTURE);
  for (const scope of fixture.scopes) await loadScope(db, scope);
  await runAnalysis(db, new Date(fixture.now), { posture: false });
  graph = await readAttackGraph(db, DEFAULT_RISK_MODEL);
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('readAttackGraph', () => {
  it('leads from the internet through a reachable instance and its role to a role that grants itself admin', () => {
    const paths = described('internet', asAdmin(`${ACCOUNT}:role/self-editor`));
    expect(paths[0]).toMatchObject({
      ids: [
        'internet',
        ec2('i-0selfedit'),
        `${ACCOUNT}:role/self-editor`,
        asAdmin(`${ACCOUNT}:role/self-editor`),
      ],
      techniques: [
        'network.Reach',
        'aws.ec2.InstanceRoleCredentials',
        expect.stringMatching(/^aws\.iam\./) as string,
      ],
    });
    expect(paths[0]?.score).toBeGreaterThan(0);
  });

  it('leads through role assumption to an admin role', () => {
    const paths = described('internet', `${ACCOUNT}:role/ops-admin`);
    expect(paths.map((p) => p.ids)).toContainEqual([
      'internet',
      ec2('i-0jumper'),
      `${ACCOUNT}:role/jumper`,
      `${ACCOUNT}:role/ops-admin`,
    ]);
    expect(paths.find((p) => p.ids.includes(ec2('i-0jumper')))?.techniques).toEqual([
      'network.Reach',
      'aws.ec2.InstanceRoleCredentials',
      'aws.sts.AssumeRole',
    ]);
  });

  it('finds scored paths from the default entry points to the default crown jewels', async () => {
    const now = '2026-06-01T00:00:00.000Z';
    const entries = await readEntries(db, DEFAULT_PATH_SETTINGS, now);
    expect(entries).toContainEqual({ id: 'internet', reason: 'internet' });
    const jewels = await readCrownJewels(db, graph, DEFAULT_PATH_SETTINGS);
    expect(jewels).toContainEqual({
      id: `${ACCOUNT}:role/ops-admin`,
      kind: 'admin',
      impact: 1,
      reason: 'admin-equivalent',
      account: '111111111111',
    });
    expect(jewels).toContainEqual({
      id: asAdmin(`${ACCOUNT}:role/self-editor`),
      kind: 'admin',
      impact: 1,
      reason: 'becomes-admin',
      account: '111111111111',
    });
    const paths = findAttackPaths(graph, DEFAULT_RISK_MODEL, entries, jewels, { k: 3, maxHops: 6 });
    const ends = paths.map((p) => `${p.entry.id} -> ${p.jewel.id}`);
    expect(ends).toContain(`internet -> ${ACCOUNT}:role/ops-admin`);
    expect(ends).toContain(`internet -> ${asAdmin(`${ACCOUNT}:role/self-editor`)}`);
    for (const path of paths) {
      expect(path.score).toBeGreaterThan(0);
      expect(['critical', 'high', 'medium', 'low']).toContain(path.band);
    }
    expect(paths.map((p) => p.score)).toEqual([...paths.map((p) => p.score)].sort((a, b) => b - a));
  });
});

// The contract's operation, exactly as written in ../shared/design/contract.md.
const ATTACK_PATHS = `query AttackPaths($first: Int, $after: String) {
  attackPaths(first: $first, after: $after) {
    totalCount
    edges { node { id score source { id } target { id } steps { from { id } to { id } technique } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface PathPage {
  totalCount: number;
  edges: {
    node: {
      id: string;
      score: number;
      source: { id: string };
      target: { id: string };
      steps: { from: { id: string }; to: { id: string }; technique: string }[];
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('attackPaths', () => {
  it('serves the stored paths ranked by score, page by page, and says which are new', async () => {
    const ask = async (variables: Record<string, unknown>) => {
      const result = await runOperation(createContext(db), { query: ATTACK_PATHS, variables });
      expect(result.errors).toBeUndefined();
      return result.data?.['attackPaths'] as PathPage;
    };
    const all = await ask({ first: 100 });
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    const scores = all.edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const jumper = all.edges.find((e) => e.node.target.id === `${ACCOUNT}:role/ops-admin`);
    expect(jumper?.node.source.id).toBe('internet');
    expect(jumper?.node.steps.map((s) => s.technique)).toEqual([
      'network.Reach',
      'aws.ec2.InstanceRoleCredentials',
      'aws.sts.AssumeRole',
    ]);
    expect(jumper?.node.steps[0]?.to.id).toBe(ec2('i-0jumper'));
    // A principal that grants itself admin is the target, shown as itself.
    expect(all.edges.map((e) => e.node.target.id)).toContain(`${ACCOUNT}:role/self-editor`);

    const first = await ask({ first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await ask({ first: 100, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(
      all.edges.map((e) => e.node.id),
    );

    // Analyzed again with nothing changed: the same paths, none of them new.
    const again = await runAnalysis(db, new Date('2026-06-02T00:00:00Z'), { posture: false });
    expect(again.attackPaths).toMatchObject({ paths: all.totalCount, new: 0 });
    const isNew = await runOperation(createContext(db), {
      query: '{ attackPaths(first: 100) { totalCount edges { node { isNew band } } } }',
    });
    const nodes = (isNew.data?.['attackPaths'] as { edges: { node: { isNew: boolean } }[] }).edges;
    expect(nodes.every((e) => !e.node.isNew)).toBe(true);

    // Analyzed again at the very same clock reading: still one edge per derivation (a shared
    // analysis id once kept the earlier run's edges beside the new ones).
    const derived = await countDerivedEdges(db);
    expect(derived.reduce((sum, row) => sum + row.edges, 0)).toBeGreaterThan(0);
    const sameClock = await runAnalysis(db, new Date('2026-06-02T00:00:00Z'), { posture: false });
    expect(sameClock.attackPaths).toMatchObject({ paths: all.totalCount, new: 0 });
    expect(await countDerivedEdges(db)).toEqual(derived);
  });

  it('ranks choke points: the hops whose removal cuts the most risk', async () => {
    const result = await runOperation(createContext(db), {
      query: '{ chokePoints(first: 3) { from { id } to { id } technique paths risk } }',
    });
    expect(result.errors).toBeUndefined();
    const points = result.data?.['chokePoints'] as {
      from: { id: string };
      paths: number;
      risk: number;
    }[];
    // The jumper's instance and its role are shared by every path through it (ties go by id).
    expect([ec2('i-0jumper'), ec2('i-0selfedit'), 'internet']).toContain(points[0]?.from.id);
    const risks = points.map((p) => p.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(points.every((p) => p.paths >= 1)).toBe(true);
  });

  it('simulates a fix: dropping a trust removes exactly the paths through it, and nothing stored changes', async () => {
    const WHAT_IF = `query WhatIf($fixes: [FixInput!]!) {
      simulateFix(fixes: $fixes) {
        removed { target { id } steps { to { id } } }
        remaining { target { id } }
        surfaced { id }
      }
    }`;
    const before = await runOperation(createContext(db), {
      query: '{ attackPaths { totalCount } }',
    });
    const result = await runOperation(createContext(db), {
      query: WHAT_IF,
      variables: {
        fixes: [
          { dropTrust: { role: `${ACCOUNT}:role/ops-admin`, principal: `${ACCOUNT}:role/jumper` } },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    const whatIf = result.data?.['simulateFix'] as {
      removed: { target: { id: string }; steps: { to: { id: string } }[] }[];
      remaining: { target: { id: string } }[];
      surfaced: unknown[];
    };
    expect(whatIf.removed.length).toBeGreaterThan(0);
    for (const path of whatIf.removed) {
      expect(path.steps.map((s) => s.to.id)).toContain(`${ACCOUNT}:role/ops-admin`);
    }
    expect(whatIf.remaining.map((p) => p.target.id)).toContain(`${ACCOUNT}:role/self-editor`);
    expect(whatIf.surfaced).toEqual([]);
    // Closing every port of the self-editing instance cuts its path too.
    const closed = await runOperation(createContext(db), {
      query: WHAT_IF,
      variables: { fixes: [{ closePorts: { resource: ec2('i-0selfedit') } }] },
    });
    const removedTargets = (closed.data?.['simulateFix'] as typeof whatIf).removed.map(
      (p) => p.target.id,
    );
    expect(removedTargets).toContain(`${ACCOUNT}:role/self-editor`);
    expect(removedTargets).not.toContain(`${ACCOUNT}:role/ops-admin`);
    const after = await runOperation(createContext(db), {
      query: '{ attackPaths { totalCount } }',
    });
    expect(after.data).toEqual(before.data);
    const bad = await runOperation(createContext(db), {
      query: WHAT_IF,
      variables: { fixes: [{ dropTrust: { role: 'r' }, closePorts: { resource: 'x' } }] },
    });
    expect(bad.errors?.[0]?.message).toContain('fixes.0: give exactly one of');
  });

  it('scores the blast radius of a compromised instance', async () => {
    const result = await runOperation(createContext(db), {
      query: `query($id: ID!) { blastRadius(id: $id) { target { id } asAdmin hops crownJewel score likelihood } }`,
      variables: { id: ec2('i-0jumper') },
    });
    expect(result.errors).toBeUndefined();
    const items = result.data?.['blastRadius'] as {
      target: { id: string };
      hops: number;
      crownJewel: string | null;
      score: number;
    }[];
    expect(items).toContainEqual(
      expect.objectContaining({
        target: { id: `${ACCOUNT}:role/jumper` },
        hops: 1,
        crownJewel: null,
      }),
    );
    const admin = items.find((i) => i.target.id === `${ACCOUNT}:role/ops-admin`);
    expect(admin).toMatchObject({ hops: 2, crownJewel: 'admin-equivalent' });
    expect(items[0]?.score).toBe(Math.max(...items.map((i) => i.score)));
    const missing = await runOperation(createContext(db), {
      query: '{ blastRadius(id: "arn:aws:iam::111111111111:role/nope") { hops } }',
    });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

/** How many edges of each derived type there are, and how many distinct analyses wrote them. */
async function countDerivedEdges(
  db: Database,
): Promise<{ type: string; edges: number; analyses: number }[]> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run(
      `MATCH ()-[r:CAN_ACCESS|CAN_ASSUME|CAN_ESCALATE|REACHES]->()
       RETURN type(r) AS type, count(r) AS edges, count(DISTINCT r.analysisId) AS analyses
       ORDER BY type`,
    );
    return result.records.map((r) => ({
      type: r.get('type') as string,
      edges: r.get('edges') as number,
      analyses: r.get('analyses') as number,
    }));
  });
}
