import type { Database } from '../db/connection.js';
import { writeNamed } from '../db/transactions.js';
import { CairnError } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { flattenGraphRecords, type GraphRecords } from '../records/graph-records.js';
import { validateGraphRecords } from '../records/validate-graph-records.js';
import { scopeKey } from '../records/scope-ref.js';
import { planBatches } from './batch-plan.js';
import type { ProgressListener } from './load-progress.js';
import { completeLoad, recoverPendingLoads } from './roll-forward.js';
import { newScanId } from './scan-id.js';
import { abandonLoad, claimScope, type ScopeClaim } from './scope-claim.js';
import { stageBatches } from './stage-batches.js';

export interface LoadOptions {
  /** Where the records came from, e.g. `import aws-authz dump.json`; kept on the scan node. */
  readonly source?: string;
  readonly batchSize?: number;
  readonly scanId?: string;
  /** How long a staging load may go without a heartbeat before another load may take over. */
  readonly staleAfterMs?: number;
  readonly onProgress?: ProgressListener;
}

export interface LoadResult {
  readonly scope: string;
  readonly scanId: string;
  readonly nodes: number;
  readonly relationships: number;
  readonly deletedNodes: number;
  readonly deletedRels: number;
  readonly batches: number;
}

export const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Replaces one scope's data with `records` (already validated), leaving other scopes alone.
 *
 * Stage, then apply: every batch is first written to staging; until staging completes the
 * scope's readers see its previous state, and a failure discards the staged batches. Once all
 * is staged the scope is marked APPLYING and the batches are applied and stale data removed;
 * that phase is idempotent and is rolled forward by `recoverPendingLoads` if interrupted (once
 * its heartbeat has stopped).
 */
export async function loadScope(
  db: Database,
  records: GraphRecords,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const now = new Date();
  const claim: ScopeClaim = {
    scope: scopeKey(records.scope),
    provider: records.scope.provider,
    scanId: options.scanId ?? newScanId(now),
    source: options.source ?? 'api',
    now: now.toISOString(),
  };
  // Collectors hand over typed records, but a bug there must not reach the graph either.
  validateGraphRecords(flattenGraphRecords(records), options.source ?? 'records');
  const batches = planBatches(records, options.batchSize ?? DEFAULT_BATCH_SIZE);

  let outcome = await claimScope(db, claim, options.staleAfterMs ?? 10 * 60_000);
  if (!outcome.claimed) {
    // Finish the scope's interrupted apply first; one that is still beating belongs to a live load.
    await recoverPendingLoads(db, { scope: claim.scope });
    outcome = await claimScope(db, claim, options.staleAfterMs ?? 10 * 60_000);
    if (!outcome.claimed) {
      throw new CairnError(
        ErrorCode.SCOPE_BUSY,
        `scope ${claim.scope} is being applied by ${outcome.rollForwardScanId}; retry when it has finished`,
      );
    }
  }

  try {
    await stageBatches(db, claim, batches, options.onProgress);
  } catch (error) {
    await abandonLoad(db, claim, error instanceof Error ? error.message : String(error)).catch(
      () => undefined,
    );
    throw error;
  }

  const counts = { nodeCount: records.nodes.length, relCount: records.relationships.length };
  await writeNamed(db, 'load/mark-scope-applying', { ...claim, ...counts });
  const done = await completeLoad(db, { ...claim, now: claim.now }, batches, options.onProgress);
  await options.onProgress?.({ stage: 'done' });
  return {
    scope: claim.scope,
    scanId: claim.scanId,
    nodes: records.nodes.length,
    relationships: records.relationships.length,
    deletedNodes: done.deletedNodes,
    deletedRels: done.deletedRels,
    batches: batches.length,
  };
}
