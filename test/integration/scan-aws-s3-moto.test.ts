import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  PutPublicAccessBlockCommand as PutAccountBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Collector } from '../../src/collectors/aws/s3/collect-s3.js';
import { withGaps, type AwsScanContext } from '../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../src/collectors/shared/rate-limiter.js';
import { loggerFor } from '../../src/logging/logger.js';
import { flattenGraphRecords, type GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account.
const ACCOUNT = '123456789012';
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const arn = (bucket: string): string => `arn:aws:s3:::${bucket}`;
const publicRead = (bucket: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${bucket}/*`,
    },
  ],
});
const bucketBlock = {
  BlockPublicAcls: true,
  IgnorePublicAcls: false,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: false,
};
const accountBlock = {
  BlockPublicAcls: false,
  IgnorePublicAcls: true,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: true,
};

interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}
type Handler = (args: {
  input: Record<string, unknown>;
}) => Promise<{ output: Record<string, unknown> }>;
/** The shape of an SDK initialize middleware, enough to watch, page or fail a call. */
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface WithStack {
  middlewareStack: { add(mw: Middleware, options: object): void };
  config: { region: () => Promise<string> };
}

let moto: MotoServer;
let admin: Keys;
let auditor: Keys;

/** A key pair of a new moto user allowed everything but `denied`. */
async function user(iam: IAMClient, name: string, denied?: object): Promise<Keys> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'scan',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, ...(denied ? [denied] : [])],
      }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey;
  return { accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
}

function scan(
  keys: Keys,
  options: { pageSize?: number; configureClient?: (client: object) => void } = {},
): Promise<{ records: GraphRecords; ctx: AwsScanContext }> {
  const ctx: AwsScanContext = {
    account: ACCOUNT,
    region: 'us-east-1',
    limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 100, burst: 100, concurrency: 4 })),
    log: loggerFor({ cloud: 'aws', account: ACCOUNT }),
    gaps: [],
  };
  return s3Collector
    .collect({
      ctx,
      clientConfig: {
        region: 'us-east-1',
        endpoint: moto.endpoint,
        credentials: () => Promise.resolve({ ...keys, sessionToken: '' }),
        maxAttempts: 1,
      },
      ...options,
    })
    .then((records) => ({ records, ctx }));
}

function bucketProps(records: GraphRecords, name: string): Readonly<Record<string, unknown>> {
  const node = records.nodes.find((n) => n.id === arn(name) && !n.stub);
  if (!node) throw new Error(`bucket ${name} not collected`);
  return node.properties;
}

