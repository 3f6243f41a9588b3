import { createHash } from 'node:crypto';
import type { AttackGraph } from './attack-graph.js';
import type { AttackPath } from './find-attack-paths.js';

/** One hop of a stored path, by id: what the API shows as a step. */
export interface StoredStep {
  readonly from: string;
  readonly to: string;
  readonly technique: string;
  readonly likelihood: number;
  /** The derived edge the hop comes from: its evidence. */
  readonly ref: string;
}

/** A path as stored (`CairnAttackPath`) for one analysis run. */
export interface StoredAttackPath {
  readonly id: string;
  /** The same for the same hops in any run: how a path is known to be new or gone. */
  readonly pathKey: string;
  readonly runId: string;
  readonly score: number;
  readonly band: string;
  readonly entry: string;
  readonly entryReason: string;
  readonly jewel: string;
  readonly jewelReason: string;
  readonly hopCount: number;
  /** JSON text of StoredStep[]. */
  readonly steps: string;
}

export function storedPath(graph: AttackGraph, path: AttackPath, runId: string): StoredAttackPath {
  const steps: StoredStep[] = path.hops.map((hop) => ({
    from: graph.idOf(hop.from),
    to: graph.idOf(hop.to),
    technique: hop.technique,
    likelihood: hop.likelihood,
    ref: hop.ref,
  }));
  const pathKey = createHash('sha256')
    .update(JSON.stringify(steps.map((s) => [s.from, s.to, s.technique])))
    .digest('hex')
    .slice(0, 24);
  return {
    id: `${runId}/${pathKey}`,
    pathKey,
    runId,
    score: path.score,
    band: path.band,
    entry: path.entry.id,
    entryReason: path.entry.reason,
    jewel: path.jewel.id,
    jewelReason: path.jewel.reason,
    hopCount: steps.length,
    steps: JSON.stringify(steps),
  };
}
