import type { Database } from '../db/connection.js';
import { writeNamed } from '../db/transactions.js';
import { loggerFor } from '../logging/logger.js';

/** How often a load, staging or applying, proves it is alive. */
export const LOAD_HEARTBEAT_MS = 10_000;

/**
 * How long an applying load may go without a heartbeat before another process finishes it for
 * it. Six missed beats: long enough for a busy database, short enough that a killed load does
 * not leave its scope APPLYING for long.
 */
export const APPLY_STALE_AFTER_MS = 60_000;

/**
 * Runs `work` while a timer refreshes the pending load's heartbeat, so other processes can tell a
 * live load (leave it alone) from an abandoned or interrupted one (take it over, roll it
 * forward). A timer rather than a beat per batch, because one batch or one cleanup step can take
 * longer than the beat.
 */
export async function withLoadHeartbeat<T>(
  db: Database,
  target: { scope: string; scanId: string },
  work: () => Promise<T>,
  everyMs = LOAD_HEARTBEAT_MS,
): Promise<T> {
  let beating: Promise<unknown> = Promise.resolve();
  const beat = (): void => {
    beating = beating
      .then(() =>
        writeNamed(db, 'load/heartbeat-scope', { ...target, now: new Date().toISOString() }),
      )
      .catch((error: unknown) => {
        // A missed beat only risks another process taking over early (applying is idempotent).
        loggerFor({ scanId: target.scanId }).warn(
          { scope: target.scope, error: error instanceof Error ? error.message : String(error) },
          'could not refresh the load heartbeat',
        );
      });
  };
  beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await beating;
  }
}
