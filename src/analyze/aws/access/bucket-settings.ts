import { z } from 'zod';
import { BadInputError } from '../../../errors/cairn-error.js';

/** Who an ACL grant opens the bucket to. */
export type PublicAudience = 'anyone' | 'any-aws-account';

/** One ACL grant to a public group, and what it opens. */
export interface PublicAclGrant {
  /** Its position in the bucket's ACL. */
  readonly index: number;
  readonly group: 'AllUsers' | 'AuthenticatedUsers';
  readonly audience: PublicAudience;
  readonly permission: string;
}

/** S3 Block Public Access and ACL settings, as far as access is concerned. */
export interface BucketSettings {
  /** RestrictPublicBuckets, and which block sets it (the bucket's own wins for evidence). */
  readonly restrictPublicBuckets: 'bucket' | 'account' | undefined;
  /** IgnorePublicAcls, and which block sets it. */
  readonly ignorePublicAcls: 'bucket' | 'account' | undefined;
  /** Object Ownership `BucketOwnerEnforced`: ACLs are disabled. */
  readonly aclsDisabled: boolean;
  readonly publicGrants: readonly PublicAclGrant[];
}

/**
 * What a bucket ACL permission allows on the bucket (object ACLs are not collected); levels come
 * from the action catalog like any other action's.
 */
const ACL_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  READ: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
  WRITE: ['s3:PutObject', 's3:DeleteObject'],
  READ_ACP: ['s3:GetBucketAcl'],
  WRITE_ACP: ['s3:PutBucketAcl'],
};

/** The actions a grant's permission allows; FULL_CONTROL is all of them. */
export function aclActions(permission: string): readonly string[] {
  if (permission === 'FULL_CONTROL') return Object.values(ACL_PERMISSIONS).flat();
  return ACL_PERMISSIONS[permission] ?? [];
}

const GROUPS: Readonly<Record<string, PublicAclGrant['group']>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

const blockSchema = z.record(z.string(), z.unknown());
const grantSchema = z.object({
  Grantee: z.object({ Type: z.string().max(64).optional(), URI: z.string().max(512).optional() }),
  Permission: z.string().max(64),
});
// S3 allows at most 100 grants per ACL.
const grantsSchema = z.array(grantSchema).max(100);

/** Reads the stored JSON properties; anything malformed names the bucket and the property. */
export function bucketSettings(
  bucket: string,
  stored: {
    publicAccessBlock: string | null;
    accountPublicAccessBlock: string | null;
    aclGrants: string | null;
    objectOwnership: string | null;
  },
): BucketSettings {
  const own = flags(bucket, 'publicAccessBlock', stored.publicAccessBlock);
  const account = flags(bucket, 'accountPublicAccessBlock', stored.accountPublicAccessBlock);
  const source = (flag: string): 'bucket' | 'account' | undefined =>
    own.get(flag) ? 'bucket' : account.get(flag) ? 'account' : undefined;
  const grants =
    stored.aclGrants === null ? [] : parse(grantsSchema, bucket, 'aclGrants', stored.aclGrants);
  const publicGrants: PublicAclGrant[] = [];
  grants.forEach((grant, index) => {
    const group = grant.Grantee.URI === undefined ? undefined : GROUPS[grant.Grantee.URI];
    if (!group) return;
    publicGrants.push({
      index,
      group,
      audience: group === 'AllUsers' ? 'anyone' : 'any-aws-account',
      permission: grant.Permission,
    });
  });
  return {
    restrictPublicBuckets: source('restrictpublicbuckets'),
    ignorePublicAcls: source('ignorepublicacls'),
    aclsDisabled: stored.objectOwnership === 'BucketOwnerEnforced',
    publicGrants,
  };
}

/** A public access block's flags by lower-cased name; only `true` sets one. */
function flags(bucket: string, property: string, text: string | null): Map<string, boolean> {
  if (text === null) return new Map();
  const block = parse(blockSchema, bucket, property, text);
  return new Map(Object.entries(block).map(([key, value]) => [key.toLowerCase(), value === true]));
}

function parse<T>(schema: z.ZodType<T>, bucket: string, property: string, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new BadInputError(`bucket ${bucket.slice(0, 200)}: ${property} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `bucket ${bucket.slice(0, 200)}: ${property}${issue?.path.length ? `.${issue.path.join('.')}` : ''} ${issue?.message ?? 'is malformed'}`,
    );
  }
  return parsed.data;
}
