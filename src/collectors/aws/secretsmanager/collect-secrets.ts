import {
  GetResourcePolicyCommand,
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { GraphRecords } from '../../../records/graph-records.js';
import { forEachLimited } from '../accounts/for-each-limited.js';
import { serviceCall } from '../aws-call.js';
import { pageSizeWithin, parseOutput, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { PageTokens } from '../resources/page-tokens.js';
import { secretListEntry } from './secrets-schemas.js';
import { secretsToRecords } from './secrets-to-records.js';

const SERVICE = 'secretsmanager';
const SECRET_CONCURRENCY = 8;

/**
 * The secrets of one account and region: ListSecrets (those scheduled for deletion included:
 * they can be restored, and their policies still apply), then each one's resource policy.
 * GetSecretValue is never called.
 */
export const secretsManagerCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const source = `AWS Secrets Manager of ${ctx.account} in ${ctx.region}`;
    const client = new SecretsManagerClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = serviceCall(ctx, SERVICE);

    try {
      const secrets: unknown[] = [];
      const tokens = new PageTokens(`${source}: ListSecrets`);
      const maxResults = pageSizeWithin(env.pageSize, { min: 1, max: 100 });
      let token: string | undefined;
      do {
        const page = await call('ListSecrets', () =>
          client.send(
            new ListSecretsCommand({
              MaxResults: maxResults,
              NextToken: token,
              IncludePlannedDeletion: true,
            }),
          ),
        );
        if (!page) break;
        secrets.push(...(page.SecretList ?? []).map(plainOutput));
        token = tokens.next(page.NextToken);
      } while (token);

      const policies = new Map<string, unknown>();
      await forEachLimited(
        secrets.map((entry, index) => ({ entry, index })),
        SECRET_CONCURRENCY,
        async ({ entry, index }) => {
          const { ARN } = parseOutput(secretListEntry, entry, `${source}: SecretList[${index}]`);
          const policy = await call(
            'GetResourcePolicy',
            () => client.send(new GetResourcePolicyCommand({ SecretId: ARN })),
            // Deleted since it was listed.
            ['ResourceNotFoundException'],
          );
          if (policy) policies.set(ARN, plainOutput(policy));
        },
      );
      return secretsToRecords({ secrets, policies }, ctx, source, (where, problem) =>
        ctx.log.warn({ where }, problem),
      );
    } finally {
      client.destroy();
    }
  },
};
