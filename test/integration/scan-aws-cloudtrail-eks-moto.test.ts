import {
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudTrailCollector } from '../../src/collectors/aws/cloudtrail/collect-cloudtrail.js';
import { eksCollector } from '../../src/collectors/aws/eks/collect-eks.js';
import { flattenGraphRecords, type GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';
import { ACCOUNT, motoEnv, throttle } from '../support/resource-env.js';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const region = 'us-east-1';
const doc = (statement: object): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const trailKey = `arn:aws:kms:${region}:${ACCOUNT}:key/7a7a7a7a-1111-2222-3333-444455556666`;
const secretsKey = `arn:aws:kms:${region}:${ACCOUNT}:key/5e5e5e5e-1111-2222-3333-444455556666`;
const clusterRole = `arn:aws:iam::${ACCOUNT}:role/eks-cluster`;
const mainTrail = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/main`;
const westTrail = `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/west`;
const prodCluster = `arn:aws:eks:${region}:${ACCOUNT}:cluster/prod`;
const ec2Arn = (type: string, id: string): string =>
  `arn:aws:ec2:${region}:${ACCOUNT}:${type}/${id}`;

let moto: MotoServer;
let network: { subnetId: string; groupId: string };

function validate(records: GraphRecords): void {
  expect(() => validateGraphRecords(flattenGraphRecords(records), 'moto')).not.toThrow();
}

const rels = (records: GraphRecords, type: string, from: string): string[] =>
  records.relationships
    .filter((r) => r.type === type && r.from === from)
    .map((r) => r.to)
    .sort();

async function createTrails(endpoint: string): Promise<void> {
  const s3 = new S3Client({ region, endpoint, credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'audit-logs' }));
  s3.destroy();
  const east = new CloudTrailClient({ region, endpoint, credentials });
  await east.send(
    new CreateTrailCommand({
      Name: 'main',
      S3BucketName: 'audit-logs',
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      KmsKeyId: trailKey,
      TagsList: [{ Key: 'owner', Value: 'security' }],
    }),
  );
  await east.send(
    new PutEventSelectorsCommand({
      TrailName: 'main',
      EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }],
    }),
  );
  await east.send(new StartLoggingCommand({ Name: 'main' }));
  east.destroy();
  const west = new CloudTrailClient({ region: 'us-west-2', endpoint, credentials });
  await west.send(new CreateTrailCommand({ Name: 'west', S3BucketName: 'audit-logs' }));
  west.destroy();
}

async function createClusters(endpoint: string): Promise<void> {
  const ec2 = new EC2Client({ region, endpoint, credentials });
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
  const subnet = await ec2.send(
    new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: '10.2.1.0/24' }),
  );
  const group = await ec2.send(
    new CreateSecurityGroupCommand({ VpcId: vpc.Vpc?.VpcId, GroupName: 'eks', Description: 'eks' }),
  );
  ec2.destroy();
  network = { subnetId: subnet.Subnet?.SubnetId ?? '', groupId: group.GroupId ?? '' };
  const eks = new EKSClient({ region, endpoint, credentials });
  await eks.send(
    new CreateClusterCommand({
      name: 'prod',
      roleArn: clusterRole,
      resourcesVpcConfig: {
        subnetIds: [network.subnetId],
        securityGroupIds: [network.groupId],
        endpointPublicAccess: true,
        endpointPrivateAccess: false,
        publicAccessCidrs: ['0.0.0.0/0'],
      },
      encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: secretsKey } }],
      logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }] },
      tags: { env: 'prod' },
    }),
  );
  for (const name of ['staging', 'dev']) {
    await eks.send(
      new CreateClusterCommand({
        name,
        roleArn: clusterRole,
        resourcesVpcConfig: { subnetIds: [network.subnetId] },
      }),
    );
  }
  eks.destroy();
}

beforeAll(async () => {
  moto = await startMoto();
  await createTrails(moto.endpoint);
  await createClusters(moto.endpoint);
}, 120_000);

afterAll(async () => {
  await moto.stop();
});

describe('CloudTrail collector against moto', () => {
  it('collects the multi-region trail in its home region with status and selectors', async () => {
    const { env, ctx } = motoEnv(moto.endpoint);
    const records = await cloudTrailCollector.collect(env);
    expect(ctx.gaps).toEqual([]);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${region}/cloudtrail` });
    expect(records.nodes.filter((n) => n.model === 'AWSCloudTrail').map((n) => n.id)).toEqual([
      mainTrail,
    ]);
    expect(records.nodes.find((n) => n.id === mainTrail)?.properties).toMatchObject({
      account: ACCOUNT,
      region,
      name: 'main',
      homeRegion: region,
      multiRegion: true,
      organizationTrail: false,
      logFileValidation: true,
      s3BucketName: 'audit-logs',
      kmsKeyId: trailKey,
      isLogging: true,
      latestDeliveryTime: expect.stringMatching(/Z$/) as unknown,
      managementEvents: true,
      managementEventsReadWriteType: 'WriteOnly',
      eventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }],
      tags: { owner: 'security' },
    });
    expect(rels(records, 'ENCRYPTED_WITH', mainTrail)).toEqual([trailKey]);
    validate(records);
  });

  it('leaves a multi-region trail to its home region: other regions see only their own', async () => {
    const west = await cloudTrailCollector.collect(
      motoEnv(moto.endpoint, { region: 'us-west-2' }).env,
    );
    expect(west.nodes.map((n) => n.id)).toEqual([westTrail]);
    expect(west.nodes[0]?.properties).toMatchObject({ multiRegion: false, isLogging: false });
    const eu = await cloudTrailCollector.collect(
      motoEnv(moto.endpoint, { region: 'eu-west-1' }).env,
    );
    expect(eu.nodes).toEqual([]);
  });

  it('retries a throttled GetTrailStatus and completes', async () => {
    const throttled = throttle('GetTrailStatusCommand');
    const { env, ctx } = motoEnv(moto.endpoint, { middleware: [throttled.middleware] });
    const records = await cloudTrailCollector.collect(env);
    expect(throttled.count()).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(records.nodes.find((n) => n.id === mainTrail)?.properties['isLogging']).toBe(true);
  });
});

