import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
import { Provider } from '../provider.js';
import { awsLocation, tagsProperty } from './common-properties.js';

// Where data and secrets are: S3 buckets, KMS keys, Secrets Manager secrets.

/** How every resource policy here is stored; the access analysis must read a string as unknown. */
const POLICY_STORAGE =
  'An object when it parses as JSON; the raw text (a string) when AWS returned something that does not, which means "a policy exists but could not be read", not "no policy".';

export const AWSS3Bucket = defineNode({
  label: 'AWSS3Bucket',
  sharedLabels: ['DataStore'],
  provider: Provider.AWS,
  description: 'An S3 bucket.',
  idDescription: 'The bucket ARN (`arn:aws:s3:::name`).',
  properties: {
    ...awsLocation,
    region: {
      ...awsLocation.region,
      description:
        'The region the bucket is in (GetBucketLocation, else ListBuckets); `unknown` when neither could be read.',
    },
    name: { type: 'string', required: true, indexed: true, description: 'Bucket name.' },
    creationDate: { type: 'datetime', description: 'When the bucket was created (ListBuckets).' },
    policy: { type: 'json', description: `The bucket policy, if any. ${POLICY_STORAGE}` },
    policyIsPublic: {
      type: 'boolean',
      description: 'S3 judges the bucket policy public (GetBucketPolicyStatus `IsPublic`).',
    },
    publicAccessBlock: {
      type: 'json',
      description:
        "The bucket's public access block (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets); unset when none.",
    },
    accountPublicAccessBlock: {
      type: 'json',
      description: "The account's S3 public access block, as it applies to this bucket.",
    },
    aclGrants: { type: 'json', description: 'ACL grants, as GetBucketAcl returns them.' },
    ownerCanonicalId: {
      type: 'string',
      description: "The bucket owner's canonical user id (GetBucketAcl), as ACL grants name it.",
    },
    objectOwnership: {
      type: 'string',
      description: '`BucketOwnerEnforced` disables ACLs; otherwise they apply.',
    },
    encryptionAlgorithm: {
      type: 'string',
      description: 'Default encryption: `AES256`, `aws:kms` or `aws:kms:dsse`; unset when none.',
    },
    kmsKeyId: {
      type: 'string',
      description: 'The KMS key of default encryption, as configured (key ARN, id or alias).',
    },
    bucketKeyEnabled: { type: 'boolean', description: 'S3 Bucket Keys reduce KMS calls.' },
    versioning: {
      type: 'string',
      description: '`Enabled` or `Suspended`; unset when versioning was never enabled.',
    },
    mfaDelete: { type: 'boolean', description: 'Deleting versions requires MFA.' },
    loggingTargetBucket: {
      type: 'string',
      description: 'The bucket server access logs are delivered to; unset when logging is off.',
    },
    loggingTargetPrefix: { type: 'string', description: 'The prefix of the access log objects.' },
    tags: tagsProperty,
  },
});

export const AWSKmsKey = defineNode({
  label: 'AWSKmsKey',
  sharedLabels: ['Key'],
  provider: Provider.AWS,
  description: 'A KMS key.',
  idDescription: 'The key ARN.',
  properties: {
    ...awsLocation,
    keyId: { type: 'string', required: true, indexed: true, description: 'The key id (uuid).' },
    policy: { type: 'json', description: `The key policy. ${POLICY_STORAGE}` },
    keyManager: {
      type: 'string',
      description: '`AWS` (an AWS managed key) or `CUSTOMER` (the account manages its policy).',
    },
    keyState: { type: 'string', description: 'e.g. `Enabled`, `Disabled`, `PendingDeletion`.' },
    enabled: { type: 'boolean', description: 'The key can be used.' },
    keySpec: { type: 'string', description: 'e.g. `SYMMETRIC_DEFAULT`, `RSA_2048`.' },
    keyUsage: { type: 'string', description: 'e.g. `ENCRYPT_DECRYPT`, `SIGN_VERIFY`.' },
    origin: {
      type: 'string',
      description: 'Where the key material is: `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`...',
    },
    multiRegion: { type: 'boolean', description: 'A multi-Region key.' },
    description: { type: 'string', description: 'The description its owner gave it.' },
    creationDate: { type: 'datetime', description: 'When the key was created.' },
    deletionDate: { type: 'datetime', description: 'When a key pending deletion is deleted.' },
    rotationEnabled: {
      type: 'boolean',
      description: 'Automatic rotation is on (customer keys that support it; unset otherwise).',
    },
    aliases: { type: 'string[]', description: 'Its alias names, e.g. `alias/app`.' },
    tags: tagsProperty,
  },
});

export const AWSSecret = defineNode({
  label: 'AWSSecret',
  sharedLabels: ['Secret'],
  provider: Provider.AWS,
  description: 'A Secrets Manager secret (its metadata; never its value).',
  idDescription: 'The secret ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Secret name.' },
    policy: { type: 'json', description: `The resource policy, if any. ${POLICY_STORAGE}` },
    kmsKeyId: {
      type: 'string',
      description:
        'The KMS key that encrypts it, as Secrets Manager gives it (key ARN or alias); unset for the default `aws/secretsmanager` key.',
    },
    rotationEnabled: { type: 'boolean', description: 'Automatic rotation is on.' },
    rotationLambdaArn: { type: 'string', description: 'The function that rotates it.' },
    rotationRules: {
      type: 'json',
      description: 'When it rotates (AutomaticallyAfterDays, ScheduleExpression, Duration).',
    },
    lastRotatedDate: { type: 'datetime', description: 'When it was last rotated.' },
    lastChangedDate: { type: 'datetime', description: 'When it was last changed.' },
    lastAccessedDate: {
      type: 'datetime',
      description: 'The day its value was last read (AWS rounds to the day).',
    },
    nextRotationDate: { type: 'datetime', description: 'When it is next rotated.' },
    createdDate: { type: 'datetime', description: 'When it was created.' },
    deletedDate: { type: 'datetime', description: 'When it is deleted (scheduled for deletion).' },
    primaryRegion: { type: 'string', description: 'The primary region of a replicated secret.' },
    owningService: {
      type: 'string',
      description: 'The AWS service that manages it (e.g. `rds`), if any.',
    },
    tags: tagsProperty,
  },
});

export const LOGS_TO = defineRel({
  type: 'LOGS_TO',
  from: ['AWSS3Bucket'],
  to: ['AWSS3Bucket'],
  description: 'Server access logs of the bucket are delivered to this bucket.',
  properties: {},
});

export const ROTATED_BY = defineRel({
  type: 'ROTATED_BY',
  from: ['AWSSecret'],
  to: ['AWSLambdaFunction'],
  description: 'The function that rotates the secret (and so can read and set its value).',
  properties: {},
});
