import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { deleteInBatches, writeNamed } from '../../../db/transactions.js';
import type { IamModel } from '../iam-model.js';
import { canAssumeEdgesByRole, type AssumeEdge } from './can-assume.js';

/** Edges per write transaction. */
const BATCH = 10_000;

interface Group {
  to: string;
  edges: {
    from: string;
    technique: string;
    actions: string[] | null;
    conditional: boolean;
    pending: string | null;
    evidence: string;
  }[];
}

/**
 * Writes this analysis's CAN_ASSUME edges, then removes the ones it no longer derives. Each
 * batch is sent as soon as it is full and evaluation goes on while Neo4j writes it.
 */
export async function analyzeCanAssume(
  db: Database,
  model: IamModel,
  analysisId: string,
): Promise<{ edges: number; conditional: number; derived: readonly AssumeEdge[] }> {
  const derived: AssumeEdge[] = [];
  let groups: Group[] = [];
  let size = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    const batch = groups;
    groups = [];
    size = 0;
    writing = writeNamed(db, 'analyze/write-can-assume', { groups: batch, analysisId });
  };
  for (const [role, edges] of canAssumeEdgesByRole(model)) {
    derived.push(...edges);
    groups.push({
      to: role,
      edges: edges.map((edge) => ({
        from: edge.from,
        technique: edge.technique,
        // sts:AssumeRole is implied (and not stored) for the half-million plain edges.
        actions: edge.action === 'sts:AssumeRole' ? null : [edge.action],
        conditional: edge.conditional,
        pending: edge.decision.pending.length ? JSON.stringify(edge.decision.pending) : null,
        evidence: JSON.stringify(edge.decision.decidedBy),
      })),
    });
    size += edges.length;
    if (size >= BATCH) await flush();
  }
  if (size > 0) await flush();
  await writing;
  await deleteInBatches(db, cypher('analyze/delete-stale-can-assume-batch'), { analysisId });
  return {
    edges: derived.length,
    conditional: derived.filter((e) => e.conditional).length,
    derived,
  };
}
