import { defineNode } from '../define-node.js';
import { Provider } from '../provider.js';
import { awsLocation, tagsProperty } from './common-properties.js';

// Resources that run code as a role and that escalation techniques reuse: SSM-managed
// instances, CloudFormation stacks, CodeBuild projects, SageMaker notebooks, Glue dev endpoints.

export const AWSSsmManagedInstance = defineNode({
  label: 'AWSSsmManagedInstance',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A machine registered with Systems Manager (commands and sessions can reach it).',
  idDescription: '`arn:aws:ssm:<region>:<account>:managed-instance/<instance id>`.',
  properties: {
    ...awsLocation,
    instanceId: { type: 'string', required: true, description: 'i-... or mi-...' },
  },
});

export const AWSCloudFormationStack = defineNode({
  label: 'AWSCloudFormationStack',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A CloudFormation stack.',
  idDescription: 'The stack ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Stack name.' },
    roleArn: { type: 'string', description: 'The service role it deploys with.' },
    tags: tagsProperty,
  },
});

export const AWSCodeBuildProject = defineNode({
  label: 'AWSCodeBuildProject',
  sharedLabels: ['Compute'],
  provider: Provider.AWS,
  description: 'A CodeBuild project.',
  idDescription: 'The project ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Project name.' },
    roleArn: { type: 'string', description: 'The service role builds run as.' },
    tags: tagsProperty,
  },
});

export const AWSSageMakerNotebook = defineNode({
  label: 'AWSSageMakerNotebook',
  sharedLabels: ['Compute'],
  provider: Provider.AWS,
  description: 'A SageMaker notebook instance.',
  idDescription: 'The notebook instance ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Notebook instance name.' },
    roleArn: { type: 'string', description: 'The role the notebook runs as.' },
    tags: tagsProperty,
  },
});

export const AWSGlueDevEndpoint = defineNode({
  label: 'AWSGlueDevEndpoint',
  sharedLabels: ['Compute'],
  provider: Provider.AWS,
  description: 'A Glue development endpoint.',
  idDescription: '`arn:aws:glue:<region>:<account>:devEndpoint/<name>`.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Endpoint name.' },
    roleArn: { type: 'string', description: 'The role it runs as.' },
  },
});
