import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  inStage,
  type ScanProgressEvent,
} from '../../../src/collectors/aws/accounts/scan-stage.js';
import type { AwsScanContext } from '../../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../../src/collectors/shared/rate-limiter.js';
import { scanProgress } from '../../../src/cli/scan-progress.js';
import { loggerFor } from '../../../src/logging/logger.js';

/** A stand-in for process.stderr that keeps what is written. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = {
    isTTY,
    columns: 60,
    write: (chunk: string) => written.push(chunk) > 0,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

const stage = (account: string, service: string, pages: number, items: number) =>
  ({ kind: 'stage', account, service, pages, items }) as const;
const done = (account: string, service: string, pages: number, items: number, gaps: number) =>
  ({ kind: 'stage-done', account, service, pages, items, gaps }) as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('aws-org scans: progress', () => {
  it('counts each stage’s calls, list entries and new gaps', async () => {
    const events: ScanProgressEvent[] = [];
    const ctx: AwsScanContext = {
      account: '222222222222',
      region: 'us-east-1',
      limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 1000, burst: 1000, concurrency: 4 })),
      log: loggerFor({ test: 'progress' }),
      gaps: [{ service: 'iam', operation: 'Earlier', errorCode: 'AccessDenied', message: '' }],
    };
    await inStage(
      ctx,
      'iam',
      (event) => events.push(event),
      (staged) => {
        staged.onCall?.({ operation: 'ListUsers', items: 3 });
        staged.onCall?.({ operation: 'ListUsers', items: 2 });
        staged.gaps.push({
          service: 'iam',
          operation: 'ListRoles',
          errorCode: 'AccessDenied',
          message: '',
        });
        return Promise.resolve();
      },
    );
    expect(events).toEqual([
      stage('222222222222', 'iam', 0, 0),
      stage('222222222222', 'iam', 1, 3),
      stage('222222222222', 'iam', 2, 5),
      done('222222222222', 'iam', 2, 5, 1),
    ]);
    expect(ctx.gaps).toHaveLength(2);
  });

  it('writes one plain line per finished stage when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const display = scanProgress('aws', stream);
    display.onProgress(stage('111111111111', 'iam', 3, 40));
    display.onProgress(done('111111111111', 'iam', 4, 41, 0));
    display.onProgress(done('222222222222', 'iam', 1, 0, 1));
    display.finish();
    expect(written).toEqual([
      'cairn: aws 111111111111 iam: 4 pages, 41 items\n',
      'cairn: aws 222222222222 iam: 1 page, 0 items, 1 coverage gap\n',
    ]);
  });

  it('keeps one live line on a terminal, naming the other running stages, and clears it', () => {
    vi.stubEnv('CI', '');
    const { stream, written } = fakeStream(true);
    const display = scanProgress('aws', stream);
    display.onProgress(stage('111111111111', 'organizations', 2, 7));
    display.onProgress(stage('222222222222', 'iam', 1, 12));
    display.onProgress(done('222222222222', 'iam', 5, 80, 0));
    display.onProgress(done('111111111111', 'organizations', 3, 9, 0));
    display.finish();
    expect(written).toEqual([
      '\r\x1b[2Kaws 111111111111 organizations: 2 pages, 7 items',
      '\r\x1b[2Kaws 222222222222 iam: 1 page, 12 items (+1 running)',
      // When a stage ends, the line goes back to one still running.
      '\r\x1b[2Kaws 111111111111 organizations: 2 pages, 7 items',
      '\r\x1b[2K',
    ]);
    expect(written.every((chunk) => !chunk.includes('\n'))).toBe(true);
  });

  it('cuts the live line to the terminal width, so that it never wraps', () => {
    vi.stubEnv('CI', '');
    const { stream, written } = fakeStream(true);
    scanProgress('aws', stream).onProgress(
      stage('111111111111', 'a-very-long-service-name-indeed', 1234, 567890),
    );
    expect(written[0]?.replace('\r\x1b[2K', '')).toHaveLength(59);
  });
});
