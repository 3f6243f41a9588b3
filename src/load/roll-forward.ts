import type { Database } from '../db/connection.js';
import { readNamed, writeNamed } from '../db/transactions.js';
import { loggerFor } from '../logging/logger.js';
import { applyStaged } from './apply-staged.js';
import type { PlannedBatch } from './batch-plan.js';
import { cleanupScope } from './cleanup-scope.js';
import type { ProgressListener } from './load-progress.js';

export interface CompletedLoad {
  readonly scope: string;
  readonly scanId: string;
  readonly deletedNodes: number;
  readonly deletedRels: number;
}

/**
 * Everything after staging: apply the staged batches, remove stale data, make the load current.
 * Idempotent, so an interrupted load is finished by running it again.
 */
export async function completeLoad(
  db: Database,
  target: { scope: string; provider: string; scanId: string; now: string },
  planned: readonly PlannedBatch[] | undefined,
  onProgress?: ProgressListener,
): Promise<CompletedLoad> {
  await applyStaged(db, target, planned, onProgress);
  const deleted = await cleanupScope(db, target);
  await onProgress?.({ stage: 'cleanup', ...deleted });
  await writeNamed(db, 'load/finish-scope', {
    scope: target.scope,
    scanId: target.scanId,
    now: new Date().toISOString(),
  });
  return { scope: target.scope, scanId: target.scanId, ...deleted };
}

/**
 * Finishes loads that were interrupted after staging (the process died, the database went
 * away). Run before analysis and before a new load, so no reader keeps seeing APPLYING.
 */
export async function recoverPendingLoads(db: Database): Promise<CompletedLoad[]> {
  const pending = await readNamed<{ scope: string; provider: string; scanId: string }>(
    db,
    'load/pending-scopes',
  );
  const recovered: CompletedLoad[] = [];
  for (const load of pending) {
    loggerFor({ scanId: load.scanId }).warn({ scope: load.scope }, 'finishing an interrupted load');
    recovered.push(await completeLoad(db, { ...load, now: new Date().toISOString() }, undefined));
  }
  return recovered;
}
