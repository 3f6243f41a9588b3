import { defineRel } from '../define-rel.js';

// Relationships many resource kinds share: what runs as which role, which network placement and
// security groups apply, and which key encrypts what.

export const RUNS_AS = defineRel({
  type: 'RUNS_AS',
  from: [
    'AWSLambdaFunction',
    'AWSEksCluster',
    'AWSCloudFormationStack',
    'AWSCodeBuildProject',
    'AWSSageMakerNotebook',
    'AWSGlueDevEndpoint',
  ],
  to: ['AWSRole'],
  description:
    'Code the resource runs gets these role credentials (an instance does through HAS_INSTANCE_PROFILE and HAS_ROLE).',
  properties: {},
});

export const IN_SUBNET = defineRel({
  type: 'IN_SUBNET',
  from: [
    'AWSNetworkInterface',
    'AWSEC2Instance',
    'AWSNatGateway',
    'AWSLoadBalancer',
    'AWSLambdaFunction',
    'AWSRdsInstance',
    'AWSEksCluster',
    'AWSSageMakerNotebook',
    'AWSGlueDevEndpoint',
    'AWSCodeBuildProject',
  ],
  to: ['AWSSubnet'],
  description: 'A subnet it has a network interface (or a load balancer node) in.',
  properties: {},
});

export const HAS_SECURITY_GROUP = defineRel({
  type: 'HAS_SECURITY_GROUP',
  from: [
    'AWSNetworkInterface',
    'AWSEC2Instance',
    'AWSLoadBalancer',
    'AWSLambdaFunction',
    'AWSRdsInstance',
    'AWSEksCluster',
    'AWSSageMakerNotebook',
    'AWSGlueDevEndpoint',
    'AWSCodeBuildProject',
  ],
  to: ['AWSSecurityGroup'],
  description: 'A security group that filters its traffic.',
  properties: {},
});

export const ENCRYPTED_WITH = defineRel({
  type: 'ENCRYPTED_WITH',
  from: [
    'AWSEBSVolume',
    'AWSEBSSnapshot',
    'AWSS3Bucket',
    'AWSSecret',
    'AWSRdsInstance',
    'AWSLambdaFunction',
    'AWSCloudTrail',
    'AWSSageMakerNotebook',
    'AWSEksCluster',
  ],
  to: ['AWSKmsKey'],
  description: 'The customer-managed KMS key that encrypts it.',
  properties: {},
});
