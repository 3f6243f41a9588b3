import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { loggerFor } from '../../../logging/logger.js';
import { Provider } from '../../../model/provider.js';
import type { GraphRecords } from '../../../records/graph-records.js';
import { collectIam } from '../iam/collect-iam.js';
import { withGaps, type AwsScanContext, type AwsScopeScan } from '../scan-context.js';
import {
  assumeRole,
  memberRoleArn,
  type AssumeRoleOptions,
  type CredentialsProvider,
} from './assume-role.js';
import { inStage, type ScanProgressListener } from './scan-stage.js';

export interface MemberScanDeps {
  /** The ambient identity's context: AssumeRole is its call, under its rate limits. */
  readonly caller: AwsScanContext;
  readonly sts: STSClient;
  readonly partition: string;
  readonly assumeRole: AssumeRoleOptions;
  /** A client for one account's credentials; destroyed once that account is collected. */
  readonly iamClient: (credentials: CredentialsProvider) => IAMClient;
  readonly iamPageSize?: number;
  readonly onProgress?: ScanProgressListener;
  /** The account's resource scopes, with the credentials of its role (none: IAM only). */
  readonly scanResources?: (
    ctx: AwsScanContext,
    credentials: CredentialsProvider,
  ) => Promise<AwsScopeScan[]>;
}

/**
 * One other account of the organization: assume the role into it, then collect its IAM (and its
 * resources, with `scanResources`) like the caller's own. The account's IAM scope comes first;
 * when the role cannot be assumed it is the only one, and holds the coverage gap.
 */
export async function scanMemberAccount(
  deps: MemberScanDeps,
  account: string,
): Promise<AwsScopeScan[]> {
  const ctx: AwsScanContext = {
    account,
    region: deps.caller.region,
    limiter: deps.caller.limiter,
    log: loggerFor({ cloud: 'aws', account }),
    gaps: [],
    ...(deps.caller.secrets ? { secrets: deps.caller.secrets } : {}),
  };
  const roleArn = memberRoleArn(deps.partition, account, deps.assumeRole.roleName);
  const { records, credentials } = await inStage(ctx, 'iam', deps.onProgress, async (staged) => {
    const credentials = await assumeRole(
      {
        ...deps.caller,
        log: deps.caller.log.child({ targetAccount: account }),
        // A refusal is this account's gap, and counts in this account's progress.
        gaps: staged.gaps,
        ...(staged.onCall ? { onCall: staged.onCall } : {}),
      },
      deps.sts,
      roleArn,
      deps.assumeRole.externalId,
    );
    if (!credentials) return { records: accountOnly(account), credentials };
    const iam = deps.iamClient(credentials);
    try {
      return { records: await collectIam(staged, iam, deps.iamPageSize), credentials };
    } finally {
      iam.destroy();
    }
  });
  const iamScope = withGaps(records, ctx.gaps);
  if (!credentials || !deps.scanResources) return [iamScope];
  return [iamScope, ...(await deps.scanResources({ ...ctx, gaps: [] }, credentials))];
}

function accountOnly(account: string): GraphRecords {
  return {
    scope: { provider: Provider.AWS, id: account },
    nodes: [{ model: 'AWSAccount', id: account, stub: true, properties: {} }],
    relationships: [],
  };
}
