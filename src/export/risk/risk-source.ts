import neo4j from 'neo4j-driver';
import type { Database } from '../../db/connection.js';
import { readNamed, readTransaction } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import { cypher } from '../../db/cypher-registry.js';
import type { RiskPathRow, RiskSource } from './risk-output.js';

const PAGE = 1_000;

/** The latest analysis run's paths and the run before it; fails at once when there is none. */
export async function riskSource(db: Database): Promise<RiskSource> {
  const runs = (await readNamed<{ runId: unknown }>(db, 'paths/attack-path-runs'))
    .map((row) => row.runId)
    .filter((id): id is string => typeof id === 'string');
  const [runId, previousRunId] = runs;
  if (runId === undefined) {
    throw new BadInputError('no attack paths stored yet: run `cairn analyze` first');
  }
  const other = previousRunId ?? null;
  return {
    runId,
    previousRunId: other,
    pages: (run) =>
      run === 'latest' ? runPages(db, runId, other) : runPages(db, other ?? runId, runId),
  };
}

/** One run's paths, highest score first, a keyset page at a time. */
async function* runPages(
  db: Database,
  runId: string,
  otherRunId: string | null,
): AsyncGenerator<readonly RiskPathRow[]> {
  let after: { score: unknown; id: unknown } | null = null;
  for (;;) {
    const rows = await readTransaction(db, async (tx) => {
      const result = await tx.run(cypher('export/risk-path-page'), {
        runId,
        otherPrefix: otherRunId === null ? null : `${otherRunId}/`,
        afterScore: after?.score ?? null,
        afterId: after?.id ?? null,
        limit: neo4j.int(PAGE),
      });
      return result.records.map((record) => ({
        path: record.get('path') as unknown,
        otherScore: numberOrNull(record.get('otherScore')),
      }));
    });
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!.path as { score?: unknown; id?: unknown };
    after = { score: last.score, id: last.id };
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
