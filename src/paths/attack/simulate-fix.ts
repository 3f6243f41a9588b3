import type { Database } from '../../db/connection.js';
import { loadAttackScene } from './attack-scene.js';
import { findAttackPaths } from './find-attack-paths.js';
import type { PathSettings } from './path-settings.js';
import type { HopFacts } from './read-attack-graph.js';
import { rankPaths, storedPath, type StoredAttackPath } from './stored-attack-path.js';

/** A change to try, described by what it removes from the attack graph. */
export type Fix =
  /** Remove one hop (a derived edge), e.g. a trust or a grant. */
  | {
      readonly kind: 'removeHop';
      readonly from: string;
      readonly to: string;
      readonly technique?: string;
    }
  /** Close ports of a resource to the internet; without ports, every one. */
  | { readonly kind: 'closePorts'; readonly resource: string; readonly ports?: readonly string[] }
  /** Drop a role's trust in a principal (or in everyone, without one). */
  | { readonly kind: 'dropTrust'; readonly role: string; readonly principal?: string };

export interface WhatIf {
  readonly removed: readonly StoredAttackPath[];
  readonly remaining: readonly StoredAttackPath[];
  /** Paths that only rank among the k best once the fix removed better ones. */
  readonly surfaced: readonly StoredAttackPath[];
}

export interface SimulationOptions {
  /** The settings the latest run judged by, so the paths found again are the stored ones. */
  readonly settings: PathSettings;
  readonly now: string;
}

/**
 * Which attack paths a fix removes and which remain: the paths are found again on the attack
 * graph as it is and as it would be with the fix, in memory; nothing stored changes.
 */
export async function simulateFix(
  db: Database,
  fixes: readonly Fix[],
  options: SimulationOptions,
): Promise<WhatIf> {
  const before = await pathsWith(db, options, () => true);
  const after = await pathsWith(db, options, (hop) => !fixes.some((fix) => removes(fix, hop)));
  const afterKeys = new Set(after.map((p) => p.pathKey));
  const beforeKeys = new Set(before.map((p) => p.pathKey));
  return {
    removed: before.filter((p) => !afterKeys.has(p.pathKey)),
    remaining: before.filter((p) => afterKeys.has(p.pathKey)),
    surfaced: after.filter((p) => !beforeKeys.has(p.pathKey)),
  };
}

async function pathsWith(
  db: Database,
  options: SimulationOptions,
  keep: (hop: HopFacts) => boolean,
): Promise<StoredAttackPath[]> {
  const { settings } = options;
  const { graph, entries, jewels } = await loadAttackScene(db, settings, options.now, keep);
  const found = findAttackPaths(graph, settings.riskModel, entries, jewels, settings.search);
  const paths = found.map((path) => storedPath(graph, path, 'what-if'));
  return rankPaths(paths, settings.search.maxPaths, undefined);
}

function removes(fix: Fix, hop: HopFacts): boolean {
  switch (fix.kind) {
    case 'removeHop':
      return (
        hop.from === fix.from &&
        hop.to === fix.to &&
        (fix.technique === undefined || hop.technique === fix.technique)
      );
    case 'closePorts':
      // A hop stays while the internet still reaches the resource on some other port.
      return (
        hop.kind === 'reach' &&
        hop.to === fix.resource &&
        (fix.ports === undefined || hop.detail.every((port) => fix.ports?.includes(port)))
      );
    case 'dropTrust':
      return (
        hop.kind === 'assume' &&
        hop.to === fix.role &&
        (fix.principal === undefined || hop.from === fix.principal)
      );
  }
}
