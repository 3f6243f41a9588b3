import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { saveMark } from '../../src/paths/marks/mark-store.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import {
  attackPathCaseFiles,
  readAttackPathCase,
  type AttackPathCase,
  type ExpectedPath,
} from '../support/attack-path-case.js';
import { openTestGraph } from '../support/graph.js';

// Every attack-path case (test/cases/attack-paths/*.json, README.md there) is loaded alone into
// the real Neo4j, analyzed with its settings and marks, and the paths the API serves must hold
// each expected path (techniques in order) and no path between an absent pair.
const PATHS = `{ attackPaths(first: 500) { totalCount edges { node {
  source { id } target { id } sourceReason band steps { technique } } } } }`;

interface StoredPath {
  source: { id: string };
  target: { id: string };
  sourceReason: string;
  band: string;
  steps: { technique: string }[];
}

type Loaded = { file: string; case: AttackPathCase } | { file: string; error: unknown };

// A file that does not parse fails its own test, not the collection of the others.
const loaded: Loaded[] = attackPathCaseFiles().map((file) => {
  try {
    return { file, case: readAttackPathCase(file) };
  } catch (error) {
    return { file, error };
  }
});

let db: Database;

beforeAll(async () => {
  db = await openTestGraph();
});

afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

async function storedPaths(c: AttackPathCase): Promise<StoredPath[]> {
  await resetGraph(db);
  for (const scope of c.scopes) await loadScope(db, scope, { source: c.file });
  const at = c.now.toISOString();
  for (const mark of c.marks) {
    const saved = await saveMark(db, { ...mark, reason: 'case', by: 'attack-path-cases' }, at);
    if (!saved) throw new Error(`${c.file}: mark on ${mark.target} names no loaded node`);
  }
  await runAnalysis(db, c.now, { posture: false, attackPaths: { settings: c.settings } });
  const result = await runOperation(createContext(db), { query: PATHS });
  expect(result.errors).toBeUndefined();
  const page = result.data?.['attackPaths'] as {
    totalCount: number;
    edges: { node: StoredPath }[];
  };
  // Every path must be in view, or an absent pair could hide on a later page.
  expect(page.totalCount).toBe(page.edges.length);
  return page.edges.map((edge) => edge.node);
}

function matches(path: StoredPath, want: ExpectedPath): boolean {
  return (
    path.source.id === want.source &&
    path.target.id === want.target &&
    path.steps.map((s) => s.technique).join(' > ') === want.techniques.join(' > ') &&
    (want.band === undefined || path.band === want.band) &&
    (want.sourceReason === undefined || path.sourceReason.split(',').includes(want.sourceReason))
  );
}

function describePaths(paths: readonly StoredPath[]): string {
  if (paths.length === 0) return 'no paths were stored';
  return paths
    .map(
      (p) =>
        `${p.source.id} (${p.sourceReason}) -> ${p.target.id} [${p.band}]: ${p.steps.map((s) => s.technique).join(' > ')}`,
    )
    .join('\n');
}

describe.each(loaded.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
  if ('error' in entry) {
    it('is a valid case file', () => {
      throw entry.error;
    });
    return;
  }
  const c = entry.case;
  if (c.skip) {
    it.skip(`skipped: ${c.skip}`, () => undefined);
    return;
  }
  it(c.description, async () => {
    const paths = await storedPaths(c);
    const stored = describePaths(paths);
    for (const want of c.paths) {
      expect(
        paths.some((path) => matches(path, want)),
        `expected ${JSON.stringify(want)} among the stored paths:\n${stored}`,
      ).toBe(true);
    }
    for (const pair of c.absent) {
      const found = paths.filter((p) => p.source.id === pair.source && p.target.id === pair.target);
      expect(
        found.length,
        `no path expected from ${pair.source} to ${pair.target}:\n${stored}`,
      ).toBe(0);
    }
  });
});
