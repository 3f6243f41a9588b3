/**
 * A synthetic `get-account-authorization-details` dump for benchmarks: `users + roles`
 * principals and `policies` policies (customer-managed, user-inline and role-inline), with a
 * realistic mix: group memberships, boundaries, a few admins, account and service trusts, some
 * principals allowed to assume a handful of roles, and a few with escalation-prone IAM rights.
 */
export function syntheticAuthzDump(
  account: string,
  users: number,
  roles: number,
  policies: number,
): object {
  const arn = (kind: string, name: string): string => `arn:aws:iam::${account}:${kind}/${name}`;
  const doc = (...Statement: object[]): string =>
    encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement }));
  const services = [
    's3',
    'ec2',
    'lambda',
    'dynamodb',
    'sqs',
    'sns',
    'kms',
    'logs',
    'cloudwatch',
    'rds',
  ];
  const statementFor = (i: number): object => {
    if (i % 97 === 0) return { Effect: 'Allow', Action: '*', Resource: '*' };
    // A few principals with the IAM and pass-role rights escalation techniques look for.
    if (i % 101 === 0)
      return {
        Effect: 'Allow',
        Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
        Resource: '*',
      };
    // IAM operators who manage every user's keys are rare; self-service keys are common.
    if (i % 1031 === 0)
      return { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: arn('user', '*') };
    if (i % 103 === 0)
      return {
        Effect: 'Allow',
        Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys'],
        Resource: arn('user', '${aws:username}'),
      };
    if (i % 107 === 0)
      return { Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: arn('role', '*') };
    if (i % 13 === 0)
      return {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: arn('role', `role-${i % roles}`),
      };
    const service = services[i % services.length] ?? 's3';
    return {
      Effect: 'Allow',
      Action: [`${service}:Get*`, `${service}:List*`, `${service}:Put*`],
      Resource: '*',
    };
  };
  const managedCount = Math.floor(policies * 0.3);
  const inlinePerUser = 1;
  const inlinePerRole = Math.max(
    0,
    Math.round((policies - managedCount - users * inlinePerUser) / roles),
  );
  const managed = Array.from({ length: managedCount }, (_, i) => ({
    PolicyName: `managed-${i}`,
    PolicyId: `ANPA${i}`,
    Arn: arn('policy', `managed-${i}`),
    Path: '/',
    DefaultVersionId: 'v1',
    AttachmentCount: 1,
    PolicyVersionList: [
      { Document: doc(statementFor(i)), VersionId: 'v1', IsDefaultVersion: true },
    ],
  }));
  const groups = Array.from({ length: 50 }, (_, i) => ({
    GroupName: `group-${i}`,
    GroupId: `AGPA${i}`,
    Arn: arn('group', `group-${i}`),
    Path: '/',
    GroupPolicyList: [],
    AttachedManagedPolicies: [
      { PolicyName: `managed-${i}`, PolicyArn: arn('policy', `managed-${i}`) },
    ],
  }));
  const userList = Array.from({ length: users }, (_, i) => ({
    UserName: `user-${i}`,
    UserId: `AIDA${i}`,
    Arn: arn('user', `user-${i}`),
    Path: '/',
    GroupList: [`group-${i % 50}`],
    UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: doc(statementFor(i + 1)) }],
    AttachedManagedPolicies: [
      {
        PolicyName: `managed-${(i * 7) % managedCount}`,
        PolicyArn: arn('policy', `managed-${(i * 7) % managedCount}`),
      },
    ],
    ...(i % 10 === 0
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'Policy',
            PermissionsBoundaryArn: arn('policy', 'managed-1'),
          },
        }
      : {}),
  }));
  const roleList = Array.from({ length: roles }, (_, i) => ({
    RoleName: `role-${i}`,
    RoleId: `AROA${i}`,
    Arn: arn('role', `role-${i}`),
    Path: '/',
    AssumeRolePolicyDocument: doc(
      i % 3 === 0
        ? {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
          }
        : {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${account}:root` },
            Action: 'sts:AssumeRole',
          },
    ),
    RolePolicyList: Array.from({ length: inlinePerRole }, (_, j) => ({
      PolicyName: `inline-${j}`,
      PolicyDocument: doc(statementFor(i * 3 + j)),
    })),
    AttachedManagedPolicies: [],
    InstanceProfileList: [],
  }));
  return {
    UserDetailList: userList,
    GroupDetailList: groups,
    RoleDetailList: roleList,
    Policies: managed,
  };
}
