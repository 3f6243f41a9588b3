import type { PropertySpec } from './property-spec.js';
import type { Provider } from './provider.js';

/** Label every loaded entity carries; its `id` is unique across all of them. */
export const ENTITY_LABEL = 'Entity';

/** Labels a node may share across clouds so one query or rule can span them (see the brief). */
export type SharedLabel =
  | 'Principal'
  | 'Human'
  | 'Workload'
  | 'Group'
  | 'Policy'
  | 'Account'
  | 'Compute'
  | 'DataStore'
  | 'Secret'
  | 'Key'
  | 'NetworkRule'
  | 'Network'
  | 'Internet';

export interface NodeModel<P extends Record<string, PropertySpec> = Record<string, PropertySpec>> {
  readonly kind: 'node';
  /** The provider-specific primary label, e.g. `AWSRole`. Also the model's name. */
  readonly label: string;
  readonly sharedLabels: readonly SharedLabel[];
  readonly provider: Provider;
  readonly description: string;
  /** What `id` is for this kind, e.g. "the role ARN". */
  readonly idDescription: string;
  readonly properties: P;
  /**
   * Nodes that many scopes reference but none owns (AWS managed policies, the Internet) are
   * written to this scope instead of the loading one, and removed only when nothing uses them.
   */
  readonly sharedScope?: string;
}

export function defineNode<const P extends Record<string, PropertySpec>>(
  model: Omit<NodeModel<P>, 'kind'>,
): NodeModel<P> {
  return { kind: 'node', ...model };
}

/** Every label the node gets: primary, shared, then the entity label. */
export function labelsOf(model: NodeModel): string[] {
  return [model.label, ...model.sharedLabels, ENTITY_LABEL];
}
