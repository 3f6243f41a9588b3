import { describe, expect, it } from 'vitest';
import {
  s3ToRecords,
  type BucketAnswers,
} from '../../../../src/collectors/aws/s3/s3-to-records.js';
import {
  ACCOUNT,
  KEY_ARN,
  at,
  badInputMessage,
  expectValid,
  policyDoc,
  props,
  rels,
  warnings,
} from './helpers.js';

const arn = (name: string): string => `arn:aws:s3:::${name}`;
const block = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
};

function bucket(name: string, overrides: Partial<BucketAnswers> = {}): BucketAnswers {
  return { listed: { Name: name, CreationDate: '2024-01-02T03:04:05.000Z' }, ...overrides };
}

const full: BucketAnswers = bucket('data', {
  location: { LocationConstraint: 'eu-west-2' },
  policy: { Policy: JSON.stringify(policyDoc) },
  policyStatus: { PolicyStatus: { IsPublic: true } },
  publicAccessBlock: { PublicAccessBlockConfiguration: block },
  acl: {
    Owner: { ID: 'owner-canonical', DisplayName: 'me' },
    Grants: [
      {
        Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
        Permission: 'READ',
      },
    ],
  },
  ownershipControls: {
    OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
  },
  encryption: {
    ServerSideEncryptionConfiguration: {
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN },
          BucketKeyEnabled: true,
        },
      ],
    },
  },
  versioning: { Status: 'Enabled', MFADelete: 'Disabled' },
  logging: { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'data/' } },
  tagging: { TagSet: [{ Key: 'team', Value: 'payments' }] },
});

