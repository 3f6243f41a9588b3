import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { PropertySpec } from '../model/property-spec.js';
import { nodeMergeCypher, nodeStubCypher, relMergeCypher } from '../model/load-cypher.js';
import { nodeModels, relModels } from '../model/registry.js';
import { CairnError } from '../errors/cairn-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { runNamed } from '../db/transactions.js';
import type { BatchPhase, StoredNodeRow, StoredRelRow } from './batch-plan.js';

export interface ApplyContext {
  /** The loading scope's key, e.g. `aws:123456789012`. */
  readonly scope: string;
  readonly provider: string;
  readonly scanId: string;
  /** ISO-8601 time of the load, written as firstSeen/lastSeen. */
  readonly now: string;
}

const queryCache = new Map<string, string>();

interface BatchQuery {
  query: string;
  integerProps: string[];
  sharedScope?: string;
}

function queryFor(phase: BatchPhase, model: string): BatchQuery {
  if (phase === 'rel') {
    const rel = relModels.get(model);
    if (!rel) throw new CairnError(ErrorCode.INTERNAL, `staged batch names unknown type ${model}`);
    return {
      query: cached(`rel:${model}`, () => relMergeCypher(rel)),
      integerProps: integerPropsOf(rel.properties),
    };
  }
  const node = nodeModels.get(model);
  if (!node) throw new CairnError(ErrorCode.INTERNAL, `staged batch names unknown model ${model}`);
  const query =
    phase === 'node'
      ? cached(`node:${model}`, () => nodeMergeCypher(node))
      : cached(`stub:${model}`, () => nodeStubCypher(node));
  const integerProps = integerPropsOf(node.properties);
  return node.sharedScope
    ? { query, integerProps, sharedScope: node.sharedScope }
    : { query, integerProps };
}

function cached(key: string, make: () => string): string {
  let query = queryCache.get(key);
  if (query === undefined) {
    query = make();
    queryCache.set(key, query);
  }
  return query;
}

/**
 * Writes one staged batch and deletes its staging node in the same transaction, so a batch is
 * applied exactly once even when an interrupted load is resumed.
 */
export async function applyBatch(
  tx: ManagedTransaction,
  context: ApplyContext,
  batch: {
    seq: number;
    phase: BatchPhase;
    model: string;
    rows: readonly (StoredNodeRow | StoredRelRow)[];
  },
): Promise<void> {
  const { query, sharedScope, integerProps } = queryFor(batch.phase, batch.model);
  await tx.run(query, {
    rows: integerProps.length
      ? batch.rows.map((row) => withIntegers(row, integerProps))
      : batch.rows,
    scope: sharedScope ?? context.scope,
    provider: context.provider,
    scanId: context.scanId,
    now: context.now,
  });
  await runNamed(tx, 'load/delete-staged-batch', {
    scanId: context.scanId,
    seq: neo4j.int(batch.seq),
  });
}

/** JSON and JavaScript only know doubles; declared integers are sent as Bolt integers. */
function withIntegers<Row extends StoredNodeRow | StoredRelRow>(
  row: Row,
  names: readonly string[],
): Row {
  const props = { ...row.props };
  for (const name of names) {
    const value = props[name];
    if (typeof value === 'number') props[name] = neo4j.int(value);
  }
  return { ...row, props };
}

function integerPropsOf(properties: Record<string, PropertySpec>): string[] {
  return Object.entries(properties)
    .filter(([, spec]) => spec.type === 'integer')
    .map(([name]) => name);
}
