import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';
import { syntheticAccount } from '../support/synthetic-estate.js';

const NODES = 100_000;
const RELS = 300_000;
const account = uniqueAccountId();
const records = syntheticAccount(account, NODES, RELS);
let db: Database;
const runs: number[] = [];

beforeAll(async () => {
  db = await openTestGraph();
});

afterAll(async () => {
  await dropScope(db, `aws:${account}`);
  await db.close();
  const best = Math.min(...runs);
  console.log(
    `load: ${records.nodes.length} nodes + ${records.relationships.length} relationships; ` +
      `runs ${runs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}; ` +
      `best ${Math.round((records.nodes.length + records.relationships.length) / (best / 1000))} items/s`,
  );
});

describe('loader throughput', () => {
  // First run creates everything; later runs rewrite it (the steady state of a rescan).
  bench(
    `loadScope ${NODES} nodes + ${RELS} relationships`,
    async () => {
      const start = performance.now();
      await loadScope(db, records);
      runs.push(performance.now() - start);
    },
    { iterations: 3, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
