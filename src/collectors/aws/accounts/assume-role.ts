import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { CairnError, UsageError } from '../../../errors/cairn-error.js';
import { ErrorCode } from '../../../errors/error-code.js';
import { awsCall } from '../aws-call.js';
import type { AwsScanContext } from '../scan-context.js';

/** How a scan gets into the other accounts of the organization. */
export interface AssumeRoleOptions {
  /** The role's name (with its path, if any); the role must exist in every member account. */
  readonly roleName: string;
  /** What the role's trust policy requires in `sts:ExternalId`, if anything. Never logged. */
  readonly externalId?: string;
}

/** Temporary credentials, in the shape the SDK clients take. */
export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration?: Date;
}

export type CredentialsProvider = () => Promise<TemporaryCredentials>;

// IAM's own limits, checked here so that AWS never echoes a bad value back into a message.
const ROLE_NAME = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SESSION_NAME = 'cairn-scan';
/** Renew a little before the SDK would consider the credentials expired (5 minutes). */
const RENEW_BEFORE_MS = 10 * 60_000;

/** Refuses a role name or external id AWS would refuse; the message never shows the id. */
export function checkAssumeRoleOptions(options: AssumeRoleOptions): void {
  if (!ROLE_NAME.test(options.roleName)) {
    throw new UsageError(
      `--assume-role "${options.roleName}": expected a role name (letters, digits and +=,.@_-, up to 64), optionally after a path`,
    );
  }
  if (options.externalId !== undefined && !EXTERNAL_ID.test(options.externalId)) {
    throw new UsageError(
      'the external id (--external-id or CAIRN_AWS_EXTERNAL_ID) must be 2 to 1224 letters, digits or +=,.@:/_-',
    );
  }
}

export function memberRoleArn(partition: string, account: string, roleName: string): string {
  return `arn:${partition}:iam::${account}:role/${roleName}`;
}

/**
 * Assumes `roleArn` with the caller's STS client. Refused (by the caller's policy, the role's
 * trust policy, a wrong external id, a missing role...): undefined, and the refusal is a gap in
 * `ctx`. Otherwise a provider for the account's clients, which assumes the role again when the
 * SDK asks for fresh credentials near their expiry.
 */
export async function assumeRole(
  ctx: AwsScanContext,
  sts: STSClient,
  roleArn: string,
  externalId: string | undefined,
): Promise<CredentialsProvider | undefined> {
  const assume = async (): Promise<TemporaryCredentials | undefined> => {
    const answer = await awsCall(
      ctx,
      { service: 'sts', operation: 'AssumeRole' },
      () =>
        sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: SESSION_NAME,
            ...(externalId === undefined ? {} : { ExternalId: externalId }),
          }),
        ),
      [],
      'refused',
    );
    if (!answer) return undefined;
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new CairnError(ErrorCode.CLOUD_API, `AWS STS returned no credentials for ${roleArn}`);
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };

  let current = await assume();
  if (!current) return undefined;
  return async () => {
    const expiry = current?.expiration?.getTime();
    if (current && (expiry === undefined || expiry - Date.now() > RENEW_BEFORE_MS)) return current;
    current = await assume();
    if (!current) {
      throw new CairnError(ErrorCode.CLOUD_API, `could not renew the credentials of ${roleArn}`);
    }
    return current;
  };
}
