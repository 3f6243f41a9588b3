import { randomInt } from 'node:crypto';
import type { Database } from '../../src/db/connection.js';
import { openGraph } from '../../src/db/open-graph.js';
import { deleteInBatches, readTransaction, writeTransaction } from '../../src/db/transactions.js';

/** Opens the graph the integration global setup started (or NEO4J_URI's). */
export function openTestGraph(): Promise<Database> {
  return openGraph();
}

/** A fresh 12-digit account id, so suites never share a scope. */
export function uniqueAccountId(): string {
  return Array.from({ length: 12 }, () => randomInt(10)).join('');
}

export interface ScopeState {
  nodes: Record<string, { labels: string[]; props: Record<string, unknown> }>;
  rels: Record<string, Record<string, unknown>>;
}

/** Everything one scope owns, keyed for deep comparison before and after an operation. */
export async function scopeState(db: Database, scope: string): Promise<ScopeState> {
  return readTransaction(db, async (tx) => {
    const nodes = await tx.run(
      'MATCH (n:Entity {scope: $scope}) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props',
      { scope },
    );
    const rels = await tx.run(
      'MATCH (a)-[r]->(b) WHERE r.scope = $scope RETURN a.id + " " + type(r) + " " + b.id AS key, properties(r) AS props',
      { scope },
    );
    const state: ScopeState = { nodes: {}, rels: {} };
    for (const record of nodes.records) {
      state.nodes[record.get('id') as string] = {
        labels: (record.get('labels') as string[]).sort(),
        props: record.get('props') as Record<string, unknown>,
      };
    }
    for (const record of rels.records) {
      state.rels[record.get('key') as string] = record.get('props') as Record<string, unknown>;
    }
    return state;
  });
}

/** The scope's state without the load bookkeeping, for comparing the content of two loads. */
export function contentOf(state: ScopeState): ScopeState {
  const strip = (props: Record<string, unknown>): Record<string, unknown> => {
    const { scanId: _s, firstSeen: _f, lastSeen: _l, ...rest } = props;
    return rest;
  };
  return {
    nodes: Object.fromEntries(
      Object.entries(state.nodes).map(([id, n]) => [
        id,
        { labels: n.labels, props: strip(n.props) },
      ]),
    ),
    rels: Object.fromEntries(Object.entries(state.rels).map(([k, p]) => [k, strip(p)])),
  };
}

export async function scopeNode(
  db: Database,
  scope: string,
): Promise<Record<string, unknown> | undefined> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run('MATCH (s:CairnScope {id: $scope}) RETURN properties(s) AS s', {
      scope,
    });
    return result.records[0]?.get('s') as Record<string, unknown> | undefined;
  });
}

/** Removes a test scope's data and bookkeeping (in batches: a large scope exceeds one transaction). */
export async function dropScope(db: Database, scope: string): Promise<void> {
  await deleteInBatches(
    db,
    'MATCH (n:Entity {scope: $scope}) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted',
    { scope },
    2_000,
  );
  await writeTransaction(db, async (tx) => {
    await tx.run('MATCH (n:CairnScan {scope: $scope}) DELETE n', { scope });
    await tx.run('MATCH (n:CairnStagedBatch {scope: $scope}) DELETE n', { scope });
    await tx.run('MATCH (n:CairnScope {id: $scope}) DELETE n', { scope });
  });
}

export async function countStaged(db: Database, scope: string): Promise<number> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run('MATCH (b:CairnStagedBatch {scope: $scope}) RETURN count(b) AS n', {
      scope,
    });
    return result.records[0]?.get('n') as number;
  });
}

/** Makes a scope's pending load look as if its loader stopped beating `agoMs` ago. */
export async function ageHeartbeat(db: Database, scope: string, agoMs: number): Promise<void> {
  await writeTransaction(db, (tx) =>
    tx.run('MATCH (s:CairnScope {id: $scope}) SET s.pendingHeartbeat = $at', {
      scope,
      at: new Date(Date.now() - agoMs).toISOString(),
    }),
  );
}
