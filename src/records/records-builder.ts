import { relModels } from '../model/registry.js';
import type { GraphRecords, NodeRecord, RelRecord } from './graph-records.js';
import type { ScopeRef } from './scope-ref.js';

/**
 * Collects one scope's nodes and relationships while a converter walks its input: a node seen
 * twice keeps its full form over a stub, properties that are `undefined` are dropped, and a
 * relationship is kept once per (type, from, to, key).
 */
export class RecordsBuilder {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly rels = new Map<string, RelRecord>();

  constructor(private readonly scope: ScopeRef) {}

  node(model: string, id: string, properties: Record<string, unknown>): string {
    this.nodes.set(id, { model, id, stub: false, properties: defined(properties) });
    return id;
  }

  /** A node another scope describes (or this one may describe later); never overrides one. */
  stub(model: string, id: string, properties: Record<string, unknown> = {}): string {
    if (!this.nodes.has(id)) {
      this.nodes.set(id, { model, id, stub: true, properties: defined(properties) });
    }
    return id;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  rel(type: string, from: string, to: string, properties: Record<string, unknown> = {}): void {
    const clean = defined(properties);
    // One per pair, unless the model names a property that tells parallel ones apart.
    const keyProperty = relModels.get(type)?.key;
    const distinct = keyProperty === undefined ? '' : JSON.stringify(clean[keyProperty]);
    const key = `${type}\u0000${from}\u0000${to}\u0000${distinct}`;
    this.rels.set(key, { type, from, to, properties: clean });
  }

  build(): GraphRecords {
    return {
      scope: this.scope,
      nodes: [...this.nodes.values()],
      relationships: [...this.rels.values()],
    };
  }
}

function defined(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) if (value !== undefined) out[key] = value;
  return out;
}
