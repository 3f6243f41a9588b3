import { BadInputError } from '../../errors/cairn-error.js';

/**
 * The actions a derived edge relies on, from its compact evidence (a JSON list of
 * `{action, resource?, principal?, by}`), in order and without repeats.
 */
export function actionsOfEdgeEvidence(raw: unknown, where: string): string[] {
  if (raw === null || raw === undefined) return [];
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw) as unknown;
    } catch {
      throw new BadInputError(`${where}: edge evidence is not valid JSON`);
    }
  }
  if (!Array.isArray(parsed)) throw new BadInputError(`${where}: edge evidence must be a list`);
  const actions: string[] = [];
  for (const item of parsed) {
    const action: unknown =
      typeof item === 'object' && item !== null
        ? (item as Record<string, unknown>)['action']
        : undefined;
    if (typeof action !== 'string')
      throw new BadInputError(`${where}: edge evidence entry without an action`);
    if (!actions.includes(action)) actions.push(action);
  }
  return actions;
}
