import neo4j from 'neo4j-driver';
import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { BadInputError } from '../../errors/cairn-error.js';
import type { RuleCatalog } from '../catalog/rule-catalog.js';
import {
  buildComplianceView,
  type ComplianceView,
  type FrameworkScore,
} from './compliance-view.js';
import { type RuleTallies } from './tally.js';
import { latestScanRun, readTallies } from './read-tallies.js';

export interface TrendPoint extends FrameworkScore {
  readonly runId: string;
  readonly at: string;
}

export interface ComplianceReport {
  readonly view: ComplianceView;
  /** The scan run the view reflects; null before the first analysis. */
  readonly runId: string | null;
  /** Oldest first. */
  readonly trend: readonly TrendPoint[];
}

/** A framework's compliance view as it stands at `now`, with its score in earlier scan runs. */
export async function readCompliance(
  db: Database,
  catalog: RuleCatalog,
  frameworkId: string,
  now: string,
  trendRuns = 30,
): Promise<ComplianceReport> {
  const framework = catalog.frameworks.find((f) => f.id === frameworkId);
  if (!framework) {
    const known = catalog.frameworks.map((f) => f.id).join(', ');
    throw new BadInputError(`unknown framework "${frameworkId}" (known: ${known || 'none'})`);
  }
  const runId = await latestScanRun(db);
  const tallies: ReadonlyMap<string, RuleTallies> = runId
    ? await readTallies(db, runId, now)
    : new Map();
  const rows = await readNamed<{ id: string; startedAt: string; compliance: string | null }>(
    db,
    'findings/scan-run-trend',
    { limit: neo4j.int(trendRuns) },
  );
  const trend = rows
    .map((row) => {
      const score = scoreIn(row.compliance, frameworkId);
      return score ? { runId: row.id, at: row.startedAt, ...score } : undefined;
    })
    .filter((point): point is TrendPoint => point !== undefined)
    .reverse();
  return { view: buildComplianceView(catalog, framework, tallies), runId, trend };
}

function scoreIn(text: string | null, frameworkId: string): FrameworkScore | undefined {
  if (!text) return undefined;
  try {
    const all = JSON.parse(text) as Record<string, FrameworkScore | undefined>;
    return all[frameworkId];
  } catch {
    return undefined;
  }
}
