import { z } from 'zod';

/*
 * The parts of each `aws ec2 describe-*` / `aws elbv2` / `aws elb` output Cairn reads. Objects are
 * loose: AWS adds fields over time and a dump from a newer CLI must still import. Fields Cairn
 * reads are typed, so a wrong type is an error naming the field.
 */

const id = z.string().min(1).max(256);
const tags = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();
const portRange = z.looseObject({ From: z.number().int(), To: z.number().int() });

const ipPermission = z.looseObject({
  IpProtocol: z.string(),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: z.string() })).optional(),
  Ipv6Ranges: z.array(z.looseObject({ CidrIpv6: z.string() })).optional(),
  PrefixListIds: z.array(z.looseObject({ PrefixListId: z.string() })).optional(),
  UserIdGroupPairs: z.array(z.looseObject({ GroupId: z.string().optional() })).optional(),
});
export type IpPermission = z.infer<typeof ipPermission>;

const interfaceOnInstance = z.looseObject({
  NetworkInterfaceId: id,
  SubnetId: z.string().optional(),
  Attachment: z.looseObject({ DeviceIndex: z.number().int().optional() }).optional(),
});

export const instance = z.looseObject({
  InstanceId: id,
  State: z.looseObject({ Name: z.string() }).optional(),
  InstanceType: z.string().optional(),
  Placement: z.looseObject({ AvailabilityZone: z.string().optional() }).optional(),
  ImageId: z.string().optional(),
  Platform: z.string().optional(),
  LaunchTime: z.string().optional(),
  VpcId: z.string().optional(),
  SubnetId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  PublicDnsName: z.string().optional(),
  IamInstanceProfile: z.looseObject({ Arn: z.string() }).optional(),
  MetadataOptions: z
    .looseObject({
      HttpTokens: z.string().optional(),
      HttpEndpoint: z.string().optional(),
      HttpPutResponseHopLimit: z.number().int().optional(),
    })
    .optional(),
  SecurityGroups: z.array(z.looseObject({ GroupId: id })).optional(),
  NetworkInterfaces: z.array(interfaceOnInstance).optional(),
  BlockDeviceMappings: z
    .array(z.looseObject({ Ebs: z.looseObject({ VolumeId: z.string() }).optional() }))
    .optional(),
  Tags: tags,
});
export type Ec2Instance = z.infer<typeof instance>;

export const describeInstances = z.looseObject({
  Reservations: z.array(
    z.looseObject({ OwnerId: z.string().optional(), Instances: z.array(instance) }),
  ),
});

export const securityGroup = z.looseObject({
  GroupId: id,
  GroupName: z.string().optional(),
  OwnerId: z.string().optional(),
  VpcId: z.string().optional(),
  Description: z.string().optional(),
  IpPermissions: z.array(ipPermission).optional(),
  IpPermissionsEgress: z.array(ipPermission).optional(),
  Tags: tags,
});
export type Ec2SecurityGroup = z.infer<typeof securityGroup>;
export const describeSecurityGroups = z.looseObject({ SecurityGroups: z.array(securityGroup) });

export const subnet = z.looseObject({
  SubnetId: id,
  VpcId: id,
  OwnerId: z.string().optional(),
  SubnetArn: z.string().optional(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: z.string() })).optional(),
  AvailabilityZone: z.string().optional(),
  MapPublicIpOnLaunch: z.boolean().optional(),
  Tags: tags,
});
export type Ec2Subnet = z.infer<typeof subnet>;
export const describeSubnets = z.looseObject({ Subnets: z.array(subnet) });

export const route = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  InstanceId: z.string().optional(),
  State: z.string().optional(),
});
export type Ec2Route = z.infer<typeof route>;

export const routeTable = z.looseObject({
  RouteTableId: id,
  VpcId: id,
  OwnerId: z.string().optional(),
  Routes: z.array(route).optional(),
  Associations: z
    .array(
      z.looseObject({
        Main: z.boolean().optional(),
        SubnetId: z.string().optional(),
        GatewayId: z.string().optional(),
      }),
    )
    .optional(),
  Tags: tags,
});
export const describeRouteTables = z.looseObject({ RouteTables: z.array(routeTable) });

