import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAwsActionCatalog } from '../../src/analyze/aws/policy/index.js';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import { Provider } from '../../src/model/provider.js';
import { servedAssumeEdges, servedIamModel } from '../../src/serve/who-can/served-iam-model.js';
import { openTestGraph, uniqueAccountId } from '../support/graph.js';

// whoCan keeps the IAM model between requests; a load of any scope must show in the next one.
const account = uniqueAccountId();
const user = (name: string) => ({
  model: 'AWSUser',
  id: `arn:aws:iam::${account}:user/${name}`,
  stub: false,
  properties: { name },
});
let db: Database;

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
});

afterAll(async () => {
  await db.close();
});

describe('the served IAM model', () => {
  it('is read once while nothing is loaded, and again after a load', async () => {
    const actions = await loadAwsActionCatalog();
    const scope = (names: string[]) => ({
      scope: { provider: Provider.AWS, id: account },
      nodes: [{ model: 'AWSAccount', id: account, stub: true, properties: {} }, ...names.map(user)],
      relationships: names.map((name) => ({
        type: 'IN_ACCOUNT',
        from: `arn:aws:iam::${account}:user/${name}`,
        to: account,
        properties: {},
      })),
    });
    await loadScope(db, scope(['ana']));
    const first = await servedIamModel(db, actions);
    expect(await servedIamModel(db, actions)).toBe(first);
    // Its CAN_ASSUME edges are computed once per model too.
    expect(servedAssumeEdges(first)).toBe(servedAssumeEdges(first));
    expect(first.principals.map((p) => p.id)).toEqual([`arn:aws:iam::${account}:user/ana`]);

    await loadScope(db, scope(['ana', 'bo']));
    const second = await servedIamModel(db, actions);
    expect(second).not.toBe(first);
    expect(second.principals.map((p) => p.id).sort()).toEqual([
      `arn:aws:iam::${account}:user/ana`,
      `arn:aws:iam::${account}:user/bo`,
    ]);
  });
});
