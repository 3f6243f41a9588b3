import type { RecordsBuilder } from '../../../records/records-builder.js';
import { ec2Arn, type Ec2Location } from './ec2-arn.js';
import { tagsOf } from './ec2-tags.js';
import type { ParsedEc2 } from './parse-ec2-outputs.js';

const KEY_ARN = /^arn:[^:]+:kms:[^:]+:\d{12}:key\/[\w-]+$/;

/** Instances (with interfaces, groups, profile and volumes), volumes, snapshots and images. */
export function addComputeRecords(b: RecordsBuilder, at: Ec2Location, ec2: ParsedEc2): void {
  const located = { account: at.account, region: at.region };
  const interfaces = new Map(ec2.networkInterfaces.map((n) => [n.NetworkInterfaceId, n]));
  const described = new Set((ec2.volumes ?? []).map((v) => v.VolumeId));

  for (const reservation of ec2.reservations) {
    for (const i of reservation.Instances) {
      const ipv6 = (i.NetworkInterfaces ?? []).flatMap(
        (n) => interfaces.get(n.NetworkInterfaceId)?.Ipv6Addresses?.map((a) => a.Ipv6Address) ?? [],
      );
      const id = b.node('AWSEC2Instance', ec2Arn(at, 'instance', i.InstanceId), {
        ...located,
        instanceId: i.InstanceId,
        state: i.State?.Name,
        instanceType: i.InstanceType,
        imageId: i.ImageId,
        platform: i.Platform,
        launchTime: i.LaunchTime,
        vpcId: i.VpcId,
        subnetId: i.SubnetId,
        privateIp: i.PrivateIpAddress,
        publicIp: i.PublicIpAddress,
        publicDnsName: i.PublicDnsName || undefined,
        ipv6Addresses: ipv6,
        instanceProfileArn: i.IamInstanceProfile?.Arn,
        imdsHttpTokens: i.MetadataOptions?.HttpTokens,
        imdsHttpEndpoint: i.MetadataOptions?.HttpEndpoint,
        imdsHopLimit: i.MetadataOptions?.HttpPutResponseHopLimit,
        tags: tagsOf(i.Tags),
      });
      if (i.VpcId) b.rel('IN_VPC', id, b.stub('AWSVpc', ec2Arn(at, 'vpc', i.VpcId)));
      if (i.SubnetId) b.rel('IN_SUBNET', id, b.stub('AWSSubnet', ec2Arn(at, 'subnet', i.SubnetId)));
      for (const g of i.SecurityGroups ?? []) {
        b.rel(
          'HAS_SECURITY_GROUP',
          id,
          b.stub('AWSSecurityGroup', ec2Arn(at, 'security-group', g.GroupId)),
        );
      }
      for (const n of i.NetworkInterfaces ?? []) {
        // An interface the interfaces output lacks is still the instance's: keep it as a stub.
        const eni = b.stub(
          'AWSNetworkInterface',
          ec2Arn(at, 'network-interface', n.NetworkInterfaceId),
        );
        b.rel('HAS_INTERFACE', id, eni, { deviceIndex: n.Attachment?.DeviceIndex });
      }
      if (i.IamInstanceProfile?.Arn) {
        b.rel('HAS_INSTANCE_PROFILE', id, b.stub('AWSInstanceProfile', i.IamInstanceProfile.Arn));
      }
      for (const m of i.BlockDeviceMappings ?? []) {
        const volumeId = m.Ebs?.VolumeId;
        if (volumeId && described.has(volumeId)) {
          b.rel('HAS_VOLUME', id, ec2Arn(at, 'volume', volumeId));
        }
      }
    }
  }

  for (const v of ec2.volumes ?? []) {
    const id = b.node('AWSEBSVolume', ec2Arn(at, 'volume', v.VolumeId), {
      ...located,
      volumeId: v.VolumeId,
      sizeGiB: v.Size,
      state: v.State,
      encrypted: v.Encrypted ?? false,
      kmsKeyId: v.KmsKeyId,
      tags: tagsOf(v.Tags),
    });
    if (v.KmsKeyId && KEY_ARN.test(v.KmsKeyId))
      b.rel('ENCRYPTED_WITH', id, b.stub('AWSKmsKey', v.KmsKeyId));
  }

  const attributes = new Map((ec2.snapshotAttributes ?? []).map((a) => [a.SnapshotId, a]));
  for (const s of ec2.snapshots ?? []) {
    const permissions = attributes.get(s.SnapshotId)?.CreateVolumePermissions;
    const id = b.node('AWSEBSSnapshot', ec2Arn(at, 'snapshot', s.SnapshotId), {
      ...located,
      snapshotId: s.SnapshotId,
      volumeId: s.VolumeId,
      encrypted: s.Encrypted ?? false,
      kmsKeyId: s.KmsKeyId,
      // Unknown (not false) when the attribute was not read.
      public: permissions ? permissions.some((p) => p.Group === 'all') : undefined,
      sharedWith: permissions?.flatMap((p) => (p.UserId ? [p.UserId] : [])),
      startTime: s.StartTime,
      tags: tagsOf(s.Tags),
    });
    if (s.VolumeId && described.has(s.VolumeId))
      b.rel('SNAPSHOT_OF', id, ec2Arn(at, 'volume', s.VolumeId));
    if (s.KmsKeyId && KEY_ARN.test(s.KmsKeyId))
      b.rel('ENCRYPTED_WITH', id, b.stub('AWSKmsKey', s.KmsKeyId));
  }

  for (const image of ec2.images ?? []) {
    b.node('AWSAmi', ec2Arn(at, 'image', image.ImageId), {
      ...located,
      imageId: image.ImageId,
      name: image.Name,
      public: image.Public ?? false,
      creationDate: image.CreationDate,
      tags: tagsOf(image.Tags),
    });
  }
}
