import {
  GetPolicyCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ListTagsCommand,
} from '@aws-sdk/client-lambda';
import type { GraphRecords } from '../../../records/graph-records.js';
import { serviceCall } from '../aws-call.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { lambdaToRecords } from './lambda-to-records.js';
import { pageSizeWithin, plainOutput } from '../resources/resource-output.js';

const SERVICE = 'lambda';
const NOT_FOUND = ['ResourceNotFoundException'];

/**
 * Lambda functions of one account and region: ListFunctions, then per function its resource
 * policy (GetPolicy; none is not a gap), function URLs (ListFunctionUrlConfigs) and tags.
 */
export const lambdaCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const client = new LambdaClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = serviceCall(ctx, SERVICE);

    const functions: unknown[] = [];
    const policies = new Map<string, unknown>();
    const urlConfigs = new Map<string, unknown[]>();
    const tags = new Map<string, unknown>();

    async function details(arn: string): Promise<void> {
      const policy = await call(
        'GetPolicy',
        () => client.send(new GetPolicyCommand({ FunctionName: arn })),
        NOT_FOUND,
      );
      if (policy) policies.set(arn, plainOutput(policy));
      urlConfigs.set(arn, await functionUrls(arn));
      const listed = await call(
        'ListTags',
        () => client.send(new ListTagsCommand({ Resource: arn })),
        NOT_FOUND,
      );
      if (listed) tags.set(arn, plainOutput(listed));
    }

    // Any refusal of the URL list is a gap (moto, for one, does not implement it): without it
    // the function is still worth having, with its URL unknown.
    async function functionUrls(arn: string): Promise<unknown[]> {
      const urls: unknown[] = [];
      let marker: string | undefined;
      do {
        const page = await call(
          'ListFunctionUrlConfigs',
          () =>
            client.send(
              new ListFunctionUrlConfigsCommand({
                FunctionName: arn,
                Marker: marker,
                MaxItems: 50,
              }),
            ),
          NOT_FOUND,
          'refused',
        );
        if (!page) break;
        urls.push(...(page.FunctionUrlConfigs ?? []).map(plainOutput));
        marker = page.NextMarker;
      } while (marker);
      return urls;
    }

    try {
      const maxItems = pageSizeWithin(env.pageSize, { min: 1, max: 50 });
      let marker: string | undefined;
      do {
        const page = await call('ListFunctions', () =>
          client.send(new ListFunctionsCommand({ Marker: marker, MaxItems: maxItems })),
        );
        if (!page) break;
        functions.push(...(page.Functions ?? []).map(plainOutput));
        const arns = (page.Functions ?? []).flatMap((fn) =>
          fn.FunctionArn ? [fn.FunctionArn] : [],
        );
        await Promise.all(arns.map(details));
        marker = page.NextMarker;
      } while (marker);
    } finally {
      client.destroy();
    }
    return lambdaToRecords(
      { functions, policies, urlConfigs, tags },
      ctx,
      `AWS Lambda of ${ctx.account} in ${ctx.region}`,
    );
  },
};