export const internetGateway = z.looseObject({
  InternetGatewayId: id,
  OwnerId: z.string().optional(),
  Attachments: z
    .array(z.looseObject({ VpcId: z.string(), State: z.string().optional() }))
    .optional(),
  Tags: tags,
});
export const describeInternetGateways = z.looseObject({
  InternetGateways: z.array(internetGateway),
});

export const egressOnlyGateway = z.looseObject({
  EgressOnlyInternetGatewayId: id,
  Attachments: z
    .array(z.looseObject({ VpcId: z.string(), State: z.string().optional() }))
    .optional(),
  Tags: tags,
});
export const describeEgressOnlyGateways = z.looseObject({
  EgressOnlyInternetGateways: z.array(egressOnlyGateway),
});

export const aclEntry = z.looseObject({
  RuleNumber: z.number().int(),
  Protocol: z.string(),
  RuleAction: z.enum(['allow', 'deny']),
  Egress: z.boolean(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlock: z.string().optional(),
  PortRange: portRange.optional(),
  IcmpTypeCode: z.looseObject({ Type: z.number().int(), Code: z.number().int() }).optional(),
});
export type Ec2AclEntry = z.infer<typeof aclEntry>;

export const networkAcl = z.looseObject({
  NetworkAclId: id,
  VpcId: id,
  OwnerId: z.string().optional(),
  IsDefault: z.boolean().optional(),
  Entries: z.array(aclEntry).optional(),
  Associations: z.array(z.looseObject({ SubnetId: z.string() })).optional(),
  Tags: tags,
});
export const describeNetworkAcls = z.looseObject({ NetworkAcls: z.array(networkAcl) });

export const networkInterface = z.looseObject({
  NetworkInterfaceId: id,
  OwnerId: z.string().optional(),
  InterfaceType: z.string().optional(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  Description: z.string().optional(),
  RequesterManaged: z.boolean().optional(),
  Association: z.looseObject({ PublicIp: z.string().optional() }).optional(),
  PrivateIpAddresses: z
    .array(
      z.looseObject({
        PrivateIpAddress: z.string().optional(),
        Association: z.looseObject({ PublicIp: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  PrivateIpAddress: z.string().optional(),
  Ipv6Addresses: z.array(z.looseObject({ Ipv6Address: z.string() })).optional(),
  Groups: z.array(z.looseObject({ GroupId: id })).optional(),
  Attachment: z
    .looseObject({ InstanceId: z.string().optional(), DeviceIndex: z.number().int().optional() })
    .optional(),
});
export type Ec2NetworkInterface = z.infer<typeof networkInterface>;
export const describeNetworkInterfaces = z.looseObject({
  NetworkInterfaces: z.array(networkInterface),
});

export const describeVpcs = z.looseObject({
  Vpcs: z.array(
    z.looseObject({
      VpcId: id,
      OwnerId: z.string().optional(),
      CidrBlock: z.string().optional(),
      CidrBlockAssociationSet: z.array(z.looseObject({ CidrBlock: z.string() })).optional(),
      Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: z.string() })).optional(),
      IsDefault: z.boolean().optional(),
      Tags: tags,
    }),
  ),
});

export const describeNatGateways = z.looseObject({
  NatGateways: z.array(
    z.looseObject({
      NatGatewayId: id,
      SubnetId: z.string().optional(),
      VpcId: z.string().optional(),
      State: z.string().optional(),
      ConnectivityType: z.string().optional(),
      NatGatewayAddresses: z.array(z.looseObject({ PublicIp: z.string().optional() })).optional(),
      Tags: tags,
    }),
  ),
});

export const describeAddresses = z.looseObject({
  Addresses: z.array(
    z.looseObject({
      PublicIp: z.string().optional(),
      NetworkInterfaceId: z.string().optional(),
      InstanceId: z.string().optional(),
    }),
  ),
});

export const describeVolumes = z.looseObject({
  Volumes: z.array(
    z.looseObject({
      VolumeId: id,
      Size: z.number().int().optional(),
      State: z.string().optional(),
      Encrypted: z.boolean().optional(),
      KmsKeyId: z.string().optional(),
      Attachments: z.array(z.looseObject({ InstanceId: z.string().optional() })).optional(),
      Tags: tags,
    }),
  ),
});

export const describeSnapshots = z.looseObject({
  Snapshots: z.array(
    z.looseObject({
      SnapshotId: id,
      OwnerId: z.string().optional(),
      VolumeId: z.string().optional(),
      Encrypted: z.boolean().optional(),
      KmsKeyId: z.string().optional(),
      StartTime: z.string().optional(),
      Tags: tags,
    }),
  ),
});

export const snapshotAttribute = z.looseObject({
  SnapshotId: id,
  CreateVolumePermissions: z
    .array(z.looseObject({ Group: z.string().optional(), UserId: z.string().optional() }))
    .optional(),
});

export const describeImages = z.looseObject({
  Images: z.array(
    z.looseObject({
      ImageId: id,
      OwnerId: z.string().optional(),
      Name: z.string().optional(),
      Public: z.boolean().optional(),
      CreationDate: z.string().optional(),
      Tags: tags,
    }),
  ),
});

export const elbv2LoadBalancer = z.looseObject({
  LoadBalancerArn: id,
  LoadBalancerName: z.string(),
  Type: z.string().optional(),
  Scheme: z.string().optional(),
  DNSName: z.string().optional(),
  VpcId: z.string().optional(),
  IpAddressType: z.string().optional(),
  SecurityGroups: z.array(z.string()).optional(),
  AvailabilityZones: z.array(z.looseObject({ SubnetId: z.string().optional() })).optional(),
});
export const elbv2DescribeLoadBalancers = z.looseObject({
  LoadBalancers: z.array(elbv2LoadBalancer),
});

const forwardAction = z.looseObject({
  Type: z.string(),
  TargetGroupArn: z.string().optional(),
  ForwardConfig: z
    .looseObject({
      TargetGroups: z.array(z.looseObject({ TargetGroupArn: z.string() })).optional(),
    })
    .optional(),
});
export const elbv2Listener = z.looseObject({
  ListenerArn: id,
  LoadBalancerArn: id,
  Port: z.number().int().optional(),
  Protocol: z.string().optional(),
  DefaultActions: z.array(forwardAction).optional(),
});
export type Elbv2Listener = z.infer<typeof elbv2Listener>;
export const elbv2DescribeListeners = z.looseObject({ Listeners: z.array(elbv2Listener) });

export const elbv2DescribeTargetGroups = z.looseObject({
  TargetGroups: z.array(
    z.looseObject({
      TargetGroupArn: id,
      TargetGroupName: z.string(),
      Protocol: z.string().optional(),
      Port: z.number().int().optional(),
      TargetType: z.string().optional(),
      VpcId: z.string().optional(),
      LoadBalancerArns: z.array(z.string()).optional(),
    }),
  ),
});

export const elbv2DescribeTargetHealth = z.looseObject({
  TargetGroupArn: id,
  TargetHealthDescriptions: z.array(
    z.looseObject({
      Target: z.looseObject({ Id: z.string(), Port: z.number().int().optional() }),
    }),
  ),
});

export const elbDescribeLoadBalancers = z.looseObject({
  LoadBalancerDescriptions: z.array(
    z.looseObject({
      LoadBalancerName: z.string(),
      DNSName: z.string().optional(),
      Scheme: z.string().optional(),
      VPCId: z.string().optional(),
      Subnets: z.array(z.string()).optional(),
      SecurityGroups: z.array(z.string()).optional(),
      Instances: z.array(z.looseObject({ InstanceId: z.string() })).optional(),
      ListenerDescriptions: z
        .array(
          z.looseObject({
            Listener: z.looseObject({
              Protocol: z.string(),
              LoadBalancerPort: z.number().int(),
              InstanceProtocol: z.string().optional(),
              InstancePort: z.number().int(),
            }),
          }),
        )
        .optional(),
    }),
  ),
});
