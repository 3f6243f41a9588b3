import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import type { GraphRecords } from '../../../records/graph-records.js';
import { forEachLimited } from '../accounts/for-each-limited.js';
import { serviceCall } from '../aws-call.js';
import { pageSizeWithin, parseOutput, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { PageTokens } from '../resources/page-tokens.js';
import { listedKey } from './kms-schemas.js';
import { kmsToRecords, type KeyAnswers } from './kms-to-records.js';

const SERVICE = 'kms';
const KEY_CONCURRENCY = 8;
/** A key deleted while the scan runs has nothing more to say; that is not a gap. */
const GONE = ['NotFoundException'];
/** Keys that cannot rotate (asymmetric, HMAC, imported, custom key store) or not in this state. */
const NO_ROTATION = [...GONE, 'UnsupportedOperationException', 'KMSInvalidStateException'];

/**
 * The KMS keys of one account and region: ListKeys and ListAliases, then per key DescribeKey and
 * its key policy, and for customer managed keys their rotation status and tags (AWS managed keys
 * have neither to read).
 */
export const kmsCollector: ResourceCollector = {
  service: SERVICE,
  global: false,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const source = `AWS KMS of ${ctx.account} in ${ctx.region}`;
    const client = new KMSClient({ ...env.clientConfig });
    env.configureClient?.(client);
    const call = serviceCall(ctx, SERVICE);

    /** Every page of a KMS list (Limit, Marker, Truncated); undefined when the first was denied. */
    async function listAll<T extends { Truncated?: boolean; NextMarker?: string }>(
      operation: string,
      send: (marker: string | undefined) => Promise<T>,
      items: (page: T) => readonly object[] | undefined,
      absentOn: readonly string[] = [],
    ): Promise<unknown[] | undefined> {
      const tokens = new PageTokens(`${source}: ${operation}`);
      const all: unknown[] = [];
      let marker: string | undefined;
      do {
        const page = await call(operation, () => send(marker), absentOn);
        if (!page) return marker === undefined ? undefined : all;
        all.push(...(items(page) ?? []).map(plainOutput));
        marker = page.Truncated ? tokens.next(page.NextMarker) : undefined;
      } while (marker);
      return all;
    }

    async function describe(listed: unknown, index: number): Promise<KeyAnswers> {
      const { KeyArn } = parseOutput(listedKey, listed, `${source}: Keys[${index}]`);
      const described = await call(
        'DescribeKey',
        () => client.send(new DescribeKeyCommand({ KeyId: KeyArn })),
        GONE,
      );
      const policy = await call(
        'GetKeyPolicy',
        () => client.send(new GetKeyPolicyCommand({ KeyId: KeyArn, PolicyName: 'default' })),
        GONE,
      );
      const answers: KeyAnswers = {
        listed,
        ...(described ? { described: plainOutput(described) } : {}),
        ...(policy ? { policy: plainOutput(policy) } : {}),
      };
      // Unknown who manages the key (DescribeKey denied): not worth two more denied calls.
      if (described?.KeyMetadata?.KeyManager !== 'CUSTOMER') return answers;
      const rotation = await call(
        'GetKeyRotationStatus',
        () => client.send(new GetKeyRotationStatusCommand({ KeyId: KeyArn })),
        NO_ROTATION,
      );
      const tags = await listAll(
        'ListResourceTags',
        (marker) =>
          client.send(
            new ListResourceTagsCommand({
              KeyId: KeyArn,
              Marker: marker,
              Limit: pageSizeWithin(env.pageSize, { min: 1, max: 50 }),
            }),
          ),
        (page) => page.Tags,
        GONE,
      );
      return {
        ...answers,
        ...(rotation ? { rotation: plainOutput(rotation) } : {}),
        ...(tags ? { tags } : {}),
      };
    }

    try {
      const listed =
        (await listAll(
          'ListKeys',
          (marker) =>
            client.send(
              new ListKeysCommand({
                Marker: marker,
                Limit: pageSizeWithin(env.pageSize, { min: 1, max: 1000 }),
              }),
            ),
          (page) => page.Keys,
        )) ?? [];
      const aliases = await listAll(
        'ListAliases',
        (marker) =>
          client.send(
            new ListAliasesCommand({
              Marker: marker,
              Limit: pageSizeWithin(env.pageSize, { min: 1, max: 100 }),
            }),
          ),
        (page) => page.Aliases,
      );
      const keys = new Array<KeyAnswers>(listed.length);
      await forEachLimited(
        listed.map((entry, index) => ({ entry, index })),
        KEY_CONCURRENCY,
        async ({ entry, index }) => {
          keys[index] = await describe(entry, index);
        },
      );
      return kmsToRecords(
        { keys, ...(aliases ? { aliases } : {}) },
        ctx,
        source,
        (where, problem) => ctx.log.warn({ where }, problem),
      );
    } finally {
      client.destroy();
    }
  },
};
