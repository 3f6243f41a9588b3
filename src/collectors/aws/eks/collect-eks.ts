import { DescribeClusterCommand, EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import type { GraphRecords } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { eksToRecords } from './eks-to-records.js';

const SERVICE = 'eks';

/**
 * EKS clusters of one account and region: ListClusters, then DescribeCluster for each (a cluster
 * deleted in between is skipped; a denied describe is a gap and the cluster is left out).
 */
export const eksCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new EKSClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = <T>(operation: string, send: () => Promise<T>): Promise<T | undefined> =>
      awsCall(ctx, { service: SERVICE, operation, region: ctx.region }, send, [
        'ResourceNotFoundException',
      ]);

    const described: unknown[] = [];
    try {
      const maxResults = pageSizeWithin(env.pageSize, { min: 1, max: 100 });
      let token: string | undefined;
      do {
        const page = await call('ListClusters', () =>
          client.send(new ListClustersCommand({ maxResults, nextToken: token })),
        );
        if (!page) break;
        const answers = await Promise.all(
          (page.clusters ?? []).map((name) =>
            call('DescribeCluster', () => client.send(new DescribeClusterCommand({ name }))),
          ),
        );
        for (const answer of answers) if (answer) described.push(plainOutput(answer));
        token = page.nextToken;
      } while (token);
    } finally {
      client.destroy();
    }
    return eksToRecords(described, ctx, `AWS EKS of ${ctx.account} in ${ctx.region}`);
  },
};
