import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import { loggerFor } from '../../logging/logger.js';
import { KeyedRateLimiter } from '../shared/rate-limiter.js';
import {
  checkAssumeRoleOptions,
  type AssumeRoleOptions,
  type CredentialsProvider,
} from './accounts/assume-role.js';
import { forEachLimited } from './accounts/for-each-limited.js';
import { memberAccountsToScan } from './accounts/member-accounts.js';
import { scanMemberAccount, type MemberScanDeps } from './accounts/scan-member-account.js';
import { inStage, type ScanProgressListener } from './accounts/scan-stage.js';
import { awsCall } from './aws-call.js';
import { collectIam } from './iam/collect-iam.js';
import { collectOrganization, type OrgCollection } from './organizations/collect-org.js';
import { orgFilesFromApi } from './organizations/org-api-outputs.js';
import { orgToRecords } from './organizations/read-org.js';
import type { AwsClientConfig } from './resources/resource-collector.js';
import { resourceCollectors } from './resources/resource-collectors.js';
import {
  checkResourceScanOptions,
  type ResourceScanOptions,
} from './resources/resource-scan-options.js';
import { scanResources, type ScanFailure } from './resources/scan-resources.js';
import { withGaps, type AwsScanContext, type AwsScopeScan, type Gap } from './scan-context.js';

export interface AwsScanOptions {
  /** Region for regional clients and STS; the SDK's default chain otherwise. */
  readonly region?: string;
  /** Overrides the SDK's endpoint (tests against moto; AWS_ENDPOINT_URL also works). */
  readonly endpoint?: string;
  readonly iamPageSize?: number;
  /** Also collect every other active account of the organization, through this role in each. */
  readonly assumeRole?: AssumeRoleOptions;
  /** Member accounts collected at once; each has its own rate limits. */
  readonly accountConcurrency?: number;
  /**
   * Also collect each account's resources (EC2, ...) in every enabled region, one scope per
   * service and region; without it, IAM and Organizations only.
   */
  readonly resources?: ResourceScanOptions;
  /** Told about each stage (one service of one account) as it goes. */
  readonly onProgress?: ScanProgressListener;
  /** Lets tests add middleware to the clients (e.g. to throttle a call). */
  configureClient?(client: IAMClient | STSClient | OrganizationsClient | object): void;
}

export interface AwsScanResult extends AwsScopeScan {
  /**
   * Every scope collected: the caller's account first, then the organization, then the caller's
   * resource scopes, then each member account's IAM scope followed by its resource scopes.
   */
  readonly scopes: readonly AwsScopeScan[];
  /** Resource services that failed in a region (their scopes are absent from `scopes`). */
  readonly failures: readonly ScanFailure[];
}

/**
 * `cairn scan aws`: read-only collection of the account the ambient credentials belong to, of
 * its organization when they can read it, and — with `assumeRole` — of the organization's other
 * accounts. Calls that are denied become CoverageGap nodes; the rest of the scan goes on.
 * `records` and `gaps` are the caller's account's, as `scopes[0]`.
 */
