import { defineNode } from '../define-node.js';
import { Provider } from '../provider.js';
import { awsLocation, tagsProperty } from './common-properties.js';

// Serverless functions, managed databases, Kubernetes control planes and the audit trail.

export const AWSLambdaFunction = defineNode({
  label: 'AWSLambdaFunction',
  sharedLabels: ['Compute'],
  provider: Provider.AWS,
  description: 'A Lambda function.',
  idDescription: 'The function ARN (unqualified).',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, indexed: true, description: 'Function name.' },
    roleArn: { type: 'string', description: 'The execution role.' },
    tags: tagsProperty,
  },
});

export const AWSLambdaLayer = defineNode({
  label: 'AWSLambdaLayer',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A Lambda layer version a function uses.',
  idDescription: 'The layer version ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Layer name.' },
  },
});

export const AWSRdsInstance = defineNode({
  label: 'AWSRdsInstance',
  sharedLabels: ['DataStore'],
  provider: Provider.AWS,
  description: 'An RDS database instance.',
  idDescription: 'The DB instance ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'DB instance identifier.' },
    publiclyAccessible: { type: 'boolean', description: 'Has a public endpoint.' },
    iamDatabaseAuthentication: {
      type: 'boolean',
      description: 'IAM database authentication is enabled (rds-db:connect grants access).',
    },
    resourceId: { type: 'string', description: 'The db-... resource id rds-db:connect names.' },
    tags: tagsProperty,
  },
});

export const AWSEksCluster = defineNode({
  label: 'AWSEksCluster',
  sharedLabels: ['Compute'],
  provider: Provider.AWS,
  description: 'An EKS cluster (its control plane).',
  idDescription: 'The cluster ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Cluster name.' },
    tags: tagsProperty,
  },
});

export const AWSCloudTrail = defineNode({
  label: 'AWSCloudTrail',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A CloudTrail trail.',
  idDescription: 'The trail ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Trail name.' },
    tags: tagsProperty,
  },
});
