import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import type { AttackGraph } from './attack-graph.js';
import type { CrownJewel, Entry } from './find-attack-paths.js';
import type { RiskModel, TargetKind } from './risk-model.js';

/** Tags that mark data as sensitive: a classification key with a sensitive value. */
const SENSITIVE_TAGS =
  '.*"(data-classification|classification|sensitivity|data-sensitivity)"\\s*:\\s*"(sensitive|confidential|restricted|pii|secret)".*';

export interface TargetOptions {
  readonly now: string;
  /** An active access key older than this makes its user an entry point. */
  readonly keyAgeDays: number;
}

/** The default entry points (cypher/paths/entry-points.cypher), reasons joined. */
export async function readEntries(db: Database, options: TargetOptions): Promise<Entry[]> {
  const rows = await readNamed<{ id: string; reasons: string[] }>(db, 'paths/entry-points', {
    now: options.now,
    keyAgeDays: options.keyAgeDays,
  });
  return rows.map((row) => ({ id: row.id, reason: [...row.reasons].sort().join(',') }));
}

/**
 * The default crown jewels (cypher/paths/crown-jewels.cypher) with their impact, plus every
 * principal *as admin* the graph holds (where an escalation that grants admin leads).
 */
export async function readCrownJewels(
  db: Database,
  graph: AttackGraph,
  model: RiskModel,
): Promise<CrownJewel[]> {
  const rows = await readNamed<{ id: string; kind: TargetKind; reason: string }>(
    db,
    'paths/crown-jewels',
    { sensitiveTagPattern: SENSITIVE_TAGS },
  );
  const jewels = new Map<string, CrownJewel>();
  for (const row of rows) {
    const impact = model.impact[row.kind];
    const earlier = jewels.get(row.id);
    if (!earlier || earlier.impact < impact)
      jewels.set(row.id, { id: row.id, impact, reason: row.reason });
  }
  for (let node = 0; node < graph.nodeCount; node += 1) {
    const id = graph.idOf(node);
    if (id.endsWith('#admin') && !jewels.has(id)) {
      jewels.set(id, { id, impact: model.impact.admin, reason: 'becomes-admin' });
    }
  }
  return [...jewels.values()].sort((a, b) => a.id.localeCompare(b.id));
}
