import { defineNode } from '../define-node.js';
import { Provider } from '../provider.js';
import { awsLocation, tagsProperty } from './common-properties.js';

// Where data and secrets are: S3 buckets, KMS keys, Secrets Manager secrets.

export const AWSS3Bucket = defineNode({
  label: 'AWSS3Bucket',
  sharedLabels: ['DataStore'],
  provider: Provider.AWS,
  description: 'An S3 bucket.',
  idDescription: 'The bucket ARN (`arn:aws:s3:::name`).',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, indexed: true, description: 'Bucket name.' },
    policy: { type: 'json', description: 'The bucket policy, if any.' },
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
    objectOwnership: {
      type: 'string',
      description: '`BucketOwnerEnforced` disables ACLs; otherwise they apply.',
    },
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
    policy: { type: 'json', description: 'The key policy.' },
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
    policy: { type: 'json', description: 'The resource policy, if any.' },
    tags: tagsProperty,
  },
});
