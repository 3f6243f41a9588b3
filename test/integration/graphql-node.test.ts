import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { executeOperation } from '../../src/serve/execute.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';
import { sampleAccount } from '../support/records.js';

let db: Database;
const account = uniqueAccountId();
const arn = (kind: string, name: string): string => `arn:aws:iam::${account}:${kind}/${name}`;

beforeAll(async () => {
  db = await openTestGraph();
  await loadScope(db, sampleAccount(account, { roles: 3 }));
});

afterAll(async () => {
  await dropScope(db, `aws:${account}`);
  await db.close();
});

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
        labels: expect.arrayContaining(['AWSUser', 'Principal', 'Human']) as unknown,
        stub: false,
        properties: expect.objectContaining({ tags: { team: 'red' } }) as unknown,
      },
      absent: null,
    });
  });

  it('answers N node lookups in one operation with one database query', async () => {
    const counter = { queries: 0 };
    const ids = ['alice', 'deploy', 'extra-0', 'extra-1', 'extra-2'].map((n, i) =>
      arn(i === 0 ? 'user' : 'role', n),
    );
    const query = `{ ${ids.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`;
    const result = await executeOperation(db, query, {}, counter);
    expect(Object.values(result.data ?? {}).map((n) => (n as { id: string }).id)).toEqual(ids);
    expect(counter.queries).toBe(1);
  });

  it('reports health and the loaded scopes', async () => {
    const result = await executeOperation(
      db,
      '{ health { status database { reachable version } } scopes { id status nodeCount currentScanId } }',
    );
    const data = result.data as { health: unknown; scopes: { id: string }[] };
    expect(data.health).toMatchObject({ status: 'ok', database: { reachable: true } });
    expect((data.health as { database: { version: string } }).database.version).toMatch(/^5\.26/);
    expect(data.scopes.find((s) => s.id === `aws:${account}`)).toMatchObject({
      status: 'COMPLETE',
      nodeCount: 9,
    });
  });

  it('reports bad operations with stable codes', async () => {
    const syntax = await executeOperation(db, '{ node(id: ) }');
    expect(syntax.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await executeOperation(db, '{ nosuchfield }');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
