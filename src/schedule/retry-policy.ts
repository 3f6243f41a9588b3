/** Longest wait between attempts, however many retries a schedule allows. */
const MAX_DELAY_MS = 60 * 60 * 1000;

/** The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed: base × 2^(n-1). */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** A failure that another attempt cannot fix (a webhook refusing the request, no analysis yet). */
export class PermanentFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentFailure';
  }
}

/** Whether to try again after attempt `attempt` (1-based) failed with `error`. */
export function shouldRetry(attempt: number, retries: number, error: unknown): boolean {
  return attempt <= retries && !(error instanceof PermanentFailure);
}

/**
 * HTTP statuses worth another attempt: server errors, timeouts and rate limits. Any other 4xx
 * means the receiver rejects this request and will keep doing so.
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}
