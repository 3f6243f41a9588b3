import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Throttling and transient server errors; never access denied or bad requests. */
  readonly isRetryable: (error: unknown) => boolean;
  /** Told about each retry, e.g. to slow the key's rate limiter down. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  readonly random?: () => number;
}

/** Calls `call` until it succeeds, fails for good, or runs out of attempts (exponential, full jitter). */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const random = policy.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.maxAttempts || !policy.isRetryable(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.floor(random() * ceiling);
      policy.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
