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
  /** Ports of a reach hop, access levels of a data hop. */
  readonly detail?: readonly string[];
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
  /**
   * Paths with the same entry, crown jewel and techniques in the same order are alike (say, the
   * same role reached through any of fifty web servers): one group, shown once when grouped.
   */
  readonly groupKey: string;
  /** Every node id on the path, and the accounts they belong to: what filters match. */
  readonly nodeIds: readonly string[];
  readonly accounts: readonly string[];
  readonly techniques: readonly string[];
}

/** A path as written: with its group's size, its rank in it, and whether the last run had it. */
export interface RankedAttackPath extends StoredAttackPath {
  readonly groupSize: number;
  /** 1 for the group's best path. */
  readonly groupRank: number;
  readonly isNew: boolean;
}

export function storedPath(graph: AttackGraph, path: AttackPath, runId: string): StoredAttackPath {
  const steps: StoredStep[] = path.hops.map((hop) => ({
    from: graph.idOf(hop.from),
    to: graph.idOf(hop.to),
    technique: hop.technique,
    likelihood: hop.likelihood,
    ref: hop.ref,
    ...(hop.detail ? { detail: hop.detail } : {}),
  }));
  const pathKey = digest(steps.map((s) => [s.from, s.to, s.technique]));
  const nodeIds = [...new Set([path.entry.id, ...steps.map((s) => s.to)])];
  const groupKey = digest([path.entry.id, path.jewel.id, ...steps.map((s) => s.technique)]);
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
    groupKey,
    nodeIds,
    accounts: [
      ...new Set(
        [...nodeIds.map(accountOf), path.jewel.account ?? undefined].filter(
          (a): a is string => a !== undefined,
        ),
      ),
    ].sort(),
    techniques: [...new Set(steps.map((s) => s.technique))].sort(),
  };
}

/** The account in an ARN (`arn:aws:iam::123456789012:role/x`); S3 ARNs and others name none. */
function accountOf(id: string): string | undefined {
  const account = id.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}

/**
 * Duplicates dropped (the same hops found twice), the best `max` kept, each ranked in its group
 * of alike paths and marked new when the previous run lacked it. Input ranked best first.
 */
export function rankPaths(
  paths: readonly StoredAttackPath[],
  max: number,
  previousKeys: ReadonlySet<string> | undefined,
): RankedAttackPath[] {
  const unique = new Map<string, StoredAttackPath>();
  for (const path of paths) if (!unique.has(path.pathKey)) unique.set(path.pathKey, path);
  const kept = [...unique.values()].slice(0, max);
  const sizes = new Map<string, number>();
  for (const path of kept) sizes.set(path.groupKey, (sizes.get(path.groupKey) ?? 0) + 1);
  const seen = new Map<string, number>();
  return kept.map((path) => {
    const rank = (seen.get(path.groupKey) ?? 0) + 1;
    seen.set(path.groupKey, rank);
    return {
      ...path,
      groupSize: sizes.get(path.groupKey) ?? 1,
      groupRank: rank,
      // With no earlier run, nothing is new: there is nothing to compare with.
      isNew: previousKeys ? !previousKeys.has(path.pathKey) : false,
    };
  });
}
