import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { Provider } from '../../src/model/provider.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { openTestGraph, uniqueAccountId } from '../support/graph.js';

// What scans could not read, paged and filtered, and the analyses as runs.
const account = uniqueAccountId();
const scope = `${account}/eu-west-1/ec2`;
let db: Database;

const gap = (service: string, operation: string, errorCode: string) => ({
  model: 'CoverageGap',
  id: `aws:${scope}/gap/${service}:${operation}@eu-west-1`,
  stub: false,
  properties: { cloud: 'AWS', service, operation, region: 'eu-west-1', errorCode },
});

async function query(text: string): Promise<Record<string, unknown>> {
  const result = await runOperation(createContext(db), { query: text });
  expect(result.errors).toBeUndefined();
  return result.data ?? {};
}

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  await loadScope(db, {
    scope: { provider: Provider.AWS, id: scope },
    nodes: [
      gap('ec2', 'DescribeInstances', 'AccessDenied'),
      gap('ec2', 'DescribeVolumes', 'AccessDenied'),
      gap('ec2', 'DescribeFlowLogs', 'UnauthorizedOperation'),
    ],
    relationships: [],
  });
  await runAnalysis(db, new Date('2026-06-01T00:00:00Z'));
});

afterAll(async () => {
  await db.close();
});

describe('coverageGaps', () => {
  it('pages through the gaps by id and filters them', async () => {
    const first = (await query(
      '{ coverageGaps(first: 2) { totalCount edges { node { operation errorCode } } pageInfo { hasNextPage endCursor } } }',
    )) as {
      coverageGaps: {
        totalCount: number;
        edges: { node: { operation: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    expect(first.coverageGaps.totalCount).toBe(3);
    expect(first.coverageGaps.pageInfo.hasNextPage).toBe(true);
    const rest = (await query(
      `{ coverageGaps(first: 2, after: "${first.coverageGaps.pageInfo.endCursor}") { edges { node { operation } } pageInfo { hasNextPage } } }`,
    )) as {
      coverageGaps: {
        edges: { node: { operation: string } }[];
        pageInfo: { hasNextPage: boolean };
      };
    };
    const operations = [...first.coverageGaps.edges, ...rest.coverageGaps.edges].map(
      (e) => e.node.operation,
    );
    expect(operations.sort()).toEqual(['DescribeFlowLogs', 'DescribeInstances', 'DescribeVolumes']);
    expect(rest.coverageGaps.pageInfo.hasNextPage).toBe(false);
    const denied = (await query(
      '{ coverageGaps(filter: { errorCode: "AccessDenied" }) { totalCount } }',
    )) as { coverageGaps: { totalCount: number } };
    expect(denied.coverageGaps.totalCount).toBe(2);
  });
});

describe('scanRuns', () => {
  it('lists the analyses with their rules, scores and attack paths', async () => {
    const data = (await query(
      '{ scanRuns(first: 5) { id startedAt rules compliance attackPaths } }',
    )) as {
      scanRuns: {
        id: string;
        rules: number;
        compliance: Record<string, number>;
        attackPaths: number | null;
      }[];
    };
    const [run] = data.scanRuns;
    expect(run?.id).toMatch(/^analysis-20260601T000000000Z-[0-9a-z]{9}$/);
    expect(run?.rules).toBeGreaterThan(50);
    expect(Object.keys(run?.compliance ?? {})).toContain('cis-aws-5.0.0');
    expect(run?.attackPaths).toBe(0);
  });
});
