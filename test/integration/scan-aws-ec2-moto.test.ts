import {
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  AssociateRouteTableCommand,
  CreateImageCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  EC2Client,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  CreateLoadBalancerCommand as CreateClassicLoadBalancerCommand,
  ElasticLoadBalancingClient,
  RegisterInstancesWithLoadBalancerCommand,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  AddRoleToInstanceProfileCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialsProvider } from '../../src/collectors/aws/accounts/assume-role.js';
import { collectEc2Outputs } from '../../src/collectors/aws/ec2/collect-ec2-outputs.js';
import { ec2Arn } from '../../src/collectors/aws/ec2/ec2-arn.js';
import { ec2Collector } from '../../src/collectors/aws/ec2/ec2-collector.js';
import type { ResourceScanEnv } from '../../src/collectors/aws/resources/resource-collector.js';
import { withGaps, type AwsScanContext } from '../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../src/collectors/shared/rate-limiter.js';
import { loggerFor } from '../../src/logging/logger.js';
import { flattenGraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account; every resource is made in one region.
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const AMI = 'ami-12c6146b';
const admin = { accessKeyId: 'testing', secretAccessKey: 'testing' };
/** Without moto's stock AMIs, whose backing snapshots it counts as the account's own (1000+). */
const MOTO_ENV = { MOTO_EC2_LOAD_DEFAULT_AMIS: 'false' };
const doc = (...statements: object[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

type Handler = (args: unknown) => Promise<unknown>;
/** The shape of an SDK initialize middleware, enough to inject a failure or reshape an answer. */
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

interface Estate {
  readonly vpc: string;
  readonly subnets: string[];
  readonly groups: string[];
  readonly instances: string[];
  readonly snapshot: string;
  readonly image: string;
  readonly loadBalancer: string;
  readonly targetGroup: string;
}

/**
 * A VPC with `count` subnets and security groups (the first open to the Internet on 443), an
 * Internet gateway routed from the first subnet, `count` instances (one reservation each) with an
 * instance profile, a public snapshot, an own image, and an ALB with a listener forwarding to a
 * target group of two instances.
 */
async function buildEstate(endpoint: string, count: number): Promise<Estate> {
  const config = { region: REGION, endpoint, credentials: admin };
  const ec2 = new EC2Client(config);
  const iam = new IAMClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const classic = new ElasticLoadBalancingClient(config);
  try {
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc
      ?.VpcId as string;
    const subnets: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const subnet = await ec2.send(
        new CreateSubnetCommand({
          VpcId: vpc,
          CidrBlock: `10.0.${i}.0/24`,
          AvailabilityZone: i % 2 === 0 ? 'us-east-1a' : 'us-east-1b',
        }),
      );
      subnets.push(subnet.Subnet?.SubnetId as string);
    }
    const groups: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const group = await ec2.send(
        new CreateSecurityGroupCommand({ VpcId: vpc, GroupName: `g${i}`, Description: `g${i}` }),
      );
      groups.push(group.GroupId as string);
    }
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groups[0],
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            UserIdGroupPairs: [{ GroupId: groups[1] }],
          },
        ],
      }),
    );
    const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway
      ?.InternetGatewayId as string;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable
      ?.RouteTableId as string;
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: table,
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: igw,
      }),
    );
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnets[0] }));

    await iam.send(
      new CreateRoleCommand({
        RoleName: 'web',
        AssumeRolePolicyDocument: doc({
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
      }),
    );
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'web' }),
    );
    const instances: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const run = await ec2.send(
        new RunInstancesCommand({
          ImageId: AMI,
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 't3.micro',
          SubnetId: subnets[i],
          SecurityGroupIds: [groups[i] as string],
          IamInstanceProfile: { Name: 'web' },
        }),
      );
      instances.push(run.Instances?.[0]?.InstanceId as string);
    }

    const volume = (
      await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8 }))
    ).VolumeId as string;
    const snapshot = (await ec2.send(new CreateSnapshotCommand({ VolumeId: volume })))
      .SnapshotId as string;
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snapshot,
        Attribute: 'createVolumePermission',
        OperationType: 'add',
        GroupNames: ['all'],
      }),
    );
    const image = (
      await ec2.send(new CreateImageCommand({ InstanceId: instances[0], Name: 'web-image' }))
    ).ImageId as string;

    const loadBalancer = (
      await elb.send(
        new CreateLoadBalancerCommand({
          Name: 'web',
          Subnets: [subnets[0] as string, subnets[1] as string],
          SecurityGroups: [groups[0] as string],
          Scheme: 'internet-facing',
        }),
      )
    ).LoadBalancers?.[0]?.LoadBalancerArn as string;
    const targetGroup = (
      await elb.send(
        new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: vpc }),
      )
    ).TargetGroups?.[0]?.TargetGroupArn as string;
    await elb.send(
      new RegisterTargetsCommand({
        TargetGroupArn: targetGroup,
        Targets: instances.slice(0, 2).map((Id) => ({ Id, Port: 80 })),
      }),
    );
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: loadBalancer,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroup }],
      }),
    );
    await classic.send(
      new CreateClassicLoadBalancerCommand({
        LoadBalancerName: 'legacy',
        Subnets: [subnets[0] as string],
        SecurityGroups: [groups[0] as string],
        Listeners: [
          { Protocol: 'TCP', LoadBalancerPort: 443, InstanceProtocol: 'TCP', InstancePort: 8443 },
        ],
      }),
    );
    await classic.send(
      new RegisterInstancesWithLoadBalancerCommand({
        LoadBalancerName: 'legacy',
        Instances: [{ InstanceId: instances[0] }],
      }),
    );
    return { vpc, subnets, groups, instances, snapshot, image, loadBalancer, targetGroup };
  } finally {
    ec2.destroy();
    iam.destroy();
    elb.destroy();
    classic.destroy();
  }
}

