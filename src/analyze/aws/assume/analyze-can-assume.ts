import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { GroupedWriter } from '../../../db/grouped-writer.js';
import { deleteInBatches } from '../../../db/transactions.js';
import { encodeEvidence } from '../action-evidence.js';
import type { IamModel } from '../iam-model.js';
import { canAssumeEdgesByRole, type AssumeEdge } from './can-assume.js';

/** Edges per write transaction. */
const BATCH = 25_000;

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
 * Writes this analysis's CAN_ASSUME edges, then removes the ones it no longer derives. Same-account
 * edges from admin-equivalent principals are implied by `isAdmin` and not drawn. Each
 * batch is sent as soon as it is full and evaluation goes on while Neo4j writes it.
 */
export async function analyzeCanAssume(
  db: Database,
  model: IamModel,
  admins: ReadonlySet<string>,
  analysisId: string,
): Promise<{ edges: number; conditional: number; derived: readonly AssumeEdge[] }> {
  const derived: AssumeEdge[] = [];
  const writer = new GroupedWriter<Group>(db, 'analyze/write-can-assume', { analysisId }, BATCH);
  for (const [role, edges] of canAssumeEdgesByRole(model, admins)) {
    derived.push(...edges);
    const group: Group = {
      to: role,
      edges: edges.map((edge) => ({
        from: edge.from,
        technique: edge.technique,
        // sts:AssumeRole is implied (and not stored) for the half-million plain edges.
        actions: edge.action === 'sts:AssumeRole' ? null : [edge.action],
        conditional: edge.conditional,
        pending: edge.decision.pending.length ? JSON.stringify(edge.decision.pending) : null,
        evidence: encodeEvidence(
          [{ action: edge.action, resource: edge.to, decidedBy: edge.decision.decidedBy }],
          edge.to,
        ),
      })),
    };
    await writer.add(group, edges.length);
  }
  await writer.close();
  await deleteInBatches(db, cypher('analyze/delete-stale-can-assume-batch'), { analysisId });
  return {
    edges: derived.length,
    conditional: derived.filter((e) => e.conditional).length,
    derived,
  };
}
