/**
 * The shape of the synthetic posture estate: its accounts, regions, clock and how many of each
 * resource one account (or one account and region) holds for a requested total. The generators of
 * each scope read names from here, so a function's role or a trail's bucket always exists.
 */

export const REGIONS = ['us-east-1', 'eu-west-1'] as const;
export const ORGANIZATION_ID = 'o-synth0000001';
/** The analysis clock the estate's dates are relative to (ages of keys, last uses). */
export const ESTATE_NOW = '2026-06-01T00:00:00.000Z';
/** An account outside the estate that some trusts and bucket policies name. */
export const STRANGER_ACCOUNT = '999999999999';

/** Counts at 100,000 resources; `planEstate` scales them. */
const BASE = {
  users: 300,
  groups: 20,
  managedPolicies: 250,
  lambdaRoles: 100,
  ec2Roles: 100,
  codebuildRoles: 15,
  sagemakerRoles: 10,
  eksRoles: 5,
  githubRoles: 40,
  crossOrgRoles: 40,
  crossExternalRoles: 15,
  sameAccountRoles: 70,
  buckets: 200,
  // per account and region
  vpcs: 4,
  subnets: 40,
  securityGroups: 600,
  instances: 1_000,
  albs: 10,
  volumes: 600,
  snapshots: 200,
  images: 50,
  kmsKeys: 40,
  secrets: 75,
  functions: 100,
  databases: 30,
  projects: 8,
  clusters: 3,
  notebooks: 5,
};
/** Resources the BASE counts make (measured); the scale is the requested size over it. */
const BASE_TOTAL = 93_600;

export type EstateSizes = { readonly [K in keyof typeof BASE]: number };

export interface EstatePlan {
  readonly accounts: readonly string[];
  /** Accounts 0..n-2 are in the organization; the last one is not (an "outside" partner). */
  readonly orgAccounts: readonly string[];
  readonly sizes: EstateSizes;
}

export function planEstate(resources: number, accountCount = 10): EstatePlan {
  if (!Number.isInteger(resources) || resources < 1_000) {
    throw new Error(`synthetic estate: at least 1,000 resources, got ${resources}`);
  }
  const scale = resources / BASE_TOTAL / (accountCount / 10);
  const sizes = Object.fromEntries(
    Object.entries(BASE).map(([key, value]) => [key, Math.max(1, Math.round(value * scale))]),
  ) as unknown as EstateSizes;
  const accounts = Array.from(
    { length: accountCount },
    (_, i) => `${(710000000000 + i * 1_111).toString()}`,
  );
  return { accounts, orgAccounts: accounts.slice(0, -1), sizes };
}

/** Role names by purpose, so resources of other scopes can name the role they run as. */
export const roleName = {
  lambda: (k: number): string => `lambda-exec-${k}`,
  ec2: (k: number): string => `ec2-app-${k}`,
  codebuild: (k: number): string => `codebuild-${k}`,
  sagemaker: (k: number): string => `sagemaker-${k}`,
  eks: (k: number): string => `eks-cluster-${k}`,
  github: (k: number): string => `ci-github-${k}`,
  crossOrg: (k: number): string => `partner-org-${k}`,
  crossExternal: (k: number): string => `partner-ext-${k}`,
  sameAccount: (k: number): string => `ops-${k}`,
};

export const roleArn = (account: string, name: string): string =>
  `arn:aws:iam::${account}:role/${name}`;
export const instanceProfileArn = (account: string, k: number): string =>
  `arn:aws:iam::${account}:instance-profile/${roleName.ec2(k)}`;
export const bucketName = (accountIndex: number, i: number): string =>
  `synth-${accountIndex}-bucket-${i}`;
export const kmsKeyArn = (account: string, region: string, k: number): string =>
  `arn:aws:kms:${region}:${account}:key/0000${k.toString(16).padStart(4, '0')}-0000-4000-8000-${account}`;
export const secretArn = (account: string, region: string, k: number): string =>
  `arn:aws:secretsmanager:${region}:${account}:secret:app/secret-${k}-AbCdEf`;
export const functionArn = (account: string, region: string, k: number): string =>
  `arn:aws:lambda:${region}:${account}:function:fn-${k}`;

/** An ISO date `days` before the estate's clock. */
export function daysAgo(days: number): string {
  return new Date(Date.parse(ESTATE_NOW) - days * 86_400_000).toISOString();
}

/** EC2 ids as `network.ts` makes them: `<prefix>-` and 17 hex digits. */
export function ec2Id(prefix: string, i: number): string {
  return `${prefix}-${i.toString(16).padStart(17, '0')}`;
}
