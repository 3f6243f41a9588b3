import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import type { GraphRecords } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { rdsToRecords } from './rds-to-records.js';

const SERVICE = 'rds';

/** RDS DB instances of one account and region (DescribeDBInstances carries their tags too). */
export const rdsCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new RDSClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const pages: unknown[] = [];
    try {
      // RDS takes 20 to 100 records a page.
      const maxRecords = pageSizeWithin(env.pageSize, { min: 20, max: 100 });
      let marker: string | undefined;
      do {
        const page = await awsCall(
          ctx,
          { service: SERVICE, operation: 'DescribeDBInstances', region: ctx.region },
          () =>
            client.send(new DescribeDBInstancesCommand({ Marker: marker, MaxRecords: maxRecords })),
        );
        if (!page) break;
        pages.push(plainOutput(page));
        marker = page.Marker;
      } while (marker);
    } finally {
      client.destroy();
    }
    return rdsToRecords(pages, ctx, `AWS RDS of ${ctx.account} in ${ctx.region}`);
  },
};
