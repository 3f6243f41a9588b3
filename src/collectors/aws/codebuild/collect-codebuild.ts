import {
  BatchGetProjectsCommand,
  CodeBuildClient,
  ListProjectsCommand,
} from '@aws-sdk/client-codebuild';
import type { GraphRecords } from '../../../records/graph-records.js';
import { serviceCall } from '../aws-call.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { codeBuildToRecords } from './codebuild-to-records.js';

const SERVICE = 'codebuild';

/**
 * CodeBuild projects of one account and region: ListProjects (names, by page token), then
 * BatchGetProjects for at most 100 names at a time (fewer when a smaller page size is asked for).
 */
export const codeBuildCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new CodeBuildClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = serviceCall(ctx, SERVICE);

    const names: string[] = [];
    const projects: unknown[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await call('ListProjects', () =>
          client.send(new ListProjectsCommand({ nextToken: token })),
        );
        if (!page) break;
        names.push(...(page.projects ?? []));
        token = page.nextToken;
      } while (token);

      const batchSize = pageSizeWithin(env.pageSize, { min: 1, max: 100 });
      for (let start = 0; start < names.length; start += batchSize) {
        const batch = names.slice(start, start + batchSize);
        const answer = await call('BatchGetProjects', () =>
          client.send(new BatchGetProjectsCommand({ names: batch })),
        );
        projects.push(...(answer?.projects ?? []).map(plainOutput));
      }
    } finally {
      client.destroy();
    }
    return codeBuildToRecords(
      { projects },
      ctx,
      `AWS CodeBuild of ${ctx.account} in ${ctx.region}`,
    );
  },
};
