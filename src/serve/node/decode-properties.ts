import { nodeModels } from '../../model/registry.js';

/**
 * Neo4j cannot store maps, so properties a model declares `json` are stored as JSON text; hand
 * them back as values. Only declared ones: a plain string that happens to look like JSON stays
 * a string.
 */
export function decodeProperties(
  labels: readonly string[],
  props: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const jsonKeys = new Set<string>();
  for (const label of labels) {
    const model = nodeModels.get(label);
    if (!model) continue;
    for (const [key, spec] of Object.entries(model.properties)) {
      if (spec.type === 'json') jsonKeys.add(key);
    }
  }
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [
      key,
      jsonKeys.has(key) && typeof value === 'string' ? parseOrKeep(value) : value,
    ]),
  );
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
