import { redact } from '../../errors/redact.js';
import { CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { withRetry } from '../shared/retry.js';
import type { AwsScanContext } from './scan-context.js';

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestThrottled',
]);
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AWSOrganizationsNotInUseException',
]);

interface AwsErrorShape {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function isRetryable(error: unknown): boolean {
  const e = error as AwsErrorShape;
  if (e.name && THROTTLING.has(e.name)) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/**
 * One read-only AWS call: rate-limited per account/region/service, retried with backoff when
 * throttled (slowing that key down), and — when access is denied — recorded as a coverage gap
 * while the scan goes on (`undefined` is returned). Other failures stop the scan.
 */
export async function awsCall<T>(
  ctx: AwsScanContext,
  where: { service: string; operation: string; region?: string },
  send: () => Promise<T>,
  /** Error names that mean "there is none" (e.g. NoSuchEntity): undefined, and no gap. */
  absentOn: readonly string[] = [],
): Promise<T | undefined> {
  const key = `aws/${ctx.account}/${where.region ?? 'global'}/${where.service}`;
  try {
    return await ctx.limiter.schedule(key, () =>
      withRetry(send, {
        maxAttempts: 6,
        baseDelayMs: 200,
        maxDelayMs: 10_000,
        isRetryable,
        onRetry: (error, attempt, delayMs) => {
          ctx.limiter.slowDown(key);
          ctx.log.info(
            { ...where, attempt, delayMs, error: (error as AwsErrorShape).name },
            'retrying',
          );
        },
      }),
    );
  } catch (error) {
    const e = error as AwsErrorShape;
    if (e.name && absentOn.includes(e.name)) return undefined;
    if (e.name && ACCESS_DENIED.has(e.name)) {
      const message = redact((e.message ?? '').split('\n', 1)[0] ?? '').slice(0, 500);
      ctx.gaps.push({ ...where, errorCode: e.name, message });
      ctx.log.warn({ ...where, errorCode: e.name }, 'access denied; recorded as a coverage gap');
      return undefined;
    }
    throw new CairnError(
      ErrorCode.CLOUD_API,
      `AWS ${where.service}:${where.operation} failed for account ${ctx.account}: ${e.name ?? 'error'}: ${redact(e.message ?? '')}`,
      { cause: error },
    );
  }
}
