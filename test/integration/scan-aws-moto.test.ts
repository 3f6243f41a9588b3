import {
  AttachRolePolicyCommand,
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAws } from '../../src/collectors/aws/scan-aws.js';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { dropScope, openTestGraph, scopeState } from '../support/graph.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account.
const ACCOUNT = '123456789012';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const doc = (statement: object): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

type Handler = (args: unknown) => Promise<unknown>;
/** The shape of an SDK initialize middleware, enough to inject a failure. */
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

let moto: MotoServer;
let db: Database;

beforeAll(async () => {
  moto = await startMoto();
  process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials });
  await iam.send(new CreateGroupCommand({ GroupName: 'developers' }));
  for (const name of ['alice', 'bob']) {
    await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'developers', UserName: name }));
  }
  await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
  await iam.send(
    new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Correct-Horse-Battery-9' }),
  );
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 14, RequireSymbols: true }),
  );
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'bob',
      PolicyName: 'pass',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
    }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'deploy',
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'deploy-all',
      PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
    }),
  );
  await iam.send(
    new AttachRolePolicyCommand({ RoleName: 'deploy', PolicyArn: policy.Policy?.Arn }),
  );
  await iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    }),
  );
  iam.destroy();
  db = await openTestGraph();
}, 120_000);

afterAll(async () => {
  await dropScope(db, `aws:${ACCOUNT}`);
  await db.close();
  await moto.stop();
});

