import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  CreateFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  LambdaClient,
  PublishLayerVersionCommand,
} from '@aws-sdk/client-lambda';
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaCollector } from '../../src/collectors/aws/lambda/collect-lambda.js';
import { rdsCollector } from '../../src/collectors/aws/rds/collect-rds.js';
import { flattenGraphRecords, type GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';
import { ACCOUNT, motoEnv, throttle, type Middleware } from '../support/resource-env.js';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const region = 'us-east-1';
const doc = (statement: object): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const lambdaTrust = doc({
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: 'sts:AssumeRole',
});
// An empty zip archive: moto stores the code without running it.
const zip = Buffer.from('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64');
const ec2Arn = (type: string, id: string): string =>
  `arn:aws:ec2:${region}:${ACCOUNT}:${type}/${id}`;
const kmsKey = `arn:aws:kms:${region}:${ACCOUNT}:key/0a1b2c3d-1111-2222-3333-444455556666`;

let moto: MotoServer;
let network: { vpcId: string; subnetIds: string[]; groupId: string };
let roleArn: string;
let layerArn: string;
const ordersArn = `arn:aws:lambda:${region}:${ACCOUNT}:function:orders`;
const dbArn = `arn:aws:rds:${region}:${ACCOUNT}:db:orders-db`;

/**
 * moto 5.2.1 has no ListFunctionUrlConfigs (it answers 404 with an HTML page); this answers it
 * from moto's own GetFunctionUrlConfig so that the URL values still come from moto.
 */
function functionUrlsFromMoto(endpoint: string): Middleware {
  const lambda = new LambdaClient({ region, endpoint, credentials });
  return (next, context) => async (args) => {
    if (context.commandName !== 'ListFunctionUrlConfigsCommand') return next(args);
    const { FunctionName } = (args as { input: { FunctionName: string } }).input;
    const url = await lambda
      .send(new GetFunctionUrlConfigCommand({ FunctionName }))
      .catch((error: { name?: string }) => {
        if (error.name === 'ResourceNotFoundException') return undefined;
        throw error;
      });
    const { $metadata: _m, ...config } = url ?? { $metadata: {} };
    return { output: { FunctionUrlConfigs: url ? [config] : [], $metadata: {} }, response: {} };
  };
}

/** moto ignores ListFunctions' MaxItems; this pages its full answer by Marker, as AWS does. */
const pagedListFunctions: Middleware = (next, context) => async (args) => {
  if (context.commandName !== 'ListFunctionsCommand') return next(args);
  const { Marker, MaxItems = 50 } = (args as { input: { Marker?: string; MaxItems?: number } })
    .input;
  const result = (await next(args)) as { output: { Functions?: unknown[] } };
  const all = result.output.Functions ?? [];
  const start = Number(Marker ?? 0);
  const end = start + MaxItems;
  return {
    ...result,
    output: {
      ...result.output,
      Functions: all.slice(start, end),
      NextMarker: end < all.length ? String(end) : undefined,
    },
  };
};

async function createNetwork(endpoint: string): Promise<typeof network> {
  const ec2 = new EC2Client({ region, endpoint, credentials });
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
  const vpcId = vpc.Vpc?.VpcId ?? '';
  const subnetIds: string[] = [];
  for (const [cidr, zone] of [
    ['10.1.1.0/24', 'us-east-1a'],
    ['10.1.2.0/24', 'us-east-1b'],
  ] as const) {
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }),
    );
    subnetIds.push(subnet.Subnet?.SubnetId ?? '');
  }
  const group = await ec2.send(
    new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'apps', Description: 'apps' }),
  );
  ec2.destroy();
  return { vpcId, subnetIds, groupId: group.GroupId ?? '' };
}

async function createFunctions(endpoint: string): Promise<void> {
  const iam = new IAMClient({ region, endpoint, credentials });
  const role = await iam.send(
    new CreateRoleCommand({ RoleName: 'orders-exec', AssumeRolePolicyDocument: lambdaTrust }),
  );
  iam.destroy();
  roleArn = role.Role?.Arn ?? '';
  const lambda = new LambdaClient({ region, endpoint, credentials });
  const layer = await lambda.send(
    new PublishLayerVersionCommand({ LayerName: 'common', Content: { ZipFile: zip } }),
  );
  layerArn = layer.LayerVersionArn ?? '';
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'orders',
      Role: roleArn,
      Runtime: 'python3.12',
      Handler: 'app.handler',
      Code: { ZipFile: zip },
      Environment: { Variables: { DB_PASSWORD: 'hunter2-not-for-records', STAGE: 'prod' } },
      Layers: [layerArn],
      VpcConfig: { SubnetIds: network.subnetIds, SecurityGroupIds: [network.groupId] },
      KMSKeyArn: kmsKey,
      Tags: { team: 'payments' },
    }),
  );
  await lambda.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: 'orders', AuthType: 'NONE' }),
  );
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'orders',
      StatementId: 'public-url',
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
    }),
  );
  for (let i = 1; i <= 4; i += 1) {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: `worker-${i}`,
        Role: roleArn,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { ZipFile: zip },
      }),
    );
  }
  lambda.destroy();
}

