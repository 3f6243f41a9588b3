import type { Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { createContext } from '../../src/serve/context.js';
import { executeOperation, runOperation } from '../../src/serve/execute.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';
import { node, sampleAccount } from '../support/records.js';

let db: Database;
const account = uniqueAccountId();
const arn = (kind: string, name: string): string => `arn:aws:iam::${account}:${kind}/${name}`;
const jsonLookingName = '{"looks":"like JSON"}';

beforeAll(async () => {
  db = await openTestGraph();
  const records = sampleAccount(account, { roles: 3 });
  await loadScope(db, {
    ...records,
    nodes: [...records.nodes, node('AWSRole', arn('role', 'odd'), { name: jsonLookingName })],
  });
});

afterAll(async () => {
  await dropScope(db, `aws:${account}`);
  await db.close();
});

/** A database whose every query fails with a message full of things a client must not see. */
function failingDatabase(kind: 'driver' | 'bug'): Database {
  const secret = 'bolt://neo4j:hunter2@10.1.2.3:7687 MATCH (n:Secret)';
  const session = (): Session => {
    if (kind === 'bug') throw new Error(`bug near ${secret}`);
    const fail = (): Promise<never> => Promise.reject(new Error(`driver says ${secret}`));
    return {
      executeRead: fail,
      executeWrite: fail,
      run: fail,
      close: () => Promise.resolve(),
    } as unknown as Session;
  };
  return { ...db, session };
}

describe('GraphQL: node, health, scopes', () => {
  it('finds a node by its cloud id, with labels and decoded properties; null when absent', async () => {
    const result = await executeOperation(
      db,
      `query ($id: ID!, $missing: ID!) {
        node(id: $id) { id ... on Entity { name provider scope labels stub properties } }
        absent: node(id: $missing) { id }
      }`,
      { id: arn('user', 'alice'), missing: arn('user', 'nobody') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      node: {
        id: arn('user', 'alice'),
        name: 'alice',
        provider: 'AWS',
        scope: `aws:${account}`,
        labels: ['AWSUser', 'Principal', 'Human'],
        stub: false,
        properties: expect.objectContaining({ tags: { team: 'red' } }) as unknown,
      },
      absent: null,
    });
  });

  it('decodes only the properties its model declares JSON', async () => {
    const result = await executeOperation(
      db,
      `query ($policy: ID!, $odd: ID!) {
        policy: node(id: $policy) { ... on Entity { properties } }
        odd: node(id: $odd) { ... on Entity { name properties } }
      }`,
      { policy: arn('policy', 'ops'), odd: arn('role', 'odd') },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, { name?: string; properties: object }>;
    expect(data['policy']?.properties).toMatchObject({
      document: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    });
    expect(data['odd']?.name).toBe(jsonLookingName);
    expect(data['odd']?.properties).toMatchObject({ name: jsonLookingName });
  });

  it('answers N node lookups in one operation with one database query', async () => {
    const counter = { queries: 0 };
    const ids = ['alice', 'deploy', 'extra-0', 'extra-1', 'extra-2'].map((n, i) =>
      arn(i === 0 ? 'user' : 'role', n),
    );
    const lookups = [...ids, arn('role', 'absent'), ids[0] ?? ''];
    const query = `{ ${lookups.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`;
    const result = await executeOperation(db, query, {}, { counter });
    expect(Object.values(result.data ?? {}).map((n) => (n as { id: string } | null)?.id)).toEqual([
      ...ids,
      undefined,
      ids[0],
    ]);
    expect(counter.queries).toBe(1);
  });

  it('reports health and the loaded scopes', async () => {
    const result = await executeOperation(
      db,
      '{ health { status version database { reachable version } } scopes { id status nodeCount currentScanId } }',
    );
    const data = result.data as { health: unknown; scopes: { id: string }[] };
    expect(data.health).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      database: { reachable: true, version: expect.stringMatching(/^5\.26/) as unknown },
    });
    expect(data.scopes.find((s) => s.id === `aws:${account}`)).toMatchObject({
      status: 'COMPLETE',
      nodeCount: 10,
    });
  });

  it('reports bad operations with stable codes', async () => {
    const syntax = await executeOperation(db, '{ node(id: ) }');
    expect(syntax.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await executeOperation(db, '{ nosuchfield }');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const mutation = await executeOperation(db, 'mutation { health { status } }');
    expect(mutation.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const vars = await executeOperation(db, 'query ($id: ID!) { node(id: $id) { id } }');
    expect(vars.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('GraphQL when the database fails', () => {
  it('health answers degraded at once instead of throwing', async () => {
    const started = Date.now();
    const result = await executeOperation(
      failingDatabase('driver'),
      '{ health { status database { reachable version } } }',
    );
    expect(result).toEqual({
      data: { health: { status: 'degraded', database: { reachable: false, version: null } } },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each(['driver', 'bug'] as const)(
    'masks a %s failure: stable code, no message, stack or secret; the cause stays server-side',
    async (kind) => {
      const context = createContext(failingDatabase(kind));
      const result = await runOperation(context, { query: '{ node(id: "x") { id } }' });
      expect(result.data).toEqual({ node: null });
      expect(result.errors).toEqual([
        {
          message: expect.stringMatching(/the server log has the detail$/) as unknown,
          locations: [{ line: 1, column: 3 }],
          path: ['node'],
          extensions: { code: kind === 'driver' ? 'DATABASE' : 'INTERNAL' },
        },
      ]);
      expect(JSON.stringify(result)).not.toMatch(/hunter2|10\.1\.2\.3|Secret|at /);
      expect(context.failures).toHaveLength(1);
      expect(String(context.failures[0])).toContain('10.1.2.3');
    },
  );
});
