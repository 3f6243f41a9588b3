import {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isNode,
  isRelationship,
} from 'neo4j-driver';

/**
 * A query value as plain JSON-able data: temporal values as ISO strings, nodes as their id, so that
 * evidence can be stored, exported and compared.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value !== 'object') return value;
  if (isDateTime(value) || isLocalDateTime(value) || isDate(value) || isDuration(value)) {
    return isDateTime(value) ? new Date(value.toString()).toISOString() : value.toString();
  }
  if (isNode(value)) return (value.properties as { id?: unknown }).id ?? null;
  if (isRelationship(value)) return value.type;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      key,
      plainValue(inner),
    ]),
  );
}
