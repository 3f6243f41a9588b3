import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import type { PlacedJewel } from './admin-control.js';
import type { AttackGraph } from './attack-graph.js';
import type { Entry } from './find-attack-paths.js';
import type { PathSettings } from './path-settings.js';
import type { TargetKind } from './risk-model.js';

/** Tags that mark data as sensitive: a classification key with a sensitive value. */
const SENSITIVE_TAGS =
  '.*"(data-classification|classification|sensitivity|data-sensitivity)"\\s*:\\s*"(sensitive|confidential|restricted|pii|secret)".*';

/**
 * The entry points: the defaults (cypher/paths/entry-points.cypher) unless turned off, plus what
 * is marked or configured compromised, less what the settings exclude; reasons joined.
 */
export async function readEntries(
  db: Database,
  settings: PathSettings,
  now: string,
): Promise<Entry[]> {
  const rows = [
    ...(settings.entries.defaults
      ? await readNamed<{ id: string; reasons: string[] }>(db, 'paths/entry-points', {
          now,
          keyAgeDays: settings.entries.keyAgeDays,
        })
      : []),
    ...(await readNamed<{ id: string; reasons: string[] }>(db, 'paths/marked-entries', {
      compromised: settings.entries.assumeCompromised,
    })),
  ];
  const excluded = new Set(settings.entries.exclude);
  const reasons = new Map<string, Set<string>>();
  for (const row of rows) {
    if (excluded.has(row.id)) continue;
    const set = reasons.get(row.id) ?? new Set<string>();
    row.reasons.forEach((reason) => set.add(reason));
    reasons.set(row.id, set);
  }
  return [...reasons]
    .map(([id, set]) => ({ id, reason: [...set].sort().join(',') }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

interface JewelRow {
  readonly id: string;
  readonly kind: TargetKind;
  readonly reason: string;
  readonly account: string | null;
}

/**
 * The crown jewels with their impact and account: the defaults (cypher/paths/crown-jewels.cypher)
 * unless turned off, what is marked or configured, and every principal *as admin* the graph holds
 * (where an escalation that grants admin leads), less what the settings exclude. A node named
 * twice keeps its highest impact.
 */
export async function readCrownJewels(
  db: Database,
  graph: AttackGraph,
  settings: PathSettings,
): Promise<PlacedJewel[]> {
  const model = settings.riskModel;
  const rows: JewelRow[] = [
    ...(settings.crownJewels.defaults
      ? await readNamed<JewelRow>(db, 'paths/crown-jewels', { sensitiveTagPattern: SENSITIVE_TAGS })
      : []),
    ...(await readNamed<JewelRow>(db, 'paths/marked-crown-jewels', {
      include: settings.crownJewels.include,
    })),
  ];
  for (let node = 0; node < graph.nodeCount; node += 1) {
    const id = graph.idOf(node);
    if (id.endsWith('#admin')) {
      rows.push({ id, kind: 'admin', reason: 'becomes-admin', account: id.split(':')[4] ?? null });
    }
  }
  const excluded = new Set(settings.crownJewels.exclude);
  const jewels = new Map<string, PlacedJewel>();
  for (const row of rows) {
    const base = row.id.endsWith('#admin') ? row.id.slice(0, -'#admin'.length) : row.id;
    if (excluded.has(row.id) || excluded.has(base)) continue;
    const impact = model.impact[row.kind] ?? model.impact.store;
    const earlier = jewels.get(row.id);
    if (!earlier || earlier.impact < impact) {
      jewels.set(row.id, {
        id: row.id,
        kind: row.kind,
        impact,
        reason: row.reason,
        account: row.account,
      });
    }
  }
  return [...jewels.values()].sort((a, b) => a.id.localeCompare(b.id));
}
