import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { GroupedWriter } from '../../../db/grouped-writer.js';
import { deleteInBatches } from '../../../db/transactions.js';
import type { AssumeEdge } from '../assume/can-assume.js';
import { readResourceEstate } from '../estate/read-resource-estate.js';
import type { IamModel } from '../iam-model.js';
import type { ActionCatalog } from '../policy/index.js';
import { encodeEvidence } from '../action-evidence.js';
import { AWS_ESCALATION_TECHNIQUES, defaultActions } from './catalog/index.js';
import type { EscalationEdge } from './escalation-edge.js';
import { escalationsByCaller } from './find-escalations.js';
import { ResourceIndex } from './resource-index.js';

export interface EscalationSummary {
  readonly edges: number;
  readonly conditional: number;
  /** Edges per technique id. */
  readonly byTechnique: Readonly<Record<string, number>>;
}

/** Edges per write transaction. */
const BATCH = 25_000;

interface Group {
  from: string;
  edges: ReturnType<typeof rowOf>[];
}

/**
 * Reads the resources that run as roles in the model's accounts, then derives and writes this
 * analysis's CAN_ESCALATE edges one caller at a time, while Neo4j writes the previous batch,
 * then removes the edges of earlier analyses.
 */
export async function analyzeEscalations(
  db: Database,
  catalog: ActionCatalog,
  model: IamModel,
  assumeEdges: readonly AssumeEdge[],
  admins: ReadonlySet<string>,
  analysisId: string,
): Promise<EscalationSummary> {
  const resources = new ResourceIndex(await readResourceEstate(db, [...model.accounts.keys()]));
  const writer = new GroupedWriter<Group>(db, 'analyze/write-escalations', { analysisId }, BATCH);
  const byTechnique: Record<string, number> = {};
  let count = 0;
  let conditional = 0;
  for (const edges of escalationsByCaller(
    model,
    catalog,
    AWS_ESCALATION_TECHNIQUES,
    assumeEdges,
    admins,
    resources,
  )) {
    for (const edge of edges) {
      byTechnique[edge.technique] = (byTechnique[edge.technique] ?? 0) + 1;
      if (edge.conditional) conditional += 1;
    }
    count += edges.length;
    await writer.add({ from: edges[0]?.from ?? '', edges: edges.map(rowOf) }, edges.length);
  }
  await writer.close();
  await deleteInBatches(db, cypher('analyze/delete-stale-escalations-batch'), { analysisId });
  return { edges: count, conditional, byTechnique };
}

/**
 * The stored shape: compact evidence, pending conditions as JSON, nothing for what is empty,
 * and `actions` only when they differ from the technique's own (a grant joined to a becoming).
 */
function rowOf(edge: EscalationEdge) {
  return {
    to: edge.to,
    technique: edge.technique,
    actions: sameList(edge.actions, defaultActions(edge.technique)) ? null : edge.actions,
    grantsAdmin: edge.grantsAdmin,
    conditional: edge.conditional,
    pending: edge.pending.length ? JSON.stringify(edge.pending) : null,
    preconditions: edge.preconditions.length ? edge.preconditions : null,
    through: edge.through ?? null,
    evidence: encodeEvidence(edge.evidence, edge.to),
  };
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);
}
