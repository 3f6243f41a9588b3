import { z } from 'zod';
import { parseArn } from '../../../collectors/aws/iam/arn.js';
import { BadInputError } from '../../../errors/cairn-error.js';
import type { PolicyCache } from '../policy-cache.js';
import type { CompiledPolicy } from '../policy/index.js';
import { ACCESS_KINDS, type AccessKind } from './access-kind.js';
import { bucketSettings, type BucketSettings } from './bucket-settings.js';
import { policyFacts, type PolicyFacts } from './policy-facts.js';

/** One data store, ready for evaluation. */
export interface AccessTarget {
  /** The node id (the store's ARN). */
  readonly id: string;
  readonly kind: AccessKind;
  readonly account: string;
  readonly region: string;
  /**
   * What requests name: the store's ARN; for a database with IAM authentication the prefix of
   * its users, `arn:aws:rds-db:<region>:<account>:dbuser:<resourceId>`.
   */
  readonly arn: string;
  readonly policy?: CompiledPolicy;
  readonly facts?: PolicyFacts;
  /** The policy's text with the store's own ARN taken out: stores with equal ones share work. */
  readonly template?: string;
  /** A policy is set but does not compile: whatever it grants or denies is unknown. */
  readonly policyUnusable: boolean;
  readonly bucket?: BucketSettings;
  /**
   * S3 RestrictPublicBuckets with a public policy: only the owner's account (and AWS services)
   * get in through the policy, not other accounts nor anonymous callers.
   */
  readonly restrictsOutsiders: boolean;
}

/** A data store as the Cypher files return it (JSON properties as stored text). */
const rowSchema = z.object({
  id: z.string().min(1).max(2048),
  kind: z.enum(ACCESS_KINDS),
  account: z.string().regex(/^\d{12}$/, 'not an account id'),
  region: z.string().regex(/^[a-z0-9-]{1,32}$/, 'not a region'),
  // AWS caps resource policies at 32 KB; far beyond that is not a policy.
  policy: z.string().max(1_000_000).nullable(),
  publicAccessBlock: z.string().max(10_000).nullable(),
  accountPublicAccessBlock: z.string().max(10_000).nullable(),
  aclGrants: z.string().max(1_000_000).nullable(),
  objectOwnership: z.string().max(64).nullable(),
  resourceId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,128}$/, 'not a resource id')
    .nullable(),
  /** S3's own verdict on the bucket policy (GetBucketPolicyStatus), when collected. */
  policyIsPublic: z.boolean().nullish(),
});

/**
 * One row checked and shaped, its policy compiled through the cache (a policy that does not
 * compile is named there and treated as unknown). A database without a resource id cannot be
 * named by rds-db:connect and gives undefined.
 */
export function accessTargetOf(raw: unknown, cache: PolicyCache): AccessTarget | undefined {
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(
      `data store ${idOf(raw).slice(0, 200)}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is malformed'}`,
    );
  }
  const row = parsed.data;
  const partition = parseArn(row.id)?.partition || 'aws';
  let arn = row.id;
  if (row.kind === 'rds-db') {
    if (row.resourceId === null) return undefined;
    arn = `arn:${partition}:rds-db:${row.region}:${row.account}:dbuser:${row.resourceId}`;
  }
  const bucket = row.kind === 's3-bucket' ? bucketSettings(row.id, row) : undefined;
  const base = {
    id: row.id,
    kind: row.kind,
    account: row.account,
    region: row.region,
    arn,
    ...(bucket ? { bucket } : {}),
  };
  if (row.policy === null) return { ...base, policyUnusable: false, restrictsOutsiders: false };
  const document = decodeStored(row.policy);
  const policy = cache.get({ id: `${row.id}#policy`, document });
  if (!policy) return { ...base, policyUnusable: true, restrictsOutsiders: false };
  const facts = policyFacts(policy, row.policyIsPublic ?? undefined);
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  return {
    ...base,
    policy,
    facts,
    template: text.split(row.id).join('\u0000self\u0000'),
    policyUnusable: false,
    restrictsOutsiders: bucket?.restrictPublicBuckets !== undefined && facts.isPublic,
  };
}

/** Stored JSON text; a policy stored as a JSON string holds the document's own text. */
function decodeStored(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function idOf(raw: unknown): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '?';
}
