import { Provider } from '../../model/provider.js';
import type { GraphRecords } from '../../records/graph-records.js';
import { RecordsBuilder } from '../../records/records-builder.js';
import {
  daysAgo,
  instanceProfileArn,
  ORGANIZATION_ID,
  roleArn,
  roleName,
  STRANGER_ACCOUNT,
  type EstatePlan,
} from './estate-plan.js';
import {
  assumeRoleDocument,
  AWS_MANAGED,
  inlineDocument,
  managedPolicyDocument,
  trust,
  type Doc,
} from './iam-documents.js';
import type { SeededRandom } from './random.js';

const GITHUB = 'token.actions.githubusercontent.com';

/**
 * One account's `aws:<account>` scope, as the IAM collector writes it: users (credential report
 * facts, access keys of many ages), groups, customer managed and inline policies, roles with
 * service, same-account, partner, GitHub OIDC and open trusts, instance profiles, the OIDC
 * provider, the password policy and the root user. Admin rights go to a handful of principals.
 */
export function iamScope(plan: EstatePlan, ai: number, random: SeededRandom): GraphRecords {
  const account = plan.accounts[ai] ?? '';
  const { sizes } = plan;
  const b = new RecordsBuilder({ provider: Provider.AWS, id: account });
  const iam = (kind: string, name: string): string => `arn:aws:iam::${account}:${kind}/${name}`;
  b.stub('AWSAccount', account);
  const inAccount = (id: string): void => b.rel('IN_ACCOUNT', id, account);
  const attach = (owner: string, policy: string): void =>
    b.rel('HAS_POLICY', owner, policy, { attachment: 'managed' });
  const inline = (owner: string, name: string, document: Doc): void => {
    const id = `${owner}#inline/${name}`;
    b.node('AWSPolicy', id, { name, policyType: 'inline', document });
    b.rel('HAS_POLICY', owner, id, { attachment: 'inline' });
  };
  const awsManaged = (policy: { arn: string; document: Doc }): string =>
    b.node('AWSManagedPolicy', policy.arn, {
      name: policy.arn.slice(policy.arn.lastIndexOf('/') + 1),
      document: policy.document,
      defaultVersionId: 'v1',
      path: '/',
    });

  const managed = (j: number): string => iam('policy', `app-policy-${j}`);
  // The first four are the risky ones; keep some scoped ones however small the estate.
  const policies = Math.max(8, sizes.managedPolicies);
  for (let j = 0; j < policies; j += 1) {
    b.node('AWSPolicy', managed(j), {
      name: `app-policy-${j}`,
      policyType: 'managed',
      document: managedPolicyDocument(account, ai, j, sizes),
      defaultVersionId: 'v1',
      path: '/',
      attachmentCount: j === 3 ? 0 : 1,
      createDate: daysAgo(400 + j),
    });
    inAccount(managed(j));
  }
  // Scoped policies only: 0-3 are the risky ones, attached on purpose below.
  const scoped = (k: number): string => managed(4 + (k % (policies - 4)));

  const groups = Math.max(5, sizes.groups);
  const group = (g: number): string => iam('group', `group-${g}`);
  for (let g = 0; g < groups; g += 1) {
    b.node('AWSGroup', group(g), { name: `group-${g}`, path: '/', createDate: daysAgo(900) });
    inAccount(group(g));
  }
  attach(group(0), awsManaged(AWS_MANAGED.admin));
  attach(group(1), awsManaged(AWS_MANAGED.readOnly));
  if (ai % 10 < 7) attach(group(2), awsManaged(AWS_MANAGED.support));
  if (ai % 3 === 0) attach(group(3), awsManaged(AWS_MANAGED.cloudShell));
  for (let g = 4; g < groups; g += 1) {
    attach(group(g), scoped(g * 3));
    if (g % 2 === 0) attach(group(g), scoped(g * 3 + 1));
  }

  for (let i = 0; i < sizes.users; i += 1) {
    const user = iam('user', `user-${i}`);
    const console = i < 2 || random.chance(0.4);
    const mfa = console && (i === 0 ? ai % 2 === 0 : random.chance(0.8));
    b.node('AWSUser', user, {
      name: `user-${i}`,
      userId: `AIDA${ai}X${i}`,
      path: '/',
      createDate: daysAgo(30 + random.int(900)),
      tags: { team: `team-${i % 12}` },
      hasConsolePassword: console,
      mfaActive: mfa,
      passwordLastUsed: console && random.chance(0.85) ? daysAgo(random.int(120)) : undefined,
      passwordLastChanged: console ? daysAgo(random.int(400)) : undefined,
    });
    inAccount(user);
    // Two admins, two auditors, a support user and a CloudShell user; everyone else in a team.
    const special = [0, 0, 1, 1, 2, 3][i];
    b.rel('MEMBER_OF', user, group(special ?? 4 + (i % (groups - 4))));
    if (i === 6) attach(user, managed(2));
    else if (i % 7 === 0) attach(user, scoped(i));
    if (i % 11 === 0) inline(user, 'inline-access', inlineDocument(ai, i, sizes.buckets));
    const keys = i % 10 < 6 ? 1 : i % 10 < 8 ? 2 : 0;
    for (let k = 0; k < keys; k += 1) {
      const key = `AKIA${ai.toString().padStart(2, '0')}${(i * 2 + k).toString(36).toUpperCase().padStart(14, '0')}`;
      const age = random.int(420);
      b.node('AWSAccessKey', key, {
        status: random.chance(0.9) ? 'Active' : 'Inactive',
        createDate: daysAgo(age),
        lastUsedDate: random.chance(0.8) ? daysAgo(random.int(Math.min(age, 100) + 1)) : undefined,
        lastUsedService: 's3',
        lastUsedRegion: 'us-east-1',
      });
      b.rel('HAS_ACCESS_KEY', user, key);
    }
  }

  const oidc = iam('oidc-provider', GITHUB);
  b.node('AWSOidcProvider', oidc, {
    url: GITHUB,
    clientIds: ['sts.amazonaws.com'],
    thumbprints: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    createDate: daysAgo(500),
  });
  inAccount(oidc);

  const partner = (k: number): string => {
    const others = plan.orgAccounts.filter((a) => a !== account);
    return others[k % Math.max(1, others.length)] ?? account;
  };
  const role = (name: string, trustPolicy: Doc, path = '/'): string => {
    const id = roleArn(account, name);
    b.node('AWSRole', id, {
      name,
      roleId: `AROA${ai}X${name}`,
      path,
      createDate: daysAgo(200 + random.int(700)),
      trustPolicy,
      maxSessionDuration: 3600,
      lastUsed: random.chance(0.7) ? daysAgo(random.int(60)) : undefined,
      lastUsedRegion: 'us-east-1',
    });
    inAccount(id);
    for (const service of servicesOf(trustPolicy)) {
      b.node('AWSServicePrincipal', service, { name: service });
      b.rel('TRUSTS_SERVICE', id, service);
    }
    return id;
  };
  const workload = (name: string, service: string, k: number, admin: boolean): string => {
    const id = role(name, trust.service(service));
    attach(id, admin ? AWS_MANAGED.admin.arn : scoped(k * 5 + 1));
    if (k % 3 === 0) inline(id, 'app-data', inlineDocument(ai, k, sizes.buckets));
    return id;
  };

  // ops-0 is the account's admin role; ops-1 carries the legacy full-admin customer policy.
  for (let k = 0; k < sizes.sameAccountRoles; k += 1) {
    const id = role(roleName.sameAccount(k), trust.account(account));
    attach(id, k === 0 ? awsManaged(AWS_MANAGED.admin) : k === 1 ? managed(0) : scoped(k * 7));
  }
  for (let k = 0; k < sizes.lambdaRoles; k += 1)
    workload(roleName.lambda(k), 'lambda.amazonaws.com', k, k === 0 && ai % 2 === 0);
  for (let k = 0; k < sizes.ec2Roles; k += 1) {
    const id = workload(roleName.ec2(k), 'ec2.amazonaws.com', k, false);
    // One instance role per account may become the admin role: one hop from a host to admin.
    if (k === 1) inline(id, 'assume-ops', assumeRoleDocument(account, roleName.sameAccount(0)));
    const profile = instanceProfileArn(account, k);
    b.node('AWSInstanceProfile', profile, {
      name: roleName.ec2(k),
      path: '/',
      instanceProfileId: `AIPA${ai}X${k}`,
      createDate: daysAgo(300),
    });
    inAccount(profile);
    b.rel('HAS_ROLE', profile, id);
  }
  for (let k = 0; k < sizes.codebuildRoles; k += 1) {
    const id = workload(
      roleName.codebuild(k),
      'codebuild.amazonaws.com',
      k,
      k === 0 && ai % 3 === 0,
    );
    if (k === 1) attach(id, managed(1));
  }
  for (let k = 0; k < sizes.sagemakerRoles; k += 1)
    workload(roleName.sagemaker(k), 'sagemaker.amazonaws.com', k, false);
  for (let k = 0; k < sizes.eksRoles; k += 1)
    workload(roleName.eks(k), 'eks.amazonaws.com', k, false);
  for (let k = 0; k < sizes.githubRoles; k += 1) {
    const repo = k % 5 === 0 ? undefined : `acme/service-${k}`;
    const id = role(roleName.github(k), trust.github(oidc, repo, k % 7 !== 0));
    attach(id, scoped(k * 11));
  }
  for (let k = 0; k < sizes.crossOrgRoles; k += 1) {
    const id = role(
      roleName.crossOrg(k),
      trust.account(partner(k), k % 2 ? `ext-${k}` : undefined),
    );
    attach(id, scoped(k * 13));
  }
  for (let k = 0; k < sizes.crossExternalRoles; k += 1) {
    const outside = k % 2 === 0 ? STRANGER_ACCOUNT : (plan.accounts.at(-1) ?? STRANGER_ACCOUNT);
    const id = role(
      roleName.crossExternal(k),
      trust.account(outside, k % 3 ? `ext-${k}` : undefined),
    );
    attach(id, scoped(k * 17));
  }
  attach(role('open-to-org', trust.anyone(ORGANIZATION_ID)), scoped(1));
  if (ai % 4 === 1) attach(role('open-to-anyone', trust.anyone()), scoped(2));
  role('AWSServiceRoleForSupport', trust.service('support.amazonaws.com'), '/aws-service-role/');

  const policyId = `${account}/password-policy`;
  if (ai % 3 !== 0) {
    const strong = ai % 3 === 1;
    b.node('AWSPasswordPolicy', policyId, {
      minimumLength: strong ? 14 : 8,
      requireSymbols: strong,
      requireNumbers: true,
      requireUppercase: true,
      requireLowercase: true,
      maxPasswordAge: 90,
      passwordReusePrevention: strong ? 24 : 5,
      hardExpiry: false,
    });
    b.rel('HAS_PASSWORD_POLICY', account, policyId);
  }
  const root = `${account}/root-user`;
  b.node('AWSRootUser', root, {
    account,
    passwordEnabled: true,
    passwordLastUsed: daysAgo(ai === 7 ? 3 : 200),
    mfaActive: ai !== 3,
    accessKey1Active: ai === 5,
    accessKey1LastRotated: ai === 5 ? daysAgo(700) : undefined,
    accessKey2Active: false,
  });
  b.rel('HAS_ROOT_USER', account, root);
  return b.build();
}

