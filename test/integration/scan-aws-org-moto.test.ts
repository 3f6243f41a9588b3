import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanProgressEvent } from '../../src/collectors/aws/accounts/scan-stage.js';
import { scanAws } from '../../src/collectors/aws/scan-aws.js';
import type { Database } from '../../src/db/connection.js';
import { dropScope, openTestGraph, scopeState } from '../support/graph.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account is the management account; member accounts get random ids.
const MANAGEMENT = '123456789012';
const ROLE = 'cairn-audit';
const EXTERNAL_ID = 'cairn-org-ext-5d1e8a7c';
const admin = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const root = fileURLToPath(new URL('../..', import.meta.url));

let moto: MotoServer;
let db: Database;
let auditor: { accessKeyId: string; secretAccessKey: string };
const ids = { org: '', root: '', workloads: '', prod: '', scp: '', rcp: '' };
const accounts = { prod: '', locked: '', closed: '' };
const scopes = (): string[] => [
  `aws:${MANAGEMENT}`,
  `aws:org/${ids.org}`,
  `aws:${accounts.prod}`,
  `aws:${accounts.locked}`,
  `aws:${accounts.closed}`,
];
/** The CLI also collects resources; neither identity may list regions, so one region each. */
const resourceScopes = (): string[] => [
  `aws:${MANAGEMENT}/us-east-1/ec2`,
  `aws:${accounts.prod}/us-east-1/ec2`,
];

/** Credentials inside a member account, through the role Organizations created there. */
async function intoAccount(account: string): Promise<IAMClient> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: admin });
  const { Credentials: c } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'setup',
    }),
  );
  sts.destroy();
  return new IAMClient({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    },
  });
}

/** The audit role of a member account: trusts the management account with the external id. */
async function createAuditRole(account: string): Promise<void> {
  const iam = await intoAccount(account);
  await iam.send(
    new CreateRoleCommand({
      RoleName: ROLE,
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
      }),
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: ROLE,
      PolicyName: 'read-iam',
      PolicyDocument: doc({
        Effect: 'Allow',
        Action: ['iam:Get*', 'iam:List*', 'iam:GenerateCredentialReport'],
        Resource: '*',
      }),
    }),
  );
  await iam.send(new CreateUserCommand({ UserName: `deployer-${account}` }));
  iam.destroy();
}

