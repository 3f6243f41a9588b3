import neo4j from 'neo4j-driver';
import type { Database } from '../db/connection.js';
import { readNamed, writeTransaction } from '../db/transactions.js';
import { applyBatch, type ApplyContext } from './apply-batch.js';
import type { BatchPhase, PlannedBatch, StoredNodeRow, StoredRelRow } from './batch-plan.js';
import type { ProgressListener } from './load-progress.js';

/**
 * Applies the staged batches that remain, in order. When the caller still holds the planned
 * batches they are used directly; after an interruption they are read back from staging.
 */
export async function applyStaged(
  db: Database,
  context: ApplyContext,
  planned: readonly PlannedBatch[] | undefined,
  onProgress: ProgressListener | undefined,
): Promise<void> {
  const remaining = await readNamed<{ seq: number }>(db, 'load/staged-batch-ids', {
    scanId: context.scanId,
  });
  const total = planned?.length ?? remaining.length;
  for (const { seq } of remaining) {
    const batch = planned?.[seq] ?? (await readStagedBatch(db, context.scanId, seq));
    // Another process resuming the same load applied it already.
    if (!batch) continue;
    await writeTransaction(db, (tx) => applyBatch(tx, context, batch));
    await onProgress?.({ stage: 'applying', batch: seq + 1, batches: total });
  }
}

async function readStagedBatch(
  db: Database,
  scanId: string,
  seq: number,
): Promise<
  | { seq: number; phase: BatchPhase; model: string; rows: (StoredNodeRow | StoredRelRow)[] }
  | undefined
> {
  const [row] = await readNamed<{ phase: BatchPhase; model: string; rows: string }>(
    db,
    'load/read-staged-batch',
    { scanId, seq: neo4j.int(seq) },
  );
  if (!row) return undefined;
  return { seq, phase: row.phase, model: row.model, rows: JSON.parse(row.rows) as StoredNodeRow[] };
}
