import type { Database } from '../../db/connection.js';
import { readNamed, writeNamed } from '../../db/transactions.js';
import type { StoredFinding } from './finding.js';
import type { PriorFinding } from './lifecycle.js';

const BATCH = 5_000;

export async function readPriorFindings(db: Database): Promise<Map<string, PriorFinding>> {
  const rows = await readNamed<PriorFinding>(db, 'findings/prior-findings');
  return new Map(
    rows.map((row) => [row.id, { ...row, reopenCount: Number(row.reopenCount ?? 0) }]),
  );
}

/** Writes findings in batches (each its own transaction, so memory stays bounded). */
export async function writeFindings(
  db: Database,
  findings: readonly StoredFinding[],
): Promise<void> {
  for (let at = 0; at < findings.length; at += BATCH) {
    await writeNamed(db, 'findings/write-findings', { rows: findings.slice(at, at + BATCH) });
  }
}

export async function resolveFindings(
  db: Database,
  ids: readonly string[],
  now: string,
  runId: string,
): Promise<void> {
  for (let at = 0; at < ids.length; at += BATCH) {
    await writeNamed(db, 'findings/resolve-findings', {
      ids: ids.slice(at, at + BATCH),
      now,
      runId,
    });
  }
}
