import { setTimeout as sleep } from 'node:timers/promises';
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { NodeRecord, RelRecord } from '../../../records/graph-records.js';
import { awsCall } from '../aws-call.js';
import type { AwsScanContext } from '../scan-context.js';
import { parseCredentialReport, type CredentialReport } from './credential-report.js';

/** Generates (and waits for) the credential report, then reads it. Undefined when denied. */
export async function collectCredentialReport(
  ctx: AwsScanContext,
  iam: IAMClient,
): Promise<CredentialReport | undefined> {
  const call = <T>(operation: string, send: () => Promise<T>): Promise<T | undefined> =>
    awsCall(ctx, { service: 'iam', operation }, send);
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const state = await call('GenerateCredentialReport', () =>
      iam.send(new GenerateCredentialReportCommand({})),
    );
    if (!state) return undefined;
    if (state.State === 'COMPLETE') break;
    await sleep(1000);
  }
  const report = await call('GetCredentialReport', () =>
    iam.send(new GetCredentialReportCommand({})),
  );
  if (!report?.Content) return undefined;
  return parseCredentialReport(
    Buffer.from(report.Content).toString('utf8'),
    `credential report of ${ctx.account}`,
  );
}

/** The account's password policy as a node (none when the account has no policy). */
export async function collectPasswordPolicy(
  ctx: AwsScanContext,
  iam: IAMClient,
): Promise<{ nodes: NodeRecord[]; rels: RelRecord[] }> {
  const result = await awsCall(
    ctx,
    { service: 'iam', operation: 'GetAccountPasswordPolicy' },
    () => iam.send(new GetAccountPasswordPolicyCommand({})),
    ['NoSuchEntity', 'NoSuchEntityException'],
  );
  const policy = result?.PasswordPolicy;
  if (!policy) return { nodes: [], rels: [] };
  const id = `${ctx.account}/password-policy`;
  return {
    nodes: [
      {
        model: 'AWSPasswordPolicy',
        id,
        stub: false,
        properties: {
          minimumLength: policy.MinimumPasswordLength,
          requireSymbols: policy.RequireSymbols,
          requireNumbers: policy.RequireNumbers,
          requireUppercase: policy.RequireUppercaseCharacters,
          requireLowercase: policy.RequireLowercaseCharacters,
          maxPasswordAge: policy.MaxPasswordAge,
          passwordReusePrevention: policy.PasswordReusePrevention,
          hardExpiry: policy.HardExpiry,
        },
      },
    ],
    rels: [{ type: 'HAS_PASSWORD_POLICY', from: ctx.account, to: id, properties: {} }],
  };
}
