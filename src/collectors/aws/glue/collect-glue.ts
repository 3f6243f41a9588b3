import { GetDevEndpointsCommand, GlueClient } from '@aws-sdk/client-glue';
import type { GraphRecords } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { glueToRecords } from './glue-to-records.js';

const SERVICE = 'glue';

/** Glue development endpoints of one account and region (GetDevEndpoints, by page token). */
export const glueCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new GlueClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const devEndpoints: unknown[] = [];
    try {
      const maxResults = pageSizeWithin(env.pageSize, { min: 1, max: 1000 });
      let token: string | undefined;
      do {
        const page = await awsCall(
          ctx,
          { service: SERVICE, operation: 'GetDevEndpoints', region: ctx.region },
          () =>
            client.send(new GetDevEndpointsCommand({ MaxResults: maxResults, NextToken: token })),
        );
        if (!page) break;
        devEndpoints.push(...(page.DevEndpoints ?? []).map(plainOutput));
        token = page.NextToken;
      } while (token);
    } finally {
      client.destroy();
    }
    return glueToRecords({ devEndpoints }, ctx, `AWS Glue of ${ctx.account} in ${ctx.region}`);
  },
};
