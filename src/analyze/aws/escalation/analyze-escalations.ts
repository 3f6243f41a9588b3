import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { deleteInBatches, writeNamed } from '../../../db/transactions.js';
import type { AssumeEdge } from '../assume/can-assume.js';
import type { IamModel } from '../iam-model.js';
import type { ActionCatalog } from '../policy/index.js';
import { AWS_ESCALATION_TECHNIQUES } from './catalog/index.js';
import { findEscalations } from './find-escalations.js';

export interface EscalationSummary {
  readonly edges: number;
  readonly conditional: number;
  /** Edges per technique id. */
  readonly byTechnique: Readonly<Record<string, number>>;
}

const BATCH = 5000;

/** Derives and writes this analysis's CAN_ESCALATE edges, then removes the ones no longer derived. */
export async function analyzeEscalations(
  db: Database,
  catalog: ActionCatalog,
  model: IamModel,
  assumeEdges: readonly AssumeEdge[],
  analysisId: string,
): Promise<EscalationSummary> {
  const { edges } = findEscalations(model, catalog, AWS_ESCALATION_TECHNIQUES, assumeEdges);
  const rows = edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    technique: edge.technique,
    actions: edge.actions,
    grantsAdmin: edge.grantsAdmin,
    conditional: edge.conditional,
    pending: JSON.stringify(edge.pending),
    preconditions: edge.preconditions,
    through: edge.through ?? null,
    evidence: JSON.stringify(edge.evidence),
  }));
  for (let start = 0; start < rows.length; start += BATCH) {
    await writeNamed(db, 'analyze/write-escalations', {
      rows: rows.slice(start, start + BATCH),
      analysisId,
    });
  }
  await deleteInBatches(db, cypher('analyze/delete-stale-escalations-batch'), { analysisId });
  const byTechnique: Record<string, number> = {};
  for (const edge of edges) byTechnique[edge.technique] = (byTechnique[edge.technique] ?? 0) + 1;
  return {
    edges: edges.length,
    conditional: edges.filter((e) => e.conditional).length,
    byTechnique,
  };
}
