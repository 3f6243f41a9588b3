import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
import { Provider } from '../provider.js';
import { awsLocation, tagsProperty } from './common-properties.js';

// EC2 instances, their disks and images, and the load balancers in front of them.

export const AWSEC2Instance = defineNode({
  label: 'AWSEC2Instance',
  sharedLabels: ['Compute'],
  provider: Provider.AWS,
  description: 'An EC2 instance.',
  idDescription: 'The instance ARN (`resource(id:)` also takes the bare i-... id).',
  properties: {
    ...awsLocation,
    instanceId: { type: 'string', required: true, indexed: true, description: 'i-...' },
    state: { type: 'string', description: 'e.g. `running`, `stopped`.' },
    instanceType: { type: 'string', description: 'e.g. `t3.micro`.' },
    imageId: { type: 'string', description: 'The AMI it was launched from.' },
    platform: { type: 'string', description: '`windows`, or unset for Linux/UNIX.' },
    launchTime: { type: 'datetime', description: 'When it was launched.' },
    vpcId: { type: 'string', description: 'vpc-...' },
    subnetId: { type: 'string', description: 'subnet-...' },
    privateIp: { type: 'string', description: 'Primary private IPv4 address.' },
    publicIp: { type: 'string', description: 'Public IPv4 address (auto-assigned or EIP).' },
    publicDnsName: { type: 'string', description: 'Public DNS name.' },
    ipv6Addresses: { type: 'string[]', description: 'IPv6 addresses of its interfaces.' },
    instanceProfileArn: { type: 'string', description: 'The instance profile it runs with.' },
    imdsHttpTokens: {
      type: 'string',
      description: '`required` (IMDSv2 only) or `optional` (IMDSv1 allowed).',
    },
    imdsHttpEndpoint: { type: 'string', description: '`enabled` or `disabled`.' },
    imdsHopLimit: { type: 'integer', description: 'PUT response hop limit.' },
    tags: tagsProperty,
  },
});

export const AWSEBSVolume = defineNode({
  label: 'AWSEBSVolume',
  sharedLabels: ['DataStore'],
  provider: Provider.AWS,
  description: 'An EBS volume.',
  idDescription: 'The volume ARN.',
  properties: {
    ...awsLocation,
    volumeId: { type: 'string', required: true, description: 'vol-...' },
    sizeGiB: { type: 'integer', description: 'Size in GiB.' },
    state: { type: 'string', description: 'e.g. `in-use`.' },
    encrypted: { type: 'boolean', required: true, description: 'Encrypted at rest.' },
    kmsKeyId: { type: 'string', description: 'The KMS key that encrypts it.' },
    tags: tagsProperty,
  },
});

export const AWSEBSSnapshot = defineNode({
  label: 'AWSEBSSnapshot',
  sharedLabels: ['DataStore'],
  provider: Provider.AWS,
  description: 'An EBS snapshot owned by the account.',
  idDescription: 'The snapshot ARN.',
  properties: {
    ...awsLocation,
    snapshotId: { type: 'string', required: true, description: 'snap-...' },
    volumeId: { type: 'string', description: 'The volume it was taken from.' },
    encrypted: { type: 'boolean', required: true, description: 'Encrypted at rest.' },
    kmsKeyId: { type: 'string', description: 'The KMS key that encrypts it.' },
    public: { type: 'boolean', description: 'Anyone may create volumes from it.' },
    sharedWith: { type: 'string[]', description: 'Accounts it is shared with.' },
    startTime: { type: 'datetime', description: 'When it was taken.' },
    tags: tagsProperty,
  },
});

export const AWSAmi = defineNode({
  label: 'AWSAmi',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A machine image owned by the account.',
  idDescription: 'The image ARN.',
  properties: {
    ...awsLocation,
    imageId: { type: 'string', required: true, description: 'ami-...' },
    name: { type: 'string', description: 'Image name.' },
    public: { type: 'boolean', required: true, description: 'Launchable by anyone.' },
    creationDate: { type: 'datetime', description: 'When it was created.' },
    tags: tagsProperty,
  },
});

export const AWSLoadBalancer = defineNode({
  label: 'AWSLoadBalancer',
  sharedLabels: ['Network'],
  provider: Provider.AWS,
  description: 'An Elastic Load Balancer: application, network, gateway or classic.',
  idDescription: 'The load balancer ARN (a classic one gets a synthesized ARN).',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Load balancer name.' },
    kind: {
      type: 'string',
      required: true,
      description: '`application`, `network`, `gateway` or `classic`.',
    },
    scheme: { type: 'string', description: '`internet-facing` or `internal`.' },
    dnsName: { type: 'string', description: 'Its DNS name.' },
    vpcId: { type: 'string', description: 'vpc-...' },
    subnetIds: { type: 'string[]', description: 'Subnets it has nodes in.' },
    securityGroupIds: { type: 'string[]', description: 'Its security groups (ALB, NLB, classic).' },
    ipAddressType: { type: 'string', description: '`ipv4` or `dualstack`.' },
    listeners: {
      type: 'json',
      description: 'Listeners: protocol, port, default target groups (classic: instance port).',
    },
    tags: tagsProperty,
  },
});

export const AWSTargetGroup = defineNode({
  label: 'AWSTargetGroup',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'An ELBv2 target group.',
  idDescription: 'The target group ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Target group name.' },
    protocol: { type: 'string', description: 'e.g. `HTTP`, `TCP`.' },
    port: { type: 'integer', description: 'Default target port.' },
    targetType: { type: 'string', description: '`instance`, `ip`, `lambda` or `alb`.' },
    vpcId: { type: 'string', description: 'vpc-...' },
  },
});

export const FORWARDS_TO = defineRel({
  type: 'FORWARDS_TO',
  from: ['AWSLoadBalancer'],
  to: ['AWSTargetGroup'],
  description: 'A listener of the load balancer forwards to the target group.',
  properties: {
    protocol: { type: 'string', description: 'Listener protocol.' },
    port: { type: 'integer', required: true, description: 'Listener port.' },
  },
  key: 'port',
});

export const HAS_TARGET = defineRel({
  type: 'HAS_TARGET',
  from: ['AWSTargetGroup', 'AWSLoadBalancer'],
  to: ['AWSEC2Instance', 'AWSLambdaFunction', 'AWSLoadBalancer'],
  description: 'A registered target (a classic load balancer registers instances directly).',
  properties: {
    port: { type: 'integer', description: 'Port the target receives traffic on.' },
  },
});

export const HAS_INTERFACE = defineRel({
  type: 'HAS_INTERFACE',
  from: ['AWSEC2Instance'],
  to: ['AWSNetworkInterface'],
  description: 'A network interface attached to the instance.',
  properties: {
    deviceIndex: { type: 'integer', description: '0 for the primary interface.' },
  },
});

export const HAS_VOLUME = defineRel({
  type: 'HAS_VOLUME',
  from: ['AWSEC2Instance'],
  to: ['AWSEBSVolume'],
  description: 'A volume attached to the instance.',
  properties: {},
});

export const SNAPSHOT_OF = defineRel({
  type: 'SNAPSHOT_OF',
  from: ['AWSEBSSnapshot'],
  to: ['AWSEBSVolume'],
  description: 'The volume a snapshot was taken from (when it still exists).',
  properties: {},
});

export const HAS_INSTANCE_PROFILE = defineRel({
  type: 'HAS_INSTANCE_PROFILE',
  from: ['AWSEC2Instance'],
  to: ['AWSInstanceProfile'],
  description: 'The instance profile the instance runs with (its role is the HAS_ROLE beyond).',
  properties: {},
});