beforeAll(async () => {
  moto = await startMoto();
  const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: admin };
  const org = new OrganizationsClient(config);
  ids.org = (await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization
    ?.Id as string;
  ids.root = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id as string;
  // Root → Workloads → Prod: a nested OU.
  const ou = async (name: string, parent: string): Promise<string> =>
    (await org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: name })))
      .OrganizationalUnit?.Id as string;
  ids.workloads = await ou('Workloads', ids.root);
  ids.prod = await ou('Prod', ids.workloads);
  const account = async (name: string): Promise<string> =>
    (await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` })))
      .CreateAccountStatus?.AccountId as string;
  accounts.prod = await account('prod');
  accounts.locked = await account('locked');
  accounts.closed = await account('closed');
  await org.send(
    new MoveAccountCommand({
      AccountId: accounts.prod,
      SourceParentId: ids.root,
      DestinationParentId: ids.prod,
    }),
  );
  await org.send(new CloseAccountCommand({ AccountId: accounts.closed }));
  const policy = async (
    name: string,
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY',
    content: string,
    target: string,
  ) => {
    const id = (
      await org.send(
        new CreatePolicyCommand({ Name: name, Description: name, Type: type, Content: content }),
      )
    ).Policy?.PolicySummary?.Id as string;
    await org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: target }));
    return id;
  };
  // moto supports RCPs (and creates the AWS-managed RCPFullAWSAccess), so both kinds are live.
  ids.scp = await policy(
    'deny-leave',
    'SERVICE_CONTROL_POLICY',
    doc({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }),
    ids.workloads,
  );
  ids.rcp = await policy(
    'data-perimeter',
    'RESOURCE_CONTROL_POLICY',
    doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }),
    ids.prod,
  );
  org.destroy();

  await createAuditRole(accounts.prod);
  await createAuditRole(accounts.locked);

  // The scanning identity: read-only, and allowed to assume the audit role of `prod` only. moto
  // does not evaluate another account's trust policy, so `locked` refuses through this policy.
  const iam = new IAMClient(config);
  await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'auditor',
      PolicyName: 'audit',
      PolicyDocument: doc(
        {
          Effect: 'Allow',
          Action: [
            'organizations:Describe*',
            'organizations:List*',
            'iam:Get*',
            'iam:List*',
            'iam:GenerateCredentialReport',
          ],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: `arn:aws:iam::${accounts.prod}:role/${ROLE}`,
        },
      ),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }))).AccessKey;
  auditor = { accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' };
  iam.destroy();
  // From here on moto checks every call against the caller's policies.
  const reset = await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: 'POST', body: '0' });
  expect(reset.ok).toBe(true);
  db = await openTestGraph();
}, 120_000);

afterAll(async () => {
  for (const scope of [...scopes(), ...resourceScopes()]) await dropScope(db, scope);
  await db.close();
  await moto.stop();
});

/** JSON.stringify replacer: leaves out the collected trust policies (see the first test). */
const withoutTrustPolicies = (key: string, value: unknown): unknown =>
  key === 'trustPolicy' ? undefined : value;

/** Runs the CLI from the sources with debug logs, so that every log line can be inspected. */
function cairn(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, CAIRN_LOG_LEVEL: 'debug', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cairn scan aws across an organization (moto)', () => {
  it('collects the organization and each member account through its role', async () => {
    const events: ScanProgressEvent[] = [];
    const saved = {
      id: process.env['AWS_ACCESS_KEY_ID'],
      key: process.env['AWS_SECRET_ACCESS_KEY'],
    };
    process.env['AWS_ACCESS_KEY_ID'] = auditor.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = auditor.secretAccessKey;
    try {
      const result = await scanAws({
        endpoint: moto.endpoint,
        region: 'us-east-1',
        assumeRole: { roleName: ROLE, externalId: EXTERNAL_ID },
        onProgress: (event) => events.push(event),
      });
      // The caller first (as a single-account scan returns it), then the organization, then
      // the active members; the closed account is not assumed into.
      expect(result.scopes.map((s) => s.records.scope.id)).toEqual([
        MANAGEMENT,
        `org/${ids.org}`,
        ...[accounts.locked, accounts.prod].sort(),
      ]);
      expect(result.records.scope.id).toBe(MANAGEMENT);
      expect(result.gaps).toEqual([]);

      const scope = (id: string) => result.scopes.find((s) => s.records.scope.id === id);
      const prod = scope(accounts.prod);
      expect(prod?.gaps).toEqual([]);
      expect(prod?.records.nodes.filter((n) => n.model === 'AWSUser').map((n) => n.id)).toEqual([
        `arn:aws:iam::${accounts.prod}:user/deployer-${accounts.prod}`,
      ]);
      expect(prod?.records.nodes.some((n) => n.id.endsWith(`:role/${ROLE}`))).toBe(true);

      const locked = scope(accounts.locked);
      expect(locked?.gaps).toEqual([
        expect.objectContaining({
          service: 'sts',
          operation: 'AssumeRole',
          errorCode: 'AccessDenied',
        }),
      ]);
      expect(locked?.records.nodes.map((n) => `${n.model} ${n.id}`)).toEqual([
        `AWSAccount ${accounts.locked}`,
        `CoverageGap aws:${accounts.locked}/gap/sts:AssumeRole@global`,
      ]);
      // The id is in the audit role's trust policy, which is the account's own data (AWS does
      // not treat external ids as secrets); anywhere else it would be Cairn leaking it.
      const auditRole = prod?.records.nodes.find((n) => n.id.endsWith(`:role/${ROLE}`));
      expect(JSON.stringify(auditRole?.properties['trustPolicy'])).toContain(EXTERNAL_ID);
      expect(JSON.stringify(result, withoutTrustPolicies)).not.toContain(EXTERNAL_ID);

      // moto received the external id with the AssumeRole that succeeded.
      const data = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as {
        sts: { AssumedRole: { role_arn: string; external_id: string | null }[] };
      };
      expect(data.sts.AssumedRole).toContainEqual(
        expect.objectContaining({
          role_arn: `arn:aws:iam::${accounts.prod}:role/${ROLE}`,
          external_id: EXTERNAL_ID,
        }),
      );

      const finished = events.filter((e) => e.kind === 'stage-done');
      expect(finished).toContainEqual(
        expect.objectContaining({ account: MANAGEMENT, service: 'organizations', gaps: 0 }),
      );
      expect(finished).toContainEqual(
        expect.objectContaining({ account: accounts.locked, service: 'iam', pages: 0, gaps: 1 }),
      );
      const prodDone = finished.find((e) => e.account === accounts.prod);
      expect(prodDone?.pages).toBeGreaterThan(3);
      expect(prodDone?.items).toBeGreaterThan(1);
    } finally {
      process.env['AWS_ACCESS_KEY_ID'] = saved.id;
      process.env['AWS_SECRET_ACCESS_KEY'] = saved.key;
    }
  }, 120_000);

  it('loads the organization and member scopes from the CLI, never showing the external id', async () => {
    // EC2 stands for every resource service here (each has its own moto tests).
    const { code, stdout, stderr } = await cairn(
      ['scan', 'aws', '--assume-role', ROLE, '--services', 'ec2'],
      {
        AWS_ACCESS_KEY_ID: auditor.accessKeyId,
        AWS_SECRET_ACCESS_KEY: auditor.secretAccessKey,
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_REGION: 'us-east-1',
        CAIRN_AWS_EXTERNAL_ID: EXTERNAL_ID,
      },
    );
    expect(stderr).not.toMatch(/cairn: (?!aws |coverage gap)/); // no error line
    expect(code).toBe(0);
    const loaded = stdout
      .trim()
      .split('\n')
      .map((line) => line.split(': loaded ')[0] ?? '');
    expect(loaded.filter((scope) => !scope.endsWith('/ec2'))).toEqual(
      scopes()
        .slice(0, 2)
        .concat([`aws:${accounts.locked}`, `aws:${accounts.prod}`].sort()),
    );
    // The locked account could not be entered: no resource scope for it.
    expect(loaded.filter((scope) => scope.endsWith('/ec2'))).toEqual(resourceScopes());
    expect(stderr).toContain(
      `cairn: coverage gap in aws:${accounts.locked}: sts:AssumeRole AccessDenied`,
    );
    // Not a terminal: a plain line per finished stage.
    expect(stderr).toMatch(
      new RegExp(`cairn: aws ${accounts.prod} iam: \\d+ pages, \\d+ items\\n`),
    );
    // Debug logs were on (the refusal is logged), and neither they nor anything else has the id.
    expect(stderr).toContain('recorded as a coverage gap');
    expect(`${stdout}${stderr}`).not.toContain(EXTERNAL_ID);

    const org = await scopeState(db, `aws:org/${ids.org}`);
    expect(
      Object.keys(org.rels)
        .filter((k) => k.includes(' CHILD_OF '))
        .sort(),
    ).toEqual(
      [
        `${MANAGEMENT} CHILD_OF ${ids.root}`,
        `${accounts.closed} CHILD_OF ${ids.root}`,
        `${accounts.locked} CHILD_OF ${ids.root}`,
        `${accounts.prod} CHILD_OF ${ids.prod}`,
        `${ids.prod} CHILD_OF ${ids.workloads}`,
        `${ids.workloads} CHILD_OF ${ids.root}`,
      ].sort(),
    );
    expect(org.rels[`${ids.scp} APPLIES_TO ${ids.workloads}`]).toBeDefined();
    expect(org.rels[`${ids.rcp} APPLIES_TO ${ids.prod}`]).toBeDefined();
    expect(org.nodes[ids.rcp]?.props).toMatchObject({ policyType: 'RCP', name: 'data-perimeter' });
    expect(org.nodes[ids.scp]?.props).toMatchObject({ policyType: 'SCP', name: 'deny-leave' });
    expect(org.nodes[accounts.prod]?.props).toMatchObject({
      name: 'prod',
      organizationId: ids.org,
    });

    const prod = await scopeState(db, `aws:${accounts.prod}`);
    expect(
      prod.nodes[`arn:aws:iam::${accounts.prod}:user/deployer-${accounts.prod}`],
    ).toBeDefined();
    const locked = await scopeState(db, `aws:${accounts.locked}`);
    expect(locked.nodes[`aws:${accounts.locked}/gap/sts:AssumeRole@global`]?.props).toMatchObject({
      service: 'sts',
      operation: 'AssumeRole',
      errorCode: 'AccessDenied',
    });
    expect(JSON.stringify([org, prod, locked], withoutTrustPolicies)).not.toContain(EXTERNAL_ID);
  }, 120_000);

  it('refuses --external-id without --assume-role (exit 2), before calling AWS', async () => {
    const { code, stderr } = await cairn(['scan', 'aws', '--external-id', EXTERNAL_ID], {});
    expect(code).toBe(2);
    expect(stderr).toContain('--external-id is only used with --assume-role');
  });
});
