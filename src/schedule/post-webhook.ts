import { openAsBlob } from 'node:fs';
import { isRetryableStatus, PermanentFailure } from './retry-policy.js';
import { safeUrl } from './safe-url.js';

export interface WebhookOptions {
  readonly contentType: string;
  /** Per attempt; a receiver that hangs counts as a failed attempt. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * POSTs a file (streamed from disk) to a webhook. A 2xx succeeds; a 5xx, 408, 425, 429 or
 * network failure throws for a retry; any other status throws a PermanentFailure. Messages name
 * the URL without its credentials or query.
 */
export async function postWebhook(
  url: string,
  file: string,
  options: WebhookOptions,
): Promise<void> {
  const shown = safeUrl(url);
  const body = await openAsBlob(file, { type: options.contentType });
  const signals = [
    AbortSignal.timeout(options.timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ];
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': options.contentType, 'user-agent': 'cairn-export' },
      body,
      redirect: 'error',
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    throw new Error(`webhook ${shown}: ${reasonOf(error)}`, { cause: error });
  }
  // The body is not needed; reading it frees the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  const message = `webhook ${shown}: HTTP ${response.status}`;
  if (isRetryableStatus(response.status)) throw new Error(message);
  throw new PermanentFailure(message);
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : 'request failed';
}
