import { BadInputError } from '../../errors/cairn-error.js';

/**
 * Typed reads of the facts a rule query gathered. A value of the wrong type means the graph
 * holds something the model does not allow, so it fails the one resource with a clear message.
 */
export interface Facts {
  readonly resource: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

function wrong(facts: Facts, key: string, expected: string): BadInputError {
  return new BadInputError(`${facts.resource}: evidence field "${key}" is not ${expected}`);
}

export function optionalString(facts: Facts, key: string): string | null {
  const value = facts.evidence[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw wrong(facts, key, 'a string');
  return value;
}

export function optionalBoolean(facts: Facts, key: string): boolean | null {
  const value = facts.evidence[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') throw wrong(facts, key, 'a boolean');
  return value;
}

export function stringList(facts: Facts, key: string): string[] {
  const value = facts.evidence[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    throw wrong(facts, key, 'a list of strings');
  return value;
}

export function objectList(facts: Facts, key: string): Record<string, unknown>[] {
  const value = facts.evidence[key];
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isObject)) throw wrong(facts, key, 'a list of maps');
  return value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Neo4j keeps `json` properties as text: parse it, naming the field when it is not JSON. */
export function storedJson(value: unknown, what: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new BadInputError(`${what} is not valid JSON`);
  }
}
