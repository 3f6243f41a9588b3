import type { Logger } from '../../logging/logger.js';
import type { GraphRecords, NodeRecord } from '../../records/graph-records.js';
import { scopeKey } from '../../records/scope-ref.js';
import type { KeyedRateLimiter } from '../shared/rate-limiter.js';

/** A call a scan could not make; becomes a CoverageGap node. */
export interface Gap {
  readonly service: string;
  readonly operation: string;
  readonly region?: string;
  readonly errorCode: string;
  readonly message: string;
}

/** One successful call, as the progress display counts it. */
export interface CallDone {
  readonly operation: string;
  /** Entries in the answer's lists (users, accounts, targets...). */
  readonly items: number;
}

/** What every AWS call of one account's scan shares. */
export interface AwsScanContext {
  readonly account: string;
  readonly region: string;
  readonly limiter: KeyedRateLimiter;
  readonly log: Logger;
  readonly gaps: Gap[];
  /** Values (an external id) that must never reach a message, a log line or a record. */
  readonly secrets?: readonly string[];
  /** Told about every successful call, for the progress display. */
  readonly onCall?: (call: CallDone) => void;
}

/** One scope a scan collected, with the calls it could not make (already in `records`). */
export interface AwsScopeScan {
  readonly records: GraphRecords;
  readonly gaps: readonly Gap[];
}

/** Adds a CoverageGap node per distinct denied call to the scope's records. */
export function withGaps(records: GraphRecords, gaps: readonly Gap[]): AwsScopeScan {
  const gapNodes: NodeRecord[] = gaps.map((gap) => ({
    model: 'CoverageGap',
    id: `${scopeKey(records.scope)}/gap/${gap.service}:${gap.operation}@${gap.region ?? 'global'}`,
    stub: false,
    properties: { cloud: 'AWS', ...gap },
  }));
  const unique = new Map(gapNodes.map((node) => [node.id, node]));
  return { records: { ...records, nodes: [...records.nodes, ...unique.values()] }, gaps };
}
