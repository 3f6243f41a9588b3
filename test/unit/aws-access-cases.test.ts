import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeAccessEvidence } from '../../src/analyze/aws/access/access-evidence.js';
import { accessTargetOf, type AccessTarget } from '../../src/analyze/aws/access/access-target.js';
import {
  loadAccessActions,
  type AccessActions,
} from '../../src/analyze/aws/access/action-levels.js';
import { internetAccessEdges } from '../../src/analyze/aws/access/internet-access.js';
import {
  principalAccessEdges,
  type AccessEdge,
} from '../../src/analyze/aws/access/principal-access.js';
import { adminIds, adminResults } from '../../src/analyze/aws/admin/admin-results.js';
import { buildIamModel } from '../../src/analyze/aws/estate/build-iam-model.js';
import { loadAwsActionCatalog, type ActionCatalog } from '../../src/analyze/aws/policy/index.js';
import { whoCan } from '../../src/analyze/aws/who-can.js';
import { storeIdOf } from '../../src/serve/who-can/who-can-store.js';
import {
  accessEstateOf,
  principalArnOf,
  readAccessCases,
  storeArnOf,
  storeRowsOf,
  type AccessCase,
} from '../support/access-case.js';

// Every JSON file under test/cases/aws-access is one case; see its README for the format.
const CASES = readAccessCases(join(import.meta.dirname, '../cases/aws-access'));

let catalog: ActionCatalog;
let actions: AccessActions;
beforeAll(async () => {
  catalog = await loadAwsActionCatalog();
  actions = await loadAccessActions(catalog);
});

function derive(c: AccessCase) {
  const model = buildIamModel(accessEstateOf(c), catalog);
  const admins = adminIds(adminResults(catalog, model));
  const targets: AccessTarget[] = storeRowsOf(c).flatMap(
    (row) => accessTargetOf(row, model.cache) ?? [],
  );
  const orgs = new Map(Object.entries(c.orgs));
  const edges = [
    ...principalAccessEdges({ catalog, actions, model, targets, admins, orgs }),
    ...internetAccessEdges(catalog, actions, targets),
  ].flat();
  return { model, targets, orgs, edges };
}

const describeEdges = (edges: readonly AccessEdge[]): string =>
  edges
    .map(
      (e) =>
        `${e.from} -[${e.result.levels.join(',')}${e.conditional ? '?' : ''}${e.audience ? ` ${e.audience}` : ''}]-> ${e.to}`,
    )
    .join('\n') || '(no edges)';

describe('AWS data-access cases', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(0));

  it.each(CASES.map(({ file, body }) => [file, body] as const))('%s', (_file, c) => {
    const { model, targets, orgs, edges } = derive(c);
    const find = (want: { from: string; to: string; audience?: string | undefined }) =>
      edges.find(
        (e) =>
          e.from === principalArnOf(want.from, c.account) &&
          e.to === storeArnOf(c, want.to) &&
          (want.audience === undefined || e.audience === want.audience),
      );
    for (const want of c.expect) {
      const edge = find(want);
      expect(edge, `expected ${JSON.stringify(want)} among\n${describeEdges(edges)}`).toBeDefined();
      if (!edge) continue;
      const at = JSON.stringify(want);
      if (want.levels) expect(edge.result.levels, `levels of ${at}`).toEqual(want.levels);
      if (want.conditionalLevels) {
        expect(edge.result.conditionalLevels, at).toEqual(want.conditionalLevels);
      }
      if (want.conditional !== undefined) expect(edge.conditional, at).toBe(want.conditional);
      for (const action of want.actions ?? []) expect(edge.result.actions, at).toContain(action);
      if (want.pendingKeys) {
        const keys = edge.result.pending.flatMap((p) => p.conditions.map((k) => k.key));
        expect([...new Set(keys)].sort(), at).toEqual([...want.pendingKeys].sort());
      }
      const evidence = encodeAccessEvidence(edge.result.evidence, edge.to);
      expect(edge.result.evidence.length, `evidence of ${at}`).toBeGreaterThan(0);
      for (const text of want.evidence ?? []) expect(evidence, at).toContain(text);
    }
    for (const unwanted of c.absent) {
      expect(
        find(unwanted),
        `did not expect ${JSON.stringify(unwanted)} among\n${describeEdges(edges)}`,
      ).toBeUndefined();
    }
    for (const query of c.whoCan) {
      const resource = storeArnOf(c, query.resource);
      const target = targets.find((t) => t.id === storeIdOf(resource));
      const entries = whoCan(model, query.action, resource, {
        ...(target ? { store: { target, catalog } } : {}),
        orgs,
      });
      const listed = entries.map(
        (e) => `${e.principal} (${e.via}${e.conditional ? ', conditional' : ''})`,
      );
      for (const want of query.expect) {
        const id = principalArnOf(want.principal, c.account);
        const entry = entries.find((e) => e.principal === id);
        expect(
          entry,
          `whoCan ${query.action} ${resource}: ${id} among ${listed.join('; ')}`,
        ).toBeDefined();
        if (want.via !== undefined) expect(entry?.via).toBe(want.via);
        if (want.conditional !== undefined) expect(entry?.conditional).toBe(want.conditional);
      }
      for (const name of query.absent) {
        const id = principalArnOf(name, c.account);
        expect(
          entries.find((e) => e.principal === id),
          `whoCan ${query.action} ${resource}: did not expect ${id} among ${listed.join('; ')}`,
        ).toBeUndefined();
      }
    }
  });
});
