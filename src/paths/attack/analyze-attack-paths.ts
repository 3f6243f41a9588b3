import type { Database } from '../../db/connection.js';
import { cypher } from '../../db/cypher-registry.js';
import { deleteInBatches, readNamed, writeNamed } from '../../db/transactions.js';
import { loadAttackScene } from './attack-scene.js';
import { findAttackPaths } from './find-attack-paths.js';
import { DEFAULT_PATH_SETTINGS, type PathSettings } from './path-settings.js';
import { rankPaths, storedPath } from './stored-attack-path.js';

export interface AttackPathOptions {
  /** The settings file's content (risk model, search, entries, crown jewels); defaults without. */
  readonly settings?: PathSettings;
}

export interface AttackPathSummary {
  readonly paths: number;
  /** Groups of alike paths (same entry, crown jewel and techniques). */
  readonly groups: number;
  readonly entries: number;
  readonly crownJewels: number;
  readonly byBand: Readonly<Record<string, number>>;
  /** Paths the previous run did not have. */
  readonly new: number;
  /** Paths found beyond `search.maxPaths`, dropped (the likeliest were kept). */
  readonly dropped: number;
}

const BATCH = 5_000;

/**
 * The attack-path stage of `cairn analyze`: reads the attack graph, finds the k likeliest paths
 * from every entry point to every crown jewel in reach, and stores them under this run with the
 * settings it used (keeping the previous run's, for what is new and gone).
 */
export async function analyzeAttackPaths(
  db: Database,
  runId: string,
  now: string,
  options: AttackPathOptions = {},
): Promise<AttackPathSummary> {
  const settings = options.settings ?? DEFAULT_PATH_SETTINGS;
  const { graph, entries, jewels } = await loadAttackScene(db, settings, now);
  const found = findAttackPaths(graph, settings.riskModel, entries, jewels, settings.search);
  const [previousRun] = (await readNamed<{ runId: string }>(db, 'paths/attack-path-runs'))
    .map((row) => row.runId)
    .filter((id) => id !== runId);
  const previousKeys = previousRun
    ? new Set(
        (
          await readNamed<{ keys: string[] }>(db, 'paths/attack-path-keys', { runId: previousRun })
        )[0]?.keys ?? [],
      )
    : undefined;
  const rows = rankPaths(
    found.map((path) => storedPath(graph, path, runId)),
    settings.search.maxPaths,
    previousKeys,
  );
  for (let at = 0; at < rows.length; at += BATCH) {
    await writeNamed(db, 'paths/write-attack-paths', { rows: rows.slice(at, at + BATCH) });
  }
  const byBand: Record<string, number> = {};
  for (const row of rows) byBand[row.band] = (byBand[row.band] ?? 0) + 1;
  const summary: AttackPathSummary = {
    paths: rows.length,
    groups: rows.filter((row) => row.groupRank === 1).length,
    entries: entries.length,
    crownJewels: jewels.length,
    byBand,
    new: rows.filter((row) => row.isNew).length,
    dropped: Math.max(0, found.length - rows.length),
  };
  // The run record goes last: until it is written, readers keep serving the previous run.
  await writeNamed(db, 'paths/write-path-run', {
    run: {
      id: runId,
      createdAt: now,
      settings: JSON.stringify(settings),
      paths: summary.paths,
      groups: summary.groups,
      entries: summary.entries,
      crownJewels: summary.crownJewels,
      dropped: summary.dropped,
      previousRunId: previousRun ?? null,
    },
  });
  await deleteInBatches(db, cypher('paths/delete-old-attack-paths-batch'), {
    keep: [runId, ...(previousRun ? [previousRun] : [])],
  });
  return summary;
}
