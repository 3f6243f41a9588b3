import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
import { Provider } from '../provider.js';
import { awsLocation, tagsProperty } from './common-properties.js';

// VPC networking: what internet reachability is computed from. Rules and routes are kept as the
// API returns them (JSON), since the analysis reads them whole.

export const AWSVpc = defineNode({
  label: 'AWSVpc',
  sharedLabels: ['Network'],
  provider: Provider.AWS,
  description: 'A VPC.',
  idDescription: 'The VPC ARN.',
  properties: {
    ...awsLocation,
    vpcId: { type: 'string', required: true, indexed: true, description: 'vpc-...' },
    cidrBlocks: { type: 'string[]', description: 'IPv4 CIDR blocks.' },
    ipv6CidrBlocks: { type: 'string[]', description: 'IPv6 CIDR blocks.' },
    isDefault: { type: 'boolean', description: 'The default VPC of the region.' },
    tags: tagsProperty,
  },
});

export const AWSSubnet = defineNode({
  label: 'AWSSubnet',
  sharedLabels: ['Network'],
  provider: Provider.AWS,
  description: 'A VPC subnet.',
  idDescription: 'The subnet ARN.',
  properties: {
    ...awsLocation,
    subnetId: { type: 'string', required: true, indexed: true, description: 'subnet-...' },
    vpcId: { type: 'string', required: true, description: 'vpc-...' },
    cidrBlock: { type: 'string', description: 'IPv4 CIDR block.' },
    ipv6CidrBlocks: { type: 'string[]', description: 'IPv6 CIDR blocks.' },
    availabilityZone: { type: 'string', description: 'e.g. `us-east-1a`.' },
    mapPublicIpOnLaunch: { type: 'boolean', description: 'Instances get a public IPv4 address.' },
    tags: tagsProperty,
  },
});

export const AWSRouteTable = defineNode({
  label: 'AWSRouteTable',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A VPC route table.',
  idDescription: 'The route table ARN.',
  properties: {
    ...awsLocation,
    routeTableId: { type: 'string', required: true, indexed: true, description: 'rtb-...' },
    vpcId: { type: 'string', required: true, description: 'vpc-...' },
    isMain: { type: 'boolean', required: true, description: "The VPC's main route table." },
    routes: { type: 'json', required: true, description: 'Routes, as DescribeRouteTables.' },
    tags: tagsProperty,
  },
});

export const AWSInternetGateway = defineNode({
  label: 'AWSInternetGateway',
  sharedLabels: ['Network'],
  provider: Provider.AWS,
  description: 'An internet gateway, or an egress-only internet gateway (IPv6 outbound only).',
  idDescription: 'The gateway ARN.',
  properties: {
    ...awsLocation,
    gatewayId: {
      type: 'string',
      required: true,
      indexed: true,
      description: 'igw-... or eigw-...',
    },
    egressOnly: { type: 'boolean', required: true, description: 'Egress-only (no inbound).' },
    tags: tagsProperty,
  },
});

export const AWSNatGateway = defineNode({
  label: 'AWSNatGateway',
  sharedLabels: ['Network'],
  provider: Provider.AWS,
  description: 'A NAT gateway (outbound only).',
  idDescription: 'The NAT gateway ARN.',
  properties: {
    ...awsLocation,
    natGatewayId: { type: 'string', required: true, description: 'nat-...' },
    connectivityType: { type: 'string', description: '`public` or `private`.' },
    state: { type: 'string', description: 'e.g. `available`.' },
    publicIps: { type: 'string[]', description: 'Its public addresses.' },
    tags: tagsProperty,
  },
});

export const AWSNetworkAcl = defineNode({
  label: 'AWSNetworkAcl',
  sharedLabels: ['NetworkRule'],
  provider: Provider.AWS,
  description: 'A network ACL (stateless, evaluated by rule number, both directions).',
  idDescription: 'The network ACL ARN.',
  properties: {
    ...awsLocation,
    networkAclId: { type: 'string', required: true, indexed: true, description: 'acl-...' },
    vpcId: { type: 'string', required: true, description: 'vpc-...' },
    isDefault: { type: 'boolean', description: "The VPC's default ACL." },
    entries: { type: 'json', required: true, description: 'Entries, as DescribeNetworkAcls.' },
    tags: tagsProperty,
  },
});

export const AWSSecurityGroup = defineNode({
  label: 'AWSSecurityGroup',
  sharedLabels: ['NetworkRule'],
  provider: Provider.AWS,
  description: 'A security group (stateful).',
  idDescription: 'The security group ARN.',
  properties: {
    ...awsLocation,
    groupId: { type: 'string', required: true, indexed: true, description: 'sg-...' },
    groupName: { type: 'string', description: 'Group name.' },
    vpcId: { type: 'string', description: 'vpc-... (unset for EC2-Classic).' },
    description: { type: 'string', description: 'Its description.' },
    ingress: { type: 'json', required: true, description: 'IpPermissions, as the API returns.' },
    egress: { type: 'json', description: 'IpPermissionsEgress, as the API returns.' },
    tags: tagsProperty,
  },
});

export const AWSNetworkInterface = defineNode({
  label: 'AWSNetworkInterface',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An elastic network interface.',
  idDescription: 'The network interface ARN.',
  properties: {
    ...awsLocation,
    interfaceId: { type: 'string', required: true, indexed: true, description: 'eni-...' },
    interfaceType: { type: 'string', description: 'e.g. `interface`, `lambda`, `nat_gateway`.' },
    subnetId: { type: 'string', description: 'subnet-...' },
    vpcId: { type: 'string', description: 'vpc-...' },
    privateIps: { type: 'string[]', description: 'Private IPv4 addresses.' },
    publicIps: { type: 'string[]', description: 'Public IPv4 addresses (auto-assigned or EIP).' },
    ipv6Addresses: { type: 'string[]', description: 'IPv6 addresses (globally routable).' },
    attachedTo: { type: 'string', description: 'Instance id it is attached to, if any.' },
    requesterManaged: { type: 'boolean', description: 'Created by an AWS service.' },
    description: { type: 'string', description: 'Its description.' },
  },
});

export const IN_VPC = defineRel({
  type: 'IN_VPC',
  from: [
    'AWSSubnet',
    'AWSRouteTable',
    'AWSNetworkAcl',
    'AWSSecurityGroup',
    'AWSInternetGateway',
    'AWSEC2Instance',
    'AWSLoadBalancer',
    'AWSTargetGroup',
    'AWSLambdaFunction',
    'AWSRdsInstance',
    'AWSEksCluster',
  ],
  to: ['AWSVpc'],
  description: 'The VPC it lives in, or (for a gateway) is attached to.',
  properties: {},
});

export const ROUTES_FOR = defineRel({
  type: 'ROUTES_FOR',
  from: ['AWSRouteTable'],
  to: ['AWSSubnet'],
  description:
    "The route table a subnet uses: explicitly associated, or (`implicit`) the VPC's main one.",
  properties: {
    implicit: { type: 'boolean', required: true, description: 'Through the main route table.' },
  },
});

export const FILTERS = defineRel({
  type: 'FILTERS',
  from: ['AWSNetworkAcl'],
  to: ['AWSSubnet'],
  description: "The network ACL associated with the subnet's traffic.",
  properties: {},
});
