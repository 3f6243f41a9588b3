import type { AwsScanContext } from '../../src/collectors/aws/scan-context.js';
import type { ResourceScanEnv } from '../../src/collectors/aws/resources/resource-collector.js';
import type { CredentialsProvider } from '../../src/collectors/aws/accounts/assume-role.js';
import { KeyedRateLimiter } from '../../src/collectors/shared/rate-limiter.js';
import { loggerFor } from '../../src/logging/logger.js';
/** moto's default account. */
export const ACCOUNT = '123456789012';

/*
 * Support for the aws-apps moto tests: a resource collector's environment against a moto server,
 * and SDK middleware that injects a failure or stands in for an operation moto lacks.
 */

export type Handler = (args: unknown) => Promise<unknown>;
/** The shape of an SDK initialize middleware, enough to wrap or replace a call. */
export type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

export interface MotoEnv {
  readonly env: ResourceScanEnv;
  readonly ctx: AwsScanContext;
  /** Operations that succeeded, in order (a page is one call). */
  readonly calls: string[];
}

export function motoEnv(
  endpoint: string,
  options: {
    region?: string;
    pageSize?: number;
    keys?: { accessKeyId: string; secretAccessKey: string };
    middleware?: readonly Middleware[];
  } = {},
): MotoEnv {
  const region = options.region ?? 'us-east-1';
  const calls: string[] = [];
  const keys = options.keys ?? { accessKeyId: 'testing', secretAccessKey: 'testing' };
  const credentials: CredentialsProvider = () => Promise.resolve({ ...keys, sessionToken: '' });
  const ctx: AwsScanContext = {
    account: ACCOUNT,
    region,
    limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 200, burst: 200, concurrency: 4 })),
    log: loggerFor({ cloud: 'aws', account: ACCOUNT }),
    gaps: [],
    onCall: (call) => calls.push(call.operation),
  };
  const env: ResourceScanEnv = {
    ctx,
    clientConfig: { region, endpoint, credentials, maxAttempts: 1 },
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    configureClient: (client) => {
      const stack = (client as { middlewareStack: { add(mw: Middleware, o: object): void } })
        .middlewareStack;
      (options.middleware ?? []).forEach((mw, index) =>
        stack.add(mw, { step: 'initialize', name: `testMiddleware${index}` }),
      );
    },
  };
  return { env, ctx, calls };
}

/** Fails `command` with Throttling the first `times` times; `count()` says how often it did. */
export function throttle(command: string, times = 2): { middleware: Middleware; count(): number } {
  let throttled = 0;
  return {
    middleware: (next, context) => (args) => {
      if (context.commandName === command && throttled < times) {
        throttled += 1;
        const error = Object.assign(new Error('Rate exceeded'), {
          name: 'Throttling',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        });
        return Promise.reject(error);
      }
      return next(args);
    },
    count: () => throttled,
  };
}
