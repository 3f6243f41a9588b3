import { addPlacement } from '../../collectors/aws/resources/resource-links.js';
import { resourceScope } from '../../collectors/aws/resources/resource-scope.js';
import type { GraphRecords } from '../../records/graph-records.js';
import { RecordsBuilder } from '../../records/records-builder.js';
import {
  daysAgo,
  ec2Id,
  functionArn,
  kmsKeyArn,
  roleArn,
  roleName,
  type EstatePlan,
} from './estate-plan.js';
import type { SeededRandom } from './random.js';

interface Where {
  readonly plan: EstatePlan;
  readonly account: string;
  readonly region: string;
  readonly random: SeededRandom;
}

/** A VPC, one of its subnets and one of its groups, as `network.ts` numbers them. */
function placement({ plan, random }: Where): {
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
} {
  const { vpcs, subnets, securityGroups } = plan.sizes;
  const v = random.int(vpcs);
  const subnetsPerVpc = Math.ceil(Math.max(vpcs, subnets) / vpcs);
  const groupsPerVpc = Math.ceil(Math.max(vpcs, securityGroups) / vpcs);
  return {
    vpcId: ec2Id('vpc', v),
    subnetIds: [ec2Id('subnet', v * subnetsPerVpc + random.int(subnetsPerVpc))],
    securityGroupIds: [ec2Id('sg', v * groupsPerVpc + random.int(groupsPerVpc))],
  };
}

function builder(where: Where, service: string): RecordsBuilder {
  return new RecordsBuilder(resourceScope(where.account, where.region, service));
}

const role = (b: RecordsBuilder, from: string, arn: string): void =>
  b.rel('RUNS_AS', from, b.stub('AWSRole', arn));

/** Lambda functions: execution roles (one admin in some accounts), URLs, resource policies. */
export function lambdaScope(where: Where): GraphRecords {
  const { plan, account, region, random } = where;
  const b = builder(where, 'lambda');
  for (let k = 0; k < plan.sizes.functions; k += 1) {
    const arn = functionArn(account, region, k);
    const execution = roleArn(account, roleName.lambda(k % plan.sizes.lambdaRoles));
    const url = k % 8 === 0;
    const open = k % 40 === 7;
    const policy =
      open || k % 10 === 0
        ? {
            Version: '2012-10-17',
            Statement: [
              open
                ? {
                    Effect: 'Allow',
                    Principal: '*',
                    Action: 'lambda:InvokeFunction',
                    Resource: arn,
                  }
                : {
                    Effect: 'Allow',
                    Principal: { Service: 'apigateway.amazonaws.com' },
                    Action: 'lambda:InvokeFunction',
                    Resource: arn,
                    Condition: {
                      ArnLike: {
                        'AWS:SourceArn': `arn:aws:execute-api:${region}:${account}:api${k}/*`,
                      },
                    },
                  },
            ],
          }
        : undefined;
    const key = k % 5 === 0 ? kmsKeyArn(account, region, k % plan.sizes.kmsKeys) : undefined;
    const at = k % 3 === 0 ? placement(where) : undefined;
    b.node('AWSLambdaFunction', arn, {
      account,
      region,
      name: `fn-${k}`,
      roleArn: execution,
      runtime: random.pick(['python3.12', 'nodejs20.x', 'java21']),
      handler: 'app.handler',
      packageType: 'Zip',
      lastModified: daysAgo(random.int(300)),
      environmentVariableNames: ['LOG_LEVEL', 'TABLE_NAME'],
      kmsKeyId: key,
      vpcId: at?.vpcId,
      policy,
      functionUrl: url ? `https://fn${k}.lambda-url.${region}.on.aws/` : undefined,
      functionUrlAuthType: url ? (k % 16 === 0 ? 'NONE' : 'AWS_IAM') : undefined,
    });
    role(b, arn, execution);
    if (key) b.rel('ENCRYPTED_WITH', arn, b.stub('AWSKmsKey', key));
    if (at) addPlacement(b, { account, region }, arn, at);
  }
  return b.build();
}

