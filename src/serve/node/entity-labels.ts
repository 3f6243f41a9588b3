import { ENTITY_LABEL, labelsOf } from '../../model/define-node.js';
import { nodeModels } from '../../model/registry.js';

/**
 * Neo4j returns labels in no promised order; answer in the model's (primary label, then shared
 * ones) so clients can rely on `labels[0]` being the kind. Unmodelled labels follow, sorted.
 */
export function orderedLabels(labels: readonly string[]): string[] {
  const model = labels.map((label) => nodeModels.get(label)).find((m) => m !== undefined);
  const preferred = model ? labelsOf(model).filter((label) => labels.includes(label)) : [];
  const rest = labels.filter((label) => !preferred.includes(label)).sort();
  return [...preferred, ...rest].filter((label) => label !== ENTITY_LABEL);
}
