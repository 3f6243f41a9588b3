/**
 * The data stores CAN_ACCESS edges point at. Buckets, secrets, keys and databases are decided by
 * IAM policies; snapshots and images are only ever public (an attribute, not a policy).
 */
export const ACCESS_KINDS = [
  's3-bucket',
  'secret',
  'kms-key',
  'rds-db',
  'ebs-snapshot',
  'ami',
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const POLICY_KINDS = ['s3-bucket', 'secret', 'kms-key', 'rds-db'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const ACCESS_LEVELS = ['read', 'write', 'permissions'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface PolicyKindSpec {
  /** The IAM service prefix of its actions. */
  readonly service: string;
  /** Resource types (as the action catalog names them) of actions on the store itself. */
  readonly parentTypes: readonly string[];
  /** Resource types of actions on what it holds (objects, database users), named `<arn>/<name>`. */
  readonly childTypes: readonly string[];
  /** Actions shown first when an edge lists a few per level: the ones people look for. */
  readonly preferred: Readonly<Record<AccessLevel, readonly string[]>>;
}

export const POLICY_KIND_SPECS: Readonly<Record<PolicyKind, PolicyKindSpec>> = {
  's3-bucket': {
    service: 's3',
    parentTypes: ['bucket'],
    childTypes: ['object'],
    preferred: {
      read: ['s3:GetObject', 's3:ListBucket', 's3:GetObjectVersion'],
      write: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteBucket'],
      permissions: ['s3:PutBucketPolicy', 's3:PutBucketAcl', 's3:PutObjectAcl'],
    },
  },
  secret: {
    service: 'secretsmanager',
    parentTypes: ['secret'],
    childTypes: [],
    preferred: {
      read: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      write: [
        'secretsmanager:PutSecretValue',
        'secretsmanager:UpdateSecret',
        'secretsmanager:DeleteSecret',
      ],
      permissions: ['secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteResourcePolicy'],
    },
  },
  'kms-key': {
    service: 'kms',
    parentTypes: ['key'],
    childTypes: [],
    preferred: {
      read: ['kms:DescribeKey', 'kms:GetKeyPolicy'],
      write: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      permissions: ['kms:PutKeyPolicy', 'kms:CreateGrant'],
    },
  },
  'rds-db': {
    service: 'rds-db',
    parentTypes: [],
    childTypes: ['db-user'],
    preferred: { read: ['rds-db:connect'], write: ['rds-db:connect'], permissions: [] },
  },
};

export function isPolicyKind(kind: AccessKind): kind is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(kind);
}
