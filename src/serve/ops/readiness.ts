import type { Database } from '../../db/connection.js';
import { firstLine } from '../../errors/cairn-error.js';
import { redact } from '../../errors/redact.js';

/** How long the database may take to answer a readiness probe. */
export const READINESS_TIMEOUT_MS = 2000;

export type Readiness = { ready: true } | { ready: false; reason: string };

/**
 * Ready when Neo4j answers `RETURN 1` in time. The reason is meant for a probe's log: one line,
 * with credentials and passwords in URIs removed.
 */
export async function checkReadiness(
  db: Database,
  timeoutMs: number = READINESS_TIMEOUT_MS,
): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: `the database did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const probe = (async (): Promise<Readiness> => {
    const session = db.session('READ');
    try {
      // Auto-commit: a managed transaction would keep retrying an unreachable server for 30 s.
      await session.run('RETURN 1', {}, { timeout: timeoutMs });
      return { ready: true };
    } finally {
      await session.close();
    }
  })().catch((error: unknown): Readiness => ({
    ready: false,
    reason: `the database is unavailable: ${redact(firstLine(messageOf(error))).slice(0, 300)}`,
  }));
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
