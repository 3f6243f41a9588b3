import { z } from 'zod';
import { dateTime, tagList, text } from '../resources/resource-values.js';
import { MAX_POLICY_CHARS } from '../resources/resource-policy.js';
import { awsRegion } from './s3-location.js';

/*
 * The parts of the S3 and S3 Control answers Cairn reads. Objects are loose (AWS adds fields);
 * the values read are typed and bounded, so a broken answer is an error naming the field.
 */

/** Bucket names, legacy us-east-1 ones included; checked since they become ARNs. */
export const bucketName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,255}$/, 'expected a bucket name (letters, digits, . _ -)');

export const listedBucket = z.looseObject({
  Name: bucketName,
  CreationDate: dateTime.optional(),
  BucketRegion: awsRegion.optional(),
});

export const getBucketPolicy = z.looseObject({ Policy: z.string().max(MAX_POLICY_CHARS) });

export const getBucketPolicyStatus = z.looseObject({
  PolicyStatus: z.looseObject({ IsPublic: z.boolean().optional() }).optional(),
});

const publicAccessBlockConfiguration = z.looseObject({
  BlockPublicAcls: z.boolean().optional(),
  IgnorePublicAcls: z.boolean().optional(),
  BlockPublicPolicy: z.boolean().optional(),
  RestrictPublicBuckets: z.boolean().optional(),
});

/** GetPublicAccessBlock of a bucket (S3) or of the account (S3 Control): the same shape. */
export const getPublicAccessBlock = z.looseObject({
  PublicAccessBlockConfiguration: publicAccessBlockConfiguration.optional(),
});
export type PublicAccessBlockConfiguration = z.infer<typeof publicAccessBlockConfiguration>;

const grant = z.looseObject({
  Grantee: z
    .looseObject({
      Type: text,
      ID: text.optional(),
      URI: text.optional(),
      EmailAddress: text.optional(),
      DisplayName: text.optional(),
    })
    .optional(),
  Permission: text.optional(),
});

export const getBucketAcl = z.looseObject({
  Owner: z.looseObject({ ID: text.optional() }).optional(),
  // An ACL holds at most 100 grants.
  Grants: z.array(grant).max(1000).optional(),
});

export const getBucketOwnershipControls = z.looseObject({
  OwnershipControls: z
    .looseObject({
      Rules: z
        .array(z.looseObject({ ObjectOwnership: text }))
        .max(10)
        .optional(),
    })
    .optional(),
});

export const getBucketEncryption = z.looseObject({
  ServerSideEncryptionConfiguration: z
    .looseObject({
      Rules: z
        .array(
          z.looseObject({
            ApplyServerSideEncryptionByDefault: z
              .looseObject({ SSEAlgorithm: text, KMSMasterKeyID: text.optional() })
              .optional(),
            BucketKeyEnabled: z.boolean().optional(),
          }),
        )
        .max(10)
        .optional(),
    })
    .optional(),
});

export const getBucketVersioning = z.looseObject({
  Status: text.optional(),
  MFADelete: text.optional(),
});

export const getBucketLogging = z.looseObject({
  LoggingEnabled: z
    .looseObject({ TargetBucket: bucketName, TargetPrefix: text.optional() })
    .optional(),
});

export const getBucketTagging = z.looseObject({ TagSet: tagList.optional() });
