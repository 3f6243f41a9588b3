import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import type { GraphRecords } from '../../../records/graph-records.js';
import { forEachLimited } from '../accounts/for-each-limited.js';
import { awsCall, type GapOn } from '../aws-call.js';
import { pageSizeWithin, parseOutput, plainOutput } from '../resources/resource-output.js';
import type { ResourceCollector, ResourceScanEnv } from '../resources/resource-collector.js';
import { PageTokens } from '../resources/page-tokens.js';
import { S3Clients } from './s3-clients.js';
import { bucketRegion } from './s3-location.js';
import { listedBucket } from './s3-schemas.js';
import { s3ToRecords, type BucketAnswers } from './s3-to-records.js';

const SERVICE = 's3';
/** Buckets described at once (the rate limiter also bounds calls per region). */
const BUCKET_CONCURRENCY = 8;
/** A bucket deleted while the scan runs has nothing more to say; that is not a gap. */
const GONE = ['NoSuchBucket'];

/**
 * Every bucket of the account, listed from the scan's region (ListBuckets, paginated), then each
 * described by calls to its own region: location, policy and its status, public access block,
 * ACL, ownership controls, default encryption, versioning, logging and tags. The account's public
 * access block (S3 Control) is read once and copied onto every bucket.
 */
export const s3Collector: ResourceCollector = {
  service: SERVICE,
  global: true,
  async collect(env: ResourceScanEnv): Promise<GraphRecords> {
    const { ctx } = env;
    const source = `AWS S3 of ${ctx.account}`;
    const clients = new S3Clients(env);
    const call = <T>(
      operation: string,
      region: string,
      send: () => Promise<T>,
      absentOn: readonly string[] = [],
      gapOn?: GapOn,
    ): Promise<T | undefined> =>
      awsCall(ctx, { service: SERVICE, operation, region }, send, absentOn, gapOn);

    // S3 refusing to describe one bucket (a 405 for a caller outside the owner account, say)
    // leaves that part unknown and recorded as a gap; the other buckets are still worth having.
    async function describe(listed: unknown, index: number): Promise<BucketAnswers> {
      const { Name: bucket, BucketRegion } = parseOutput(
        listedBucket,
        listed,
        `${source}: Buckets[${index}]`,
      );
      const home = clients.forRegion(ctx.region);
      const location = await call(
        'GetBucketLocation',
        ctx.region,
        () => home.send(new GetBucketLocationCommand({ Bucket: bucket })),
        GONE,
        'refused',
      );
      const plainLocation = location && plainOutput(location);
      const region =
        bucketRegion(plainLocation, BucketRegion, `${source}: bucket ${bucket}`) ?? ctx.region;
      const client = clients.forRegion(region);
      const read = async <T extends object>(
        operation: string,
        send: () => Promise<T>,
        absentOn: readonly string[] = [],
      ): Promise<unknown> => {
        const answer = await call(operation, region, send, [...GONE, ...absentOn], 'refused');
        return answer && plainOutput(answer);
      };
      const input = { Bucket: bucket };
      return {
        listed,
        location: plainLocation,
        policy: await read(
          'GetBucketPolicy',
          () => client.send(new GetBucketPolicyCommand(input)),
          ['NoSuchBucketPolicy'],
        ),
        policyStatus: await read(
          'GetBucketPolicyStatus',
          () => client.send(new GetBucketPolicyStatusCommand(input)),
          ['NoSuchBucketPolicy'],
        ),
        publicAccessBlock: await read(
          'GetPublicAccessBlock',
          () => client.send(new GetPublicAccessBlockCommand(input)),
          ['NoSuchPublicAccessBlockConfiguration'],
        ),
        acl: await read('GetBucketAcl', () => client.send(new GetBucketAclCommand(input))),
        ownershipControls: await read(
          'GetBucketOwnershipControls',
          () => client.send(new GetBucketOwnershipControlsCommand(input)),
          ['OwnershipControlsNotFoundError'],
        ),
        encryption: await read(
          'GetBucketEncryption',
          () => client.send(new GetBucketEncryptionCommand(input)),
          ['ServerSideEncryptionConfigurationNotFoundError'],
        ),
        versioning: await read('GetBucketVersioning', () =>
          client.send(new GetBucketVersioningCommand(input)),
        ),
        logging: await read('GetBucketLogging', () =>
          client.send(new GetBucketLoggingCommand(input)),
        ),
        tagging: await read(
          'GetBucketTagging',
          () => client.send(new GetBucketTaggingCommand(input)),
          ['NoSuchTagSet'],
        ),
      };
    }

    try {
      const listed: unknown[] = [];
      const tokens = new PageTokens(`${source}: ListBuckets`);
      const maxBuckets = pageSizeWithin(env.pageSize, { min: 1, max: 10_000 });
      let token: string | undefined;
      do {
        const page = await call('ListBuckets', ctx.region, () =>
          clients
            .forRegion(ctx.region)
            .send(new ListBucketsCommand({ MaxBuckets: maxBuckets, ContinuationToken: token })),
        );
        if (!page) break;
        listed.push(...(page.Buckets ?? []).map(plainOutput));
        token = tokens.next(page.ContinuationToken);
      } while (token);

      const buckets: BucketAnswers[] = new Array<BucketAnswers>(listed.length);
      await forEachLimited(
        listed.map((entry, index) => ({ entry, index })),
        BUCKET_CONCURRENCY,
        async ({ entry, index }) => {
          buckets[index] = await describe(entry, index);
        },
      );

      const accountBlock = await awsCall(
        ctx,
        { service: 's3control', operation: 'GetPublicAccessBlock', region: ctx.region },
        () =>
          clients
            .control()
            .send(new GetAccountPublicAccessBlockCommand({ AccountId: ctx.account })),
        ['NoSuchPublicAccessBlockConfiguration'],
      );
      return s3ToRecords(
        {
          buckets,
          ...(accountBlock ? { accountPublicAccessBlock: plainOutput(accountBlock) } : {}),
        },
        ctx,
        source,
        (where, problem) => ctx.log.warn({ where }, problem),
      );
    } finally {
      clients.destroy();
    }
  },
};
