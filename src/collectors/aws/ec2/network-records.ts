import type { RecordsBuilder } from '../../../records/records-builder.js';
import { ec2Arn, type Ec2Location } from './ec2-arn.js';
import { tagsOf } from './ec2-tags.js';
import type { ParsedEc2 } from './parse-ec2-outputs.js';

/** VPCs, subnets, route tables, gateways, network ACLs, security groups and interfaces. */
export function addNetworkRecords(b: RecordsBuilder, at: Ec2Location, ec2: ParsedEc2): void {
  const located = { account: at.account, region: at.region };
  const vpc = (vpcId: string): string => {
    const id = ec2Arn(at, 'vpc', vpcId);
    if (!b.has(id)) b.node('AWSVpc', id, { ...located, vpcId });
    return id;
  };
  const subnetArn = (subnetId: string): string => ec2Arn(at, 'subnet', subnetId);
  const sgArn = (groupId: string): string => ec2Arn(at, 'security-group', groupId);

  for (const v of ec2.vpcs ?? []) {
    b.node('AWSVpc', ec2Arn(at, 'vpc', v.VpcId), {
      ...located,
      vpcId: v.VpcId,
      cidrBlocks:
        v.CidrBlockAssociationSet?.map((c) => c.CidrBlock) ??
        (v.CidrBlock ? [v.CidrBlock] : undefined),
      ipv6CidrBlocks: v.Ipv6CidrBlockAssociationSet?.map((c) => c.Ipv6CidrBlock),
      isDefault: v.IsDefault,
      tags: tagsOf(v.Tags),
    });
  }

  for (const s of ec2.subnets) {
    const id = b.node('AWSSubnet', subnetArn(s.SubnetId), {
      ...located,
      subnetId: s.SubnetId,
      vpcId: s.VpcId,
      cidrBlock: s.CidrBlock,
      ipv6CidrBlocks: s.Ipv6CidrBlockAssociationSet?.map((c) => c.Ipv6CidrBlock),
      availabilityZone: s.AvailabilityZone,
      mapPublicIpOnLaunch: s.MapPublicIpOnLaunch,
      tags: tagsOf(s.Tags),
    });
    b.rel('IN_VPC', id, vpc(s.VpcId));
  }

  addRouteTables(b, at, ec2, vpc);

  for (const g of ec2.internetGateways) {
    const id = b.node('AWSInternetGateway', ec2Arn(at, 'internet-gateway', g.InternetGatewayId), {
      ...located,
      gatewayId: g.InternetGatewayId,
      egressOnly: false,
      tags: tagsOf(g.Tags),
    });
    for (const a of g.Attachments ?? []) b.rel('IN_VPC', id, vpc(a.VpcId));
  }
  for (const g of ec2.egressOnlyGateways ?? []) {
    const id = b.node(
      'AWSInternetGateway',
      ec2Arn(at, 'egress-only-internet-gateway', g.EgressOnlyInternetGatewayId),
      {
        ...located,
        gatewayId: g.EgressOnlyInternetGatewayId,
        egressOnly: true,
        tags: tagsOf(g.Tags),
      },
    );
    for (const a of g.Attachments ?? []) b.rel('IN_VPC', id, vpc(a.VpcId));
  }

  for (const n of ec2.natGateways ?? []) {
    const id = b.node('AWSNatGateway', ec2Arn(at, 'natgateway', n.NatGatewayId), {
      ...located,
      natGatewayId: n.NatGatewayId,
      connectivityType: n.ConnectivityType,
      state: n.State,
      publicIps: n.NatGatewayAddresses?.flatMap((a) => (a.PublicIp ? [a.PublicIp] : [])),
      tags: tagsOf(n.Tags),
    });
    if (n.SubnetId) b.rel('IN_SUBNET', id, b.stub('AWSSubnet', subnetArn(n.SubnetId)));
  }

  for (const acl of ec2.networkAcls) {
    const id = b.node('AWSNetworkAcl', ec2Arn(at, 'network-acl', acl.NetworkAclId), {
      ...located,
      networkAclId: acl.NetworkAclId,
      vpcId: acl.VpcId,
      isDefault: acl.IsDefault,
      entries: acl.Entries ?? [],
      tags: tagsOf(acl.Tags),
    });
    b.rel('IN_VPC', id, vpc(acl.VpcId));
    for (const a of acl.Associations ?? []) {
      b.rel('FILTERS', id, b.stub('AWSSubnet', subnetArn(a.SubnetId)));
    }
  }

  for (const g of ec2.securityGroups) {
    const id = b.node('AWSSecurityGroup', sgArn(g.GroupId), {
      ...located,
      groupId: g.GroupId,
      groupName: g.GroupName,
      vpcId: g.VpcId,
      description: g.Description,
      ingress: g.IpPermissions ?? [],
      egress: g.IpPermissionsEgress,
      tags: tagsOf(g.Tags),
    });
    if (g.VpcId) b.rel('IN_VPC', id, vpc(g.VpcId));
  }

  // Elastic IPs are also on the interface's association; describe-addresses fills any gap.
  const eipByInterface = new Map<string, string[]>();
  for (const a of ec2.addresses ?? []) {
    if (a.NetworkInterfaceId && a.PublicIp) {
      eipByInterface.set(a.NetworkInterfaceId, [
        ...(eipByInterface.get(a.NetworkInterfaceId) ?? []),
        a.PublicIp,
      ]);
    }
  }
  for (const n of ec2.networkInterfaces) {
    const publicIps = new Set<string>(eipByInterface.get(n.NetworkInterfaceId) ?? []);
    if (n.Association?.PublicIp) publicIps.add(n.Association.PublicIp);
    for (const p of n.PrivateIpAddresses ?? []) {
      if (p.Association?.PublicIp) publicIps.add(p.Association.PublicIp);
    }
    const id = b.node(
      'AWSNetworkInterface',
      ec2Arn(at, 'network-interface', n.NetworkInterfaceId),
      {
        ...located,
        interfaceId: n.NetworkInterfaceId,
        interfaceType: n.InterfaceType,
        subnetId: n.SubnetId,
        vpcId: n.VpcId,
        privateIps:
          n.PrivateIpAddresses?.flatMap((p) => (p.PrivateIpAddress ? [p.PrivateIpAddress] : [])) ??
          (n.PrivateIpAddress ? [n.PrivateIpAddress] : undefined),
        publicIps: [...publicIps],
        ipv6Addresses: n.Ipv6Addresses?.map((a) => a.Ipv6Address) ?? [],
        attachedTo: n.Attachment?.InstanceId,
        requesterManaged: n.RequesterManaged,
        description: n.Description,
      },
    );
    if (n.SubnetId) b.rel('IN_SUBNET', id, b.stub('AWSSubnet', subnetArn(n.SubnetId)));
    for (const g of n.Groups ?? []) {
      b.rel('HAS_SECURITY_GROUP', id, b.stub('AWSSecurityGroup', sgArn(g.GroupId)));
    }
  }
}

