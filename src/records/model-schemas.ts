import { z } from 'zod';
import type { NodeModel } from '../model/define-node.js';
import type { RelModel } from '../model/define-rel.js';
import { propertyValueSchema, type PropertySpec } from '../model/property-spec.js';

/*
 * zod schemas derived from the models, so a model change is a validation change. Records are
 * strict: an unknown field is an error rather than silently dropped data.
 */

const idSchema = z.string().min(1).max(2048);

function propertiesShape(
  properties: Record<string, PropertySpec>,
  allOptional: boolean,
): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(properties)) {
    const schema = propertyValueSchema(allOptional ? { ...spec, required: false } : spec);
    shape[name] = schema;
  }
  return shape;
}

const nodeSchemas = new Map<string, z.ZodType>();
const stubSchemas = new Map<string, z.ZodType>();
const relSchemas = new Map<string, z.ZodType>();

export function nodeRecordSchema(model: NodeModel, stub: boolean): z.ZodType {
  const cache = stub ? stubSchemas : nodeSchemas;
  let schema = cache.get(model.label);
  if (!schema) {
    schema = z
      .object({
        model: z.literal(model.label),
        id: idSchema,
        stub: z.boolean().optional(),
        ...propertiesShape(model.properties, stub),
      })
      .strict();
    cache.set(model.label, schema);
  }
  return schema;
}

export function relRecordSchema(model: RelModel): z.ZodType {
  let schema = relSchemas.get(model.type);
  if (!schema) {
    schema = z
      .object({
        type: z.literal(model.type),
        from: idSchema,
        to: idSchema,
        ...propertiesShape(model.properties, false),
      })
      .strict();
    relSchemas.set(model.type, schema);
  }
  return schema;
}
