import { BadInputError } from '../../errors/cairn-error.js';
import type { RuleRow } from '../evaluator.js';

/**
 * A `json` property as a query hands it over: Neo4j stores such values as JSON text, so the text
 * is parsed here. Undefined when the property is unset; already-parsed values pass through.
 */
export function jsonValue(value: unknown, what: string, row: RuleRow): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new BadInputError(`${row.resource}: ${what} is not valid JSON`);
  }
}

/** A property of the row's evidence, parsed as JSON (see `jsonValue`). */
export function jsonEvidence(row: RuleRow, name: string): unknown {
  return jsonValue(row.evidence[name], `evidence.${name}`, row);
}