export async function scanAws(options: AwsScanOptions = {}): Promise<AwsScanResult> {
  if (options.assumeRole) checkAssumeRoleOptions(options.assumeRole);
  if (options.resources) checkResourceScanOptions(options.resources, resourceCollectors);
  const region =
    options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  // Our own retry handles throttling (and slows the rate limiter down); the SDK's would double it.
  const config = {
    region,
    maxAttempts: 1,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  const sts = new STSClient(config);
  const iam = new IAMClient(config);
  const organizations = new OrganizationsClient(config);
  for (const client of [sts, iam, organizations]) options.configureClient?.(client);
  const failures: ScanFailure[] = [];
  const resourcesOf = (
    ctx: AwsScanContext,
    credentials?: CredentialsProvider,
  ): Promise<AwsScopeScan[]> => {
    if (!options.resources) return Promise.resolve([]);
    const clientConfig: AwsClientConfig = {
      region,
      maxAttempts: 1,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(credentials ? { credentials } : {}),
    };
    return scanResources(
      {
        ctx,
        clientConfig,
        ...(options.configureClient
          ? { configureClient: (client: object) => options.configureClient?.(client) }
          : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        failures,
      },
      options.resources,
    );
  };
  const limiter = new KeyedRateLimiter(() => ({ ratePerSecond: 10, burst: 20, concurrency: 4 }));
  const externalId = options.assumeRole?.externalId;
  try {
    const probe: AwsScanContext = {
      account: 'unknown',
      region,
      limiter,
      log: loggerFor({ cloud: 'aws' }),
      gaps: [],
      ...(externalId ? { secrets: [externalId] } : {}),
    };
    const identity = await awsCall(probe, { service: 'sts', operation: 'GetCallerIdentity' }, () =>
      sts.send(new GetCallerIdentityCommand({})),
    );
    const account = identity?.Account;
    if (!account)
      throw new CairnError(
        ErrorCode.CLOUD_API,
        'AWS STS did not say which account the credentials belong to',
      );
    const caller: AwsScanContext = {
      ...probe,
      account,
      log: loggerFor({ cloud: 'aws', account }),
      gaps: [],
    };

    const iamRecords = await inStage(caller, 'iam', options.onProgress, (ctx) =>
      collectIam(ctx, iam, options.iamPageSize),
    );
    const orgCtx: AwsScanContext = { ...caller, gaps: [] };
    const org = await inStage(orgCtx, 'organizations', options.onProgress, (ctx) =>
      collectOrganization(ctx, organizations),
    );
    const own = withGaps(iamRecords, [
      ...caller.gaps,
      ...orgGapsOfCaller(caller, org, orgCtx.gaps, options.assumeRole !== undefined),
    ]);
    const scopes: AwsScopeScan[] = [own];
    if (org.kind === 'collected') {
      const where = `organizations API of ${org.api.organization.Id ?? 'the organization'}`;
      scopes.push(withGaps(orgToRecords(orgFilesFromApi(org.api, where), where), orgCtx.gaps));
    }
    scopes.push(...(await resourcesOf({ ...caller, gaps: [] })));

    if (options.assumeRole) {
      const accounts =
        org.kind === 'collected'
          ? org.api.accounts
          : org.kind === 'incomplete'
            ? org.accounts
            : undefined;
      if (!accounts) caller.log.warn('no organization accounts to assume a role into');
      const deps: MemberScanDeps = {
        caller,
        sts,
        partition: partitionOf(identity.Arn),
        assumeRole: options.assumeRole,
        iamClient: (credentials: CredentialsProvider): IAMClient => {
          const client = new IAMClient({ ...config, credentials });
          options.configureClient?.(client);
          return client;
        },
        ...(options.iamPageSize ? { iamPageSize: options.iamPageSize } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.resources ? { scanResources: resourcesOf } : {}),
      };
      const members = memberAccountsToScan(accounts ?? [], account);
      scopes.push(...(await scanMembers(deps, members, options.accountConcurrency ?? 4)));
    }
    return { ...own, scopes, failures };
  } finally {
    sts.destroy();
    iam.destroy();
    organizations.destroy();
  }
}

/** Member accounts a few at a time; their scopes in the order of `members`, each IAM's first. */
async function scanMembers(
  deps: MemberScanDeps,
  members: readonly string[],
  concurrency: number,
): Promise<AwsScopeScan[]> {
  const byAccount = new Map<string, AwsScopeScan[]>();
  await forEachLimited(members, concurrency, async (member) => {
    byAccount.set(member, await scanMemberAccount(deps, member));
  });
  return members.flatMap((member) => byAccount.get(member) ?? []);
}

/**
 * Organizations calls that were refused belong to the organization's scope when there is one.
 * Without one they are the caller's: its organization data is missing. A caller that cannot even
 * describe its organization is scanned as a single account (as before Organizations support)
 * unless the scan was asked to reach the other accounts, which then cannot be listed.
 */
function orgGapsOfCaller(
  caller: AwsScanContext,
  org: OrgCollection,
  orgGaps: readonly Gap[],
  reachMembers: boolean,
): readonly Gap[] {
  if (org.kind === 'collected') return [];
  if (org.kind === 'incomplete') {
    caller.log.warn(
      { organizationId: org.organizationId },
      'the organization could not be read completely; recorded as coverage gaps of this account',
    );
    return orgGaps;
  }
  if (org.reason === 'not-in-use') {
    caller.log.info('the account is not in an organization');
    return [];
  }
  caller.log.warn('AWS Organizations is not readable with these credentials');
  return reachMembers ? orgGaps : [];
}

/** `arn:aws-us-gov:sts::...` → `aws-us-gov`; the member roles' ARNs use the same partition. */
function partitionOf(arn: string | undefined): string {
  return arn?.split(':')[1] || 'aws';
}
