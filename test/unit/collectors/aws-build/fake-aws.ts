import type {
  ResourceCollector,
  ResourceScanEnv,
} from '../../../../src/collectors/aws/resources/resource-collector.js';
import { withGaps, type Gap } from '../../../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../../../src/collectors/shared/rate-limiter.js';
import { loggerFor } from '../../../../src/logging/logger.js';
import { flattenGraphRecords, type GraphRecords } from '../../../../src/records/graph-records.js';
import { validateGraphRecords } from '../../../../src/records/validate-graph-records.js';

/*
 * Real SDK clients whose calls are answered by a test, from recorded API-shaped answers, through
 * an `initialize` middleware: nothing reaches the network, yet paging, retries and gaps run as
 * they do against AWS.
 */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/** Answers one command (by SDK command name, e.g. `ListProjectsCommand`); a throw is an AWS error. */
export type Answer = (input: Record<string, unknown>) => object;

type Handler = (args: { input: Record<string, unknown> }) => Promise<unknown>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

export interface FakeAws {
  /** Every call made, as `<command> <input JSON>`. */
  readonly calls: string[];
  readonly configureClient: (client: object) => void;
}

export function fakeAws(answers: Record<string, Answer>): FakeAws {
  const calls: string[] = [];
  return {
    calls,
    configureClient: (client) => {
      const stack = (client as { middlewareStack: { add(mw: Middleware, o: object): void } })
        .middlewareStack;
      stack.add(
        (_next, context) => async (args) => {
          const command = context.commandName ?? '?';
          calls.push(`${command} ${JSON.stringify(args.input)}`);
          const answer = answers[command];
          if (!answer) throw new Error(`unexpected ${command}`);
          const output = await new Promise<object>((resolve) => resolve(answer(args.input)));
          return { output: { $metadata: {}, ...output }, response: {} };
        },
        { step: 'initialize', name: 'fakeAws' },
      );
    },
  };
}

export const awsError = (name: string, status: number): Error =>
  Object.assign(new Error(`${name}: refused`), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
  });

/** Throws `error` the first `times` calls, then answers with `answer`. */
export function failingFirst(times: number, error: () => Error, answer: Answer): Answer {
  let failed = 0;
  return (input) => {
    if (failed < times) {
      failed += 1;
      throw error();
    }
    return answer(input);
  };
}

/** Runs a collector against fake answers; its records are validated against the models. */
export async function collectWith(
  collector: ResourceCollector,
  fake: FakeAws,
  pageSize?: number,
): Promise<{ records: GraphRecords; gaps: readonly Gap[] }> {
  const gaps: Gap[] = [];
  const env: ResourceScanEnv = {
    ctx: {
      account: ACCOUNT,
      region: REGION,
      // Fast retries: the limiter is generous, and retry delays are short at first.
      limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 1000, burst: 1000, concurrency: 8 })),
      log: loggerFor({ test: 'aws-build' }),
      gaps,
    },
    // Credentials and endpoint are never used: every call is answered before signing.
    clientConfig: {
      region: REGION,
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
      credentials: () =>
        Promise.resolve({ accessKeyId: 'fake', secretAccessKey: 'fake', sessionToken: 'fake' }),
    },
    configureClient: fake.configureClient,
    ...(pageSize === undefined ? {} : { pageSize }),
  };
  const scan = withGaps(await collector.collect(env), gaps);
  validateGraphRecords(flattenGraphRecords(scan.records), `${collector.service} records`);
  return scan;
}

/** The records as a loader would check them, so a test fails on anything the models reject. */
export function valid(records: GraphRecords): GraphRecords {
  return validateGraphRecords(flattenGraphRecords(records), 'test records');
}

export const relsFrom = (records: GraphRecords, from: string, type: string): string[] =>
  records.relationships.filter((r) => r.from === from && r.type === type).map((r) => r.to);
