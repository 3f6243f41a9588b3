import type { Database } from '../db/connection.js';
import { runNamed, writeTransaction, deleteInBatches } from '../db/transactions.js';
import { cypher } from '../db/cypher-registry.js';
import { CairnError } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';

export interface ScopeClaim {
  readonly scope: string;
  readonly provider: string;
  readonly scanId: string;
  readonly source: string;
  readonly now: string;
}

interface LockedScope {
  status: string;
  currentScanId: string | null;
  pendingScanId: string | null;
  pendingStage: 'STAGING' | 'APPLYING' | null;
  pendingHeartbeat: string | null;
}

export type ClaimOutcome =
  | { readonly claimed: true; readonly abandonedScanId?: string }
  | { readonly claimed: false; readonly rollForwardScanId: string };

/**
 * Makes this load the scope's only pending load, under the scope node's write lock. A load
 * that is staging and alive wins (SCOPE_BUSY); one whose heartbeat stopped is abandoned; one
 * that was applying must be rolled forward first, which the caller does.
 */
export async function claimScope(
  db: Database,
  claim: ScopeClaim,
  staleAfterMs: number,
): Promise<ClaimOutcome> {
  const outcome = await writeTransaction(db, async (tx): Promise<ClaimOutcome> => {
    const [locked] = await runNamed<LockedScope>(tx, 'load/lock-scope', claim);
    const pending = locked?.pendingScanId;
    let abandoned: string | undefined;
    if (pending && locked.pendingStage === 'APPLYING') {
      return { claimed: false, rollForwardScanId: pending };
    }
    if (pending) {
      const beat = Date.parse(locked.pendingHeartbeat ?? '');
      const age = Date.parse(claim.now) - (Number.isNaN(beat) ? 0 : beat);
      if (age < staleAfterMs) {
        throw new CairnError(
          ErrorCode.SCOPE_BUSY,
          `scope ${claim.scope} is being loaded by ${pending}; retry when it has finished`,
        );
      }
      await runNamed(tx, 'load/abandon-scope-load', {
        scope: claim.scope,
        scanId: pending,
        now: claim.now,
        error: 'abandoned: its loader stopped reporting',
      });
      abandoned = pending;
    }
    await runNamed(tx, 'load/mark-scope-pending', claim);
    return abandoned ? { claimed: true, abandonedScanId: abandoned } : { claimed: true };
  });
  if (outcome.claimed && outcome.abandonedScanId) {
    await discardStaged(db, outcome.abandonedScanId);
  }
  return outcome;
}

/** Gives up a load that failed while staging; the scope's current state is untouched. */
export async function abandonLoad(db: Database, claim: ScopeClaim, reason: string): Promise<void> {
  await writeTransaction(db, (tx) =>
    runNamed(tx, 'load/abandon-scope-load', {
      scope: claim.scope,
      scanId: claim.scanId,
      now: new Date().toISOString(),
      error: reason.slice(0, 500),
    }),
  );
  await discardStaged(db, claim.scanId);
}

export async function discardStaged(db: Database, scanId: string): Promise<void> {
  await deleteInBatches(db, cypher('load/delete-staged-batches'), { scanId }, 100);
}
