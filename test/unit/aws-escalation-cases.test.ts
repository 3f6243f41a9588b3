import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canAssumeEdges } from '../../src/analyze/aws/assume/can-assume.js';
import { buildIamModel } from '../../src/analyze/aws/estate/build-iam-model.js';
import { AWS_ESCALATION_TECHNIQUES } from '../../src/analyze/aws/escalation/catalog/index.js';
import type { EscalationEdge } from '../../src/analyze/aws/escalation/escalation-edge.js';
import { findEscalations } from '../../src/analyze/aws/escalation/find-escalations.js';
import { ResourceIndex } from '../../src/analyze/aws/escalation/resource-index.js';
import { loadAwsActionCatalog, type ActionCatalog } from '../../src/analyze/aws/policy/index.js';
import { InMemoryEscalationGraph } from '../../src/paths/escalation-graph.js';
import { escalationPaths } from '../../src/paths/escalation-paths.js';
import {
  arnOf,
  estateOf,
  readEscalationCases,
  resourceArnOf,
  resourcesOf,
  type EscalationCase,
} from '../support/escalation-case.js';

// Every JSON file under test/cases/aws-escalation is one case; see its README for the format.
const CASES = readEscalationCases(join(import.meta.dirname, '../cases/aws-escalation'));

let catalog: ActionCatalog;
beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
});

function derive(c: EscalationCase): { edges: EscalationEdge[]; admins: ReadonlySet<string> } {
  const model = buildIamModel(estateOf(c), catalog);
  const assume = canAssumeEdges(model);
  const resources = new ResourceIndex(resourcesOf(c));
  const result = findEscalations(model, catalog, AWS_ESCALATION_TECHNIQUES, assume, resources);
  const assumeEdges: EscalationEdge[] = assume.map((edge) => ({
    from: edge.from,
    to: edge.to,
    technique: edge.technique,
    actions: [edge.action],
    grantsAdmin: false,
    conditional: edge.conditional,
    pending: edge.decision.pending,
    preconditions: [],
    evidence: [{ action: 'sts:AssumeRole', resource: edge.to, decidedBy: edge.decision.decidedBy }],
  }));
  return { edges: [...result.edges, ...assumeEdges], admins: result.admins };
}

const describeEdges = (edges: readonly EscalationEdge[]): string =>
  edges.map((e) => `${e.from} -[${e.technique}${e.conditional ? '?' : ''}]-> ${e.to}`).join('\n') ||
  '(no edges)';

describe('AWS escalation cases', () => {
  it('covers every technique in the catalog with a positive and a negative case', () => {
    const positive = new Set(CASES.flatMap(({ body }) => body.expect.map((e) => e.technique)));
    const negative = new Set(CASES.flatMap(({ body }) => body.absent.map((e) => e.technique)));
    const missing = AWS_ESCALATION_TECHNIQUES.map((t) => t.id).filter(
      (id) => !positive.has(id) || !negative.has(id),
    );
    expect(missing).toEqual([]);
  });

  it.each(CASES.map(({ file, body }) => [file, body] as const))('%s', async (_file, c) => {
    const { edges, admins } = derive(c);
    const matches = (want: EscalationCase['expect'][number]) => (edge: EscalationEdge) =>
      edge.from === arnOf(want.from, c.account) &&
      edge.technique === want.technique &&
      (want.to === undefined || edge.to === arnOf(want.to, c.account));
    for (const want of c.expect) {
      const edge = edges.find(matches(want));
      expect(edge, `expected ${JSON.stringify(want)} among\n${describeEdges(edges)}`).toBeDefined();
      if (want.conditional !== undefined)
        expect(edge?.conditional, 'conditional').toBe(want.conditional);
      if (want.actions) expect([...(edge?.actions ?? [])].sort()).toEqual([...want.actions].sort());
      if (want.through) expect(edge?.through).toBe(want.through);
      if (want.preconditions) expect(edge?.preconditions).toEqual(want.preconditions);
      if (want.pendingKeys) {
        const keys = edge?.pending.flatMap((p) => p.conditions.map((c) => c.key)) ?? [];
        expect([...new Set(keys)].sort()).toEqual([...want.pendingKeys].sort());
      }
      for (const key of want.resources ?? []) {
        expect(edge?.evidence.map((e) => e.resource)).toContain(resourceArnOf(c, key));
      }
      expect(edge?.evidence.length, 'evidence for every action').toBeGreaterThan(0);
    }
    for (const unwanted of c.absent) {
      const edge = edges.find(matches(unwanted));
      expect(
        edge,
        `did not expect ${JSON.stringify(unwanted)} among\n${describeEdges(edges)}`,
      ).toBeUndefined();
    }
    const graph = new InMemoryEscalationGraph(edges, admins);
    for (const query of c.paths) {
      const paths = await escalationPaths(graph, arnOf(query.from, c.account), {
        maxHops: query.maxHops,
        limit: 50,
      });
      expect(
        paths.map((p) => ({ target: p.target, techniques: p.steps.map((s) => s.technique) })),
      ).toEqual(
        query.expect.map((p) => ({ target: arnOf(p.target, c.account), techniques: p.techniques })),
      );
    }
  });
});
