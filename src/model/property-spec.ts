import { z } from 'zod';

/**
 * Property types a model may declare. Neo4j cannot store maps, so `json` values are stored as
 * JSON text; timestamps are ISO-8601 UTC strings, which sort the same as the instants they name.
 */
export type PropertyType =
  'string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'string[]' | 'json';

export interface PropertySpec {
  readonly type: PropertyType;
  readonly required?: boolean;
  /** Adds a range index on this property for the model's primary label. */
  readonly indexed?: boolean;
  readonly description: string;
}

const valueSchemas: Record<PropertyType, z.ZodType> = {
  string: z.string(),
  integer: z.number().int(),
  float: z.number().finite(),
  boolean: z.boolean(),
  datetime: z.iso.datetime({ offset: true }),
  'string[]': z.array(z.string()),
  json: z.unknown(),
};

/** The zod schema that validates one property value; optional ones also accept null. */
export function propertyValueSchema(spec: PropertySpec): z.ZodType {
  const base = valueSchemas[spec.type];
  return spec.required ? base : base.nullish();
}

/** Converts a validated value to what Neo4j stores. */
export function toStoredValue(spec: PropertySpec, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return spec.type === 'json' ? JSON.stringify(value) : value;
}
