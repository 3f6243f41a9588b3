import {
  DescribeNotebookInstanceCommand,
  ListNotebookInstancesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { GraphRecords } from '../../../records/graph-records.js';
import { serviceCall } from '../aws-call.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { sageMakerToRecords, type NotebookAnswer } from './sagemaker-to-records.js';

const SERVICE = 'sagemaker';
/** A notebook deleted between the list and the describe: SageMaker says `RecordNotFound`. */
const GONE = ['ValidationException', 'ResourceNotFound'];

/**
 * SageMaker notebook instances of one account and region: ListNotebookInstances, then
 * DescribeNotebookInstance for each (its role, network and access settings).
 */
export const sageMakerCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new SageMakerClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = serviceCall(ctx, SERVICE);

    const notebooks: NotebookAnswer[] = [];
    async function describe(summary: {
      NotebookInstanceName?: string | undefined;
    }): Promise<NotebookAnswer> {
      const name = summary.NotebookInstanceName;
      const detail = name
        ? await call(
            'DescribeNotebookInstance',
            () => client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })),
            GONE,
          )
        : undefined;
      return { summary: plainOutput(summary), ...(detail ? { detail: plainOutput(detail) } : {}) };
    }

    try {
      const maxResults = pageSizeWithin(env.pageSize, { min: 1, max: 100 });
      let token: string | undefined;
      do {
        const page = await call('ListNotebookInstances', () =>
          client.send(
            new ListNotebookInstancesCommand({ MaxResults: maxResults, NextToken: token }),
          ),
        );
        if (!page) break;
        notebooks.push(...(await Promise.all((page.NotebookInstances ?? []).map(describe))));
        token = page.NextToken;
      } while (token);
    } finally {
      client.destroy();
    }
    return sageMakerToRecords(
      { notebooks },
      ctx,
      `AWS SageMaker of ${ctx.account} in ${ctx.region}`,
    );
  },
};
