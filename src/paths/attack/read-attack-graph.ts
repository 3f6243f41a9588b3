import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { AttackGraph } from './attack-graph.js';
import { hopLikelihood, type HopKind, type RiskModel } from './risk-model.js';

export interface HopRow {
  readonly from: string;
  readonly to: string;
  readonly kind: HopKind;
  readonly technique: string;
  readonly conditional: boolean;
  readonly grantsAdmin: boolean;
  readonly detail: readonly string[] | null;
}

const KINDS: ReadonlySet<string> = new Set([
  'reach',
  'runsAs',
  'runsAsImdsV1',
  'assume',
  'escalate',
  'access',
  'publicAccess',
]);

/**
 * Where an escalation that grants admin leads: the principal *as admin*, a node of its own, so a
 * principal that grants itself admin is a path's end rather than a loop back to where it was.
 */
export function asAdmin(principal: string): string {
  return `${principal}#admin`;
}

/** A derived hop as the graph is built from it, for what-if filters. */
export interface HopFacts {
  readonly from: string;
  readonly to: string;
  readonly kind: HopKind;
  readonly technique: string;
  /** Ports for a reach hop (`tcp:22`), levels for an access hop. */
  readonly detail: readonly string[];
}

/**
 * The attack graph of what the last analysis derived, weighted by the risk model. `keep` leaves
 * hops out (a simulated fix) without changing anything stored.
 */
export async function readAttackGraph(
  db: Database,
  model: RiskModel,
  keep: (hop: HopFacts) => boolean = () => true,
): Promise<AttackGraph> {
  return buildAttackGraph(await readNamed<HopRow>(db, 'paths/attack-hops'), model, keep);
}

/** Builds the graph from hop rows (in any order: the graph puts its hops in a canonical one). */
export function buildAttackGraph(
  rows: readonly HopRow[],
  model: RiskModel,
  keep: (hop: HopFacts) => boolean = () => true,
): AttackGraph {
  const graph = new AttackGraph();
  for (const row of rows) {
    if (!KINDS.has(row.kind)) continue;
    if (!keep({ ...row, detail: row.detail ?? [] })) continue;
    const technique =
      row.kind === 'access' || row.kind === 'publicAccess'
        ? `data.${(row.detail ?? []).includes('write') ? 'Write' : 'Read'}`
        : row.technique;
    graph.addHop(row.from, row.grantsAdmin ? asAdmin(row.to) : row.to, {
      technique,
      likelihood: hopLikelihood(model, row.kind, row.conditional),
      ref: `${row.kind}:${row.from}->${row.to}:${row.technique}`,
      ...(row.detail?.length ? { detail: row.detail } : {}),
    });
  }
  return graph;
}
