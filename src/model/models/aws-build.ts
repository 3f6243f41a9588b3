import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
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
    resourceType: {
      type: 'string',
      description: '`EC2Instance`, or `ManagedInstance` for a hybrid (on-premises) machine.',
    },
    pingStatus: {
      type: 'string',
      description: '`Online`, `ConnectionLost` or `Inactive`: whether the agent answers now.',
    },
    lastPingDateTime: { type: 'datetime', description: 'When the agent last checked in.' },
    platformType: { type: 'string', description: '`Linux`, `Windows` or `MacOS`.' },
    platformName: { type: 'string', description: 'e.g. `Amazon Linux`.' },
    platformVersion: { type: 'string', description: 'Operating system version.' },
    agentVersion: { type: 'string', description: 'SSM agent version.' },
    isLatestVersion: { type: 'boolean', description: 'The agent is the latest release.' },
    iamRole: {
      type: 'string',
      description:
        'The role of a hybrid activation (or Quick Setup), as SSM names it; EC2 instances get theirs from their instance profile.',
    },
    activationId: { type: 'string', description: 'The hybrid activation it registered with.' },
    registrationDate: { type: 'datetime', description: 'When a hybrid machine registered.' },
    computerName: { type: 'string', description: 'Host name the agent reports.' },
    ipAddress: { type: 'string', description: 'IP address the agent reports.' },
  },
});

export const SSM_MANAGES = defineRel({
  type: 'SSM_MANAGES',
  from: ['AWSSsmManagedInstance'],
  to: ['AWSEC2Instance'],
  description:
    'Systems Manager reaches this EC2 instance: SendCommand and StartSession run code on it as its instance role.',
  properties: {},
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
    status: { type: 'string', description: 'e.g. `CREATE_COMPLETE`, `UPDATE_ROLLBACK_FAILED`.' },
    capabilities: {
      type: 'string[]',
      description: 'Acknowledged capabilities, e.g. `CAPABILITY_NAMED_IAM` (it may manage IAM).',
    },
    terminationProtection: { type: 'boolean', description: 'Cannot be deleted until turned off.' },
    driftStatus: {
      type: 'string',
      description: '`DRIFTED`, `IN_SYNC`, `UNKNOWN` or `NOT_CHECKED`.',
    },
    parentStackId: { type: 'string', description: 'The stack a nested stack belongs to.' },
    rootStackId: { type: 'string', description: 'The top-level stack of a nested stack.' },
    creationTime: { type: 'datetime', description: 'When it was created.' },
    lastUpdatedTime: { type: 'datetime', description: 'When it was last updated.' },
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
    sourceType: { type: 'string', description: 'e.g. `GITHUB`, `CODECOMMIT`, `S3`, `NO_SOURCE`.' },
    sourceLocation: {
      type: 'string',
      description: 'Where the source comes from, without credentials, query or fragment.',
    },
    environmentType: { type: 'string', description: 'e.g. `LINUX_CONTAINER`.' },
    environmentImage: { type: 'string', description: 'The build image.' },
    computeType: { type: 'string', description: 'e.g. `BUILD_GENERAL1_SMALL`.' },
    privilegedMode: {
      type: 'boolean',
      description: 'Builds run Docker privileged (they can reach the host).',
    },
    environmentVariableNames: {
      type: 'string[]',
      description: 'Names of its environment variables (values are never collected).',
    },
    environmentVariableTypes: {
      type: 'json',
      description:
        'Name → `PLAINTEXT`, `PARAMETER_STORE` or `SECRETS_MANAGER` per variable (no values).',
    },
    vpcId: { type: 'string', description: 'vpc-... when builds run in a VPC.' },
    kmsKeyId: {
      type: 'string',
      description: 'The KMS key (ARN or alias) that encrypts build output.',
    },
    projectVisibility: {
      type: 'string',
      description: '`PUBLIC_READ` (anyone can read build results) or `PRIVATE`.',
    },
    created: { type: 'datetime', description: 'When it was created.' },
    lastModified: { type: 'datetime', description: 'When its settings last changed.' },
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
    status: { type: 'string', description: 'e.g. `InService`, `Stopped`.' },
    instanceType: { type: 'string', description: 'e.g. `ml.t3.medium`.' },
    platformIdentifier: { type: 'string', description: 'e.g. `notebook-al2-v2`.' },
    directInternetAccess: {
      type: 'boolean',
      description: 'SageMaker gives it internet access outside the VPC.',
    },
    rootAccess: { type: 'boolean', description: 'Notebook users can become root.' },
    subnetId: { type: 'string', description: 'subnet-... of its network interface.' },
    networkInterfaceId: { type: 'string', description: 'eni-... in the subnet.' },
    kmsKeyId: { type: 'string', description: 'The KMS key that encrypts its storage volume.' },
    imdsMinimumVersion: {
      type: 'string',
      description: '`1` (IMDSv1 allowed) or `2` (IMDSv2 only).',
    },
    url: {
      type: 'string',
      description: 'The notebook URL (a presigned URL is needed to open it).',
    },
    creationTime: { type: 'datetime', description: 'When it was created.' },
    lastModifiedTime: { type: 'datetime', description: 'When it was last modified.' },
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
    status: { type: 'string', description: 'e.g. `READY`, `PROVISIONING`.' },
    publicAddress: {
      type: 'string',
      description: 'Public address, when it is not in a VPC (reachable from the internet).',
    },
    privateAddress: { type: 'string', description: 'Private address in its VPC.' },
    subnetId: { type: 'string', description: 'subnet-... when it runs in a VPC.' },
    vpcId: { type: 'string', description: 'vpc-... when it runs in a VPC.' },
    publicKeyCount: {
      type: 'integer',
      description: 'SSH public keys that may log in (UpdateDevEndpoint can add one).',
    },
    glueVersion: { type: 'string', description: 'e.g. `1.0`.' },
    workerType: { type: 'string', description: 'e.g. `Standard`, `G.1X`.' },
    securityConfiguration: { type: 'string', description: 'Its Glue security configuration.' },
    createdTimestamp: { type: 'datetime', description: 'When it was created.' },
    lastModifiedTimestamp: { type: 'datetime', description: 'When it was last modified.' },
  },
});