beforeAll(async () => {
  // IAM is enforced after the three calls that make the admin: the denied test needs it.
  moto = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '3' });
  const setup = {
    endpoint: moto.endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  admin = await user(new IAMClient({ region: 'us-east-1', ...setup }), 'admin');
  const asAdmin = { endpoint: moto.endpoint, credentials: admin, forcePathStyle: true };
  const iam = new IAMClient({ region: 'us-east-1', ...asAdmin });
  auditor = await user(iam, 'auditor', {
    Effect: 'Deny',
    Action: 's3:GetBucketPolicy',
    Resource: arn('locked'),
  });
  iam.destroy();

  const east = new S3Client({ region: 'us-east-1', ...asAdmin });
  const west = new S3Client({ region: 'eu-west-1', ...asAdmin });
  const inWest = { CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' as const } };
  await west.send(new CreateBucketCommand({ Bucket: 'logs', ...inWest }));
  // S3 delivers access logs only to a bucket whose ACL lets the log delivery group write.
  const logDelivery = 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"';
  await west.send(
    new PutBucketAclCommand({ Bucket: 'logs', GrantWrite: logDelivery, GrantReadACP: logDelivery }),
  );
  await west.send(new CreateBucketCommand({ Bucket: 'data', ...inWest }));
  await west.send(
    new PutBucketPolicyCommand({ Bucket: 'data', Policy: JSON.stringify(publicRead('data')) }),
  );
  await west.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'data',
      PublicAccessBlockConfiguration: bucketBlock,
    }),
  );
  await west.send(new PutBucketAclCommand({ Bucket: 'data', ACL: 'public-read' }));
  await west.send(
    new PutBucketOwnershipControlsCommand({
      Bucket: 'data',
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
    }),
  );
  await west.send(
    new PutBucketEncryptionCommand({
      Bucket: 'data',
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: KEY_ARN,
            },
            BucketKeyEnabled: true,
          },
        ],
      },
    }),
  );
  await west.send(
    new PutBucketVersioningCommand({
      Bucket: 'data',
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await west.send(
    new PutBucketLoggingCommand({
      Bucket: 'data',
      BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'data/' } },
    }),
  );
  await west.send(
    new PutBucketTaggingCommand({
      Bucket: 'data',
      Tagging: { TagSet: [{ Key: 'team', Value: 'payments' }] },
    }),
  );
  for (const name of ['locked', 'plain-1', 'plain-2'])
    await east.send(new CreateBucketCommand({ Bucket: name }));
  await east.send(
    new PutBucketPolicyCommand({ Bucket: 'locked', Policy: JSON.stringify(publicRead('locked')) }),
  );
  await east.send(
    new PutBucketTaggingCommand({
      Bucket: 'locked',
      Tagging: { TagSet: [{ Key: 'tier', Value: 'secret' }] },
    }),
  );
  const control = new S3ControlClient({
    region: 'us-east-1',
    credentials: admin,
    endpointProvider: () => ({ url: new URL(moto.endpoint) }),
  });
  await control.send(
    new PutAccountBlockCommand({
      AccountId: ACCOUNT,
      PublicAccessBlockConfiguration: accountBlock,
    }),
  );
  for (const client of [east, west, control]) client.destroy();
}, 120_000);

afterAll(async () => {
  await moto?.stop();
});

