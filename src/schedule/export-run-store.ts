import neo4j from 'neo4j-driver';
import type { Database } from '../db/connection.js';
import { readTransaction, writeTransaction } from '../db/transactions.js';
import { cypher } from '../db/cypher-registry.js';

export type ExportRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

/** One run of a scheduled export, as stored (`CairnExportRun`). */
export interface ExportRun {
  readonly id: string;
  readonly schedule: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: ExportRunStatus;
  readonly attempts: number;
  /** One line, credentials and URL queries removed; null when it succeeded. */
  readonly error: string | null;
  /** Where the export went: `file:<path>` and `webhook:<URL without query>`. */
  readonly destinations: readonly string[];
}

/** Where runs are recorded: the graph in the server, a list in tests. */
export interface ExportRunStore {
  save(run: ExportRun): Promise<void>;
}

export function graphRunStore(db: Database): ExportRunStore {
  return {
    save: async (run) => {
      await writeTransaction(db, (tx) => tx.run(cypher('export/write-export-run'), { run }));
    },
  };
}

export const MAX_RUNS_LISTED = 1_000;

/** The newest `limit` runs, optionally of one schedule, read a keyset page at a time. */
export async function readExportRuns(
  db: Database,
  options: { schedule?: string; limit: number },
): Promise<ExportRun[]> {
  const runs: ExportRun[] = [];
  let after: ExportRun | undefined;
  while (runs.length < options.limit) {
    const page = await readTransaction(db, async (tx) => {
      const result = await tx.run(cypher('export/export-runs-page'), {
        schedule: options.schedule ?? null,
        afterStartedAt: after?.startedAt ?? null,
        afterId: after?.id ?? null,
        limit: neo4j.int(Math.min(200, options.limit - runs.length)),
      });
      return result.records.map((record) => runOf(record.get('run') as Record<string, unknown>));
    });
    runs.push(...page);
    if (page.length === 0) break;
    after = page[page.length - 1];
  }
  return runs;
}

/** Neo4j drops null properties: absent ones read back as null, odd ones as strings. */
function runOf(stored: Record<string, unknown>): ExportRun {
  const text = (key: string): string | null =>
    typeof stored[key] === 'string' ? stored[key] : null;
  const destinations = Array.isArray(stored['destinations']) ? stored['destinations'] : [];
  return {
    id: text('id') ?? '',
    schedule: text('schedule') ?? '',
    startedAt: text('startedAt') ?? '',
    finishedAt: text('finishedAt'),
    status: (text('status') ?? 'RUNNING') as ExportRunStatus,
    attempts: typeof stored['attempts'] === 'number' ? stored['attempts'] : 0,
    error: text('error'),
    destinations: destinations.filter((d): d is string => typeof d === 'string'),
  };
}