/** A collector's environment against moto, as `scanResources` builds it for one region. */
function envFor(
  endpoint: string,
  options: { pageSize?: number; keys?: typeof admin; middleware?: readonly Middleware[] } = {},
): { env: ResourceScanEnv; ctx: AwsScanContext } {
  const keys = options.keys ?? admin;
  const credentials: CredentialsProvider = () => Promise.resolve({ ...keys, sessionToken: '' });
  const ctx: AwsScanContext = {
    account: ACCOUNT,
    region: REGION,
    limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 200, burst: 200, concurrency: 4 })),
    log: loggerFor({ cloud: 'aws', account: ACCOUNT }),
    gaps: [],
  };
  const env: ResourceScanEnv = {
    ctx,
    clientConfig: { region: REGION, endpoint, credentials, maxAttempts: 1 },
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    configureClient: (client) => {
      const stack = (client as { middlewareStack: { add(mw: Middleware, o: object): void } })
        .middlewareStack;
      (options.middleware ?? []).forEach((mw, index) =>
        stack.add(mw, { step: 'initialize', name: `testMiddleware${index}` }),
      );
    },
  };
  return { env, ctx };
}

/**
 * moto answers DescribeSecurityGroups and DescribeSubnets in one page whatever MaxResults says;
 * this slices its answer the way AWS pages it (NextToken = offset), so that the collector's own
 * paging is what is exercised. `requests` are the paging inputs the collector sent.
 */
function pagedByAws(
  command: string,
  list: string,
): { middleware: Middleware; requests: { MaxResults?: number; NextToken?: string }[] } {
  const requests: { MaxResults?: number; NextToken?: string }[] = [];
  const middleware: Middleware = (next, context) => async (args) => {
    if (context.commandName !== command) return next(args);
    const { MaxResults, NextToken } = (
      args as { input: { MaxResults?: number; NextToken?: string } }
    ).input;
    requests.push({ ...(MaxResults ? { MaxResults } : {}), ...(NextToken ? { NextToken } : {}) });
    const result = (await next(args)) as { output: Record<string, unknown> };
    const all = result.output[list] as unknown[];
    const start = Number(NextToken ?? 0);
    const end = start + (MaxResults ?? all.length);
    result.output[list] = all.slice(start, end);
    result.output['NextToken'] = end < all.length ? String(end) : undefined;
    return result;
  };
  return { middleware, requests };
}

