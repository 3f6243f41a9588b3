import type { z } from 'zod';
import type { GraphRecords } from '../../../records/graph-records.js';
import { RecordsBuilder } from '../../../records/records-builder.js';
import { addKmsKey } from '../resources/resource-links.js';
import { answerReader, parseOutput } from '../resources/resource-output.js';
import { tagsFromList } from '../resources/resource-values.js';
import { GLOBAL_REGION, resourceScope } from '../resources/resource-scope.js';
import { policyProperty, type PolicyWarning } from '../resources/resource-policy.js';
import { bucketArn, bucketRegion, partitionOfRegion, UNKNOWN_REGION } from './s3-location.js';
import * as s from './s3-schemas.js';

/** What S3 said about one bucket, as plain JSON (see `plainOutput`); absent: none or unreadable. */
export interface BucketAnswers {
  /** Its entry in the `Buckets` of ListBuckets. */
  readonly listed: unknown;
  readonly location?: unknown;
  readonly policy?: unknown;
  readonly policyStatus?: unknown;
  readonly publicAccessBlock?: unknown;
  readonly acl?: unknown;
  readonly ownershipControls?: unknown;
  readonly encryption?: unknown;
  readonly versioning?: unknown;
  readonly logging?: unknown;
  readonly tagging?: unknown;
}

export interface S3Answers {
  readonly buckets: readonly BucketAnswers[];
  /** S3 Control GetPublicAccessBlock of the account; absent when it has none or it was denied. */
  readonly accountPublicAccessBlock?: unknown;
}

/**
 * The buckets of one account to the records of its `global/s3` scope: each with its policy,
 * public access blocks (its own and the account's), ACL, ownership, default encryption (and its
 * KMS key, ENCRYPTED_WITH), versioning, access logging (LOGS_TO) and tags. `at.region` is the
 * region ListBuckets was sent to, which names the partition of the bucket ARNs.
 */
export function s3ToRecords(
  answers: S3Answers,
  at: { readonly account: string; readonly region: string },
  source: string,
  warn: PolicyWarning = () => undefined,
): GraphRecords {
  const b = new RecordsBuilder(resourceScope(at.account, GLOBAL_REGION, 's3'));
  const partition = partitionOfRegion(at.region);
  const accountBlock =
    answers.accountPublicAccessBlock === undefined
      ? undefined
      : publicAccessBlock(
          parseOutput(
            s.getPublicAccessBlock,
            answers.accountPublicAccessBlock,
            `${source}: account GetPublicAccessBlock`,
          ).PublicAccessBlockConfiguration,
        );
  answers.buckets.forEach((bucket, index) => {
    const listed = parseOutput(s.listedBucket, bucket.listed, `${source}: Buckets[${index}]`);
    const where = `${source}: bucket ${listed.Name}`;
    const read = answerReader(where);

    const policy = read(s.getBucketPolicy, bucket.policy, 'GetBucketPolicy');
    const acl = read(s.getBucketAcl, bucket.acl, 'GetBucketAcl');
    const encryption = defaultEncryption(
      read(s.getBucketEncryption, bucket.encryption, 'GetBucketEncryption'),
    );
    const versioning = read(s.getBucketVersioning, bucket.versioning, 'GetBucketVersioning');
    const logging = read(s.getBucketLogging, bucket.logging, 'GetBucketLogging')?.LoggingEnabled;
    const ownership = read(
      s.getBucketOwnershipControls,
      bucket.ownershipControls,
      'GetBucketOwnershipControls',
    );
    const blocked = read(s.getPublicAccessBlock, bucket.publicAccessBlock, 'GetPublicAccessBlock');

    const id = b.node('AWSS3Bucket', bucketArn(partition, listed.Name), {
      account: at.account,
      region: bucketRegion(bucket.location, listed.BucketRegion, where) ?? UNKNOWN_REGION,
      name: listed.Name,
      creationDate: listed.CreationDate,
      policy: policy && policyProperty(policy.Policy, `${where}: GetBucketPolicy`, warn),
      policyIsPublic: read(s.getBucketPolicyStatus, bucket.policyStatus, 'GetBucketPolicyStatus')
        ?.PolicyStatus?.IsPublic,
      publicAccessBlock: blocked && publicAccessBlock(blocked.PublicAccessBlockConfiguration),
      accountPublicAccessBlock: accountBlock,
      aclGrants: acl?.Grants,
      ownerCanonicalId: acl?.Owner?.ID,
      objectOwnership: ownership?.OwnershipControls?.Rules?.[0]?.ObjectOwnership,
      encryptionAlgorithm: encryption?.SSEAlgorithm,
      kmsKeyId: encryption?.KMSMasterKeyID,
      bucketKeyEnabled: encryption?.bucketKeyEnabled,
      versioning: versioning?.Status,
      mfaDelete:
        versioning?.MFADelete === undefined ? undefined : versioning.MFADelete === 'Enabled',
      loggingTargetBucket: logging?.TargetBucket,
      loggingTargetPrefix: logging?.TargetPrefix,
      tags: tagsFromList(read(s.getBucketTagging, bucket.tagging, 'GetBucketTagging')?.TagSet),
    });
    addKmsKey(b, id, encryption?.KMSMasterKeyID);
    if (logging) {
      b.rel('LOGS_TO', id, b.stub('AWSS3Bucket', bucketArn(partition, logging.TargetBucket)));
    }
  });
  return b.build();
}

/**
 * The four settings only; one AWS leaves out is off (its documented default), so the analysis
 * reads a plain true/false. Undefined when there is no configuration.
 */
function publicAccessBlock(
  config: s.PublicAccessBlockConfiguration | undefined,
): Record<string, boolean> | undefined {
  if (!config) return undefined;
  return {
    BlockPublicAcls: config.BlockPublicAcls ?? false,
    IgnorePublicAcls: config.IgnorePublicAcls ?? false,
    BlockPublicPolicy: config.BlockPublicPolicy ?? false,
    RestrictPublicBuckets: config.RestrictPublicBuckets ?? false,
  };
}

interface DefaultEncryption {
  readonly SSEAlgorithm: string;
  readonly KMSMasterKeyID?: string | undefined;
  readonly bucketKeyEnabled?: boolean | undefined;
}

/** The rule that sets default encryption (S3 allows one), with its Bucket Key setting. */
function defaultEncryption(
  answer: z.infer<typeof s.getBucketEncryption> | undefined,
): DefaultEncryption | undefined {
  const rule = answer?.ServerSideEncryptionConfiguration?.Rules?.find(
    (r) => r.ApplyServerSideEncryptionByDefault,
  );
  const applied = rule?.ApplyServerSideEncryptionByDefault;
  if (!rule || !applied) return undefined;
  return { ...applied, bucketKeyEnabled: rule.BucketKeyEnabled };
}
