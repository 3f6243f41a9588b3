import { BadInputError } from '../../errors/cairn-error.js';
import type { GraphRecords } from '../../records/graph-records.js';
import { validateGraphRecords } from '../../records/validate-graph-records.js';
import { readJsonFile } from '../input/read-json-file.js';

export const SNAPSHOT_FORMAT = 'cairn-snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * A Cairn snapshot: one scope's records as JSON, exactly the shape every collector produces.
 * `{ "format": "cairn-snapshot", "version": 1, "scope": {...}, "nodes": [...], "relationships": [...] }`.
 */
export async function readSnapshot(file: string): Promise<GraphRecords> {
  const json = await readJsonFile(file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BadInputError(`${file}: expected a JSON object (a Cairn snapshot)`);
  }
  const { format, version, ...records } = json as Record<string, unknown>;
  if (format !== SNAPSHOT_FORMAT) {
    throw new BadInputError(`${file}: field "format": expected "${SNAPSHOT_FORMAT}"`);
  }
  if (version !== SNAPSHOT_VERSION) {
    throw new BadInputError(`${file}: field "version": expected ${SNAPSHOT_VERSION}`);
  }
  return validateGraphRecords(records, file);
}
