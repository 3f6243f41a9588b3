import neo4j from 'neo4j-driver';
import type { Database } from '../db/connection.js';
import { writeNamed } from '../db/transactions.js';
import type { PlannedBatch } from './batch-plan.js';
import { withLoadHeartbeat } from './load-heartbeat.js';
import type { ProgressListener } from './load-progress.js';

/** Writes every planned batch to staging. Nothing the scope's readers see changes here. */
export async function stageBatches(
  db: Database,
  target: { scope: string; scanId: string },
  batches: readonly PlannedBatch[],
  onProgress: ProgressListener | undefined,
): Promise<void> {
  await withLoadHeartbeat(db, target, async () => {
    for (const batch of batches) {
      await writeNamed(db, 'load/stage-batch', {
        scanId: target.scanId,
        scope: target.scope,
        seq: neo4j.int(batch.seq),
        phase: batch.phase,
        model: batch.model,
        rowCount: neo4j.int(batch.rows.length),
        rows: JSON.stringify(batch.rows),
      });
      await onProgress?.({ stage: 'staging', batch: batch.seq + 1, batches: batches.length });
    }
  });
}
