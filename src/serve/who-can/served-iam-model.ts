import { createHash } from 'node:crypto';
import type { Database } from '../../db/connection.js';
import { readNamed } from '../../db/transactions.js';
import { canAssumeEdges, type AssumeEdge } from '../../analyze/aws/assume/can-assume.js';
import { loadIamModel, type IamModel } from '../../analyze/aws/iam-model.js';
import { loadAwsActionCatalog, type ActionCatalog } from '../../analyze/aws/policy/index.js';
import { rootLogger } from '../../logging/logger.js';

const kept = new Map<string, { state: string; model: Promise<IamModel> }>();

/**
 * The IAM model of what is loaded, kept between requests while nothing is reloaded: reading it
 * takes seconds on a large estate, and whoCan needs it for every answer. The key is each scope's
 * current scan, so a load (of any scope) is seen by the next request.
 */
export async function servedIamModel(db: Database, actions: ActionCatalog): Promise<IamModel> {
  const rows = await readNamed<{ id: string; scan: string }>(db, 'serve/loaded-state');
  const state = createHash('sha256')
    .update(rows.map((row) => `${row.id}@${row.scan}`).join('\n'))
    .digest('hex');
  const where = `${db.uri}|${db.database ?? ''}`;
  const current = kept.get(where);
  if (current?.state === state) return current.model;
  const model = loadIamModel(db, actions);
  kept.set(where, { state, model });
  // A failed read is not kept: the next request tries again.
  model.catch(() => {
    if (kept.get(where)?.model === model) kept.delete(where);
  });
  return model;
}

const assumeEdgesOf = new WeakMap<IamModel, readonly AssumeEdge[]>();

/** The served model's CAN_ASSUME edges, computed once per model (seconds on a large estate). */
export function servedAssumeEdges(model: IamModel): readonly AssumeEdge[] {
  let edges = assumeEdgesOf.get(model);
  if (!edges) {
    edges = canAssumeEdges(model);
    assumeEdgesOf.set(model, edges);
  }
  return edges;
}

let catalog: Promise<ActionCatalog> | undefined;

/** The AWS action catalog the server compiles policies with, read once. */
export function servedActionCatalog(): Promise<ActionCatalog> {
  catalog ??= loadAwsActionCatalog();
  return catalog;
}

/**
 * Reads the model and derives its assume edges before the first whoCan asks (tens of seconds
 * on a large estate), so that `cairn serve` answers its first whoCan as fast as the others.
 * A failure is only logged (not when the server is stopping: `stopping()`), and the first
 * request reads the model again.
 */
export async function warmServedModel(db: Database, stopping: () => boolean): Promise<void> {
  const start = performance.now();
  try {
    servedAssumeEdges(await servedIamModel(db, await servedActionCatalog()));
    rootLogger.info({ ms: Math.round(performance.now() - start) }, 'whoCan model ready');
  } catch (error) {
    if (!stopping())
      rootLogger.warn({ err: error }, 'could not read the IAM model ahead of whoCan');
  }
}
