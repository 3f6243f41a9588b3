import { describe, expect, it } from 'vitest';
import type {
  ResourceCollector,
  ResourceScanEnv,
} from '../../../src/collectors/aws/resources/resource-collector.js';
import {
  GLOBAL_REGION,
  resourceScope,
} from '../../../src/collectors/aws/resources/resource-scope.js';
import {
  scanResources,
  type ScanFailure,
} from '../../../src/collectors/aws/resources/scan-resources.js';
import type { AwsScanContext } from '../../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../../src/collectors/shared/rate-limiter.js';
import { UsageError } from '../../../src/errors/cairn-error.js';
import { loggerFor } from '../../../src/logging/logger.js';

const ACCOUNT = '123456789012';

/** A collector that records what it was given; `deniedIn` makes it record a gap there. */
function fake(
  service: string,
  global: boolean,
  seen: ResourceScanEnv[],
  deniedIn?: string,
): ResourceCollector {
  return {
    service,
    global,
    collect(env) {
      seen.push(env);
      if (env.ctx.region === deniedIn) {
        env.ctx.gaps.push({
          service,
          operation: 'ListThings',
          region: env.ctx.region,
          errorCode: 'AccessDenied',
          message: 'no',
        });
      }
      const region = global ? GLOBAL_REGION : env.ctx.region;
      return Promise.resolve({
        scope: resourceScope(env.ctx.account, region, service),
        nodes: [],
        relationships: [],
      });
    },
  };
}

function account(): { ctx: AwsScanContext; clientConfig: ResourceScanEnv['clientConfig'] } {
  return {
    ctx: {
      account: ACCOUNT,
      region: 'eu-west-1',
      limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 10, burst: 10, concurrency: 2 })),
      log: loggerFor({ cloud: 'aws', account: ACCOUNT }),
      gaps: [],
    },
    clientConfig: { region: 'eu-west-1', maxAttempts: 1 },
  };
}

describe('scanResources', () => {
  it('runs global collectors once and regional ones per region, one scope each', async () => {
    const seen: ResourceScanEnv[] = [];
    const collectors = [
      fake('lambda', false, seen, 'us-east-1'),
      fake('s3', true, seen),
      fake('ec2', false, seen),
    ];
    const scans = await scanResources(
      account(),
      { regions: ['us-east-1', 'ap-southeast-2', 'us-east-1'], pageSize: 7 },
      collectors,
    );
    expect(scans.map((s) => s.records.scope.id)).toEqual([
      `${ACCOUNT}/global/s3`,
      `${ACCOUNT}/us-east-1/lambda`,
      `${ACCOUNT}/us-east-1/ec2`,
      `${ACCOUNT}/ap-southeast-2/lambda`,
      `${ACCOUNT}/ap-southeast-2/ec2`,
    ]);
    // The global one is collected from the scan's region; each client is built for its region.
    expect(seen.filter((env) => env.ctx.region === 'eu-west-1')).toHaveLength(1);
    for (const env of seen) {
      expect(env.clientConfig.region).toBe(env.ctx.region);
      expect(env.pageSize).toBe(7);
    }
    // A gap belongs to the scope whose collection recorded it, and to no other.
    const withGaps = scans.filter((s) => s.gaps.length > 0).map((s) => s.records.scope.id);
    expect(withGaps).toEqual([`${ACCOUNT}/us-east-1/lambda`]);
    expect(scans[1]?.records.nodes.map((n) => n.id)).toEqual([
      `aws:${ACCOUNT}/us-east-1/lambda/gap/lambda:ListThings@us-east-1`,
    ]);
  });

  it('runs only the services asked for, and refuses an unknown one', async () => {
    const seen: ResourceScanEnv[] = [];
    const collectors = [fake('lambda', false, seen), fake('ec2', false, seen)];
    const scans = await scanResources(
      account(),
      { regions: ['us-east-1'], services: ['ec2'] },
      collectors,
    );
    expect(scans.map((s) => s.records.scope.id)).toEqual([`${ACCOUNT}/us-east-1/ec2`]);
    await expect(
      scanResources(account(), { regions: ['us-east-1'], services: ['ec2', 'rds'] }, collectors),
    ).rejects.toThrow(
      new UsageError('services: unknown service "rds"; expected one of lambda, ec2'),
    );
    await expect(
      scanResources(account(), { regions: ['us-east-1'], services: [] }, collectors),
    ).rejects.toThrow(UsageError);
  });

  it('refuses a region that is not a region name', async () => {
    for (const region of ['US-EAST-1', 'us-east', 'us-east-1.evil.example', '']) {
      await expect(scanResources(account(), { regions: [region] }, [])).rejects.toThrow(
        /^regions: ".*" is not an AWS region name \(e\.g\. eu-west-1\)$/,
      );
    }
  });

  it('keeps no more collections running than asked', async () => {
    let running = 0;
    let most = 0;
    const slow: ResourceCollector = {
      service: 'ec2',
      global: false,
      async collect(env) {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return {
          scope: resourceScope(ACCOUNT, env.ctx.region, 'ec2'),
          nodes: [],
          relationships: [],
        };
      },
    };
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1'];
    const scans = await scanResources(account(), { regions, concurrency: 2 }, [slow]);
    expect(scans).toHaveLength(5);
    expect(most).toBe(2);
  });
});

describe('a service that fails', () => {
  const broken: ResourceCollector = {
    service: 'lambda',
    global: false,
    collect: (env) =>
      env.ctx.region === 'us-east-1'
        ? Promise.reject(new Error('AWS lambda:ListFunctions failed: ServiceUnavailable'))
        : Promise.resolve({
            scope: resourceScope(env.ctx.account, env.ctx.region, 'lambda'),
            nodes: [],
            relationships: [],
          }),
  };

  it('is skipped and reported while every other scope is collected', async () => {
    const failures: ScanFailure[] = [];
    const scans = await scanResources(
      { ...account(), failures },
      { regions: ['us-east-1', 'eu-west-1'] },
      [fake('ec2', false, []), broken],
    );
    expect(scans.map((s) => s.records.scope.id)).toEqual([
      `${ACCOUNT}/us-east-1/ec2`,
      `${ACCOUNT}/eu-west-1/ec2`,
      `${ACCOUNT}/eu-west-1/lambda`,
    ]);
    expect(failures).toEqual([
      {
        account: ACCOUNT,
        service: 'lambda',
        region: 'us-east-1',
        message: 'AWS lambda:ListFunctions failed: ServiceUnavailable',
      },
    ]);
  });

  it('stops the scan when nobody collects failures', async () => {
    await expect(scanResources(account(), { regions: ['us-east-1'] }, [broken])).rejects.toThrow(
      /ServiceUnavailable/,
    );
  });
});
