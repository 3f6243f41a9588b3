import { describe, expect, it } from 'vitest';
import {
  isRetryableStatus,
  PermanentFailure,
  retryDelayMs,
  shouldRetry,
} from '../../../src/schedule/retry-policy.js';
import { safeUrl, withoutUrl } from '../../../src/schedule/safe-url.js';

describe('retry and backoff', () => {
  it('doubles the wait after each failed attempt, up to an hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(20, 30_000)).toBe(3_600_000);
  });

  it('retries until the attempts after the first are used up', () => {
    const error = new Error('HTTP 500');
    expect(shouldRetry(1, 3, error)).toBe(true);
    expect(shouldRetry(3, 3, error)).toBe(true);
    expect(shouldRetry(4, 3, error)).toBe(false);
    expect(shouldRetry(1, 0, error)).toBe(false);
  });

  it('never retries a permanent failure', () => {
    expect(shouldRetry(1, 3, new PermanentFailure('HTTP 404'))).toBe(false);
  });

  it('retries server errors, timeouts and rate limits, not other client errors', () => {
    expect([500, 502, 503, 408, 425, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413].some(isRetryableStatus)).toBe(false);
  });
});

describe('webhook URLs in messages', () => {
  const url = 'https://user:hunter22@hooks.example.com:8443/in/abc?token=s3cr3t-value#frag';

  it('keeps scheme, host, port and path only', () => {
    expect(safeUrl(url)).toBe('https://hooks.example.com:8443/in/abc');
    expect(safeUrl('not a url')).toBe('(invalid URL)');
  });

  it('removes the URL and its secret parts from a message', () => {
    const message = `fetch ${url} failed; token=s3cr3t-value; pw hunter22`;
    const clean = withoutUrl(message, url);
    expect(clean).not.toContain('s3cr3t-value');
    expect(clean).not.toContain('hunter22');
    expect(clean).toContain('https://hooks.example.com:8443/in/abc');
  });
});
