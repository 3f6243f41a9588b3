import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { deleteInBatches, writeNamed } from '../../../db/transactions.js';
import type { IamModel } from '../iam-model.js';
import { canAssumeEdges, type AssumeEdge } from './can-assume.js';

const BATCH = 10_000;

/** Writes this analysis's CAN_ASSUME edges, then removes the ones it no longer derives. */
export async function analyzeCanAssume(
  db: Database,
  model: IamModel,
  analysisId: string,
): Promise<{ edges: number; conditional: number; derived: readonly AssumeEdge[] }> {
  const edges = canAssumeEdges(model);
  const rows = edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    technique: 'aws.sts.AssumeRole',
    actions: ['sts:AssumeRole'],
    conditional: edge.conditional,
    pending: JSON.stringify(edge.decision.pending),
    evidence: JSON.stringify(edge.decision.decidedBy),
  }));
  for (let start = 0; start < rows.length; start += BATCH) {
    await writeNamed(db, 'analyze/write-can-assume', {
      rows: rows.slice(start, start + BATCH),
      analysisId,
    });
  }
  await deleteInBatches(db, cypher('analyze/delete-stale-can-assume-batch'), { analysisId });
  return {
    edges: edges.length,
    conditional: edges.filter((e) => e.conditional).length,
    derived: edges,
  };
}
