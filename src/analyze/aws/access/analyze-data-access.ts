import type { Database } from '../../../db/connection.js';
import { cypher } from '../../../db/cypher-registry.js';
import { GroupedWriter } from '../../../db/grouped-writer.js';
import type { CypherName } from '../../../db/cypher-names.js';
import { deleteInBatches } from '../../../db/transactions.js';
import { loggerFor } from '../../../logging/logger.js';
import type { IamModel } from '../iam-model.js';
import type { ActionCatalog } from '../policy/index.js';
import type { AccessKind } from './access-kind.js';
import { encodeAccessEvidence } from './access-evidence.js';
import type { AccessResult } from './access-result.js';
import { loadAccessActions } from './action-levels.js';
import { internetAccessEdges } from './internet-access.js';
import { principalAccessEdges, type AccessEdge } from './principal-access.js';
import { readAccessEstate } from './read-access-estate.js';

export interface DataAccessSummary {
  /** Stores read from the graph, by kind. */
  readonly stores: Readonly<Partial<Record<AccessKind, number>>>;
  readonly edges: number;
  readonly conditional: number;
  /** Edges from the Internet (included in `edges`). */
  readonly public: number;
}

/** Edges per write transaction. */
const BATCH = 25_000;

interface Group {
  to: string;
  edges: ReturnType<typeof rowOf>[];
}

/**
 * Reads the data stores, derives this analysis's CAN_ACCESS edges (principals, then the
 * Internet) and writes them batch by batch while evaluation goes on, then removes the edges of
 * earlier analyses.
 */
export async function analyzeDataAccess(
  db: Database,
  catalog: ActionCatalog,
  model: IamModel,
  admins: ReadonlySet<string>,
  analysisId: string,
  now: string,
): Promise<DataAccessSummary> {
  const actions = await loadAccessActions(catalog);
  const unusableBefore = model.cache.unusable.length;
  const { targets, orgs } = await readAccessEstate(db, model.cache);
  const stores: Partial<Record<AccessKind, number>> = {};
  for (const target of targets) stores[target.kind] = (stores[target.kind] ?? 0) + 1;
  const byId = new Map(targets.map((t) => [t.id, t]));
  let edges = 0;
  let conditional = 0;
  const write = async (name: CypherName, batches: Iterable<AccessEdge[]>): Promise<number> => {
    const writer = new GroupedWriter<Group>(db, name, { analysisId, now }, BATCH);
    let written = 0;
    for (const batch of batches) {
      const first = batch[0];
      if (!first) continue;
      const store = byId.get(first.to);
      // Edges of one batch share their store and mostly their result: encode each result once.
      const encoded = new Map<AccessResult, string>();
      const evidenceOf = (result: AccessResult): string => {
        let text = encoded.get(result);
        if (text === undefined) {
          text = encodeAccessEvidence(result.evidence, store?.arn ?? first.to);
          encoded.set(result, text);
        }
        return text;
      };
      await writer.add(
        { to: first.to, edges: batch.map((e) => rowOf(e, evidenceOf(e.result))) },
        batch.length,
      );
      written += batch.length;
      conditional += batch.filter((e) => e.conditional).length;
    }
    await writer.close();
    return written;
  };
  edges += await write(
    'analyze/write-can-access',
    principalAccessEdges({ catalog, actions, model, targets, admins, orgs }),
  );
  const publicEdges = await write(
    'analyze/write-public-access',
    internetAccessEdges(catalog, actions, targets),
  );
  edges += publicEdges;
  await deleteInBatches(db, cypher('analyze/delete-stale-can-access-batch'), { analysisId });
  const unusable = model.cache.unusable.slice(unusableBefore);
  if (unusable.length) {
    loggerFor({ cloud: 'aws', analysisId }).warn(
      { policies: unusable.slice(0, 20) },
      'resource policies that do not compile were taken as unknown',
    );
  }
  return { stores, edges, conditional, public: publicEdges };
}

/** One edge as the write query takes it; batches hold edges to one store. */
function rowOf(edge: AccessEdge, evidence: string) {
  const { result } = edge;
  return {
    from: edge.from,
    levels: [...result.levels],
    conditionalLevels: result.conditionalLevels.length ? [...result.conditionalLevels] : null,
    actions: [...result.actions],
    conditional: edge.conditional,
    pending: result.pending.length ? JSON.stringify(result.pending) : null,
    audience: edge.audience ?? null,
    evidence,
  };
}