/** RDS instances: a few public, most encrypted, some cluster members, in the region's subnets. */
export function rdsScope(where: Where): GraphRecords {
  const { plan, account, region, random } = where;
  const b = builder(where, 'rds');
  for (let k = 0; k < plan.sizes.databases; k += 1) {
    const arn = `arn:aws:rds:${region}:${account}:db:db-${k}`;
    const at = placement(where);
    const encrypted = random.chance(0.85);
    const key = encrypted ? kmsKeyArn(account, region, k % plan.sizes.kmsKeys) : undefined;
    const cluster = k % 10 === 9 ? `cluster-${k}` : undefined;
    b.node('AWSRdsInstance', arn, {
      account,
      region,
      name: `db-${k}`,
      engine: cluster ? 'aurora-postgresql' : random.pick(['postgres', 'mysql']),
      engineVersion: '16.3',
      instanceClass: 'db.t3.medium',
      status: 'available',
      publiclyAccessible: random.chance(0.1),
      storageEncrypted: encrypted,
      kmsKeyId: key,
      endpointAddress: `db-${k}.abc.${region}.rds.amazonaws.com`,
      endpointPort: 5432,
      iamDatabaseAuthentication: random.chance(0.3),
      resourceId: `db-${account}${k}`,
      vpcId: at.vpcId,
      clusterIdentifier: cluster,
      deletionProtection: random.chance(0.6),
      backupRetentionPeriod: random.pick([0, 7, 14]),
      multiAz: random.chance(0.5),
      autoMinorVersionUpgrade: random.chance(0.8),
    });
    addPlacement(b, { account, region }, arn, at);
    if (key) b.rel('ENCRYPTED_WITH', arn, b.stub('AWSKmsKey', key));
  }
  return b.build();
}

/** CodeBuild projects: service roles (one admin in some accounts), some privileged. */
export function codeBuildScope(where: Where): GraphRecords {
  const { plan, account, region, random } = where;
  const b = builder(where, 'codebuild');
  for (let k = 0; k < plan.sizes.projects; k += 1) {
    const arn = `arn:aws:codebuild:${region}:${account}:project/build-${k}`;
    const service = roleArn(account, roleName.codebuild(k % plan.sizes.codebuildRoles));
    b.node('AWSCodeBuildProject', arn, {
      account,
      region,
      name: `build-${k}`,
      roleArn: service,
      sourceType: 'GITHUB',
      sourceLocation: `https://github.com/acme/service-${k}`,
      environmentType: 'LINUX_CONTAINER',
      environmentImage: 'aws/codebuild/standard:7.0',
      computeType: 'BUILD_GENERAL1_SMALL',
      privilegedMode: random.chance(0.3),
      environmentVariableNames: ['STAGE'],
      environmentVariableTypes: { STAGE: 'PLAINTEXT' },
      projectVisibility: 'PRIVATE',
      created: daysAgo(400),
      lastModified: daysAgo(random.int(100)),
    });
    role(b, arn, service);
  }
  return b.build();
}

/** EKS clusters: public endpoints, some open to the world. */
export function eksScope(where: Where): GraphRecords {
  const { plan, account, region, random } = where;
  const b = builder(where, 'eks');
  for (let k = 0; k < plan.sizes.clusters; k += 1) {
    const arn = `arn:aws:eks:${region}:${account}:cluster/eks-${k}`;
    const cluster = roleArn(account, roleName.eks(k % plan.sizes.eksRoles));
    const isPublic = random.chance(0.7);
    b.node('AWSEksCluster', arn, {
      account,
      region,
      name: `eks-${k}`,
      version: '1.30',
      platformVersion: 'eks.4',
      status: 'ACTIVE',
      createdAt: daysAgo(300),
      roleArn: cluster,
      endpoint: `https://${k}.gr7.${region}.eks.amazonaws.com`,
      endpointPublicAccess: isPublic,
      endpointPrivateAccess: true,
      publicAccessCidrs: isPublic ? [random.chance(0.5) ? '0.0.0.0/0' : '203.0.113.0/24'] : [],
      oidcIssuer: `https://oidc.eks.${region}.amazonaws.com/id/${account}${k}`,
      enabledLogTypes: ['audit'],
      authenticationMode: 'API_AND_CONFIG_MAP',
    });
    role(b, arn, cluster);
    const at = placement(where);
    addPlacement(b, { account, region }, arn, at);
  }
  return b.build();
}

/** SageMaker notebooks: some with direct internet access. */
export function sageMakerScope(where: Where): GraphRecords {
  const { plan, account, region, random } = where;
  const b = builder(where, 'sagemaker');
  for (let k = 0; k < plan.sizes.notebooks; k += 1) {
    const arn = `arn:aws:sagemaker:${region}:${account}:notebook-instance/nb-${k}`;
    const execution = roleArn(account, roleName.sagemaker(k % plan.sizes.sagemakerRoles));
    const at = placement(where);
    b.node('AWSSageMakerNotebook', arn, {
      account,
      region,
      name: `nb-${k}`,
      roleArn: execution,
      status: 'InService',
      instanceType: 'ml.t3.medium',
      platformIdentifier: 'notebook-al2-v2',
      directInternetAccess: random.chance(0.3),
      rootAccess: random.chance(0.5),
      subnetId: at.subnetIds[0],
      imdsMinimumVersion: '2',
      creationTime: daysAgo(200),
    });
    role(b, arn, execution);
    addPlacement(b, { account, region }, arn, {
      subnetIds: at.subnetIds,
      securityGroupIds: at.securityGroupIds,
    });
  }
  return b.build();
}
