import type { Ec2Outputs } from '../../collectors/aws/ec2/ec2-outputs.js';

/**
 * `aws ec2 describe-*` outputs of a large, realistic account and region: VPCs with public and
 * private subnets, a main route table through a NAT and a public one to the internet gateway,
 * default and stricter network ACLs, security groups mixing internet, private and group-referencing
 * rules, instances with and without public IPv4 and IPv6 addresses, and internet-facing ALBs with
 * instance targets. Deterministic for given sizes.
 */
export function syntheticNetwork(
  account: string,
  region: string,
  sizes: { vpcs: number; subnets: number; groups: number; instances: number; albs: number },
): Ec2Outputs {
  // mulberry32: a small PRNG whose low bits are as random as its high ones.
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const hex = (prefix: string, i: number): string =>
    `${prefix}-${i.toString(16).padStart(17, '0')}`;
  const vpc = (i: number): string => hex('vpc', i);
  const subnetsPerVpc = Math.ceil(sizes.subnets / sizes.vpcs);
  const vpcOf = (s: number): number => Math.floor(s / subnetsPerVpc);
  const isPublic = (s: number): boolean => s % 4 === 0;
  const cidrOf = (s: number): string => `10.${vpcOf(s) % 256}.${s % subnetsPerVpc}.0/24`;

  const subnets = Array.from({ length: sizes.subnets }, (_, s) => ({
    SubnetId: hex('subnet', s),
    VpcId: vpc(vpcOf(s)),
    OwnerId: account,
    CidrBlock: cidrOf(s),
    AvailabilityZone: `${region}${'abc'[s % 3]}`,
    SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/${hex('subnet', s)}`,
    Ipv6CidrBlockAssociationSet:
      s % 8 === 0
        ? [{ Ipv6CidrBlock: `2a05:d018:${vpcOf(s).toString(16)}:${(s % 256).toString(16)}::/64` }]
        : [],
  }));
  const local = [{ DestinationCidrBlock: '10.0.0.0/8', GatewayId: 'local', State: 'active' }];
  const routeTables = Array.from({ length: sizes.vpcs }, (_, v) => [
    {
      RouteTableId: hex('rtb', v * 2),
      VpcId: vpc(v),
      OwnerId: account,
      Routes: [
        ...local,
        { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: hex('nat', v), State: 'active' },
      ],
      Associations: [{ Main: true }],
    },
    {
      RouteTableId: hex('rtb', v * 2 + 1),
      VpcId: vpc(v),
      OwnerId: account,
      Routes: [
        ...local,
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: hex('igw', v), State: 'active' },
        { DestinationIpv6CidrBlock: '::/0', GatewayId: hex('igw', v), State: 'active' },
        {
          DestinationCidrBlock: '198.51.100.0/24',
          TransitGatewayId: hex('tgw', v),
          State: 'active',
        },
      ],
      Associations: subnets
        .filter((_, s) => vpcOf(s) === v && isPublic(s))
        .map((s) => ({ Main: false, SubnetId: s.SubnetId })),
    },
  ]).flat();
  const allowAll = (egress: boolean, n: number) => [
    { RuleNumber: n, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' },
    {
      RuleNumber: n + 1,
      Protocol: '-1',
      RuleAction: 'allow',
      Egress: egress,
      Ipv6CidrBlock: '::/0',
    },
    {
      RuleNumber: 32767,
      Protocol: '-1',
      RuleAction: 'deny',
      Egress: egress,
      CidrBlock: '0.0.0.0/0',
    },
  ];
  const networkAcls = Array.from({ length: sizes.vpcs }, (_, v) => [
    {
      NetworkAclId: hex('acl', v * 2),
      VpcId: vpc(v),
      OwnerId: account,
      IsDefault: true,
      Entries: [...allowAll(false, 100), ...allowAll(true, 100)],
      Associations: subnets
        .filter((_, s) => vpcOf(s) === v && s % 3 !== 0)
        .map((s) => ({ SubnetId: s.SubnetId })),
    },
    {
      NetworkAclId: hex('acl', v * 2 + 1),
      VpcId: vpc(v),
      OwnerId: account,
      IsDefault: false,
      Entries: [
        {
          RuleNumber: 90,
          Protocol: '6',
          RuleAction: 'deny',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 22, To: 22 },
        },
        {
          RuleNumber: 95,
          Protocol: '6',
          RuleAction: 'deny',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 3389, To: 3389 },
        },
        {
          RuleNumber: 100,
          Protocol: '6',
          RuleAction: 'allow',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 1, To: 65535 },
        },
        {
          RuleNumber: 110,
          Protocol: '17',
          RuleAction: 'allow',
          Egress: false,
          CidrBlock: '10.0.0.0/8',
          PortRange: { From: 53, To: 53 },
        },
        {
          RuleNumber: 100,
          Protocol: '6',
          RuleAction: 'allow',
          Egress: true,
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 1024, To: 65535 },
        },
        {
          RuleNumber: 32767,
          Protocol: '-1',
          RuleAction: 'deny',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
        },
        {
          RuleNumber: 32767,
          Protocol: '-1',
          RuleAction: 'deny',
          Egress: true,
          CidrBlock: '0.0.0.0/0',
        },
      ],
      Associations: subnets
        .filter((_, s) => vpcOf(s) === v && s % 3 === 0)
        .map((s) => ({ SubnetId: s.SubnetId })),
    },
  ]).flat();
  const ports = [22, 80, 443, 3389, 5432, 8080, 8443, 9200];
  const sources = [
    ['0.0.0.0/0'],
    ['10.0.0.0/8'],
    ['203.0.113.0/24'],
    ['0.0.0.0/0', '::/0'],
    ['192.168.0.0/16'],
  ];
  const groupsPerVpc = Math.ceil(sizes.groups / sizes.vpcs);
  const securityGroups = Array.from({ length: sizes.groups }, (_, g) => ({
    GroupId: hex('sg', g),
    GroupName: `group-${g}`,
    OwnerId: account,
    VpcId: vpc(Math.floor(g / groupsPerVpc)),
    IpPermissions: Array.from({ length: 2 + rand(5) }, () => {
      const port = ports[rand(ports.length)] ?? 443;
      const cidrs = sources[rand(sources.length)] ?? [];
      const range =
        rand(10) === 0 ? { FromPort: 8000, ToPort: 8999 } : { FromPort: port, ToPort: port };
      return rand(20) === 0
        ? { IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }
        : {
            IpProtocol: rand(10) === 0 ? 'udp' : 'tcp',
            ...range,
            IpRanges: cidrs.filter((c) => !c.includes(':')).map((CidrIp) => ({ CidrIp })),
            Ipv6Ranges: cidrs.filter((c) => c.includes(':')).map((CidrIpv6) => ({ CidrIpv6 })),
            UserIdGroupPairs: rand(4) === 0 ? [{ GroupId: hex('sg', rand(sizes.groups)) }] : [],
          };
    }),
  }));
  const instances = Array.from({ length: sizes.instances }, (_, i) => {
    const s = rand(sizes.subnets);
    const v = vpcOf(s);
    const groups = Array.from({ length: 1 + rand(3) }, () =>
      hex('sg', v * groupsPerVpc + rand(groupsPerVpc)),
    );
    const publicIp =
      isPublic(s) && rand(3) !== 0 ? `203.0.${Math.floor(i / 256) % 256}.${i % 256}` : undefined;
    const ipv6 = (subnets[s]?.Ipv6CidrBlockAssociationSet.length ?? 0) > 0 && rand(2) === 0;
    return { i, s, groups, publicIp, ipv6 };
  });
  const networkInterfaces = instances.map(({ i, s, groups, publicIp, ipv6 }) => ({
    NetworkInterfaceId: hex('eni', i),
    OwnerId: account,
    InterfaceType: 'interface',
    SubnetId: hex('subnet', s),
    VpcId: vpc(vpcOf(s)),
    PrivateIpAddresses: [
      {
        PrivateIpAddress: `10.${vpcOf(s) % 256}.${s % subnetsPerVpc}.${(i % 250) + 4}`,
        ...(publicIp ? { Association: { PublicIp: publicIp } } : {}),
      },
    ],
    ...(publicIp ? { Association: { PublicIp: publicIp } } : {}),
    Ipv6Addresses: ipv6
      ? [
          {
            Ipv6Address: `2a05:d018:${vpcOf(s).toString(16)}:${(s % 256).toString(16)}::${i.toString(16)}`,
          },
        ]
      : [],
    Groups: [...new Set(groups)].map((GroupId) => ({ GroupId })),
    Attachment: { InstanceId: hex('i', i), DeviceIndex: 0 },
  }));
  const reservations = [
    {
      OwnerId: account,
      Instances: instances.map(({ i, s, groups, publicIp }) => ({
        InstanceId: hex('i', i),
        State: { Name: 'running' },
        SubnetId: hex('subnet', s),
        VpcId: vpc(vpcOf(s)),
        ...(publicIp ? { PublicIpAddress: publicIp } : {}),
        SecurityGroups: [...new Set(groups)].map((GroupId) => ({ GroupId })),
        NetworkInterfaces: [{ NetworkInterfaceId: hex('eni', i), Attachment: { DeviceIndex: 0 } }],
      })),
    },
  ];
  const lbArn = (a: number): string =>
    `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/app/alb-${a}/${a.toString(16).padStart(16, '0')}`;
  const tgArn = (a: number): string =>
    `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/tg-${a}/${a.toString(16).padStart(16, '0')}`;
  const publicSubnetsOf = (v: number): string[] =>
    subnets
      .filter((_, s) => vpcOf(s) === v && isPublic(s))
      .slice(0, 2)
      .map((s) => s.SubnetId);
  return {
    'describe-instances': [{ Reservations: reservations }],
    'describe-security-groups': [{ SecurityGroups: securityGroups }],
    'describe-subnets': [{ Subnets: subnets }],
    'describe-route-tables': [{ RouteTables: routeTables }],
    'describe-internet-gateways': [
      {
        InternetGateways: Array.from({ length: sizes.vpcs }, (_, v) => ({
          InternetGatewayId: hex('igw', v),
          OwnerId: account,
          Attachments: [{ VpcId: vpc(v), State: 'available' }],
        })),
      },
    ],
    'describe-network-acls': [{ NetworkAcls: networkAcls }],
    'describe-network-interfaces': [{ NetworkInterfaces: networkInterfaces }],
    'elbv2-describe-load-balancers': [
      {
        LoadBalancers: Array.from({ length: sizes.albs }, (_, a) => ({
          LoadBalancerArn: lbArn(a),
          LoadBalancerName: `alb-${a}`,
          Type: 'application',
          Scheme: 'internet-facing',
          VpcId: vpc(a % sizes.vpcs),
          SecurityGroups: [hex('sg', (a % sizes.vpcs) * groupsPerVpc)],
          AvailabilityZones: publicSubnetsOf(a % sizes.vpcs).map((SubnetId) => ({ SubnetId })),
        })),
      },
    ],
    'elbv2-describe-listeners': [
      {
        Listeners: Array.from({ length: sizes.albs }, (_, a) => ({
          ListenerArn: `${lbArn(a)}/listener/443`,
          LoadBalancerArn: lbArn(a),
          Port: 443,
          Protocol: 'HTTPS',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn(a) }],
        })),
      },
    ],
    'elbv2-describe-target-groups': [
      {
        TargetGroups: Array.from({ length: sizes.albs }, (_, a) => ({
          TargetGroupArn: tgArn(a),
          TargetGroupName: `tg-${a}`,
          Protocol: 'HTTP',
          Port: 8080,
          TargetType: 'instance',
          VpcId: vpc(a % sizes.vpcs),
        })),
      },
    ],
    'elbv2-describe-target-health': Array.from({ length: sizes.albs }, (_, a) => ({
      TargetGroupArn: tgArn(a),
      TargetHealthDescriptions: instances
        .filter(({ s }) => vpcOf(s) === a % sizes.vpcs)
        .slice(0, 10)
        .map(({ i }) => ({ Target: { Id: hex('i', i), Port: 8080 } })),
    })),
  };
}
