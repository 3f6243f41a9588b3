import type { PropertySpec } from './property-spec.js';

export interface RelModel<P extends Record<string, PropertySpec> = Record<string, PropertySpec>> {
  readonly kind: 'rel';
  /** UPPER_SNAKE relationship type, e.g. `MEMBER_OF`. */
  readonly type: string;
  /** Primary labels of the node models at either end (for documentation and validation). */
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly description: string;
  readonly properties: P;
  /**
   * Property that distinguishes parallel relationships of this type between the same two nodes
   * (e.g. one per policy statement). Without it there is at most one per pair.
   */
  readonly key?: string;
}

/** `key`, when given, must name one of the model's properties (checked here, where it is written). */
export function defineRel<const P extends Record<string, PropertySpec>>(
  model: Omit<RelModel<P>, 'kind' | 'key'> & { readonly key?: keyof P & string },
): RelModel<P> {
  return { kind: 'rel', ...model };
}
