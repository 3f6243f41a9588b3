import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { GraphRecords } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import { plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { cloudFormationToRecords } from './cloudformation-to-records.js';

const SERVICE = 'cloudformation';

/**
 * CloudFormation stacks of one account and region (DescribeStacks, which takes no page size):
 * status, service role, capabilities, protection, drift and nesting.
 */
export const cloudFormationCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new CloudFormationClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const stacks: unknown[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await awsCall(
          ctx,
          { service: SERVICE, operation: 'DescribeStacks', region: ctx.region },
          () => client.send(new DescribeStacksCommand({ NextToken: token })),
        );
        if (!page) break;
        stacks.push(...(page.Stacks ?? []).map(plainOutput));
        token = page.NextToken;
      } while (token);
    } finally {
      client.destroy();
    }
    return cloudFormationToRecords(
      { stacks },
      ctx,
      `AWS CloudFormation of ${ctx.account} in ${ctx.region}`,
    );
  },
};
