import type { AttackGraph } from './attack-graph.js';
import type { CrownJewel } from './find-attack-paths.js';
import type { HopFacts } from './read-attack-graph.js';
import { hopLikelihood, type RiskModel } from './risk-model.js';

/** A crown jewel as read, with the account whose admins control it. */
export interface PlacedJewel extends CrownJewel {
  readonly kind: string;
  readonly account: string | null;
}

const ADMINS = new Set(['admin', 'managementAccount']);
const HOLDINGS = new Set(['sensitiveStore', 'secret', 'key', 'store']);

/**
 * An admin-equivalent principal can read, change or re-permission anything in its account, even
 * where no policy names it. Each admin (and each principal *as admin*) gets a hop to its account's
 * node, and the account one to every data-holding crown jewel it holds: admins + holdings hops
 * rather than admins × holdings, which on a large account would be millions.
 */
export function addAdminControlHops(
  graph: AttackGraph,
  jewels: readonly PlacedJewel[],
  model: RiskModel,
  keep: (hop: HopFacts) => boolean = () => true,
): number {
  const holdingsByAccount = new Map<string, string[]>();
  for (const jewel of jewels) {
    if (!HOLDINGS.has(jewel.kind) || !jewel.account) continue;
    const list = holdingsByAccount.get(jewel.account) ?? [];
    list.push(jewel.id);
    holdingsByAccount.set(jewel.account, list);
  }
  const admins = new Set<string>();
  for (const jewel of jewels) if (ADMINS.has(jewel.kind)) admins.add(jewel.id);
  for (let node = 0; node < graph.nodeCount; node += 1) {
    const id = graph.idOf(node);
    if (id.endsWith('#admin')) admins.add(id);
  }
  const likelihood = hopLikelihood(model, 'adminControl', false);
  let added = 0;
  const add = (from: string, to: string, technique: string, kind: string, p: number): void => {
    if (!keep({ from, to, kind: 'adminControl', technique, detail: [] })) return;
    graph.addHop(from, to, { technique, likelihood: p, ref: `${kind}:${from}->${to}` });
    added += 1;
  };
  for (const admin of admins) {
    const account = accountOfPrincipal(admin);
    if (account && holdingsByAccount.has(account))
      add(admin, account, ADMINISTER, 'adminControl', likelihood);
  }
  for (const [account, holdings] of holdingsByAccount) {
    for (const holding of holdings) add(account, holding, HOLDS, 'accountHolds', 1);
  }
  return added;
}

export const ADMINISTER = 'aws.iam.AdministerAccount';
export const HOLDS = 'aws.account.Holds';

/** `arn:aws:iam::<account>:role/x` (or its `#admin` node) → the account. */
function accountOfPrincipal(id: string): string | undefined {
  const account = id.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
