import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { loadCypherRegistry } from '../../src/db/cypher-registry.js';
import { readTransaction, writeTransaction } from '../../src/db/transactions.js';
import { countCairnNodes, resetGraph } from '../../src/db/reset-graph.js';
import { loadScope } from '../../src/load/load-scope.js';
import {
  nodeMergeCypher,
  nodeStubCypher,
  relMergeCypher,
  relStaleDeleteCypher,
} from '../../src/model/load-cypher.js';
import { nodeModels, relModels } from '../../src/model/registry.js';
import { schemaStatements } from '../../src/model/schema-statements.js';
import { ensureSchema } from '../../src/db/ensure-schema.js';
import { openTestGraph, uniqueAccountId } from '../support/graph.js';
import { sampleAccount } from '../support/records.js';

let db: Database;

beforeAll(async () => {
  db = await openTestGraph();
});

afterAll(async () => {
  await writeTransaction(db, (tx) => tx.run('MATCH (n:NotCairnUserData) DELETE n'));
  await db.close();
});

describe('every Cypher query compiles against Neo4j 5.26', () => {
  const generated = [
    ...[...nodeModels.values()].flatMap((m) => [nodeMergeCypher(m), nodeStubCypher(m)]),
    ...[...relModels.values()].flatMap((m) => [relMergeCypher(m), relStaleDeleteCypher(m)]),
  ];
  it.each([...loadCypherRegistry().entries()])('%s', async (_name, text) => {
    await readTransaction(db, (tx) => tx.run(`EXPLAIN ${text}`));
  });
  it(`the ${generated.length} generated load queries`, async () => {
    for (const text of generated) await readTransaction(db, (tx) => tx.run(`EXPLAIN ${text}`));
  });
});

describe('schema setup', () => {
  it('is idempotent and creates every constraint and index', async () => {
    await ensureSchema(db);
    const names = await readTransaction(db, async (tx) => {
      const indexes = await tx.run('SHOW INDEXES YIELD name RETURN collect(name) AS names');
      return indexes.records[0]?.get('names') as string[];
    });
    const expected = schemaStatements().map((s) => /(?:CONSTRAINT|INDEX) (\S+) IF/.exec(s)?.[1]);
    for (const name of expected) expect(names).toContain(name);
  });
});

describe('resetGraph', () => {
  it('deletes everything Cairn stored and nothing else', async () => {
    await loadScope(db, sampleAccount(uniqueAccountId()));
    await writeTransaction(db, (tx) => tx.run('CREATE (:NotCairnUserData {keep: true})'));
    expect(await countCairnNodes(db)).toBeGreaterThan(0);

    const deleted = await resetGraph(db);

    expect(deleted['Entity']).toBeGreaterThan(0);
    expect(deleted['CairnScope']).toBeGreaterThan(0);
    expect(await countCairnNodes(db)).toBe(0);
    const kept = await readTransaction(db, (tx) =>
      tx.run('MATCH (n:NotCairnUserData) RETURN count(n) AS n'),
    );
    expect(kept.records[0]?.get('n')).toBe(1);
  });
});
