import type { ScopeRef } from './scope-ref.js';

/**
 * The records every collector and importer ends with, whatever the source: one scope's nodes and
 * relationships, already shaped by the graph models. Properties are the model's declared ones.
 */
export interface NodeRecord {
  /** The node model's primary label, e.g. `AWSRole`. */
  readonly model: string;
  readonly id: string;
  /** A reference to a node this scope does not describe (e.g. a role in another account). */
  readonly stub: boolean;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface RelRecord {
  /** The relationship model's type, e.g. `MEMBER_OF`. */
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface GraphRecords {
  readonly scope: ScopeRef;
  readonly nodes: readonly NodeRecord[];
  readonly relationships: readonly RelRecord[];
}

/** The flat JSON form (properties beside `model`/`id`) that snapshot files hold and validation reads. */
export function flattenGraphRecords(records: GraphRecords): Record<string, unknown> {
  return {
    scope: records.scope,
    nodes: records.nodes.map((n) => ({
      ...n.properties,
      model: n.model,
      id: n.id,
      ...(n.stub ? { stub: true } : {}),
    })),
    relationships: records.relationships.map((r) => ({
      ...r.properties,
      type: r.type,
      from: r.from,
      to: r.to,
    })),
  };
}
