import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanProgressEvent } from '../../src/collectors/aws/accounts/scan-stage.js';
import { ec2Arn } from '../../src/collectors/aws/ec2/ec2-arn.js';
import { scanAws, type AwsScanResult } from '../../src/collectors/aws/scan-aws.js';
import { importFormats } from '../../src/collectors/import-formats.js';
import type { Database } from '../../src/db/connection.js';
import { UsageError } from '../../src/errors/cairn-error.js';
import { dropScope, openTestGraph, scopeState } from '../support/graph.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account is the organization's management account.
const MANAGEMENT = '123456789012';
const MEMBER_ROLE = 'OrganizationAccountAccessRole';
const admin = { accessKeyId: 'testing', secretAccessKey: 'testing' };
/** Without moto's stock AMIs, whose backing snapshots it counts as the account's own (1000+). */
const MOTO_ENV = { MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' };
const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

type Handler = (args: unknown) => Promise<unknown>;
/** The shape of an SDK initialize middleware, enough to reshape an answer. */
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

let moto: MotoServer;
let db: Database;
let orgId = '';
let member = '';
/** Instance ids by `<account>/<region>`. */
const instances = new Map<string, string>();

/** A VPC, a subnet and an instance in one region of the account `keys` belong to. */
async function instanceIn(endpoint: string, keys: Keys, account: string, region: string) {
  const ec2 = new EC2Client({ region, endpoint, credentials: keys });
  try {
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc?.VpcId;
    const subnet = (
      await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.1.1.0/24' }))
    ).Subnet?.SubnetId;
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet,
      }),
    );
    instances.set(`${account}/${region}`, run.Instances?.[0]?.InstanceId as string);
  } finally {
    ec2.destroy();
  }
}

