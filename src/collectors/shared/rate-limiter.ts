import { setTimeout as sleep } from 'node:timers/promises';
import { TokenBucket } from './token-bucket.js';

export interface RateLimit {
  /** Sustained requests per second. */
  readonly ratePerSecond: number;
  /** Requests allowed at once after an idle period. */
  readonly burst: number;
  /** Calls in flight at most. */
  readonly concurrency: number;
}

interface Lane {
  readonly bucket: TokenBucket;
  readonly limit: RateLimit;
  inFlight: number;
  readonly waiting: (() => void)[];
}

/**
 * Rate limits per key — e.g. `aws/123456789012/us-east-1/iam` — so that parallel scans of many
 * accounts and regions each stay under their own API quota. When a cloud answers "throttled",
 * `slowDown` halves that key's rate; each success creeps it back toward the configured rate
 * (additive increase, multiplicative decrease).
 */
export class KeyedRateLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly limitFor: (key: string) => RateLimit) {}

  async schedule<T>(key: string, call: () => Promise<T>): Promise<T> {
    const lane = this.lane(key);
    await this.acquireSlot(lane);
    try {
      for (let wait = lane.bucket.tryTake(); wait > 0; wait = lane.bucket.tryTake())
        await sleep(wait);
      const result = await call();
      this.speedUp(lane);
      return result;
    } finally {
      lane.inFlight -= 1;
      lane.waiting.shift()?.();
    }
  }

  slowDown(key: string): void {
    const lane = this.lane(key);
    lane.bucket.setRate(Math.max(lane.limit.ratePerSecond / 64, lane.bucket.rate / 2));
  }

  currentRate(key: string): number {
    return this.lane(key).bucket.rate;
  }

  private speedUp(lane: Lane): void {
    const target = lane.limit.ratePerSecond;
    if (lane.bucket.rate < target)
      lane.bucket.setRate(Math.min(target, lane.bucket.rate + target / 20));
  }

  private async acquireSlot(lane: Lane): Promise<void> {
    while (lane.inFlight >= lane.limit.concurrency) {
      await new Promise<void>((resolve) => lane.waiting.push(resolve));
    }
    lane.inFlight += 1;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      const limit = this.limitFor(key);
      lane = {
        bucket: new TokenBucket(limit.ratePerSecond, limit.burst),
        limit,
        inFlight: 0,
        waiting: [],
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }
}
