import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { GroupedWriter } from '../../../db/grouped-writer.js';
import { deleteInBatches } from '../../../db/transactions.js';
import { loggerFor } from '../../../logging/logger.js';
import { computeExposure } from './compute-exposure.js';
import type { ExposureRange } from './exposure-ranges.js';
import { readNetworkEstate } from './read-network-estate.js';

export interface ReachabilitySummary {
  /** Resources the internet reaches. */
  readonly reached: number;
  /** Rules that could not be read (each hop left unreachable). */
  readonly problems: readonly string[];
}

const BATCH = 5_000;

/** Derives REACHES edges from the internet for every loaded VPC network. */
export async function analyzeReachability(
  db: Database,
  analysisId: string,
  now: string,
): Promise<ReachabilitySummary> {
  const estate = await readNetworkEstate(db);
  const { exposure, problems } = computeExposure(estate);
  const writer = new GroupedWriter<{ to: string; exposure: string; ports: string[] }>(
    db,
    'analyze/write-reaches',
    { analysisId, now },
    BATCH,
  );
  for (const [to, ranges] of exposure) {
    await writer.add({ to, exposure: JSON.stringify(ranges), ports: ranges.map(shortForm) }, 1);
  }
  await writer.close();
  await deleteInBatches(db, cypher('analyze/delete-stale-reaches-batch'), { analysisId });
  const log = loggerFor({ analysisId });
  for (const problem of problems.slice(0, 20)) log.warn({ problem }, 'reachability: rule not read');
  return { reached: exposure.size, problems };
}

function shortForm(r: ExposureRange): string {
  if (r.protocol === 'all') return 'all';
  if (r.protocol === 'icmp' && r.fromPort === -1) return 'icmp';
  return r.fromPort === r.toPort
    ? `${r.protocol}:${r.fromPort}`
    : `${r.protocol}:${r.fromPort}-${r.toPort}`;
}