describe('S3 collector against moto', () => {
  it('pages ListBuckets and records each bucket with what its own region says governs it', async () => {
    // moto 5.2.1 honours MaxBuckets by cutting the list short but returns no ContinuationToken,
    // so pages are cut here from its full answer the way S3 does, to prove the collector follows
    // the token (and would otherwise miss every bucket after the first page).
    const listPages: unknown[] = [];
    const detailCalls: string[] = [];
    const { records, ctx } = await scan(admin, {
      pageSize: 2,
      configureClient: (client) => {
        const { middlewareStack, config } = client as WithStack;
        middlewareStack.add(
          (next, context) => async (args) => {
            if (context.commandName !== 'ListBucketsCommand') {
              if (args.input['Bucket'] === 'data')
                detailCalls.push(`${context.commandName}@${await config.region()}`);
              return next(args);
            }
            const { MaxBuckets: max, ContinuationToken: token, ...rest } = args.input;
            listPages.push(token ?? 'first');
            const result = await next({ ...args, input: rest });
            const all = result.output['Buckets'] as unknown[];
            const start = Number(token ?? 0);
            const end = start + Number(max);
            result.output['Buckets'] = all.slice(start, end);
            result.output['ContinuationToken'] = end < all.length ? String(end) : undefined;
            return result;
          },
          { step: 'initialize', name: 'pageLikeS3' },
        );
      },
    });

    expect(listPages).toEqual(['first', '2', '4']);
    expect(ctx.gaps).toEqual([]);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/global/s3` });
    expect(
      records.nodes
        .filter((n) => !n.stub && n.model === 'AWSS3Bucket')
        .map((n) => n.id)
        .sort(),
    ).toEqual(['data', 'locked', 'logs', 'plain-1', 'plain-2'].map(arn));

    expect(bucketProps(records, 'data')).toMatchObject({
      account: ACCOUNT,
      region: 'eu-west-1',
      name: 'data',
      policy: publicRead('data'),
      publicAccessBlock: bucketBlock,
      accountPublicAccessBlock: accountBlock,
      objectOwnership: 'BucketOwnerPreferred',
      encryptionAlgorithm: 'aws:kms',
      kmsKeyId: KEY_ARN,
      bucketKeyEnabled: true,
      versioning: 'Enabled',
      loggingTargetBucket: 'logs',
      loggingTargetPrefix: 'data/',
      tags: { team: 'payments' },
    });
    const data = bucketProps(records, 'data');
    expect(data['aclGrants']).toContainEqual({
      Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
      Permission: 'READ',
    });
    expect(data['ownerCanonicalId']).toEqual(expect.any(String));
    expect(bucketProps(records, 'plain-1')).toMatchObject({
      region: 'us-east-1',
      accountPublicAccessBlock: accountBlock,
    });
    expect(bucketProps(records, 'plain-1')).not.toHaveProperty('policy');
    expect(bucketProps(records, 'plain-1')).not.toHaveProperty('publicAccessBlock');

    // Every call about the eu-west-1 bucket went to an eu-west-1 client, bar the one that
    // asks where it is.
    expect(detailCalls).toContain('GetBucketLocationCommand@us-east-1');
    expect(detailCalls.filter((c) => c !== 'GetBucketLocationCommand@us-east-1')).toHaveLength(9);
    expect(
      detailCalls
        .filter((c) => c !== 'GetBucketLocationCommand@us-east-1')
        .every((c) => c.endsWith('@eu-west-1')),
    ).toBe(true);

    const rels = records.relationships.map((r) => `${r.type} ${r.from} -> ${r.to}`).sort();
    expect(rels).toEqual([
      `ENCRYPTED_WITH ${arn('data')} -> ${KEY_ARN}`,
      `LOGS_TO ${arn('data')} -> ${arn('logs')}`,
    ]);
    const { records: withGapNodes } = withGaps(records, ctx.gaps);
    expect(() => validateGraphRecords(flattenGraphRecords(withGapNodes), 's3 scan')).not.toThrow();
  }, 60_000);

  it('retries a throttled call and completes the scan', async () => {
    let throttled = 0;
    const { records, ctx } = await scan(admin, {
      configureClient: (client) => {
        (client as WithStack).middlewareStack.add(
          (next, context) => (args) => {
            if (
              context.commandName === 'GetBucketAclCommand' &&
              args.input['Bucket'] === 'data' &&
              throttled < 2
            ) {
              throttled += 1;
              const error = Object.assign(new Error('Rate exceeded'), {
                name: 'SlowDown',
                $fault: 'client',
                $metadata: { httpStatusCode: 503 },
              });
              return Promise.reject(error);
            }
            return next(args);
          },
          { step: 'initialize', name: 'testThrottle' },
        );
      },
    });
    expect(throttled).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(bucketProps(records, 'data')['aclGrants']).toContainEqual(
      expect.objectContaining({ Permission: 'READ' }),
    );
  }, 60_000);

  it('records a denied bucket policy as a coverage gap while the rest of the scan completes', async () => {
    // moto enforces IAM for S3, resource included: the auditor may not read `locked`'s policy.
    const { records, ctx } = await scan(auditor);
    expect(ctx.gaps).toEqual([
      expect.objectContaining({
        service: 's3',
        operation: 'GetBucketPolicy',
        region: 'us-east-1',
        errorCode: 'AccessDenied',
      }),
    ]);
    expect(bucketProps(records, 'locked')).not.toHaveProperty('policy');
    expect(bucketProps(records, 'locked')).toMatchObject({
      tags: { tier: 'secret' },
      accountPublicAccessBlock: accountBlock,
    });
    expect(bucketProps(records, 'data')['policy']).toEqual(publicRead('data'));
    const { records: withGapNodes } = withGaps(records, ctx.gaps);
    expect(withGapNodes.nodes.filter((n) => n.model === 'CoverageGap').map((n) => n.id)).toEqual([
      `aws:${ACCOUNT}/global/s3/gap/s3:GetBucketPolicy@us-east-1`,
    ]);
  }, 60_000);
});
