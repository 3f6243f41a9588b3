import neo4j from 'neo4j-driver';
import type { Database } from '../db/connection.js';
import { readNamed, writeTransaction } from '../db/transactions.js';
import { applyBatch, type ApplyContext } from './apply-batch.js';
import type { BatchPhase, StoredNodeRow, StoredRelRow } from './batch-plan.js';
import type { ProgressListener } from './load-progress.js';

type ApplicableBatch = {
  seq: number;
  phase: BatchPhase;
  model: string;
  rows: readonly (StoredNodeRow | StoredRelRow)[];
};

/**
 * Applies the staged batches that remain. Phases run in order (nodes, stubs, relationships, so
 * relationship ends exist); within a phase `concurrency` batches run at once, since Neo4j, not
 * this process, is the bottleneck. Planned batches are used directly when the caller still
 * holds them; after an interruption they are read back from staging.
 */
export async function applyStaged(
  db: Database,
  context: ApplyContext,
  planned: readonly ApplicableBatch[] | undefined,
  onProgress: ProgressListener | undefined,
  concurrency = 2,
): Promise<void> {
  const remaining = await readNamed<{ seq: number }>(db, 'load/staged-batch-ids', {
    scanId: context.scanId,
  });
  const total = planned?.length ?? remaining.length;
  let done = total - remaining.length;
  const apply = async (batch: ApplicableBatch): Promise<void> => {
    await writeTransaction(db, (tx) => applyBatch(tx, context, batch));
    done += 1;
    await onProgress?.({ stage: 'applying', batch: done, batches: total });
  };

  if (planned) {
    const pending = new Set(remaining.map((row) => row.seq));
    for (const phase of PHASE_ORDER) {
      const group = planned.filter((batch) => batch.phase === phase && pending.has(batch.seq));
      await runPool(group, concurrency, apply);
    }
    return;
  }
  // Resuming after an interruption: read each batch back, in staging (= phase) order.
  for (const { seq } of remaining) {
    const batch = await readStagedBatch(db, context.scanId, seq);
    // Another process resuming the same load applied it already.
    if (batch) await apply(batch);
  }
}

const PHASE_ORDER: readonly BatchPhase[] = ['node', 'stub', 'rel'];

/**
 * Runs `work` over `items`, `size` at a time. On a failure no new item starts, and the promise
 * settles only when the items in flight have: a failed apply must not leave a worker writing in
 * the background while someone else (a retry, a recovery) applies the same batches.
 */
async function runPool<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(size, items.length) }, worker),
  );
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejected) throw rejected.reason;
}

async function readStagedBatch(
  db: Database,
  scanId: string,
  seq: number,
): Promise<ApplicableBatch | undefined> {
  const [row] = await readNamed<{
    phase: BatchPhase | null;
    model: string | null;
    rows: string | null;
  }>(db, 'load/read-staged-batch', { scanId, seq: neo4j.int(seq) });
  // Gone, or deleted while being read (its properties read as null): applied by someone else.
  if (!row?.phase || !row.model || row.rows === null) return undefined;
  return { seq, phase: row.phase, model: row.model, rows: JSON.parse(row.rows) as StoredNodeRow[] };
}
