import { describe, expect, it } from 'vitest';
import {
  collectEach,
  collectPages,
  fieldOfEach,
} from '../../../src/collectors/aws/ec2/output-pages.js';
import type { AwsScanContext } from '../../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../../src/collectors/shared/rate-limiter.js';
import { CairnError } from '../../../src/errors/cairn-error.js';
import { loggerFor } from '../../../src/logging/logger.js';

const where = { service: 'ec2', operation: 'DescribeThings', region: 'us-east-1' };
const denied = (): Error =>
  Object.assign(new Error('You are not authorized to perform this operation.'), {
    name: 'UnauthorizedOperation',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 },
  });

function context(): AwsScanContext {
  return {
    account: '123456789012',
    region: 'us-east-1',
    limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 1000, burst: 1000, concurrency: 8 })),
    log: loggerFor({ cloud: 'aws' }),
    gaps: [],
  };
}

describe('collectPages', () => {
  it('follows the tokens and keeps each page as the CLI prints it', async () => {
    const ctx = context();
    const answers: Record<string, object> = {
      first: {
        $metadata: { httpStatusCode: 200 },
        Things: [{ Id: 'a', Created: new Date('2025-01-02T03:04:05Z') }],
        NextToken: 't1',
      },
      t1: { $metadata: {}, NextToken: undefined }, // the SDK left the empty list out
    };
    const asked: (string | undefined)[] = [];
    const pages = await collectPages(ctx, {
      where,
      list: 'Things',
      send: (token) => {
        asked.push(token);
        return Promise.resolve(answers[token ?? 'first'] as { NextToken?: string });
      },
      nextToken: (page) => page.NextToken,
    });
    expect(asked).toEqual([undefined, 't1']);
    expect(pages).toStrictEqual([
      { Things: [{ Id: 'a', Created: '2025-01-02T03:04:05.000Z' }], NextToken: 't1' },
      { Things: [] },
    ]);
  });

  it('stops an endpoint that hands out the same token again', async () => {
    const send = (): Promise<{ NextToken: string }> => Promise.resolve({ NextToken: 'again' });
    await expect(
      collectPages(context(), { where, list: 'Things', send, nextToken: (p) => p.NextToken }),
    ).rejects.toThrow(
      new CairnError(
        'CLOUD_API',
        'AWS ec2:DescribeThings in us-east-1 returned the same page token twice',
      ),
    );
  });

  it('gives nothing, and a gap, when a page is refused', async () => {
    const ctx = context();
    let calls = 0;
    const pages = await collectPages(ctx, {
      where,
      list: 'Things',
      send: () => {
        calls += 1;
        return calls === 1
          ? Promise.resolve({ Things: [], NextToken: 'n' })
          : Promise.reject(denied());
      },
      nextToken: (p: { NextToken?: string }) => p.NextToken,
    });
    expect(pages).toBeUndefined();
    expect(ctx.gaps).toEqual([
      expect.objectContaining({ ...where, errorCode: 'UnauthorizedOperation' }),
    ]);
  });
});

describe('collectEach', () => {
  it('keeps the listed order and skips items that are gone', async () => {
    const ctx = context();
    const pages = await collectEach(ctx, ['a', 'gone', 'b', 'c'], 2, async (item) => {
      await new Promise((resolve) => setTimeout(resolve, item === 'a' ? 20 : 0));
      return item === 'gone' ? [] : [{ item }];
    });
    expect(pages).toEqual([{ item: 'a' }, { item: 'b' }, { item: 'c' }]);
    expect(ctx.gaps).toEqual([]);
  });

  it('gives nothing when any read is refused, with one gap for repeated refusals', async () => {
    const ctx = context();
    const started: string[] = [];
    // Two at a time, all refused: the first two run together and both are refused.
    const pages = await collectEach(ctx, ['a', 'b', 'c', 'd', 'e'], 2, (item, itemCtx) => {
      started.push(item);
      return collectPages(itemCtx, {
        where,
        list: 'Things',
        send: () => Promise.reject(denied()),
        nextToken: () => undefined,
      });
    });
    expect(pages).toBeUndefined();
    expect(ctx.gaps).toEqual([
      expect.objectContaining({ ...where, errorCode: 'UnauthorizedOperation' }),
    ]);
    // No read is started once one was refused.
    expect(started).toEqual(['a', 'b']);
  });
});

describe('fieldOfEach', () => {
  it('reads one string field of every entry, once each, ignoring anything else', () => {
    const pages = [
      { Snapshots: [{ SnapshotId: 's1' }, { SnapshotId: 's2' }, { SnapshotId: 7 }, null] },
      { Snapshots: [{ SnapshotId: 's1' }, {}] },
      { Other: [] },
    ];
    expect(fieldOfEach(pages, 'Snapshots', 'SnapshotId')).toEqual(['s1', 's2']);
  });
});