/** Entries of `list` across every page of one output. */
function entries(pages: readonly unknown[] | undefined, list: string): Record<string, unknown>[] {
  return (pages ?? []).flatMap(
    (page) => (page as Record<string, Record<string, unknown>[]>)[list] ?? [],
  );
}

let moto: MotoServer;
let estate: Estate;

beforeAll(async () => {
  moto = await startMoto(MOTO_ENV);
  // Seven of each against a page size of five: every paginated list needs two pages.
  estate = await buildEstate(moto.endpoint, 7);
}, 120_000);

afterAll(async () => {
  await moto.stop();
});

describe('EC2/ELB collection against moto', () => {
  it('keeps every page of every output as the CLI prints it', async () => {
    const groups = pagedByAws('DescribeSecurityGroupsCommand', 'SecurityGroups');
    const subnets = pagedByAws('DescribeSubnetsCommand', 'Subnets');
    const { env, ctx } = envFor(moto.endpoint, {
      pageSize: 2, // below EC2's minimum of 5: asked as 5
      middleware: [groups.middleware, subnets.middleware],
    });
    const outputs = await collectEc2Outputs(env);
    expect(ctx.gaps).toEqual([]);

    // moto pages DescribeInstances itself (by reservation); 7 reservations → 5 + 2.
    expect(outputs['describe-instances']).toHaveLength(2);
    const instanceIds = entries(outputs['describe-instances'], 'Reservations').flatMap((r) =>
      (r['Instances'] as { InstanceId: string }[]).map((i) => i.InstanceId),
    );
    expect(instanceIds.sort()).toEqual([...estate.instances].sort());
    // The collector followed the tokens, asking 5 at a time.
    expect(groups.requests).toEqual([{ MaxResults: 5 }, { MaxResults: 5, NextToken: '5' }]);
    expect(outputs['describe-security-groups']).toHaveLength(2);
    const groupIds = entries(outputs['describe-security-groups'], 'SecurityGroups').map(
      (g) => g['GroupId'],
    );
    expect(groupIds).toEqual(expect.arrayContaining(estate.groups));
    // The default VPC's 6 subnets and ours: three pages.
    expect(subnets.requests.map((r) => r.NextToken)).toEqual([undefined, '5', '10']);
    expect(entries(outputs['describe-subnets'], 'Subnets').map((s) => s['SubnetId'])).toEqual(
      expect.arrayContaining(estate.subnets),
    );

    // As the CLI prints it: no SDK metadata, dates as ISO strings.
    const text = JSON.stringify(outputs);
    expect(text).not.toContain('$metadata');
    const [reservation] = entries(outputs['describe-instances'], 'Reservations');
    const launchTime = (reservation?.['Instances'] as { LaunchTime?: unknown }[])[0]?.LaunchTime;
    expect(launchTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const instance = entries(outputs['describe-instances'], 'Reservations')
      .flatMap((r) => r['Instances'] as Record<string, unknown>[])
      .find((i) => i['InstanceId'] === estate.instances[0]);
    expect(instance?.['IamInstanceProfile']).toMatchObject({
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`,
    });

    expect(entries(outputs['describe-internet-gateways'], 'InternetGateways')).toHaveLength(1);
    // Ours, and the one moto made for the image: each with its attribute, in the same order.
    const snapshotIds = entries(outputs['describe-snapshots'], 'Snapshots').map(
      (s) => s['SnapshotId'],
    );
    expect(snapshotIds).toHaveLength(2);
    expect(snapshotIds).toContain(estate.snapshot);
    expect(
      outputs['describe-snapshot-attributes']?.map((a) => (a as { SnapshotId: string }).SnapshotId),
    ).toEqual(snapshotIds);
    expect(outputs['describe-snapshot-attributes']).toContainEqual(
      expect.objectContaining({
        SnapshotId: estate.snapshot,
        CreateVolumePermissions: [{ Group: 'all' }],
      }),
    );
    expect(entries(outputs['describe-images'], 'Images').map((i) => i['ImageId'])).toEqual([
      estate.image,
    ]);
    expect(
      entries(outputs['elbv2-describe-load-balancers'], 'LoadBalancers').map(
        (lb) => lb['LoadBalancerArn'],
      ),
    ).toEqual([estate.loadBalancer]);
    expect(entries(outputs['elbv2-describe-listeners'], 'Listeners')).toEqual([
      expect.objectContaining({ LoadBalancerArn: estate.loadBalancer, Port: 80 }),
    ]);
    expect(outputs['elbv2-describe-target-health']).toEqual([
      expect.objectContaining({
        TargetGroupArn: estate.targetGroup,
        TargetHealthDescriptions: expect.arrayContaining([
          expect.objectContaining({
            Target: expect.objectContaining({ Id: estate.instances[0] }) as unknown,
          }),
        ]) as unknown,
      }),
    ]);
    expect(outputs['elb-describe-load-balancers']).toEqual([
      expect.objectContaining({
        LoadBalancerDescriptions: [
          expect.objectContaining({
            LoadBalancerName: 'legacy',
            Instances: [expect.objectContaining({ InstanceId: estate.instances[0] })],
          }),
        ],
      }),
    ]);
    // None exist, yet it was read: an empty list, not a missing output.
    expect(outputs['describe-nat-gateways']).toEqual([{ NatGateways: [] }]);
  }, 60_000);

  it('turns the outputs into valid records of the region scope', async () => {
    const { env } = envFor(moto.endpoint, { pageSize: 5 });
    const records = await ec2Collector.collect(env);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${REGION}/ec2` });
    const valid = validateGraphRecords(flattenGraphRecords(records), 'moto ec2');
    const ids = (model: string): string[] =>
      valid.nodes.filter((n) => n.model === model && !n.stub).map((n) => n.id);
    const at = { region: REGION, account: ACCOUNT };
    expect(ids('AWSEC2Instance').sort()).toEqual(
      estate.instances.map((id) => ec2Arn(at, 'instance', id)).sort(),
    );
    expect(ids('AWSSubnet')).toEqual(
      expect.arrayContaining(estate.subnets.map((id) => ec2Arn(at, 'subnet', id))),
    );
    expect(ids('AWSSecurityGroup')).toEqual(
      expect.arrayContaining(estate.groups.map((id) => ec2Arn(at, 'security-group', id))),
    );
    const classicArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/legacy`;
    expect(ids('AWSLoadBalancer').sort()).toEqual([estate.loadBalancer, classicArn].sort());
    expect(valid.nodes.find((n) => n.id === classicArn)?.properties).toMatchObject({
      kind: 'classic',
      listeners: [{ protocol: 'TCP', port: 443, instancePort: 8443 }],
    });
    expect(valid.relationships).toContainEqual(
      expect.objectContaining({
        type: 'HAS_TARGET',
        from: classicArn,
        to: ec2Arn({ region: REGION, account: ACCOUNT }, 'instance', estate.instances[0] as string),
      }),
    );
    expect(ids('AWSTargetGroup')).toEqual([estate.targetGroup]);
    expect(ids('AWSEBSSnapshot')).toContain(ec2Arn(at, 'snapshot', estate.snapshot));
    expect(ids('AWSAmi')).toEqual([ec2Arn(at, 'image', estate.image)]);
    // Each instance runs with the profile (a stub: IAM is another scope's).
    const profile = `arn:aws:iam::${ACCOUNT}:instance-profile/web`;
    expect(
      valid.relationships.filter((r) => r.type === 'HAS_INSTANCE_PROFILE' && r.to === profile),
    ).toHaveLength(estate.instances.length);
    expect(valid.nodes.find((n) => n.id === profile)).toMatchObject({ stub: true });
  }, 60_000);

  it('retries a throttled call and completes the collection', async () => {
    let throttled = 0;
    const throttle: Middleware = (next, context) => (args) => {
      if (context.commandName === 'DescribeSecurityGroupsCommand' && throttled < 2) {
        throttled += 1;
        const error = Object.assign(new Error('Rate exceeded'), {
          name: 'Throttling',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        });
        return Promise.reject(error);
      }
      return next(args);
    };
    const { env, ctx } = envFor(moto.endpoint, { middleware: [throttle] });
    const outputs = await collectEc2Outputs(env);
    expect(throttled).toBe(2);
    expect(ctx.gaps).toEqual([]);
    expect(
      entries(outputs['describe-security-groups'], 'SecurityGroups').map((g) => g['GroupId']),
    ).toEqual(expect.arrayContaining(estate.groups));
  }, 60_000);

  it('records access-denied calls as gaps while the collection completes', async () => {
    // A second moto that checks every call against the caller's policies once set up.
    const strict = await startMoto(MOTO_ENV);
    try {
      const small = await buildEstate(strict.endpoint, 2);
      const iam = new IAMClient({ region: REGION, endpoint: strict.endpoint, credentials: admin });
      await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
      await iam.send(
        new PutUserPolicyCommand({
          UserName: 'auditor',
          PolicyName: 'read-most',
          PolicyDocument: doc(
            {
              Effect: 'Allow',
              Action: ['ec2:Describe*', 'elasticloadbalancing:Describe*'],
              Resource: '*',
            },
            {
              Effect: 'Deny',
              Action: [
                'ec2:DescribeNetworkAcls', // required: an empty output
                'ec2:DescribeVolumes', // optional: no output
                'elasticloadbalancing:DescribeTargetHealth', // one call per target group
              ],
              Resource: '*',
            },
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

      const keys = {
        accessKeyId: key?.AccessKeyId ?? '',
        secretAccessKey: key?.SecretAccessKey ?? '',
      };
      const { env, ctx } = envFor(strict.endpoint, { keys });
      const outputs = await collectEc2Outputs(env);
      // AWS says UnauthorizedOperation for EC2; moto says AccessDenied for every service.
      expect(
        ctx.gaps.map((g) => `${g.service}:${g.operation}@${g.region} ${g.errorCode}`).sort(),
      ).toEqual([
        `ec2:DescribeNetworkAcls@${REGION} AccessDenied`,
        `ec2:DescribeVolumes@${REGION} AccessDenied`,
        `elasticloadbalancing:DescribeTargetHealth@${REGION} AccessDenied`,
      ]);
      expect(outputs['describe-network-acls']).toEqual([]);
      expect(outputs).not.toHaveProperty('describe-volumes');
      expect(outputs).not.toHaveProperty('elbv2-describe-target-health');
      expect(outputs['elbv2-describe-target-groups']).toBeDefined();

      // The rest still becomes records, with a CoverageGap per refused call.
      ctx.gaps.length = 0;
      const records = await ec2Collector.collect(env);
      const scan = withGaps(records, ctx.gaps);
      const valid = validateGraphRecords(flattenGraphRecords(scan.records), 'strict moto ec2');
      expect(
        valid.nodes
          .filter((n) => n.model === 'AWSEC2Instance')
          .map((n) => n.id)
          .sort(),
      ).toEqual(
        small.instances
          .map((id) => ec2Arn({ region: REGION, account: ACCOUNT }, 'instance', id))
          .sort(),
      );
      expect(
        valid.nodes
          .filter((n) => n.model === 'CoverageGap')
          .map((n) => n.id)
          .sort(),
      ).toEqual([
        `aws:${ACCOUNT}/${REGION}/ec2/gap/ec2:DescribeNetworkAcls@${REGION}`,
        `aws:${ACCOUNT}/${REGION}/ec2/gap/ec2:DescribeVolumes@${REGION}`,
        `aws:${ACCOUNT}/${REGION}/ec2/gap/elasticloadbalancing:DescribeTargetHealth@${REGION}`,
      ]);
      expect(JSON.stringify(scan)).not.toContain(keys.secretAccessKey);
    } finally {
      await strict.stop();
    }
  }, 90_000);
});
