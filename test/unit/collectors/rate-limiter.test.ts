import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter } from '../../../src/collectors/shared/rate-limiter.js';
import { TokenBucket } from '../../../src/collectors/shared/token-bucket.js';
import { withRetry } from '../../../src/collectors/shared/retry.js';

describe('TokenBucket', () => {
  it('allows a burst, then one token per 1/rate seconds', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 2, () => now);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(0);
    expect(bucket.tryTake()).toBe(100);
    now = 100;
    expect(bucket.tryTake()).toBe(0);
  });
});

describe('KeyedRateLimiter', () => {
  it('caps calls in flight per key, independently across keys', async () => {
    const limiter = new KeyedRateLimiter(() => ({
      ratePerSecond: 1000,
      burst: 100,
      concurrency: 2,
    }));
    const peak = new Map<string, number>();
    const live = new Map<string, number>();
    const call = (key: string) =>
      limiter.schedule(key, async () => {
        live.set(key, (live.get(key) ?? 0) + 1);
        peak.set(key, Math.max(peak.get(key) ?? 0, live.get(key) ?? 0));
        await new Promise((r) => setTimeout(r, 5));
        live.set(key, (live.get(key) ?? 0) - 1);
      });
    await Promise.all(
      Array.from({ length: 8 }).flatMap(() => [
        call('aws/1/us-east-1/iam'),
        call('aws/2/us-east-1/iam'),
      ]),
    );
    expect(peak.get('aws/1/us-east-1/iam')).toBe(2);
    expect(peak.get('aws/2/us-east-1/iam')).toBe(2);
  });

  it('halves the rate on throttling and recovers on success', async () => {
    const limiter = new KeyedRateLimiter(() => ({
      ratePerSecond: 100,
      burst: 100,
      concurrency: 4,
    }));
    limiter.slowDown('k');
    limiter.slowDown('k');
    expect(limiter.currentRate('k')).toBe(25);
    await limiter.schedule('k', () => Promise.resolve());
    expect(limiter.currentRate('k')).toBe(30);
  });
});

describe('withRetry', () => {
  it('retries retryable errors with growing delays, then gives up', async () => {
    const delays: number[] = [];
    let calls = 0;
    const throttled = Object.assign(new Error('Throttling'), { retryable: true });
    await expect(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(throttled);
        },
        {
          maxAttempts: 4,
          baseDelayMs: 2,
          maxDelayMs: 100,
          random: () => 0.999,
          isRetryable: (e) => (e as { retryable?: boolean }).retryable === true,
          onRetry: (_e, _a, delay) => delays.push(delay),
        },
      ),
    ).rejects.toBe(throttled);
    expect(calls).toBe(4);
    expect(delays).toEqual([1, 3, 7]);
  });

  it('does not retry an error that is not retryable (access denied)', async () => {
    let calls = 0;
    const denied = new Error('AccessDenied');
    await expect(
      withRetry(() => (calls++, Promise.reject(denied)), {
        maxAttempts: 5,
        baseDelayMs: 1,
        maxDelayMs: 1,
        isRetryable: () => false,
      }),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });
});
