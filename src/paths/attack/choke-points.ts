import type { StoredStep } from './stored-attack-path.js';

/** A hop that many paths go through: cutting it removes them all. */
export interface ChokePoint {
  readonly from: string;
  readonly to: string;
  readonly technique: string;
  /** The derived edge behind the hop: what to change to cut it. */
  readonly evidence: string;
  readonly paths: number;
  /** Sum of the scores of the paths it would remove. */
  readonly risk: number;
}

/**
 * Hops ranked by the total risk of the paths through them (then by how many): the fixes that
 * remove the most. A path counts once per hop even if it were to repeat one.
 */
export function chokePoints(
  paths: readonly { readonly score: number; readonly steps: readonly StoredStep[] }[],
): ChokePoint[] {
  const byHop = new Map<string, { step: StoredStep; paths: number; risk: number }>();
  for (const path of paths) {
    const seen = new Set<string>();
    for (const step of path.steps) {
      const key = `${step.from}\u0000${step.to}\u0000${step.technique}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byHop.get(key) ?? { step, paths: 0, risk: 0 };
      entry.paths += 1;
      entry.risk += path.score;
      byHop.set(key, entry);
    }
  }
  return [...byHop.values()]
    .map(({ step, paths: count, risk }) => ({
      from: step.from,
      to: step.to,
      technique: step.technique,
      evidence: step.ref,
      paths: count,
      risk: Math.round(risk * 10) / 10,
    }))
    .sort(
      (a, b) =>
        b.risk - a.risk ||
        b.paths - a.paths ||
        a.from.localeCompare(b.from) ||
        a.to.localeCompare(b.to) ||
        a.technique.localeCompare(b.technique),
    );
}
