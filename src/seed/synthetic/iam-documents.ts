import { bucketName, kmsKeyArn, REGIONS, roleArn, secretArn } from './estate-plan.js';

/** Policy documents of the synthetic estate: mostly scoped grants, a few broad or risky ones. */

export type Doc = Record<string, unknown>;
const doc = (...Statement: object[]): Doc => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[]): object => ({
  Effect: 'Allow',
  Action,
  Resource,
});

/** The few AWS managed policies the estate attaches (short documents; only their shape matters). */
export const AWS_MANAGED = {
  admin: {
    arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    document: doc(allow('*', '*')),
  },
  readOnly: {
    arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    document: doc(allow(['s3:Get*', 's3:List*', 'ec2:Describe*', 'iam:Get*', 'iam:List*'], '*')),
  },
  support: {
    arn: 'arn:aws:iam::aws:policy/AWSSupportAccess',
    document: doc(allow('support:*', '*')),
  },
  cloudShell: {
    arn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
    document: doc(allow('cloudshell:*', '*')),
  },
} as const;

/**
 * Customer managed policy `j` of account `ai`: 0 is a legacy full-admin policy, 1 lets its holder
 * pass any role to Lambda, 2 may rewrite any policy (escalation), 3 is unattached; the rest grant
 * one service on one named resource.
 */
export function managedPolicyDocument(
  account: string,
  ai: number,
  j: number,
  sizes: {
    buckets: number;
    kmsKeys: number;
    secrets: number;
  },
): Doc {
  const region = REGIONS[j % REGIONS.length] ?? 'us-east-1';
  if (j === 0) return doc(allow('*', '*'));
  if (j === 1)
    return doc(allow(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], '*'));
  if (j === 2) return doc(allow(['iam:CreatePolicyVersion', 'iam:ListPolicies'], '*'));
  const bucket = bucketName(ai, j % sizes.buckets);
  switch (j % 10) {
    case 0:
    case 1:
    case 2:
      return doc(
        allow(['s3:GetObject', 's3:PutObject'], `arn:aws:s3:::${bucket}/*`),
        allow('s3:ListBucket', `arn:aws:s3:::${bucket}`),
      );
    case 3:
      return doc(allow('s3:GetObject', `arn:aws:s3:::${bucket}/reports/*`));
    case 4:
      return doc(
        allow(
          ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
          `arn:aws:dynamodb:${region}:${account}:table/table-${j}`,
        ),
      );
    case 5:
      return doc(
        allow('secretsmanager:GetSecretValue', secretArn(account, region, j % sizes.secrets)),
      );
    case 6:
      return doc(
        allow(
          ['kms:Decrypt', 'kms:GenerateDataKey'],
          kmsKeyArn(account, region, j % sizes.kmsKeys),
        ),
      );
    case 7:
      return doc(
        allow(
          ['sqs:SendMessage', 'sqs:ReceiveMessage'],
          `arn:aws:sqs:${region}:${account}:queue-${j}`,
        ),
      );
    case 8:
      return doc(allow(['ec2:Describe*', 'cloudwatch:GetMetricData'], '*'));
    default:
      return doc(
        allow(
          ['logs:CreateLogStream', 'logs:PutLogEvents'],
          `arn:aws:logs:${region}:${account}:log-group:/app/${j}:*`,
        ),
      );
  }
}

/** An inline policy: a narrow grant on a prefix of one bucket. */
export function inlineDocument(ai: number, i: number, buckets: number): Doc {
  return doc(allow('s3:GetObject', `arn:aws:s3:::${bucketName(ai, i % buckets)}/inline/${i}/*`));
}

export function assumeRoleDocument(account: string, target: string): Doc {
  return doc(allow('sts:AssumeRole', roleArn(account, target)));
}

/** Trusts: services, the own account, partners with or without an external id, GitHub, anyone. */
export const trust = {
  service: (service: string): Doc =>
    doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }),
  account: (account: string, externalId?: string): Doc =>
    doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'sts:AssumeRole',
      ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
    }),
  github: (provider: string, repo: string | undefined, audience: boolean): Doc => {
    const condition: Record<string, Record<string, string>> = {};
    if (audience)
      condition['StringEquals'] = {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      };
    if (repo)
      condition['StringLike'] = { 'token.actions.githubusercontent.com:sub': `repo:${repo}:*` };
    return doc({
      Effect: 'Allow',
      Principal: { Federated: provider },
      Action: 'sts:AssumeRoleWithWebIdentity',
      ...(Object.keys(condition).length ? { Condition: condition } : {}),
    });
  },
  anyone: (organizationId?: string): Doc =>
    doc({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sts:AssumeRole',
      ...(organizationId
        ? { Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } } }
        : {}),
    }),
};