/** Credentials in the member account, through the role Organizations created there. */
async function memberKeys(): Promise<Keys> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: admin });
  const { Credentials: c } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${member}:role/${MEMBER_ROLE}`,
      RoleSessionName: 'setup',
    }),
  );
  sts.destroy();
  return {
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretAccessKey ?? '',
    sessionToken: c?.SessionToken ?? '',
  };
}

/** Instance ARNs among a scope's full nodes. */
function instanceArns(scan: AwsScanResult, scopeId: string): string[] {
  const scope = scan.scopes.find((s) => s.records.scope.id === scopeId);
  return (scope?.records.nodes ?? [])
    .filter((n) => n.model === 'AWSEC2Instance' && !n.stub)
    .map((n) => n.id);
}

const instanceArn = (account: string, region: string): string =>
  ec2Arn({ account, region }, 'instance', instances.get(`${account}/${region}`) ?? '?');

/**
 * moto lists every region it knows (30+); this keeps its real answer to two enabled regions and
 * one that is not opted in, which the scan must skip.
 */
const twoRegions: Middleware = (next, context) => async (args) => {
  const result = (await next(args)) as { output: { Regions?: { RegionName?: string }[] } };
  if (context.commandName !== 'DescribeRegionsCommand') return result;
  const listed = result.output.Regions ?? [];
  expect(listed.length).toBeGreaterThan(10);
  result.output.Regions = [
    ...listed.filter((r) => r.RegionName === 'us-east-1' || r.RegionName === 'eu-west-1'),
    { RegionName: 'ap-south-2', OptInStatus: 'not-opted-in' } as { RegionName: string },
  ];
  return result;
};

function addMiddleware(client: object, middleware: Middleware): void {
  (client as { middlewareStack: { add(mw: Middleware, o: object): void } }).middlewareStack.add(
    middleware,
    { step: 'initialize', name: 'testMiddleware' },
  );
}

/** Runs the CLI from the sources. */
function cairn(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
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

beforeAll(async () => {
  moto = await startMoto(MOTO_ENV);
  process.env['AWS_ACCESS_KEY_ID'] = admin.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = admin.secretAccessKey;
  const org = new OrganizationsClient({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: admin,
  });
  orgId = (await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization
    ?.Id as string;
  member = (
    await org.send(new CreateAccountCommand({ AccountName: 'prod', Email: 'prod@example.com' }))
  ).CreateAccountStatus?.AccountId as string;
  org.destroy();
  await instanceIn(moto.endpoint, admin, MANAGEMENT, 'us-east-1');
  await instanceIn(moto.endpoint, admin, MANAGEMENT, 'eu-west-1');
  await instanceIn(moto.endpoint, await memberKeys(), member, 'us-east-1');
  db = await openTestGraph();
}, 120_000);

afterAll(async () => {
  for (const scope of [`aws:${MANAGEMENT}`, `aws:org/${orgId}`, `aws:${MANAGEMENT}/us-east-1/ec2`])
    await dropScope(db, scope);
  await db.close();
  await moto.stop();
});

describe('cairn scan aws: resources in every region (moto)', () => {
  it('collects each listed region into its own scope', async () => {
    const scan = await scanAws({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      resources: { regions: ['us-east-1', 'eu-west-1'], services: ['ec2'], pageSize: 5 },
    });
    // IAM and the organization as before; the resource scopes appended.
    expect(scan.records.scope.id).toBe(MANAGEMENT);
    expect(scan.scopes.map((s) => s.records.scope.id)).toEqual([
      MANAGEMENT,
      `org/${orgId}`,
      `${MANAGEMENT}/us-east-1/ec2`,
      `${MANAGEMENT}/eu-west-1/ec2`,
    ]);
    expect(scan.scopes.flatMap((s) => s.gaps)).toEqual([]);
    // Each region's scope holds that region's instance only.
    expect(instanceArns(scan, `${MANAGEMENT}/us-east-1/ec2`)).toEqual([
      instanceArn(MANAGEMENT, 'us-east-1'),
    ]);
    expect(instanceArns(scan, `${MANAGEMENT}/eu-west-1/ec2`)).toEqual([
      instanceArn(MANAGEMENT, 'eu-west-1'),
    ]);
  }, 60_000);

  it("lists the enabled regions and collects member accounts with their role's credentials", async () => {
    const events: ScanProgressEvent[] = [];
    const scan = await scanAws({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      assumeRole: { roleName: MEMBER_ROLE },
      resources: { services: ['ec2'] },
      onProgress: (event) => events.push(event),
      configureClient: (client) => addMiddleware(client, twoRegions),
    });
    expect(scan.scopes.map((s) => s.records.scope.id)).toEqual([
      MANAGEMENT,
      `org/${orgId}`,
      `${MANAGEMENT}/eu-west-1/ec2`,
      `${MANAGEMENT}/us-east-1/ec2`,
      member,
      `${member}/eu-west-1/ec2`,
      `${member}/us-east-1/ec2`,
    ]);
    expect(scan.scopes.flatMap((s) => s.gaps)).toEqual([]);
    // The member's scope is the member's: its instance, under its account id.
    expect(instanceArns(scan, `${member}/us-east-1/ec2`)).toEqual([
      instanceArn(member, 'us-east-1'),
    ]);
    expect(instanceArns(scan, `${member}/eu-west-1/ec2`)).toEqual([]);
    const done = events
      .filter((e) => e.kind === 'stage-done')
      .map((e) => `${e.account} ${e.service}`);
    expect(done).toEqual(
      expect.arrayContaining([
        `${MANAGEMENT} ec2/regions`,
        `${MANAGEMENT} ec2/us-east-1`,
        `${member} ec2/eu-west-1`,
      ]),
    );
  }, 90_000);

  it('scans the scan region alone, with a gap, when the regions cannot be listed', async () => {
    const strict = await startMoto(MOTO_ENV);
    try {
      await instanceIn(strict.endpoint, admin, MANAGEMENT, 'eu-west-1');
      const iam = new IAMClient({
        region: 'us-east-1',
        endpoint: strict.endpoint,
        credentials: admin,
      });
      await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'auditor',
          PolicyName: 'read',
          PolicyDocument: doc(
            {
              Effect: 'Allow',
              Action: [
                'sts:GetCallerIdentity',
                'iam:Get*',
                'iam:List*',
                'iam:GenerateCredentialReport',
              ],
              Resource: '*',
            },
            {
              Effect: 'Allow',
              Action: ['ec2:Describe*', 'elasticloadbalancing:Describe*'],
              Resource: '*',
            },
            { Effect: 'Deny', Action: 'ec2:DescribeRegions', Resource: '*' },
          ),
        }),
      );
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }))).AccessKey;
      iam.destroy();
      const reset = await fetch(`${strict.endpoint}/moto-api/reset-auth`, {
        method: 'POST',
        body: '0',
      });
      expect(reset.ok).toBe(true);
      process.env['AWS_ACCESS_KEY_ID'] = key?.AccessKeyId;
      process.env['AWS_SECRET_ACCESS_KEY'] = key?.SecretAccessKey;

      const scan = await scanAws({
        endpoint: strict.endpoint,
        region: 'eu-west-1',
        resources: { services: ['ec2'] },
      });
      expect(scan.scopes.map((s) => s.records.scope.id)).toEqual([
        MANAGEMENT,
        `${MANAGEMENT}/eu-west-1/ec2`,
      ]);
      const [, ec2] = scan.scopes;
      expect(ec2?.gaps).toEqual([
        expect.objectContaining({
          service: 'ec2',
          operation: 'DescribeRegions',
          region: 'eu-west-1',
          errorCode: 'AccessDenied',
        }),
      ]);
      expect(ec2?.records.nodes.filter((n) => n.model === 'CoverageGap').map((n) => n.id)).toEqual([
        `aws:${MANAGEMENT}/eu-west-1/ec2/gap/ec2:DescribeRegions@eu-west-1`,
      ]);
      expect(instanceArns(scan, `${MANAGEMENT}/eu-west-1/ec2`)).toEqual([
        ec2Arn(
          { account: MANAGEMENT, region: 'eu-west-1' },
          'instance',
          instances.get(`${MANAGEMENT}/eu-west-1`) ?? '',
        ),
      ]);
    } finally {
      process.env['AWS_ACCESS_KEY_ID'] = admin.accessKeyId;
      process.env['AWS_SECRET_ACCESS_KEY'] = admin.secretAccessKey;
      await strict.stop();
    }
  }, 90_000);

  it('refuses an unknown service or a bad region before calling AWS', async () => {
    // Nothing listens on port 9: a call would fail with a network error, not a UsageError.
    const endpoint = 'http://127.0.0.1:9';
    await expect(scanAws({ endpoint, resources: { services: ['ec2', 'ec3'] } })).rejects.toThrow(
      /services: unknown service "ec3"; expected one of ec2, s3, /,
    );
    await expect(
      scanAws({ endpoint, resources: { regions: ['us-east-1', 'Mars'] } }),
    ).rejects.toThrow(UsageError);
  });

  it('writes every scope as a snapshot with --out, which aws-snapshot imports', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cairn-scan-out-')), 'snapshots');
    const env = {
      AWS_ACCESS_KEY_ID: admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: admin.secretAccessKey,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: 'us-east-1',
    };
    const { code, stdout, stderr } = await cairn(
      ['scan', 'aws', '--regions', 'us-east-1', '--services', 'ec2', '--out', out],
      env,
    );
    expect(stderr).not.toMatch(/cairn: (?!aws )/); // progress lines only
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        `aws_${MANAGEMENT}.json`,
        `aws_org_${orgId}.json`,
        `aws_${MANAGEMENT}_us-east-1_ec2.json`,
      ].sort(),
    );
    expect(stdout).toContain(
      `aws:${MANAGEMENT}/us-east-1/ec2: wrote ${path.join(out, `aws_${MANAGEMENT}_us-east-1_ec2.json`)}`,
    );
    expect(stdout).toMatch(new RegExp(`^aws:${MANAGEMENT}/us-east-1/ec2: loaded \\d+ nodes`, 'm'));
    expect(stderr).toContain(`cairn: aws ${MANAGEMENT} ec2/us-east-1: `);

    const imported = await importFormats.get('aws-snapshot')?.read([out]);
    const ec2 = imported?.find((s) => s.scope.id === `${MANAGEMENT}/us-east-1/ec2`);
    expect(ec2?.nodes.filter((n) => n.model === 'AWSEC2Instance').map((n) => n.id)).toEqual([
      instanceArn(MANAGEMENT, 'us-east-1'),
    ]);
    const loaded = await scopeState(db, `aws:${MANAGEMENT}/us-east-1/ec2`);
    expect(loaded.nodes[instanceArn(MANAGEMENT, 'us-east-1')]).toBeDefined();
  }, 120_000);

  it('refuses bad --regions, --services and --out values in one line (exit 2)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cairn-scan-out-')), 'taken');
    writeFileSync(file, 'x');
    const cases: [string[], string][] = [
      [
        ['--regions', 'us-east-1,Mars'],
        '--regions: "Mars" is not an AWS region name (e.g. eu-west-1)',
      ],
      [
        ['--services', 'ec2,ec3'],
        '--services: unknown service "ec3"; expected one of ec2, s3, kms, secretsmanager, lambda, rds, eks, cloudtrail, ssm, cloudformation, codebuild, sagemaker, glue',
      ],
      [['--out', file], `${file}: exists and is not a directory (snapshots go into one)`],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await cairn(['scan', 'aws', ...args], {
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      });
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(`cairn: ${message}`);
    }
  }, 60_000);
});
