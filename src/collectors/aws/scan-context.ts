import type { Logger } from '../../logging/logger.js';
import type { KeyedRateLimiter } from '../shared/rate-limiter.js';

/** A call a scan could not make; becomes a CoverageGap node. */
export interface Gap {
  readonly service: string;
  readonly operation: string;
  readonly region?: string;
  readonly errorCode: string;
  readonly message: string;
}

/** What every AWS call of one account's scan shares. */
export interface AwsScanContext {
  readonly account: string;
  readonly region: string;
  readonly limiter: KeyedRateLimiter;
  readonly log: Logger;
  readonly gaps: Gap[];
}
