import type { Database } from '../db/connection.js';
import { readNamed, writeNamed } from '../db/transactions.js';
import { loggerFor } from '../logging/logger.js';
import { applyStaged } from './apply-staged.js';
import type { PlannedBatch } from './batch-plan.js';
import { cleanupScope } from './cleanup-scope.js';
import { APPLY_STALE_AFTER_MS, withLoadHeartbeat } from './load-heartbeat.js';
import type { ProgressListener } from './load-progress.js';

export interface CompletedLoad {
  readonly scope: string;
  readonly scanId: string;
  readonly deletedNodes: number;
  readonly deletedRels: number;
}

/**
 * Everything after staging: apply the staged batches, remove stale data, make the load current.
 * Idempotent, so an interrupted load is finished by running it again. The heartbeat tells other
 * processes this load is alive, so they do not apply it at the same time.
 */
export async function completeLoad(
  db: Database,
  target: { scope: string; provider: string; scanId: string; now: string },
  planned: readonly PlannedBatch[] | undefined,
  onProgress?: ProgressListener,
): Promise<CompletedLoad> {
  const deleted = await withLoadHeartbeat(db, target, async () => {
    await applyStaged(db, target, planned, onProgress);
    const counts = await cleanupScope(db, target);
    await onProgress?.({ stage: 'cleanup', ...counts });
    return counts;
  });
  await writeNamed(db, 'load/finish-scope', {
    scope: target.scope,
    scanId: target.scanId,
    now: new Date().toISOString(),
  });
  return { scope: target.scope, scanId: target.scanId, ...deleted };
}

export interface RecoverOptions {
  /** Only this scope's load (e.g. `aws:123456789012`); every scope when absent. */
  readonly scope?: string;
  /** A load whose heartbeat is younger than this is alive and left to its own loader. */
  readonly staleAfterMs?: number;
}

/**
 * Finishes loads that were interrupted after staging (the process died, the database went
 * away). Run before analysis and before a new load, so no reader keeps seeing APPLYING. A load
 * still beating is another process at work and is left alone; of several processes recovering
 * the same load, one takes it over.
 */
export async function recoverPendingLoads(
  db: Database,
  options: RecoverOptions = {},
): Promise<CompletedLoad[]> {
  const pending = await readNamed<{ scope: string; provider: string; scanId: string }>(
    db,
    'load/pending-scopes',
    { scope: options.scope ?? null },
  );
  const recovered: CompletedLoad[] = [];
  for (const load of pending) {
    const now = new Date();
    const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? APPLY_STALE_AFTER_MS));
    const [claim] = await writeNamed<{ claimed: number }>(db, 'load/claim-roll-forward', {
      ...load,
      staleBefore: staleBefore.toISOString(),
      now: now.toISOString(),
    });
    if (!claim?.claimed) continue;
    loggerFor({ scanId: load.scanId }).warn({ scope: load.scope }, 'finishing an interrupted load');
    recovered.push(await completeLoad(db, { ...load, now: now.toISOString() }, undefined));
  }
  return recovered;
}
