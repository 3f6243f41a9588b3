import { z } from 'zod';
import { BadInputError } from '../errors/cairn-error.js';
import { nodeModels, relModels } from '../model/registry.js';
import { describeIssue, quoteInput } from './describe-issue.js';
import type { GraphRecords, NodeRecord, RelRecord } from './graph-records.js';
import { nodeRecordSchema, relRecordSchema } from './model-schemas.js';
import { scopeRefSchema } from './scope-ref.js';

const envelopeSchema = z
  .object({
    scope: scopeRefSchema,
    nodes: z.array(z.record(z.string(), z.unknown())),
    relationships: z.array(z.record(z.string(), z.unknown())).default([]),
  })
  .strict();

/** Collects problems; the first one becomes the error's message, the rest its detail. */
class Problems {
  readonly list: string[] = [];
  add(problem: string): void {
    if (this.list.length < 50) this.list.push(problem);
  }
  throwIfAny(source: string): void {
    const [first, ...rest] = this.list;
    if (first === undefined) return;
    const more = rest.length ? ` (and ${rest.length}${rest.length >= 49 ? '+' : ''} more)` : '';
    throw new BadInputError(`${source}: ${first}${more}`, { detail: rest.join('\n') });
  }
}

/**
 * Validates one scope's records against the models: known models and types, declared properties
 * of the right types, unique node ids, and relationships whose ends are nodes of the allowed
 * models in the same records. Throws a BadInputError naming the source, record and field.
 */
export function validateGraphRecords(input: unknown, source: string): GraphRecords {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new BadInputError(`${source}: ${issue ? describeIssue(issue) : 'not a Cairn snapshot'}`);
  }
  const problems = new Problems();
  const nodes = validateNodes(envelope.data.nodes, problems);
  const modelById = new Map(nodes.map((node) => [node.id, node.model]));
  const relationships = validateRels(envelope.data.relationships, modelById, problems);
  problems.throwIfAny(source);
  return { scope: envelope.data.scope, nodes, relationships };
}

function validateNodes(raw: Record<string, unknown>[], problems: Problems): NodeRecord[] {
  const nodes: NodeRecord[] = [];
  const fullIds = new Set<string>();
  raw.forEach((record, index) => {
    const where = `nodes[${index}]${record['id'] === undefined ? '' : ` (id ${quoteInput(record['id'])})`}`;
    const model = typeof record['model'] === 'string' ? nodeModels.get(record['model']) : undefined;
    if (!model) {
      problems.add(`${where}: field "model": unknown node model ${quoteInput(record['model'])}`);
      return;
    }
    const stub = record['stub'] === true;
    const parsed = nodeRecordSchema(model, stub).safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.add(`${where} ${model.label}: ${describeIssue(issue)}`);
      return;
    }
    const {
      model: _m,
      id,
      stub: _s,
      ...properties
    } = parsed.data as Record<string, unknown> & { id: string };
    if (!stub) {
      if (fullIds.has(id)) problems.add(`${where}: duplicate node id; each node may appear once`);
      fullIds.add(id);
    }
    nodes.push({ model: model.label, id, stub, properties });
  });
  return nodes;
}

function validateRels(
  raw: Record<string, unknown>[],
  modelById: ReadonlyMap<string, string>,
  problems: Problems,
): RelRecord[] {
  const rels: RelRecord[] = [];
  raw.forEach((record, index) => {
    const where = `relationships[${index}]`;
    const model = typeof record['type'] === 'string' ? relModels.get(record['type']) : undefined;
    if (!model) {
      problems.add(
        `${where}: field "type": unknown relationship type ${quoteInput(record['type'])}`,
      );
      return;
    }
    const parsed = relRecordSchema(model).safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.add(`${where} ${model.type}: ${describeIssue(issue)}`);
      return;
    }
    const {
      type: _t,
      from,
      to,
      ...properties
    } = parsed.data as Record<string, unknown> & {
      from: string;
      to: string;
    };
    for (const [end, id, allowed] of [
      ['from', from, model.from],
      ['to', to, model.to],
    ] as const) {
      const endModel = modelById.get(id);
      if (endModel === undefined) {
        problems.add(
          `${where} ${model.type}: field "${end}": ${quoteInput(id)} is not a node in these records (add it, as a stub if it lives elsewhere)`,
        );
      } else if (!allowed.includes(endModel)) {
        problems.add(
          `${where} ${model.type}: field "${end}": ${endModel} cannot be the ${end} end (allowed: ${allowed.join(', ')})`,
        );
      }
    }
    rels.push({ type: model.type, from, to, properties });
  });
  return rels;
}
