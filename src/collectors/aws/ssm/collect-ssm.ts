import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { GraphRecords } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { ssmToRecords } from './ssm-to-records.js';

const SERVICE = 'ssm';

/**
 * Machines Systems Manager manages in one account and region (DescribeInstanceInformation): which
 * EC2 instances SendCommand and StartSession can reach, and the hybrid machines.
 */
export const ssmCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new SSMClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const instances: unknown[] = [];
    try {
      const maxResults = pageSizeWithin(env.pageSize, { min: 5, max: 50 });
      let token: string | undefined;
      do {
        const page = await awsCall(
          ctx,
          { service: SERVICE, operation: 'DescribeInstanceInformation', region: ctx.region },
          () =>
            client.send(
              new DescribeInstanceInformationCommand({ MaxResults: maxResults, NextToken: token }),
            ),
        );
        if (!page) break;
        instances.push(...(page.InstanceInformationList ?? []).map(plainOutput));
        token = page.NextToken;
      } while (token);
    } finally {
      client.destroy();
    }
    return ssmToRecords(
      { instances },
      ctx,
      `AWS Systems Manager of ${ctx.account} in ${ctx.region}`,
    );
  },
};