async function createDatabases(endpoint: string): Promise<void> {
  const rds = new RDSClient({ region, endpoint, credentials });
  await rds.send(
    new CreateDBSubnetGroupCommand({
      DBSubnetGroupName: 'apps',
      DBSubnetGroupDescription: 'apps',
      SubnetIds: network.subnetIds,
    }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'orders-db',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      MasterUsername: 'orders',
      MasterUserPassword: 'Not-in-records-1',
      AllocatedStorage: 20,
      PubliclyAccessible: true,
      StorageEncrypted: true,
      KmsKeyId: kmsKey,
      EnableIAMDatabaseAuthentication: true,
      DBSubnetGroupName: 'apps',
      VpcSecurityGroupIds: [network.groupId],
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      MultiAZ: true,
      Tags: [{ Key: 'data', Value: 'pii' }],
    }),
  );
  // RDS pages hold 20 to 100 instances: 21 make two pages.
  for (let i = 1; i <= 20; i += 1) {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: `replica-${i}`,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        MasterUsername: 'admin',
        MasterUserPassword: 'Not-in-records-2',
        AllocatedStorage: 20,
      }),
    );
  }
  rds.destroy();
}

function validate(records: GraphRecords): void {
  expect(() => validateGraphRecords(flattenGraphRecords(records), 'moto')).not.toThrow();
}

const rels = (records: GraphRecords, type: string, from: string): string[] =>
  records.relationships
    .filter((r) => r.type === type && r.from === from)
    .map((r) => r.to)
    .sort();

beforeAll(async () => {
  moto = await startMoto();
  network = await createNetwork(moto.endpoint);
  await createFunctions(moto.endpoint);
  await createDatabases(moto.endpoint);
}, 120_000);

afterAll(async () => {
  await moto.stop();
});

describe('Lambda collector against moto', () => {
  it('collects every function across pages with role, URL, policy, layer and placement', async () => {
    const { env, ctx, calls } = motoEnv(moto.endpoint, {
      pageSize: 2,
      middleware: [pagedListFunctions, functionUrlsFromMoto(moto.endpoint)],
    });
    const records = await lambdaCollector.collect(env);

    expect(ctx.gaps).toEqual([]);
    expect(calls.filter((c) => c === 'ListFunctions')).toHaveLength(3);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${region}/lambda` });
    const functions = records.nodes.filter((n) => n.model === 'AWSLambdaFunction');
    expect(functions.map((n) => n.properties['name']).sort()).toEqual([
      'orders',
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-4',
    ]);
    const orders = records.nodes.find((n) => n.id === ordersArn);
    expect(orders?.properties).toMatchObject({
      account: ACCOUNT,
      region,
      roleArn,
      runtime: 'python3.12',
      handler: 'app.handler',
      packageType: 'Zip',
      environmentVariableNames: ['DB_PASSWORD', 'STAGE'],
      vpcId: expect.stringMatching(/^vpc-/) as unknown,
      functionUrlAuthType: 'NONE',
      functionUrl: expect.stringContaining('lambda-url') as unknown,
      policy: { Statement: [{ Sid: 'public-url', Principal: '*', Effect: 'Allow' }] },
      tags: { team: 'payments' },
    });
    expect(orders?.properties['lastModified']).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(JSON.stringify(records)).not.toContain('hunter2-not-for-records');
    expect(rels(records, 'RUNS_AS', ordersArn)).toEqual([roleArn]);
    expect(rels(records, 'IN_SUBNET', ordersArn)).toEqual(
      network.subnetIds.map((id) => ec2Arn('subnet', id)).sort(),
    );
    expect(rels(records, 'HAS_SECURITY_GROUP', ordersArn)).toEqual([
      ec2Arn('security-group', network.groupId),
    ]);
    // moto does not return KMSKeyArn (the unit tests cover ENCRYPTED_WITH for functions).
    expect(rels(records, 'USES_LAYER', ordersArn)).toEqual([layerArn]);
    // A function without a policy or URL is no gap: GetPolicy's ResourceNotFound means "none".
    const worker = records.nodes.find((n) => n.properties['name'] === 'worker-1');
    expect(worker?.properties).not.toHaveProperty('policy');
    expect(worker?.properties).not.toHaveProperty('functionUrl');
    validate(records);
  });

  it('records moto missing ListFunctionUrlConfigs as a gap and still collects the functions', async () => {
    const { env, ctx } = motoEnv(moto.endpoint);
    const records = await lambdaCollector.collect(env);
    expect(ctx.gaps.map((g) => `${g.service}:${g.operation}`)).toEqual(
      Array(5).fill('lambda:ListFunctionUrlConfigs'),
    );
    const orders = records.nodes.find((n) => n.id === ordersArn);
    expect(orders?.properties).toMatchObject({ roleArn, tags: { team: 'payments' } });
    expect(orders?.properties).not.toHaveProperty('functionUrlAuthType');
    validate(records);
  });

  it('retries a throttled ListFunctions and completes', async () => {
    const throttled = throttle('ListFunctionsCommand');
    const { env, ctx } = motoEnv(moto.endpoint, {
      middleware: [throttled.middleware, functionUrlsFromMoto(moto.endpoint)],
    });
    const records = await lambdaCollector.collect(env);
    expect(throttled.count()).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(records.nodes.filter((n) => n.model === 'AWSLambdaFunction')).toHaveLength(5);
  });
});

describe('RDS collector against moto', () => {
  it('collects every instance across pages with exposure, encryption and placement', async () => {
    const { env, ctx, calls } = motoEnv(moto.endpoint, { pageSize: 20 });
    const records = await rdsCollector.collect(env);
    expect(ctx.gaps).toEqual([]);
    expect(calls).toEqual(['DescribeDBInstances', 'DescribeDBInstances']);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${region}/rds` });
    expect(records.nodes.filter((n) => n.model === 'AWSRdsInstance')).toHaveLength(21);
    const db = records.nodes.find((n) => n.id === dbArn);
    expect(db?.properties).toMatchObject({
      account: ACCOUNT,
      region,
      name: 'orders-db',
      engine: 'postgres',
      publiclyAccessible: true,
      storageEncrypted: true,
      kmsKeyId: kmsKey,
      endpointAddress: expect.stringContaining('orders-db') as unknown,
      endpointPort: 5432,
      iamDatabaseAuthentication: true,
      resourceId: expect.stringMatching(/^db-/) as unknown,
      vpcId: network.vpcId,
      deletionProtection: true,
      backupRetentionPeriod: 7,
      multiAz: true,
      autoMinorVersionUpgrade: true,
      tags: { data: 'pii' },
    });
    expect(rels(records, 'IN_SUBNET', dbArn)).toEqual(
      network.subnetIds.map((id) => ec2Arn('subnet', id)).sort(),
    );
    expect(rels(records, 'HAS_SECURITY_GROUP', dbArn)).toEqual([
      ec2Arn('security-group', network.groupId),
    ]);
    expect(rels(records, 'IN_VPC', dbArn)).toEqual([ec2Arn('vpc', network.vpcId)]);
    expect(rels(records, 'ENCRYPTED_WITH', dbArn)).toEqual([kmsKey]);
    expect(JSON.stringify(records)).not.toContain('Not-in-records');
    validate(records);
  });

  it('retries a throttled DescribeDBInstances and completes', async () => {
    const throttled = throttle('DescribeDBInstancesCommand');
    const { env, ctx } = motoEnv(moto.endpoint, { middleware: [throttled.middleware] });
    const records = await rdsCollector.collect(env);
    expect(throttled.count()).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(records.nodes.filter((n) => n.model === 'AWSRdsInstance')).toHaveLength(21);
  });
});

