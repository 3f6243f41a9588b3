import { ec2OutputsToRecords } from '../../collectors/aws/ec2/ec2-to-records.js';
import type { Ec2Outputs } from '../../collectors/aws/ec2/ec2-outputs.js';
import type { GraphRecords } from '../../records/graph-records.js';
import { syntheticNetwork } from './network.js';
import { daysAgo, ec2Id, instanceProfileArn, kmsKeyArn, type EstatePlan } from './estate-plan.js';
import type { SeededRandom } from './random.js';

interface Instance {
  InstanceId: string;
  [field: string]: unknown;
}
interface SecurityGroup {
  GroupId: string;
  GroupName: string;
  VpcId: string;
  IpPermissions: unknown[];
}

/**
 * One account and region's `ec2` scope through the importer's own conversion: the network of
 * `network.ts` (VPCs, subnets, routes, ACLs, groups, instances, ALBs), with instances
 * given metadata options, profiles, images and volumes, a `default` group per VPC, and the
 * region's volumes, snapshots (a few public) and images (a few public).
 */
export function ec2Scope(
  plan: EstatePlan,
  ai: number,
  region: string,
  random: SeededRandom,
): GraphRecords {
  const account = plan.accounts[ai] ?? '';
  const { sizes } = plan;
  const network = syntheticNetwork(account, region, {
    vpcs: sizes.vpcs,
    subnets: Math.max(sizes.vpcs, sizes.subnets),
    groups: Math.max(sizes.vpcs, sizes.securityGroups),
    instances: sizes.instances,
    albs: sizes.albs,
  });
  const instances = firstPage<{ Reservations: { Instances: Instance[] }[] }>(
    network['describe-instances'],
  ).Reservations.flatMap((r) => r.Instances);
  const groups = firstPage<{ SecurityGroups: SecurityGroup[] }>(
    network['describe-security-groups'],
  ).SecurityGroups;

  // Each VPC's first group is its default one; half of them still carry rules.
  const seenVpcs = new Set<string>();
  for (const group of groups) {
    if (seenVpcs.has(group.VpcId)) continue;
    seenVpcs.add(group.VpcId);
    group.GroupName = 'default';
    if (random.chance(0.5)) group.IpPermissions = [];
  }

  const unique = (prefix: string, i: number): string => ec2Id(prefix, ai * 0x1000000 + i);
  const images = Array.from({ length: sizes.images }, (_, i) => ({
    ImageId: unique('ami', i),
    OwnerId: account,
    Name: `golden-${i}`,
    Public: random.chance(0.04),
    CreationDate: daysAgo(random.int(700)),
  }));
  const volumes: Record<string, unknown>[] = [];
  instances.forEach((instance, i) => {
    const stopped = random.chance(0.06);
    instance['State'] = { Name: stopped ? 'stopped' : 'running' };
    instance['InstanceType'] = random.pick(['t3.micro', 'm6i.large', 'c7g.xlarge']);
    instance['ImageId'] = images[i % images.length]?.ImageId;
    instance['LaunchTime'] = daysAgo(random.int(500));
    instance['MetadataOptions'] = {
      HttpTokens: random.chance(0.7) ? 'required' : 'optional',
      HttpEndpoint: random.chance(0.95) ? 'enabled' : 'disabled',
      HttpPutResponseHopLimit: 2,
    };
    if (random.chance(0.85)) {
      instance['IamInstanceProfile'] = {
        Arn: instanceProfileArn(account, random.int(sizes.ec2Roles)),
      };
    }
    if (volumes.length < sizes.volumes) {
      const volumeId = unique('vol', volumes.length);
      volumes.push(volume(volumeId, random, account, region, sizes.kmsKeys, instance.InstanceId));
      instance['BlockDeviceMappings'] = [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: volumeId } }];
    }
  });
  while (volumes.length < sizes.volumes) {
    volumes.push(volume(unique('vol', volumes.length), random, account, region, sizes.kmsKeys));
  }
  const snapshots = Array.from({ length: sizes.snapshots }, (_, i) => {
    const source = volumes[(i * 3) % volumes.length];
    return {
      SnapshotId: unique('snap', i),
      OwnerId: account,
      VolumeId: source?.['VolumeId'],
      Encrypted: source?.['Encrypted'],
      KmsKeyId: source?.['KmsKeyId'],
      StartTime: daysAgo(random.int(365)),
    };
  });
  const snapshotAttributes = snapshots.map((s) => ({
    SnapshotId: s.SnapshotId,
    CreateVolumePermissions: random.chance(0.03)
      ? [{ Group: 'all' }]
      : random.chance(0.1)
        ? [{ UserId: plan.accounts[(ai + 1) % plan.accounts.length] }]
        : [],
  }));
  const vpcIds = [...seenVpcs];
  const outputs: Ec2Outputs = {
    ...network,
    'describe-vpcs': [
      {
        Vpcs: vpcIds.map((VpcId, v) => ({
          VpcId,
          OwnerId: account,
          CidrBlock: `10.${v % 256}.0.0/16`,
          IsDefault: v === 0,
        })),
      },
    ],
    'describe-volumes': [{ Volumes: volumes }],
    'describe-snapshots': [{ Snapshots: snapshots }],
    'describe-snapshot-attributes': snapshotAttributes,
    'describe-images': [{ Images: images }],
  };
  return ec2OutputsToRecords(outputs, `synthetic ${account}/${region}`, { account, region });
}

function volume(
  VolumeId: string,
  random: SeededRandom,
  account: string,
  region: string,
  keys: number,
  instance?: string,
): Record<string, unknown> {
  const encrypted = random.chance(0.8);
  return {
    VolumeId,
    Size: random.pick([8, 20, 100, 500]),
    State: instance ? 'in-use' : 'available',
    Encrypted: encrypted,
    KmsKeyId:
      encrypted && random.chance(0.5) ? kmsKeyArn(account, region, random.int(keys)) : undefined,
    Attachments: instance ? [{ InstanceId: instance }] : [],
  };
}

function firstPage<T>(pages: readonly unknown[] | undefined): T {
  const page = pages?.[0];
  if (page === undefined) throw new Error('synthetic network output without a page');
  return page as T;
}
