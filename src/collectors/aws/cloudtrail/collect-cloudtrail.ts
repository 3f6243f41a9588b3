import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
} from '@aws-sdk/client-cloudtrail';
import type { GraphRecords } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import { plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { cloudTrailToRecords, homeTrails } from './cloudtrail-to-records.js';

const SERVICE = 'cloudtrail';
const NOT_FOUND = ['TrailNotFoundException'];
/** ListTags takes at most 20 trail ARNs per call. */
const TAG_BATCH = 20;

/**
 * CloudTrail trails whose home is this account and region (DescribeTrails without shadow
 * trails), with their status, event selectors and tags.
 */
export const cloudTrailCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const source = `AWS CloudTrail of ${ctx.account} in ${ctx.region}`;
    const client = new CloudTrailClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = <T>(operation: string, send: () => Promise<T>): Promise<T | undefined> =>
      awsCall(ctx, { service: SERVICE, operation, region: ctx.region }, send, NOT_FOUND);

    const statuses = new Map<string, unknown>();
    const selectors = new Map<string, unknown>();
    const tags: unknown[] = [];
    let describeTrails: unknown = {};
    try {
      const described = await call('DescribeTrails', () =>
        client.send(new DescribeTrailsCommand({ includeShadowTrails: false })),
      );
      if (described) describeTrails = plainOutput(described);
      const arns = homeTrails(describeTrails, ctx, source).map((trail) => trail.TrailARN);
      await Promise.all(
        arns.map(async (arn) => {
          const status = await call('GetTrailStatus', () =>
            client.send(new GetTrailStatusCommand({ Name: arn })),
          );
          if (status) statuses.set(arn, plainOutput(status));
          const selected = await call('GetEventSelectors', () =>
            client.send(new GetEventSelectorsCommand({ TrailName: arn })),
          );
          if (selected) selectors.set(arn, plainOutput(selected));
        }),
      );
      for (let start = 0; start < arns.length; start += TAG_BATCH) {
        const batch = arns.slice(start, start + TAG_BATCH);
        let token: string | undefined;
        do {
          const page = await call('ListTags', () =>
            client.send(new ListTagsCommand({ ResourceIdList: batch, NextToken: token })),
          );
          if (!page) break;
          tags.push(plainOutput(page));
          token = page.NextToken;
        } while (token);
      }
    } finally {
      client.destroy();
    }
    return cloudTrailToRecords({ describeTrails, statuses, selectors, tags }, ctx, source);
  },
};
