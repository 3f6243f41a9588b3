import { defineNode } from '../define-node.js';
import { defineRel } from '../define-rel.js';
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
    runtime: { type: 'string', description: 'e.g. `python3.12`; unset for container images.' },
    handler: { type: 'string', description: 'The entry point, e.g. `app.handler`.' },
    packageType: { type: 'string', description: '`Zip` or `Image`.' },
    lastModified: { type: 'datetime', description: 'When its code or configuration changed.' },
    environmentVariableNames: {
      type: 'string[]',
      description: 'Names of its environment variables (values are never collected).',
    },
    kmsKeyId: { type: 'string', description: 'The KMS key that encrypts its environment.' },
    vpcId: { type: 'string', description: 'vpc-... when it runs in a VPC.' },
    policy: {
      type: 'json',
      description: 'Its resource-based policy (who may invoke or change it); unset when none.',
    },
    functionUrl: {
      type: 'string',
      description: 'Its function URL (the most open one when aliases have their own).',
    },
    functionUrlAuthType: {
      type: 'string',
      description: '`NONE` (anyone on the internet may invoke it) or `AWS_IAM`.',
    },
    tags: tagsProperty,
  },
});

export const AWSLambdaLayer = defineNode({
  label: 'AWSLambdaLayer',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A Lambda layer version a function uses (possibly published by another account).',
  idDescription: 'The layer version ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Layer name.' },
    version: { type: 'integer', description: 'Layer version number.' },
  },
});

export const USES_LAYER = defineRel({
  type: 'USES_LAYER',
  from: ['AWSLambdaFunction'],
  to: ['AWSLambdaLayer'],
  description:
    "The layer's code runs inside the function, with its role: whoever controls the layer controls the function.",
  properties: {},
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
    engine: { type: 'string', description: 'e.g. `postgres`, `mysql`, `aurora-postgresql`.' },
    engineVersion: { type: 'string', description: 'Engine version.' },
    instanceClass: { type: 'string', description: 'e.g. `db.t3.micro`.' },
    status: { type: 'string', description: 'e.g. `available`, `stopped`.' },
    publiclyAccessible: { type: 'boolean', description: 'Has a public endpoint.' },
    storageEncrypted: { type: 'boolean', description: 'Storage is encrypted at rest.' },
    kmsKeyId: { type: 'string', description: 'The KMS key that encrypts its storage.' },
    endpointAddress: { type: 'string', description: 'DNS name clients connect to.' },
    endpointPort: { type: 'integer', description: 'Port clients connect to.' },
    iamDatabaseAuthentication: {
      type: 'boolean',
      description: 'IAM database authentication is enabled (rds-db:connect grants access).',
    },
    resourceId: { type: 'string', description: 'The db-... resource id rds-db:connect names.' },
    vpcId: { type: 'string', description: 'vpc-... of its DB subnet group.' },
    clusterIdentifier: { type: 'string', description: 'The DB cluster it belongs to (Aurora).' },
    deletionProtection: { type: 'boolean', description: 'Cannot be deleted until turned off.' },
    backupRetentionPeriod: {
      type: 'integer',
      description: 'Days automated backups are kept (0: none).',
    },
    multiAz: { type: 'boolean', description: 'Has a standby in another availability zone.' },
    autoMinorVersionUpgrade: {
      type: 'boolean',
      description: 'Minor engine upgrades are applied automatically.',
    },
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
    version: { type: 'string', description: 'Kubernetes version, e.g. `1.30`.' },
    platformVersion: { type: 'string', description: 'EKS platform version, e.g. `eks.4`.' },
    status: { type: 'string', description: 'e.g. `ACTIVE`.' },
    createdAt: { type: 'datetime', description: 'When it was created.' },
    roleArn: { type: 'string', description: 'The cluster role its control plane uses.' },
    endpoint: { type: 'string', description: 'The Kubernetes API server URL.' },
    endpointPublicAccess: {
      type: 'boolean',
      description: 'The API server endpoint is reachable from the internet.',
    },
    endpointPrivateAccess: {
      type: 'boolean',
      description: 'The API server endpoint is reachable from inside the VPC.',
    },
    publicAccessCidrs: {
      type: 'string[]',
      description: 'CIDR blocks allowed to reach the public endpoint (`0.0.0.0/0`: anyone).',
    },
    oidcIssuer: {
      type: 'string',
      description: 'OIDC issuer URL service accounts federate with IAM through (IRSA).',
    },
    vpcId: { type: 'string', description: 'vpc-... it runs in.' },
    kmsKeyId: { type: 'string', description: 'The KMS key that envelope-encrypts its secrets.' },
    enabledLogTypes: {
      type: 'string[]',
      description: 'Control plane log types sent to CloudWatch, e.g. `audit`.',
    },
    authenticationMode: {
      type: 'string',
      description: '`CONFIG_MAP`, `API` or `API_AND_CONFIG_MAP` (access entries).',
    },
    tags: tagsProperty,
  },
});

export const AWSCloudTrail = defineNode({
  label: 'AWSCloudTrail',
  sharedLabels: [],
  provider: Provider.AWS,
  description: 'A CloudTrail trail (collected in its home region only).',
  idDescription: 'The trail ARN.',
  properties: {
    ...awsLocation,
    name: { type: 'string', required: true, description: 'Trail name.' },
    homeRegion: { type: 'string', description: 'The region it was created in.' },
    multiRegion: { type: 'boolean', description: 'Logs events of every region.' },
    organizationTrail: {
      type: 'boolean',
      description: 'Logs events of every account of the organization.',
    },
    includeGlobalServiceEvents: {
      type: 'boolean',
      description: 'Logs events of global services such as IAM.',
    },
    logFileValidation: {
      type: 'boolean',
      description: 'Digest files make tampering with delivered logs detectable.',
    },
    s3BucketName: { type: 'string', description: 'The bucket logs are delivered to.' },
    s3KeyPrefix: { type: 'string', description: 'Key prefix of the delivered logs.' },
    kmsKeyId: { type: 'string', description: 'The KMS key that encrypts delivered logs.' },
    cloudWatchLogsLogGroupArn: {
      type: 'string',
      description: 'The CloudWatch Logs group events are also sent to.',
    },
    isLogging: { type: 'boolean', description: 'Logging is on (GetTrailStatus).' },
    latestDeliveryTime: { type: 'datetime', description: 'Last successful delivery to S3.' },
    latestDeliveryError: { type: 'string', description: 'Error of the last failed delivery.' },
    managementEvents: {
      type: 'boolean',
      description: 'Management (control plane) events are logged, per its event selectors.',
    },
    managementEventsReadWriteType: {
      type: 'string',
      description: 'Which management events: `All`, `ReadOnly` or `WriteOnly`.',
    },
    eventSelectors: { type: 'json', description: 'Basic event selectors, as the API returns.' },
    advancedEventSelectors: {
      type: 'json',
      description: 'Advanced event selectors, as the API returns.',
    },
    tags: tagsProperty,
  },
});
