import type { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  assumeRole,
  checkAssumeRoleOptions,
  memberRoleArn,
} from '../../../src/collectors/aws/accounts/assume-role.js';
import { memberAccountsToScan } from '../../../src/collectors/aws/accounts/member-accounts.js';
import { awsCall } from '../../../src/collectors/aws/aws-call.js';
import type { AwsScanContext } from '../../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../../src/collectors/shared/rate-limiter.js';
import { CairnError } from '../../../src/errors/cairn-error.js';
import { loggerFor } from '../../../src/logging/logger.js';

const EXTERNAL_ID = 'cairn-ext-7f3a9b2c';
const ROLE = 'arn:aws:iam::222222222222:role/cairn-audit';

const context = (): AwsScanContext => ({
  account: '111111111111',
  region: 'us-east-1',
  limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 1000, burst: 1000, concurrency: 8 })),
  log: loggerFor({ test: 'aws-org-assume-role' }),
  gaps: [],
  secrets: [EXTERNAL_ID],
});

/** An STS client answering AssumeRole with `answer`, recording each request's input. */
function fakeSts(answer: (call: number) => object): {
  sts: STSClient;
  inputs: Record<string, unknown>[];
} {
  const inputs: Record<string, unknown>[] = [];
  const sts = {
    send: (command: { input: Record<string, unknown> }) => {
      inputs.push(command.input);
      // A throwing answer becomes a rejected call, as the SDK reports AWS errors.
      return new Promise<object>((resolve) => resolve(answer(inputs.length)));
    },
  };
  return { sts: sts as unknown as STSClient, inputs };
}

const credentials = (expiration: Date) => ({
  Credentials: {
    AccessKeyId: 'ASIAEXAMPLEEXAMPLE01',
    SecretAccessKey: 'secret',
    SessionToken: 'token',
    Expiration: expiration,
  },
});

describe('aws-org: assuming a role into member accounts', () => {
  it('picks the active accounts other than the caller, by State before the older Status', () => {
    expect(
      memberAccountsToScan(
        [
          { Id: '111111111111', State: 'ACTIVE' },
          { Id: '333333333333', Status: 'ACTIVE' },
          { Id: '222222222222', State: 'ACTIVE', Status: 'ACTIVE' },
          { Id: '444444444444', State: 'SUSPENDED', Status: 'SUSPENDED' },
          { Id: '555555555555', State: 'CLOSED', Status: 'ACTIVE' },
          { Id: '666666666666', Status: 'PENDING_CLOSURE' },
        ],
        '111111111111',
      ),
    ).toEqual(['222222222222', '333333333333']);
    expect(memberRoleArn('aws-us-gov', '222222222222', 'audit/cairn')).toBe(
      'arn:aws-us-gov:iam::222222222222:role/audit/cairn',
    );
  });

  it('refuses a malformed external id without showing it, and a malformed role name', () => {
    const bad = 'has spaces and a secret-9f8e';
    expect(() => checkAssumeRoleOptions({ roleName: 'cairn', externalId: bad })).toThrow(
      /external id .* must be 2 to 1224/,
    );
    try {
      checkAssumeRoleOptions({ roleName: 'cairn', externalId: bad });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('secret-9f8e');
    }
    expect(() => checkAssumeRoleOptions({ roleName: 'no spaces allowed' })).toThrow(
      /--assume-role "no spaces allowed"/,
    );
    expect(() =>
      checkAssumeRoleOptions({ roleName: 'path/cairn-audit', externalId: EXTERNAL_ID }),
    ).not.toThrow();
  });

  it('passes the external id to AssumeRole and renews the credentials near their expiry', async () => {
    const soon = new Date(Date.now() + 60_000);
    const later = new Date(Date.now() + 3_600_000);
    const { sts, inputs } = fakeSts((call) => credentials(call === 1 ? soon : later));
    const provider = await assumeRole(context(), sts, ROLE, EXTERNAL_ID);
    if (!provider) throw new Error('expected credentials');
    expect(inputs).toEqual([
      { RoleArn: ROLE, RoleSessionName: 'cairn-scan', ExternalId: EXTERNAL_ID },
    ]);
    // The first credentials expire within the SDK's refresh window: the provider assumes again.
    expect((await provider()).expiration).toEqual(later);
    expect((await provider()).expiration).toEqual(later);
    expect(inputs).toHaveLength(2);
  });

  it('records a refusal as a gap of the account, with the external id removed', async () => {
    const ctx = context();
    const { sts } = fakeSts(() => {
      throw Object.assign(new Error(`Invalid ExternalId ${EXTERNAL_ID} for ${ROLE}`), {
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      });
    });
    expect(await assumeRole(ctx, sts, ROLE, EXTERNAL_ID)).toBeUndefined();
    expect(ctx.gaps).toEqual([
      {
        service: 'sts',
        operation: 'AssumeRole',
        errorCode: 'AccessDenied',
        message: `Invalid ExternalId *** for ${ROLE}`,
      },
    ]);
  });

  it('turns any 4xx refusal of AssumeRole into a gap, not only access denied', async () => {
    const ctx = context();
    const { sts } = fakeSts(() => {
      throw Object.assign(
        new Error('STS is not activated in this region for account 222222222222'),
        {
          name: 'RegionDisabledException',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
        },
      );
    });
    expect(await assumeRole(ctx, sts, ROLE, undefined)).toBeUndefined();
    expect(ctx.gaps.map((g) => g.errorCode)).toEqual(['RegionDisabledException']);
  });

  it('removes the external id from errors that stop the scan, their cause included', async () => {
    const failure = Object.assign(new Error(`bad request with ${EXTERNAL_ID}`), {
      name: 'NetworkingError',
    });
    const thrown = await awsCall(context(), { service: 'sts', operation: 'AssumeRole' }, () =>
      Promise.reject(failure),
    ).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(CairnError);
    const error = thrown as CairnError;
    expect(error.message).toContain('bad request with ***');
    const cause = error.cause as Error;
    expect(`${error.message} ${cause.message} ${cause.stack ?? ''}`).not.toContain(EXTERNAL_ID);
  });
});