/** Route tables, their explicit subnets, and the main table's implicit ones. */
function addRouteTables(
  b: RecordsBuilder,
  at: Ec2Location,
  ec2: ParsedEc2,
  vpc: (vpcId: string) => string,
): void {
  const explicit = new Set<string>();
  const mainByVpc = new Map<string, string>();
  for (const t of ec2.routeTables) {
    const isMain = (t.Associations ?? []).some((a) => a.Main === true);
    const id = b.node('AWSRouteTable', ec2Arn(at, 'route-table', t.RouteTableId), {
      account: at.account,
      region: at.region,
      routeTableId: t.RouteTableId,
      vpcId: t.VpcId,
      isMain,
      routes: t.Routes ?? [],
      tags: tagsOf(t.Tags),
    });
    b.rel('IN_VPC', id, vpc(t.VpcId));
    if (isMain) mainByVpc.set(t.VpcId, id);
    for (const a of t.Associations ?? []) {
      if (!a.SubnetId) continue;
      explicit.add(a.SubnetId);
      b.rel('ROUTES_FOR', id, b.stub('AWSSubnet', ec2Arn(at, 'subnet', a.SubnetId)), {
        implicit: false,
      });
    }
  }
  // A subnet without an explicit association uses its VPC's main route table.
  for (const s of ec2.subnets) {
    const main = mainByVpc.get(s.VpcId);
    if (main && !explicit.has(s.SubnetId)) {
      b.rel('ROUTES_FOR', main, ec2Arn(at, 'subnet', s.SubnetId), { implicit: true });
    }
  }
}