describe('Lambda and RDS collectors with a restricted user', () => {
  it('records denied calls as gaps while the rest completes', async () => {
    // A moto that enforces IAM after its setup calls (role, function, user, policy, key).
    const strict = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '5' });
    try {
      const endpoint = strict.endpoint;
      const iam = new IAMClient({ region, endpoint, credentials });
      const role = await iam.send(
        new CreateRoleCommand({ RoleName: 'exec', AssumeRolePolicyDocument: lambdaTrust }),
      );
      const lambda = new LambdaClient({ region, endpoint, credentials });
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'reports',
          Role: role.Role?.Arn,
          Runtime: 'python3.12',
          Handler: 'app.handler',
          Code: { ZipFile: zip },
        }),
      );
      lambda.destroy();
      await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'auditor',
          PolicyName: 'lambda-list-only',
          PolicyDocument: doc({
            Effect: 'Allow',
            Action: ['lambda:ListFunctions', 'lambda:ListTags'],
            Resource: '*',
          }),
        }),
      );
      const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }));
      iam.destroy();
      const keys = {
        accessKeyId: key.AccessKey?.AccessKeyId ?? '',
        secretAccessKey: key.AccessKey?.SecretAccessKey ?? '',
      };

      const lambdaScan = motoEnv(endpoint, { keys });
      const functions = await lambdaCollector.collect(lambdaScan.env);
      expect(lambdaScan.ctx.gaps).toContainEqual(
        expect.objectContaining({
          service: 'lambda',
          operation: 'GetPolicy',
          region,
          errorCode: 'AccessDenied',
        }),
      );
      const reports = functions.nodes.find((n) => n.properties['name'] === 'reports');
      expect(reports?.properties).toMatchObject({ roleArn: role.Role?.Arn });
      expect(reports?.properties).not.toHaveProperty('policy');
      validate(functions);

      const rdsScan = motoEnv(endpoint, { keys });
      const databases = await rdsCollector.collect(rdsScan.env);
      expect(rdsScan.ctx.gaps).toEqual([
        expect.objectContaining({
          service: 'rds',
          operation: 'DescribeDBInstances',
          errorCode: 'AccessDenied',
        }),
      ]);
      expect(databases.nodes).toEqual([]);
    } finally {
      await strict.stop();
    }
  }, 60_000);
});
