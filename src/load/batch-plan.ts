import type { NodeModel } from '../model/define-node.js';
import { toStoredValue } from '../model/property-spec.js';
import { nodeModels, relModels } from '../model/registry.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../records/graph-records.js';

export type BatchPhase = 'node' | 'stub' | 'rel';

export interface StoredNodeRow {
  id: string;
  props: Record<string, unknown>;
}

export interface StoredRelRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** One unit of staging and applying: rows of one model, written by one generated query. */
export interface PlannedBatch {
  readonly seq: number;
  readonly phase: BatchPhase;
  /** Node label or relationship type. */
  readonly model: string;
  readonly rows: readonly (StoredNodeRow | StoredRelRow)[];
}

/**
 * Splits validated records into batches in apply order: full nodes, then stubs (so a stub never
 * shadows a full record of the same load), then relationships (whose ends then exist).
 */
export function planBatches(records: GraphRecords, batchSize: number): PlannedBatch[] {
  const batches: PlannedBatch[] = [];
  const push = (phase: BatchPhase, model: string, rows: (StoredNodeRow | StoredRelRow)[]): void => {
    for (let start = 0; start < rows.length; start += batchSize) {
      batches.push({
        seq: batches.length,
        phase,
        model,
        rows: rows.slice(start, start + batchSize),
      });
    }
  };
  const full = groupBy(
    records.nodes.filter((node) => !node.stub),
    (node) => node.model,
  );
  const stubs = groupBy(
    records.nodes.filter((node) => node.stub),
    (node) => node.model,
  );
  for (const [label, nodes] of full)
    push(
      'node',
      label,
      nodes.map((n) => nodeRow(n, false)),
    );
  for (const [label, nodes] of stubs)
    push(
      'stub',
      label,
      nodes.map((n) => nodeRow(n, true)),
    );
  for (const [type, rels] of groupBy(records.relationships, (rel) => rel.type)) {
    push('rel', type, rels.map(relRow));
  }
  return batches;
}

function nodeRow(node: NodeRecord, stub: boolean): StoredNodeRow {
  const model = nodeModels.get(node.model) as NodeModel;
  const props: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(model.properties)) {
    const value = toStoredValue(spec, node.properties[name]);
    // A full record lists every declared property so that `+=` also clears removed values;
    // a stub only adds what it knows.
    if (!stub || value !== null) props[name] = value;
  }
  return { id: node.id, props };
}

function relRow(rel: RelRecord): StoredRelRow {
  const model = relModels.get(rel.type);
  const props: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(model?.properties ?? {})) {
    props[name] = toStoredValue(spec, rel.properties[name]);
  }
  return { from: rel.from, to: rel.to, props };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
