import type { ActionEvidence } from '../action-evidence.js';
import type { PendingCondition } from '../policy/index.js';

export type { ActionEvidence } from '../action-evidence.js';

/**
 * `from` can obtain `to`'s permissions by `technique` — or, with `grantsAdmin`, can make `to`
 * (itself, or a principal it can become) admin-equivalent. Conditional edges hold only if the
 * pending conditions and the listed preconditions do.
 */
export interface EscalationEdge {
  readonly from: string;
  readonly to: string;
  readonly technique: string;
  readonly actions: readonly string[];
  readonly grantsAdmin: boolean;
  readonly conditional: boolean;
  readonly pending: readonly PendingCondition[];
  /** Facts the technique needs that the collected data cannot confirm. */
  readonly preconditions: readonly string[];
  readonly evidence: readonly ActionEvidence[];
  /** For a grant to another principal: how the caller becomes it. */
  readonly through?: string;
}
