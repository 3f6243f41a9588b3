import type { Database } from '../db/connection.js';
import { cypher } from '../db/cypher-registry.js';
import { deleteInBatches, writeNamed } from '../db/transactions.js';
import { relStaleDeleteCypher } from '../model/load-cypher.js';
import { nodeModels, relModels } from '../model/registry.js';

/**
 * Removes what the scope had before and this load did not write: relationships first (found
 * through each type's scope index), then nodes (through the entity scope index), then shared
 * nodes nothing refers to any more. Other scopes are never touched: a stale node another scope
 * still refers to is handed to that scope as a stub.
 */
export async function cleanupScope(
  db: Database,
  target: { scope: string; scanId: string },
): Promise<{ deletedNodes: number; deletedRels: number }> {
  let deletedRels = 0;
  for (const rel of relModels.values()) {
    deletedRels += await deleteInBatches(db, relStaleDeleteCypher(rel), target);
  }
  await writeNamed(db, 'load/hand-over-stale-referenced-nodes', target);
  // DETACH DELETE also removes each node's relationships (derived ones can be many): small batches.
  let deletedNodes = await deleteInBatches(
    db,
    cypher('load/delete-stale-nodes-batch'),
    target,
    1_000,
  );
  const sharedScopes = new Set(
    [...nodeModels.values()].flatMap((m) => (m.sharedScope ? [m.sharedScope] : [])),
  );
  for (const sharedScope of sharedScopes) {
    deletedNodes += await deleteInBatches(db, cypher('load/delete-orphan-shared-nodes-batch'), {
      sharedScope,
    });
  }
  return { deletedNodes, deletedRels };
}
