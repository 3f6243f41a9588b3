import type { Database } from '../../db/connection.js';
import { addAdminControlHops, type PlacedJewel } from './admin-control.js';
import type { AttackGraph } from './attack-graph.js';
import type { Entry } from './find-attack-paths.js';
import type { PathSettings } from './path-settings.js';
import { readAttackGraph, type HopFacts } from './read-attack-graph.js';
import { readCrownJewels, readEntries } from './read-targets.js';

/** What a path search runs over: the attack graph, where attackers start and what they want. */
export interface AttackScene {
  readonly graph: AttackGraph;
  readonly entries: readonly Entry[];
  readonly jewels: readonly PlacedJewel[];
}

/**
 * The attack graph of the last analysis with the settings' entry points and crown jewels, and the
 * admin-control hops that join admins to their account's jewels. `keep` leaves hops out (a
 * simulated fix) without changing anything stored.
 */
export async function loadAttackScene(
  db: Database,
  settings: PathSettings,
  now: string,
  keep?: (hop: HopFacts) => boolean,
): Promise<AttackScene> {
  const graph = await readAttackGraph(db, settings.riskModel, keep);
  const jewels = await readCrownJewels(db, graph, settings);
  const entries = await readEntries(db, settings, now);
  addAdminControlHops(graph, jewels, settings.riskModel, keep);
  return { graph, entries, jewels };
}
