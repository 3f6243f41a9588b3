import { z } from 'zod';
import { isKmsKeyArn } from '../resources/resource-links.js';
import { dateTime, text } from '../resources/resource-values.js';
import { MAX_POLICY_CHARS } from '../resources/resource-policy.js';

/*
 * The parts of the KMS answers Cairn reads (ListKeys, DescribeKey, GetKeyPolicy,
 * GetKeyRotationStatus, ListResourceTags, ListAliases); loose objects, typed and bounded values.
 */

/** A key id: a uuid, or `mrk-` and hex for a multi-Region key. */
export const keyId = z.string().regex(/^[A-Za-z0-9-]{1,128}$/, 'expected a KMS key id');

export const keyArn = z
  .string()
  .max(2048)
  .refine(isKmsKeyArn, { message: 'expected a KMS key ARN (arn:<partition>:kms:...:key/...)' });

export const listedKey = z.looseObject({ KeyId: keyId, KeyArn: keyArn });

export const describeKey = z.looseObject({
  KeyMetadata: z.looseObject({
    KeyId: keyId,
    KeyManager: text.optional(),
    KeyState: text.optional(),
    Enabled: z.boolean().optional(),
    KeySpec: text.optional(),
    KeyUsage: text.optional(),
    Origin: text.optional(),
    MultiRegion: z.boolean().optional(),
    Description: z.string().max(8192).optional(),
    CreationDate: dateTime.optional(),
    DeletionDate: dateTime.optional(),
  }),
});

export const getKeyPolicy = z.looseObject({ Policy: z.string().max(MAX_POLICY_CHARS) });

export const getKeyRotationStatus = z.looseObject({ KeyRotationEnabled: z.boolean().optional() });

export const keyTag = z.looseObject({
  TagKey: z.string().max(256),
  TagValue: z.string().max(1024),
});

export const alias = z.looseObject({
  AliasName: z.string().min(1).max(256),
  // Absent for an AWS managed alias whose key AWS has not created yet.
  TargetKeyId: keyId.optional(),
});
