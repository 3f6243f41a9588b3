import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';

/**
 * Ids of resources that lie on a way in today (cypher/findings/attack-path-resources.cypher):
 * internet-reached or public resources and everything their exposure goes through, principals
 * with a path to admin, and workloads running as such principals.
 */
export async function attackPathResources(db: Database): Promise<Set<string>> {
  const rows = await readNamed<{ id: string; exposure: string | null }>(
    db,
    'findings/attack-path-resources',
  );
  const ids = new Set<string>();
  for (const row of rows) {
    ids.add(row.id);
    for (const via of viaIds(row.exposure)) ids.add(via);
  }
  return ids;
}

/** The ids in an exposure's `via` lists: the gateways, ACLs and groups that let traffic in. */
function viaIds(exposure: string | null): string[] {
  if (!exposure) return [];
  try {
    const lines = JSON.parse(exposure) as unknown;
    if (!Array.isArray(lines)) return [];
    return lines.flatMap((line: unknown) => {
      const via = (line as { via?: unknown } | null)?.via;
      return Array.isArray(via) ? via.filter((v): v is string => typeof v === 'string') : [];
    });
  } catch {
    return [];
  }
}