describe('EKS collector against moto', () => {
  it('collects every cluster across pages with its public endpoint, role and placement', async () => {
    const { env, ctx, calls } = motoEnv(moto.endpoint, { pageSize: 2 });
    const records = await eksCollector.collect(env);
    expect(ctx.gaps).toEqual([]);
    expect(calls.filter((c) => c === 'ListClusters')).toHaveLength(2);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${region}/eks` });
    expect(
      records.nodes.filter((n) => n.model === 'AWSEksCluster').map((n) => n.properties['name']),
    ).toEqual(expect.arrayContaining(['prod', 'staging', 'dev']));
    expect(records.nodes.filter((n) => n.model === 'AWSEksCluster')).toHaveLength(3);
    expect(records.nodes.find((n) => n.id === prodCluster)?.properties).toMatchObject({
      account: ACCOUNT,
      region,
      name: 'prod',
      status: 'ACTIVE',
      roleArn: clusterRole,
      endpointPublicAccess: true,
      endpointPrivateAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
      oidcIssuer: expect.stringContaining('oidc.eks') as unknown,
      kmsKeyId: secretsKey,
      enabledLogTypes: ['api', 'audit'],
      createdAt: expect.stringMatching(/Z$/) as unknown,
      tags: { env: 'prod' },
    });
    expect(rels(records, 'RUNS_AS', prodCluster)).toEqual([clusterRole]);
    expect(rels(records, 'ENCRYPTED_WITH', prodCluster)).toEqual([secretsKey]);
    expect(rels(records, 'IN_SUBNET', prodCluster)).toEqual([ec2Arn('subnet', network.subnetId)]);
    expect(rels(records, 'HAS_SECURITY_GROUP', prodCluster)).toEqual([
      ec2Arn('security-group', network.groupId),
    ]);
    validate(records);
  });

  it('retries a throttled DescribeCluster and completes', async () => {
    const throttled = throttle('DescribeClusterCommand');
    const { env, ctx } = motoEnv(moto.endpoint, { middleware: [throttled.middleware] });
    const records = await eksCollector.collect(env);
    expect(throttled.count()).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(records.nodes.filter((n) => n.model === 'AWSEksCluster')).toHaveLength(3);
  });
});

describe('CloudTrail and EKS collectors with a restricted user', () => {
  it('records denied calls as gaps while the rest completes', async () => {
    // A moto that enforces IAM after its setup calls (bucket, trail, cluster, user, policy, key).
    const strict = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '6' });
    try {
      const endpoint = strict.endpoint;
      const s3 = new S3Client({ region, endpoint, credentials, forcePathStyle: true });
      await s3.send(new CreateBucketCommand({ Bucket: 'audit-logs' }));
      s3.destroy();
      const trails = new CloudTrailClient({ region, endpoint, credentials });
      await trails.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'audit-logs' }));
      trails.destroy();
      const eks = new EKSClient({ region, endpoint, credentials });
      await eks.send(
        new CreateClusterCommand({
          name: 'prod',
          roleArn: clusterRole,
          resourcesVpcConfig: { subnetIds: [] },
        }),
      );
      eks.destroy();
      const iam = new IAMClient({ region, endpoint, credentials });
      await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'auditor',
          PolicyName: 'partial',
          PolicyDocument: doc({
            Effect: 'Allow',
            Action: [
              'cloudtrail:DescribeTrails',
              'cloudtrail:GetTrailStatus',
              'cloudtrail:ListTags',
              'eks:ListClusters',
            ],
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

      const trailScan = motoEnv(endpoint, { keys });
      const trailRecords = await cloudTrailCollector.collect(trailScan.env);
      expect(trailScan.ctx.gaps).toEqual([
        expect.objectContaining({
          service: 'cloudtrail',
          operation: 'GetEventSelectors',
          region,
          errorCode: 'AccessDenied',
        }),
      ]);
      const trail = trailRecords.nodes.find((n) => n.properties['name'] === 'main');
      expect(trail?.properties).toMatchObject({ isLogging: false });
      expect(trail?.properties).not.toHaveProperty('managementEvents');
      validate(trailRecords);

      const eksScan = motoEnv(endpoint, { keys });
      const clusters = await eksCollector.collect(eksScan.env);
      expect(eksScan.calls).toEqual(['ListClusters']);
      expect(eksScan.ctx.gaps).toEqual([
        expect.objectContaining({
          service: 'eks',
          operation: 'DescribeCluster',
          errorCode: 'AccessDenied',
        }),
      ]);
      expect(clusters.nodes).toEqual([]);
    } finally {
      await strict.stop();
    }
  }, 60_000);
});
