import { GLOBAL_REGION, resourceScope } from '../../collectors/aws/resources/resource-scope.js';
import type { GraphRecords } from '../../records/graph-records.js';
import { RecordsBuilder } from '../../records/records-builder.js';
import {
  bucketName,
  daysAgo,
  functionArn,
  kmsKeyArn,
  REGIONS,
  roleArn,
  roleName,
  secretArn,
  STRANGER_ACCOUNT,
  type EstatePlan,
} from './estate-plan.js';
import type { SeededRandom } from './random.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const statement = (fields: Record<string, unknown>): Record<string, unknown> => ({
  Effect: 'Allow',
  ...fields,
});
const doc = (...Statement: object[]): Record<string, unknown> => ({
  Version: '2012-10-17',
  Statement,
});

/**
 * The account's `global/s3` scope: buckets with and without policies (TLS-only denies, partner
 * reads, a few public reads and writes), public access blocks (the account's on every other
 * account), ACLs (a few AllUsers grants), encryption, versioning, MFA delete and access logging.
 */
export function s3Scope(plan: EstatePlan, ai: number, random: SeededRandom): GraphRecords {
  const account = plan.accounts[ai] ?? '';
  const b = new RecordsBuilder(resourceScope(account, GLOBAL_REGION, 's3'));
  const owner = `canonical-${account}`;
  const block = (on: boolean): Record<string, boolean> => ({
    BlockPublicAcls: on,
    IgnorePublicAcls: on,
    BlockPublicPolicy: on,
    RestrictPublicBuckets: on,
  });
  const accountBlock = ai % 2 === 0 ? block(true) : undefined;
  const logBucket = `arn:aws:s3:::${bucketName(ai, 0)}`;
  for (let i = 0; i < plan.sizes.buckets; i += 1) {
    const name = bucketName(ai, i);
    const arn = `arn:aws:s3:::${name}`;
    const publicRead = i % 37 === 5;
    const publicWrite = i % 97 === 11;
    const aclPublic = i % 53 === 7;
    const statements: object[] = [];
    if (i % 3 === 0) {
      statements.push({
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
    }
    if (publicRead)
      statements.push(statement({ Principal: '*', Action: 's3:GetObject', Resource: `${arn}/*` }));
    if (publicWrite)
      statements.push(statement({ Principal: '*', Action: 's3:PutObject', Resource: `${arn}/*` }));
    if (i % 13 === 1) {
      const partner =
        i % 2 ? STRANGER_ACCOUNT : (plan.accounts[(ai + 1) % plan.accounts.length] ?? '');
      statements.push(
        statement({
          Principal: { AWS: `arn:aws:iam::${partner}:root` },
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [arn, `${arn}/*`],
        }),
      );
    }
    const versioned = random.chance(0.5);
    const encryption = random.chance(0.9) ? (random.chance(0.4) ? 'aws:kms' : 'AES256') : undefined;
    const kmsKeyId =
      encryption === 'aws:kms'
        ? kmsKeyArn(account, REGIONS[i % 2] ?? 'us-east-1', i % plan.sizes.kmsKeys)
        : undefined;
    const logging = i > 0 && random.chance(0.4);
    b.node('AWSS3Bucket', arn, {
      account,
      region: REGIONS[i % REGIONS.length],
      name,
      creationDate: daysAgo(30 + random.int(1500)),
      policy: statements.length ? doc(...statements) : undefined,
      policyIsPublic: statements.length ? publicRead || publicWrite : undefined,
      publicAccessBlock:
        publicRead || publicWrite || aclPublic
          ? undefined
          : random.chance(0.6)
            ? block(true)
            : undefined,
      accountPublicAccessBlock: accountBlock,
      aclGrants: [
        { Grantee: { Type: 'CanonicalUser', ID: owner }, Permission: 'FULL_CONTROL' },
        ...(aclPublic ? [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }] : []),
      ],
      ownerCanonicalId: owner,
      objectOwnership: aclPublic ? 'BucketOwnerPreferred' : 'BucketOwnerEnforced',
      encryptionAlgorithm: encryption,
      kmsKeyId,
      bucketKeyEnabled: encryption === 'aws:kms' ? true : undefined,
      versioning: versioned ? 'Enabled' : random.chance(0.2) ? 'Suspended' : undefined,
      mfaDelete: versioned ? random.chance(0.1) : undefined,
      loggingTargetBucket: logging ? bucketName(ai, 0) : undefined,
      loggingTargetPrefix: logging ? `${name}/` : undefined,
      tags: { env: random.pick(['prod', 'staging', 'dev']) },
    });
    if (kmsKeyId) b.rel('ENCRYPTED_WITH', arn, b.stub('AWSKmsKey', kmsKeyId));
    if (logging) b.rel('LOGS_TO', arn, logBucket);
  }
  return b.build();
}

/** The region's `kms` scope: customer keys (rotation on for most), a few AWS keys, a few open. */
export function kmsScope(
  plan: EstatePlan,
  ai: number,
  region: string,
  random: SeededRandom,
): GraphRecords {
  const account = plan.accounts[ai] ?? '';
  const b = new RecordsBuilder(resourceScope(account, region, 'kms'));
  for (let k = 0; k < plan.sizes.kmsKeys; k += 1) {
    const arn = kmsKeyArn(account, region, k);
    const customer = k % 7 !== 6;
    const statements: object[] = [
      statement({
        Sid: 'EnableIamPolicies',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      }),
    ];
    if (k % 50 === 3)
      statements.push(
        statement({
          Principal: { AWS: '*' },
          Action: ['kms:Decrypt', 'kms:DescribeKey'],
          Resource: '*',
        }),
      );
    if (k % 20 === 4)
      statements.push(
        statement({
          Principal: { AWS: '*' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:CallerAccount': account } },
        }),
      );
    b.node('AWSKmsKey', arn, {
      account,
      region,
      keyId: arn.slice(arn.lastIndexOf('/') + 1),
      policy: doc(...statements),
      keyManager: customer ? 'CUSTOMER' : 'AWS',
      keyState: k % 25 === 24 ? 'PendingDeletion' : 'Enabled',
      enabled: k % 25 !== 24,
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: k % 30 === 29 ? 'EXTERNAL' : 'AWS_KMS',
      multiRegion: false,
      description: `key ${k}`,
      creationDate: daysAgo(100 + random.int(1000)),
      rotationEnabled: customer ? random.chance(0.7) : undefined,
      aliases: [`alias/app-${k}`],
    });
  }
  return b.build();
}

/** The region's `secretsmanager` scope: secrets with KMS keys, rotation and some policies. */
export function secretsScope(
  plan: EstatePlan,
  ai: number,
  region: string,
  random: SeededRandom,
): GraphRecords {
  const account = plan.accounts[ai] ?? '';
  const b = new RecordsBuilder(resourceScope(account, region, 'secretsmanager'));
  for (let k = 0; k < plan.sizes.secrets; k += 1) {
    const arn = secretArn(account, region, k);
    const key = k % 2 === 0 ? kmsKeyArn(account, region, k % plan.sizes.kmsKeys) : undefined;
    const rotated = random.chance(0.5);
    const rotator = rotated ? functionArn(account, region, k % plan.sizes.functions) : undefined;
    const policy =
      k % 60 === 1
        ? doc(
            statement({
              Principal: { AWS: '*' },
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
            }),
          )
        : k % 4 === 0
          ? doc(
              statement({
                Principal: { AWS: roleArn(account, roleName.lambda(k % plan.sizes.lambdaRoles)) },
                Action: 'secretsmanager:GetSecretValue',
                Resource: '*',
              }),
            )
          : undefined;
    b.node('AWSSecret', arn, {
      account,
      region,
      name: `app/secret-${k}`,
      policy,
      kmsKeyId: key,
      rotationEnabled: rotated,
      rotationLambdaArn: rotator,
      rotationRules: rotated ? { AutomaticallyAfterDays: 30 } : undefined,
      lastRotatedDate: rotated ? daysAgo(random.int(40)) : undefined,
      lastChangedDate: daysAgo(random.int(200)),
      lastAccessedDate: daysAgo(random.int(30)),
      createdDate: daysAgo(300 + random.int(500)),
    });
    if (key) b.rel('ENCRYPTED_WITH', arn, b.stub('AWSKmsKey', key));
    if (rotator) b.rel('ROTATED_BY', arn, b.stub('AWSLambdaFunction', rotator));
  }
  return b.build();
}

/**
 * The region's `cloudtrail` scope: a multi-region trail homed in the first region (logging and
 * recording all management events in most accounts, S3 data events in half) and a regional one.
 */
export function cloudTrailScope(plan: EstatePlan, ai: number, region: string): GraphRecords {
  const account = plan.accounts[ai] ?? '';
  const b = new RecordsBuilder(resourceScope(account, region, 'cloudtrail'));
  const home = region === REGIONS[0];
  const name = home ? 'main-trail' : `regional-${region}`;
  const arn = `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
  const key = ai % 2 === 0 ? kmsKeyArn(account, region, 0) : undefined;
  const dataEvents = ai % 2 === 0;
  b.node('AWSCloudTrail', arn, {
    account,
    region,
    name,
    homeRegion: region,
    multiRegion: home,
    organizationTrail: false,
    includeGlobalServiceEvents: home,
    logFileValidation: ai % 3 !== 0,
    s3BucketName: bucketName(ai, home ? 0 : 1),
    s3KeyPrefix: 'trail',
    kmsKeyId: key,
    isLogging: ai !== 4,
    latestDeliveryTime: daysAgo(0),
    managementEvents: true,
    managementEventsReadWriteType: home && ai !== 8 ? 'All' : 'WriteOnly',
    eventSelectors: [
      {
        ReadWriteType: home && ai !== 8 ? 'All' : 'WriteOnly',
        IncludeManagementEvents: true,
        DataResources: dataEvents ? [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] : [],
      },
    ],
  });
  if (key) b.rel('ENCRYPTED_WITH', arn, b.stub('AWSKmsKey', key));
  return b.build();
}
