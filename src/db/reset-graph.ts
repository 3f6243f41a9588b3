import { ENTITY_LABEL } from '../model/define-node.js';
import { BOOKKEEPING_LABELS } from '../model/registry.js';
import { PATH_LABELS } from '../paths/attack/path-labels.js';
import { API_KEY_LABELS } from '../serve/auth/api-key-labels.js';
import { FINDING_LABELS } from '../rules/findings/finding-labels.js';
import { EXPORT_RUN_LABELS } from '../schedule/export-run-labels.js';
import type { Database } from './connection.js';
import { cypher } from './cypher-registry.js';
import { deleteInBatches, readNamed } from './transactions.js';

/** Every label under which Cairn stores nodes; nothing else in the database is touched. */
export const CAIRN_LABELS: readonly string[] = [
  ENTITY_LABEL,
  ...BOOKKEEPING_LABELS,
  ...FINDING_LABELS,
  ...PATH_LABELS,
  ...API_KEY_LABELS,
  ...EXPORT_RUN_LABELS,
];

/** Deletes everything Cairn stored, in batches; returns how many nodes went, per label. */
export async function resetGraph(db: Database): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const label of CAIRN_LABELS) {
    // Small batches: DETACH DELETE takes every relationship of the node with it.
    deleted[label] = await deleteInBatches(
      db,
      cypher('admin/delete-cairn-nodes-batch'),
      { label },
      1_000,
    );
  }
  return deleted;
}

export async function countCairnNodes(db: Database): Promise<number> {
  let total = 0;
  for (const label of CAIRN_LABELS) {
    const [row] = await readNamed<{ count: number }>(db, 'admin/count-cairn-nodes', { label });
    total += row?.count ?? 0;
  }
  return total;
}
