import type { Database } from '../../db/connection.js';
import { cypher } from '../../db/cypher-registry.js';
import { deleteInBatches, readNamed, writeNamed } from '../../db/transactions.js';
import { findAttackPaths } from './find-attack-paths.js';
import { readAttackGraph } from './read-attack-graph.js';
import { readCrownJewels, readEntries } from './read-targets.js';
import { DEFAULT_RISK_MODEL, type RiskModel } from './risk-model.js';
import { storedPath } from './stored-attack-path.js';

export interface AttackPathOptions {
  readonly model?: RiskModel;
  /** Paths kept per (entry, crown jewel) pair. */
  readonly k?: number;
  readonly maxHops?: number;
  readonly keyAgeDays?: number;
}

export interface AttackPathSummary {
  readonly paths: number;
  readonly entries: number;
  readonly crownJewels: number;
  readonly byBand: Readonly<Record<string, number>>;
  /** Paths the previous run did not have. */
  readonly new: number;
}

const BATCH = 5_000;

/**
 * The attack-path stage of `cairn analyze`: reads the attack graph, finds the k likeliest paths
 * from every entry point to every crown jewel in reach, and stores them under this run (keeping
 * the previous run's, for what is new and gone).
 */
export async function analyzeAttackPaths(
  db: Database,
  runId: string,
  now: string,
  options: AttackPathOptions = {},
): Promise<AttackPathSummary> {
  const model = options.model ?? DEFAULT_RISK_MODEL;
  const graph = await readAttackGraph(db, model);
  const entries = await readEntries(db, { now, keyAgeDays: options.keyAgeDays ?? 90 });
  const jewels = await readCrownJewels(db, graph, model);
  const paths = findAttackPaths(graph, model, entries, jewels, {
    k: options.k ?? 3,
    maxHops: options.maxHops ?? 6,
  });
  const rows = paths.map((path) => storedPath(graph, path, runId));
  const [previousRun] = (await readNamed<{ runId: string }>(db, 'paths/attack-path-runs'))
    .map((row) => row.runId)
    .filter((id) => id !== runId);
  const previous = previousRun
    ? new Set(
        (
          await readNamed<{ keys: string[] }>(db, 'paths/attack-path-keys', { runId: previousRun })
        )[0]?.keys ?? [],
      )
    : new Set<string>();
  for (let at = 0; at < rows.length; at += BATCH) {
    await writeNamed(db, 'paths/write-attack-paths', { rows: rows.slice(at, at + BATCH) });
  }
  await deleteInBatches(db, cypher('paths/delete-old-attack-paths-batch'), {
    keep: [runId, ...(previousRun ? [previousRun] : [])],
  });
  const byBand: Record<string, number> = {};
  for (const row of rows) byBand[row.band] = (byBand[row.band] ?? 0) + 1;
  return {
    paths: rows.length,
    entries: entries.length,
    crownJewels: jewels.length,
    byBand,
    new: rows.filter((row) => !previous.has(row.pathKey)).length,
  };
}