describe('cairn scan aws against moto', () => {
  it('collects IAM into records that load into the graph', async () => {
    const { records, gaps } = await scanAws({ endpoint: moto.endpoint, iamPageSize: 2 });
    expect(gaps).toEqual([]);
    expect(records.scope).toEqual({ provider: 'AWS', id: ACCOUNT });
    const ids = (model: string): string[] =>
      records.nodes
        .filter((n) => n.model === model && !n.stub)
        .map((n) => n.id)
        .sort();
    expect(ids('AWSUser')).toEqual([
      `arn:aws:iam::${ACCOUNT}:user/alice`,
      `arn:aws:iam::${ACCOUNT}:user/bob`,
    ]);
    expect(ids('AWSRole')).toContain(`arn:aws:iam::${ACCOUNT}:role/deploy`);
    expect(ids('AWSAccessKey')).toHaveLength(1);
    expect(ids('AWSOidcProvider')).toEqual([
      `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
    ]);
    const user = (name: string) =>
      records.nodes.find((n) => n.id === `arn:aws:iam::${ACCOUNT}:user/${name}`);
    expect(user('alice')?.properties).toMatchObject({ hasConsolePassword: true, mfaActive: false });
    expect(user('bob')?.properties).toMatchObject({ hasConsolePassword: false });
    // moto 5.2.1's credential report has no <root_account> row, so no root user is invented.
    expect(records.nodes.some((n) => n.model === 'AWSRootUser')).toBe(false);
    expect(records.nodes.find((n) => n.model === 'AWSPasswordPolicy')).toMatchObject({
      id: `${ACCOUNT}/password-policy`,
      properties: { minimumLength: 14, requireSymbols: true },
    });
    const role = records.nodes.find((n) => n.id.endsWith(':role/deploy'));
    expect(role?.properties['trustPolicy']).toMatchObject({
      Statement: [{ Principal: { Service: 'lambda.amazonaws.com' } }],
    });

    await loadScope(db, records);
    const state = await scopeState(db, `aws:${ACCOUNT}`);
    expect(
      state.rels[
        `arn:aws:iam::${ACCOUNT}:user/bob MEMBER_OF arn:aws:iam::${ACCOUNT}:group/developers`
      ],
    ).toBeDefined();
    expect(Object.keys(state.rels).some((k) => k.includes('HAS_ACCESS_KEY'))).toBe(true);
  });

  it("keeps the credential report's root row as the account's AWSRootUser", async () => {
    // moto's report lacks the root row AWS always writes; append one the way AWS spells it.
    const rootRow =
      '<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,' +
      '2026-03-02T10:00:00+00:00,not_supported,not_supported,false,true,2024-05-01T00:00:00+00:00,' +
      'N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
    const { records } = await scanAws({
      endpoint: moto.endpoint,
      configureClient: (client: IAMClient | STSClient) => {
        const stack = client.middlewareStack as unknown as {
          add(mw: Middleware, options: object): void;
        };
        stack.add(
          (next, context) => async (args) => {
            const result = (await next(args)) as { output: { Content?: Uint8Array } };
            if (context.commandName === 'GetCredentialReportCommand' && result.output.Content) {
              const text = Buffer.from(result.output.Content).toString('utf8').trimEnd();
              result.output.Content = new Uint8Array(Buffer.from(`${text}\n${rootRow}\n`));
            }
            return result;
          },
          { step: 'initialize', name: 'testRootRow' },
        );
      },
    });
    const root = records.nodes.filter((n) => n.model === 'AWSRootUser');
    expect(root).toEqual([
      {
        model: 'AWSRootUser',
        id: `${ACCOUNT}/root-user`,
        stub: false,
        properties: {
          account: ACCOUNT,
          passwordLastUsed: '2026-03-02T10:00:00.000Z',
          mfaActive: false,
          accessKey1Active: true,
          accessKey1LastRotated: '2024-05-01T00:00:00.000Z',
          accessKey2Active: false,
        },
      },
    ]);
    expect(records.relationships).toContainEqual({
      type: 'HAS_ROOT_USER',
      from: ACCOUNT,
      to: `${ACCOUNT}/root-user`,
      properties: {},
    });
    // The users' rows are still read as before.
    const alice = records.nodes.find((n) => n.id === `arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(alice?.properties).toMatchObject({ hasConsolePassword: true });
    await loadScope(db, records);
    const state = await scopeState(db, `aws:${ACCOUNT}`);
    expect(state.rels[`${ACCOUNT} HAS_ROOT_USER ${ACCOUNT}/root-user`]).toBeDefined();
    // Not a Principal: analyses that walk principals must not meet the root user.
    expect(state.nodes[`${ACCOUNT}/root-user`]?.labels).toEqual(['AWSRootUser', 'Entity']);
  }, 60_000);

  it('retries a throttled call and completes the scan', async () => {
    let throttled = 0;
    const { records } = await scanAws({
      endpoint: moto.endpoint,
      configureClient: (client: IAMClient | STSClient) => {
        const stack = client.middlewareStack as unknown as {
          add(mw: Middleware, options: object): void;
        };
        stack.add(
          (next, context) => (args) => {
            if (context.commandName === 'GetAccountAuthorizationDetailsCommand' && throttled < 2) {
              throttled += 1;
              const error = Object.assign(new Error('Rate exceeded'), {
                name: 'Throttling',
                $metadata: { httpStatusCode: 400 },
              });
              return Promise.reject(error);
            }
            return next(args);
          },
          { step: 'initialize', name: 'testThrottle' },
        );
      },
    });
    expect(throttled).toBe(2);
    expect(records.nodes.some((n) => n.id.endsWith(':user/alice'))).toBe(true);
  });

  it('records an access-denied call as a coverage gap while the scan completes', async () => {
    // A second moto that enforces IAM after the setup calls, scanned with a restricted user.
    const strict = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '3' });
    try {
      const admin = new IAMClient({ region: 'us-east-1', endpoint: strict.endpoint, credentials });
      await admin.send(new CreateUserCommand({ UserName: 'auditor' }));
      await admin.send(
        new PutUserPolicyCommand({
          UserName: 'auditor',
          PolicyName: 'read-most',
          PolicyDocument: doc({
            Effect: 'Allow',
            Action: [
              'sts:GetCallerIdentity',
              'iam:GetAccountAuthorizationDetails',
              'iam:ListAccessKeys',
              'iam:GetAccessKeyLastUsed',
              'iam:ListSAMLProviders',
              'iam:GenerateCredentialReport',
              'iam:GetCredentialReport',
              'iam:GetAccountPasswordPolicy',
            ],
            Resource: '*',
          }),
        }),
      );
      const key = await admin.send(new CreateAccessKeyCommand({ UserName: 'auditor' }));
      admin.destroy();
      process.env['AWS_ACCESS_KEY_ID'] = key.AccessKey?.AccessKeyId;
      process.env['AWS_SECRET_ACCESS_KEY'] = key.AccessKey?.SecretAccessKey;

      const { records, gaps } = await scanAws({ endpoint: strict.endpoint });

      expect(gaps).toEqual([
        expect.objectContaining({
          service: 'iam',
          operation: 'ListOpenIDConnectProviders',
          errorCode: 'AccessDenied',
        }),
      ]);
      const gap = records.nodes.find((n) => n.model === 'CoverageGap');
      expect(gap?.id).toBe(`aws:${ACCOUNT}/gap/iam:ListOpenIDConnectProviders@global`);
      expect(JSON.stringify(gap)).not.toContain(key.AccessKey?.SecretAccessKey ?? 'x');
      expect(records.nodes.some((n) => n.id.endsWith(':user/auditor'))).toBe(true);
    } finally {
      process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
      process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
      await strict.stop();
    }
  }, 60_000);
});
