import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { loggerFor } from '../../logging/logger.js';
import type { GraphRecords, NodeRecord } from '../../records/graph-records.js';
import { scopeKey } from '../../records/scope-ref.js';
import { KeyedRateLimiter } from '../shared/rate-limiter.js';
import { awsCall } from './aws-call.js';
import { collectIam } from './iam/collect-iam.js';
import type { AwsScanContext, Gap } from './scan-context.js';
import { CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';

export interface AwsScanOptions {
  /** Region for regional clients and STS; the SDK's default chain otherwise. */
  readonly region?: string;
  /** Overrides the SDK's endpoint (tests against moto; AWS_ENDPOINT_URL also works). */
  readonly endpoint?: string;
  readonly iamPageSize?: number;
  /** Lets tests add middleware to the clients (e.g. to throttle a call). */
  readonly configureClient?: (client: IAMClient | STSClient) => void;
}

/**
 * `cairn scan aws`: read-only collection of the account the ambient credentials belong to.
 * Calls that are denied become CoverageGap nodes; the rest of the scan goes on.
 */
export async function scanAws(
  options: AwsScanOptions = {},
): Promise<{ records: GraphRecords; gaps: readonly Gap[] }> {
  const region =
    options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  // Our own retry handles throttling (and slows the rate limiter down); the SDK's would double it.
  const config = {
    region,
    maxAttempts: 1,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  const sts = new STSClient(config);
  const iam = new IAMClient(config);
  options.configureClient?.(sts);
  options.configureClient?.(iam);
  const limiter = new KeyedRateLimiter(() => ({ ratePerSecond: 10, burst: 20, concurrency: 4 }));
  try {
    const probe: AwsScanContext = {
      account: 'unknown',
      region,
      limiter,
      log: loggerFor({ cloud: 'aws' }),
      gaps: [],
    };
    const identity = await awsCall(probe, { service: 'sts', operation: 'GetCallerIdentity' }, () =>
      sts.send(new GetCallerIdentityCommand({})),
    );
    const account = identity?.Account;
    if (!account)
      throw new CairnError(
        ErrorCode.CLOUD_API,
        'AWS STS did not say which account the credentials belong to',
      );
    const ctx: AwsScanContext = {
      ...probe,
      account,
      log: loggerFor({ cloud: 'aws', account }),
      gaps: [],
    };
    const iamRecords = await collectIam(ctx, iam, options.iamPageSize);
    const gapNodes: NodeRecord[] = ctx.gaps.map((gap) => ({
      model: 'CoverageGap',
      id: `${scopeKey(iamRecords.scope)}/gap/${gap.service}:${gap.operation}@${gap.region ?? 'global'}`,
      stub: false,
      properties: { cloud: 'AWS', ...gap },
    }));
    const unique = new Map(gapNodes.map((node) => [node.id, node]));
    return {
      records: { ...iamRecords, nodes: [...iamRecords.nodes, ...unique.values()] },
      gaps: ctx.gaps,
    };
  } finally {
    sts.destroy();
    iam.destroy();
  }
}