function servicesOf(trustPolicy: Doc): string[] {
  const statements = trustPolicy['Statement'];
  if (!Array.isArray(statements)) return [];
  return statements.flatMap((s: unknown) => {
    const principal = (s as { Principal?: { Service?: unknown } }).Principal;
    return typeof principal?.Service === 'string' ? [principal.Service] : [];
  });
}

/** The organization's scope: its root, every account but the last, and FullAWSAccess. */
export function organizationScope(plan: EstatePlan): GraphRecords {
  const b = new RecordsBuilder({ provider: Provider.AWS, id: `org/${ORGANIZATION_ID}` });
  const management = plan.orgAccounts[0] ?? '';
  b.node('AWSOrganization', ORGANIZATION_ID, {
    arn: `arn:aws:organizations::${management}:organization/${ORGANIZATION_ID}`,
    managementAccountId: management,
    featureSet: 'ALL',
  });
  const rootId = 'r-syn1';
  b.node('AWSOrganizationalUnit', rootId, { name: 'Root', isRoot: true });
  b.rel('IN_ORGANIZATION', rootId, ORGANIZATION_ID);
  plan.orgAccounts.forEach((account, i) => {
    b.node('AWSAccount', account, {
      name: `account-${i}`,
      email: `aws+${i}@example.com`,
      organizationId: ORGANIZATION_ID,
      isManagementAccount: i === 0,
    });
    b.rel('CHILD_OF', account, rootId);
  });
  b.rel('MANAGED_BY', ORGANIZATION_ID, management);
  b.node('AWSOrgPolicy', 'p-FullAWSAccess', {
    name: 'FullAWSAccess',
    policyType: 'SCP',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    },
    awsManaged: true,
  });
  b.rel('APPLIES_TO', 'p-FullAWSAccess', rootId);
  return b.build();
}