describe('s3ToRecords', () => {
  it('records a bucket with everything that governs access to it, in the global s3 scope', () => {
    const records = s3ToRecords(
      {
        buckets: [full],
        accountPublicAccessBlock: { PublicAccessBlockConfiguration: { BlockPublicPolicy: true } },
      },
      at,
      'test',
    );
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/global/s3` });
    expect(props(records, arn('data'))).toEqual({
      account: ACCOUNT,
      region: 'eu-west-2',
      name: 'data',
      creationDate: '2024-01-02T03:04:05.000Z',
      policy: policyDoc,
      policyIsPublic: true,
      publicAccessBlock: block,
      // Settings AWS leaves out are off.
      accountPublicAccessBlock: {
        BlockPublicAcls: false,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
      aclGrants: [
        {
          Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
          Permission: 'READ',
        },
      ],
      ownerCanonicalId: 'owner-canonical',
      objectOwnership: 'BucketOwnerPreferred',
      encryptionAlgorithm: 'aws:kms',
      kmsKeyId: KEY_ARN,
      bucketKeyEnabled: true,
      versioning: 'Enabled',
      mfaDelete: false,
      loggingTargetBucket: 'logs',
      loggingTargetPrefix: 'data/',
      tags: { team: 'payments' },
    });
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([`${arn('data')} -> ${KEY_ARN}`]);
    expect(rels(records, 'LOGS_TO')).toEqual([`${arn('data')} -> ${arn('logs')}`]);
    expect(records.nodes.find((n) => n.id === KEY_ARN)).toMatchObject({
      model: 'AWSKmsKey',
      stub: true,
    });
    expectValid(records);
  });

  it('copies the account public access block onto every bucket and leaves unset what is absent', () => {
    const records = s3ToRecords(
      {
        buckets: [bucket('a'), bucket('b')],
        accountPublicAccessBlock: { PublicAccessBlockConfiguration: block },
      },
      at,
      'test',
    );
    for (const name of ['a', 'b']) {
      expect(props(records, arn(name))['accountPublicAccessBlock']).toEqual(block);
      expect(props(records, arn(name))).not.toHaveProperty('policy');
      expect(props(records, arn(name))).not.toHaveProperty('publicAccessBlock');
    }
    expect(records.relationships).toEqual([]);
    expectValid(records);
  });

  it('reads the region from the location constraint, then ListBuckets, else unknown', () => {
    const records = s3ToRecords(
      {
        buckets: [
          bucket('virginia', { location: {} }),
          bucket('legacy-eu', { location: { LocationConstraint: 'EU' } }),
          bucket('nulled', { location: { LocationConstraint: null } }),
          { listed: { Name: 'listed-only', BucketRegion: 'ap-south-1' } },
          bucket('nowhere'),
        ],
      },
      at,
      'test',
    );
    const region = (name: string): unknown => props(records, arn(name))['region'];
    expect(region('virginia')).toBe('us-east-1');
    expect(region('legacy-eu')).toBe('eu-west-1');
    expect(region('nulled')).toBe('us-east-1');
    expect(region('listed-only')).toBe('ap-south-1');
    expect(region('nowhere')).toBe('unknown');
    expectValid(records);
  });

  it('names buckets in the partition of the region they were listed from', () => {
    const records = s3ToRecords(
      { buckets: [bucket('cn')] },
      { account: ACCOUNT, region: 'cn-north-1' },
      'test',
    );
    expect(records.nodes.map((n) => n.id)).toEqual(['arn:aws-cn:s3:::cn']);
  });

  it('keeps a key named by alias or id without guessing its ARN', () => {
    const records = s3ToRecords(
      {
        buckets: [
          bucket('aliased', {
            encryption: {
              ServerSideEncryptionConfiguration: {
                Rules: [
                  {
                    ApplyServerSideEncryptionByDefault: {
                      SSEAlgorithm: 'aws:kms',
                      KMSMasterKeyID: 'alias/data',
                    },
                  },
                ],
              },
            },
          }),
        ],
      },
      at,
      'test',
    );
    expect(props(records, arn('aliased'))['kmsKeyId']).toBe('alias/data');
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([]);
  });

  it('decodes a URL-encoded policy, and keeps one that is not JSON as text with a warning', () => {
    const { warn, seen } = warnings();
    const records = s3ToRecords(
      {
        buckets: [
          bucket('encoded', { policy: { Policy: encodeURIComponent(JSON.stringify(policyDoc)) } }),
          bucket('garbled', { policy: { Policy: '{"Statement": [' } }),
        ],
      },
      at,
      'test',
      warn,
    );
    expect(props(records, arn('encoded'))['policy']).toEqual(policyDoc);
    expect(props(records, arn('garbled'))['policy']).toBe('{"Statement": [');
    expect(seen).toEqual([
      'test: bucket garbled: GetBucketPolicy: policy is neither a JSON object nor URL-encoded JSON; kept as text',
    ]);
    expectValid(records);
  });

  it('reads MFA delete as a boolean only when S3 says', () => {
    const records = s3ToRecords(
      {
        buckets: [
          bucket('mfa', { versioning: { Status: 'Suspended', MFADelete: 'Enabled' } }),
          bucket('plain', { versioning: {} }),
        ],
      },
      at,
      'test',
    );
    expect(props(records, arn('mfa'))).toMatchObject({ versioning: 'Suspended', mfaDelete: true });
    expect(props(records, arn('plain'))).not.toHaveProperty('mfaDelete');
  });

  it('rejects a broken answer with one line naming the bucket, the call and the field', () => {
    const convert = (buckets: BucketAnswers[], account?: unknown) => () =>
      s3ToRecords({ buckets, accountPublicAccessBlock: account }, at, 'S3 of 123');
    expect(badInputMessage(convert([{ listed: { Name: 'a/b:c' } }]))).toBe(
      'S3 of 123: Buckets[0]: field "Name": expected a bucket name (letters, digits, . _ -)',
    );
    expect(badInputMessage(convert([{ listed: 'data' }]))).toBe(
      'S3 of 123: Buckets[0]: expected an object',
    );
    expect(badInputMessage(convert([bucket('data', { policy: { Policy: 42 } })]))).toMatch(
      /^S3 of 123: bucket data: GetBucketPolicy: field "Policy": /,
    );
    expect(
      badInputMessage(convert([bucket('data', { policy: { Policy: 'x'.repeat(300_000) } })])),
    ).toMatch(/^S3 of 123: bucket data: GetBucketPolicy: field "Policy": /);
    expect(
      badInputMessage(
        convert([bucket('data', { location: { LocationConstraint: 'evil.com/x' } })]),
      ),
    ).toBe(
      'S3 of 123: bucket data: GetBucketLocation: LocationConstraint "evil.com/x" is not a region',
    );
    expect(badInputMessage(convert([bucket('data', { acl: { Grants: 'all' } })]))).toMatch(
      /^S3 of 123: bucket data: GetBucketAcl: field "Grants": /,
    );
    expect(
      badInputMessage(
        convert([bucket('data', { logging: { LoggingEnabled: { TargetBucket: '../x' } } })]),
      ),
    ).toMatch(/^S3 of 123: bucket data: GetBucketLogging: field "LoggingEnabled.TargetBucket": /);
    expect(
      badInputMessage(convert([], { PublicAccessBlockConfiguration: { BlockPublicAcls: 'yes' } })),
    ).toMatch(
      /^S3 of 123: account GetPublicAccessBlock: field "PublicAccessBlockConfiguration.BlockPublicAcls": /,
    );
  });
});
