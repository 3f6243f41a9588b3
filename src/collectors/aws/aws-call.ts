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
  stack?: string;
  /** Set on errors AWS described; absent when its answer could not even be parsed. */
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Which failures become a coverage gap instead of stopping the scan. */
export type GapOn =
  /** Access denied only (the default). */
  | 'denied'
  /** Any refusal by AWS (a 4xx answer), e.g. AssumeRole into one account of many. */
  | 'refused';

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
  gapOn: GapOn = 'denied',
): Promise<T | undefined> {
  const key = `aws/${ctx.account}/${where.region ?? 'global'}/${where.service}`;
  const clean = (text: string): string => scrub(text, ctx.secrets ?? []);
  try {
    const result = await ctx.limiter.schedule(key, () =>
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
    ctx.onCall?.({ operation: where.operation, items: countItems(result) });
    return result;
  } catch (thrown) {
    const e = readable403(thrown as AwsErrorShape);
    if (e.name && absentOn.includes(e.name)) return undefined;
    const denied = e.name !== undefined && ACCESS_DENIED.has(e.name);
    if (e.name && (denied || (gapOn === 'refused' && isRefusal(e)))) {
      const message = clean((e.message ?? '').split('\n', 1)[0] ?? '').slice(0, 500);
      ctx.gaps.push({ ...where, errorCode: e.name, message });
      ctx.log.warn(
        { ...where, errorCode: e.name },
        denied
          ? 'access denied; recorded as a coverage gap'
          : 'refused; recorded as a coverage gap',
      );
      return undefined;
    }
    throw new CairnError(
      ErrorCode.CLOUD_API,
      // One line: SDK parse failures append the raw answer on further lines.
      `AWS ${where.service}:${where.operation} failed for account ${ctx.account}: ${e.name ?? 'error'}: ${clean((e.message ?? '').split('\n', 1)[0] ?? '').slice(0, 500)}`,
      { cause: ctx.secrets?.length ? scrubbedError(e, clean) : thrown },
    );
  }
}

/**
 * A 403 whose body the SDK could not parse (an emulator answering a JSON API in XML, a proxy) is
 * still a refusal of access; reading it as one keeps the scan going with a gap.
 */
function readable403(e: AwsErrorShape): AwsErrorShape {
  if (e.$metadata?.httpStatusCode !== 403 || e.$fault !== undefined) return e;
  return { ...e, name: 'AccessDenied', message: 'HTTP 403 (the error body could not be read)' };
}

/** AWS answered, and said no (as opposed to a network failure or an outage). */
function isRefusal(e: AwsErrorShape): boolean {
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}

/** Credentials patterns, then the scan's own secrets: AWS echoes some inputs in its messages. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = redact(text);
  for (const secret of secrets) if (secret) out = out.split(secret).join('***');
  return out;
}

/** A copy of the SDK's error without the secrets, since --verbose prints causes' stacks. */
function scrubbedError(e: AwsErrorShape, clean: (text: string) => string): Error {
  const copy = new Error(clean(e.message ?? ''));
  copy.name = e.name ?? 'Error';
  copy.stack = clean(e.stack ?? '');
  return copy;
}

/** Entries in the top-level lists of an answer, e.g. Accounts or UserDetailList. */
function countItems(result: unknown): number {
  if (typeof result !== 'object' || result === null) return 0;
  let items = 0;
  for (const value of Object.values(result)) if (Array.isArray(value)) items += value.length;
  return items;
}

/** `awsCall` bound to one service in the context's region: how a resource collector calls. */
export function serviceCall(
  ctx: AwsScanContext,
  service: string,
): <T>(
  operation: string,
  send: () => Promise<T>,
  absentOn?: readonly string[],
  gapOn?: GapOn,
) => Promise<T | undefined> {
  return (operation, send, absentOn = [], gapOn = 'denied') =>
    awsCall(ctx, { service, operation, region: ctx.region }, send, absentOn, gapOn);
}
