import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CreateDevEndpointCommand, GlueClient } from '@aws-sdk/client-glue';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudFormationCollector } from '../../src/collectors/aws/cloudformation/collect-cloudformation.js';
import { codeBuildCollector } from '../../src/collectors/aws/codebuild/collect-codebuild.js';
import { glueCollector } from '../../src/collectors/aws/glue/collect-glue.js';
import type {
  ResourceCollector,
  ResourceScanEnv,
} from '../../src/collectors/aws/resources/resource-collector.js';
import { sageMakerCollector } from '../../src/collectors/aws/sagemaker/collect-sagemaker.js';
import { withGaps, type Gap } from '../../src/collectors/aws/scan-context.js';
import { ssmCollector } from '../../src/collectors/aws/ssm/collect-ssm.js';
import { KeyedRateLimiter } from '../../src/collectors/shared/rate-limiter.js';
import { CairnError } from '../../src/errors/cairn-error.js';
import { loggerFor } from '../../src/logging/logger.js';
import { flattenGraphRecords, type GraphRecords } from '../../src/records/graph-records.js';
import { validateGraphRecords } from '../../src/records/validate-graph-records.js';
import { startMoto, type MotoServer } from '../support/moto-server.js';

// moto's default account; moto 5.2.1 implements every call here but SSM's
// DescribeInstanceInformation (its converter is unit-tested on recorded answers instead).
const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TEMPLATE = JSON.stringify({
  Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
});
const SECRET_VALUE = 'hunter2-plaintext-secret';
const SOURCE_TOKEN = 'ghp_notARealTokenButSecretAnyway';

type Handler = (args: unknown) => Promise<unknown>;
/** The shape of an SDK initialize middleware, enough to inject a failure. */
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;

/** Fails `command` with `error` the first `times` times, counting in `count.failed`. */
function failing(
  command: string,
  times: number,
  error: () => Error,
): { count: { failed: number }; configureClient: (client: object) => void } {
  const count = { failed: 0 };
  return {
    count,
    configureClient: (client: object) => {
      const stack = (client as { middlewareStack: { add(mw: Middleware, o: object): void } })
        .middlewareStack;
      stack.add(
        (next, context) => (args) => {
          if (context.commandName === command && count.failed < times) {
            count.failed += 1;
            return Promise.reject(error());
          }
          return next(args);
        },
        { step: 'initialize', name: 'testFailure' },
      );
    },
  };
}

const throttling = (): Error =>
  Object.assign(new Error('Rate exceeded'), {
    name: 'Throttling',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });

/** Runs one collector as the scan would, returning its validated records and gaps. */
async function collect(
  collector: ResourceCollector,
  endpoint: string,
  options: Partial<Pick<ResourceScanEnv, 'pageSize' | 'configureClient'>> = {},
): Promise<{ records: GraphRecords; gaps: readonly Gap[] }> {
  const gaps: Gap[] = [];
  const env: ResourceScanEnv = {
    ctx: {
      account: ACCOUNT,
      region: REGION,
      limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 1000, burst: 1000, concurrency: 8 })),
      log: loggerFor({ test: 'scan-aws-build-moto' }),
      gaps,
    },
    clientConfig: { region: REGION, endpoint, maxAttempts: 1 },
    ...options,
  };
  const scan = withGaps(await collector.collect(env), gaps);
  validateGraphRecords(flattenGraphRecords(scan.records), `${collector.service} records`);
  return scan;
}

const nodesOf = (records: GraphRecords, model: string) =>
  records.nodes.filter((n) => n.model === model && !n.stub);
const relsFrom = (records: GraphRecords, from: string, type: string): string[] =>
  records.relationships.filter((r) => r.from === from && r.type === type).map((r) => r.to);

/** One stack, project, notebook and endpoint; `many` adds enough to need several pages. */
async function createResources(endpoint: string, many: boolean): Promise<void> {
  const config = { region: REGION, endpoint, credentials };
  const cfn = new CloudFormationClient(config);
  const codebuild = new CodeBuildClient(config);
  const sagemaker = new SageMakerClient(config);
  const glue = new GlueClient(config);
  try {
    await cfn.send(
      new CreateStackCommand({
        StackName: 'deployer',
        TemplateBody: TEMPLATE,
        RoleARN: role('cfn-deployer'),
        Capabilities: ['CAPABILITY_NAMED_IAM'],
        EnableTerminationProtection: true,
        Tags: [{ Key: 'team', Value: 'platform' }],
      }),
    );
    await codebuild.send(
      new CreateProjectCommand({
        name: 'builder',
        source: {
          type: 'GITHUB',
          location: `https://x-access-token:${SOURCE_TOKEN}@github.com/acme/app.git?ref=main`,
        },
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'aws/codebuild/standard:7.0',
          computeType: 'BUILD_GENERAL1_SMALL',
          privilegedMode: true,
          environmentVariables: [
            { name: 'DEPLOY_TOKEN', value: SECRET_VALUE, type: 'PLAINTEXT' },
            { name: 'DB_PASSWORD', value: '/prod/db', type: 'PARAMETER_STORE' },
          ],
        },
        serviceRole: role('codebuild-builder'),
        encryptionKey: KEY_ARN,
        vpcConfig: {
          vpcId: 'vpc-0a1b2c3d',
          subnets: ['subnet-0a1b2c3d'],
          securityGroupIds: ['sg-0a1b2c3d'],
        },
      }),
    );
    await sagemaker.send(
      new CreateNotebookInstanceCommand({
        NotebookInstanceName: 'analyst',
        InstanceType: 'ml.t3.medium',
        RoleArn: role('notebook-runner'),
        SubnetId: 'subnet-0a1b2c3d',
        SecurityGroupIds: ['sg-0a1b2c3d'],
        KmsKeyId: KEY_ARN,
        DirectInternetAccess: 'Disabled',
        RootAccess: 'Enabled',
      }),
    );
    await glue.send(
      new CreateDevEndpointCommand({
        EndpointName: 'etl',
        RoleArn: role('glue-etl'),
        SubnetId: 'subnet-0a1b2c3d',
        SecurityGroupIds: ['sg-0a1b2c3d'],
        // moto keeps PublicKey apart from PublicKeys; the same key is counted once.
        PublicKey: 'ssh-rsa AAAAB3one',
        PublicKeys: ['ssh-rsa AAAAB3one', 'ssh-rsa AAAAB3two'],
      }),
    );
    if (!many) return;
    // moto answers DescribeStacks 50 at a time.
    for (let i = 0; i < 50; i += 1) {
      await cfn.send(new CreateStackCommand({ StackName: `plain-${i}`, TemplateBody: TEMPLATE }));
    }
    for (let i = 0; i < 4; i += 1) {
      await codebuild.send(
        new CreateProjectCommand({
          name: `extra-${i}`,
          source: { type: 'S3', location: 'acme-sources/app.zip' },
          artifacts: { type: 'NO_ARTIFACTS' },
          environment: {
            type: 'LINUX_CONTAINER',
            image: 'aws/codebuild/standard:7.0',
            computeType: 'BUILD_GENERAL1_SMALL',
          },
          serviceRole: role('codebuild-extra'),
        }),
      );
      await sagemaker.send(
        new CreateNotebookInstanceCommand({
          NotebookInstanceName: `extra-${i}`,
          InstanceType: 'ml.t3.medium',
          RoleArn: role('notebook-extra'),
        }),
      );
      // moto gives an endpoint in `subnet-default` a public address (outside a VPC).
      await glue.send(
        new CreateDevEndpointCommand({
          EndpointName: `extra-${i}`,
          RoleArn: role('glue-extra'),
          SubnetId: 'subnet-default',
        }),
      );
    }
  } finally {
    for (const client of [cfn, codebuild, sagemaker, glue]) client.destroy();
  }
}

const collectors: Record<string, [ResourceCollector, string]> = {
  cloudformation: [cloudFormationCollector, 'AWSCloudFormationStack'],
  codebuild: [codeBuildCollector, 'AWSCodeBuildProject'],
  sagemaker: [sageMakerCollector, 'AWSSageMakerNotebook'],
  glue: [glueCollector, 'AWSGlueDevEndpoint'],
};

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
  process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
  await createResources(moto.endpoint, true);
}, 120_000);

afterAll(async () => {
  await moto.stop();
});

describe('collectors of resources that run as a role, against moto', () => {
  it('collects CloudFormation stacks over several pages, with the service role', async () => {
    const { records, gaps } = await collect(cloudFormationCollector, moto.endpoint);
    expect(gaps).toEqual([]);
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/${REGION}/cloudformation` });
    const stacks = nodesOf(records, 'AWSCloudFormationStack');
    expect(stacks).toHaveLength(51);
    const deployer = stacks.find((n) => n.properties['name'] === 'deployer');
    expect(deployer?.id).toMatch(
      new RegExp(`^arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/deployer/`),
    );
    expect(deployer?.properties).toMatchObject({
      account: ACCOUNT,
      region: REGION,
      roleArn: role('cfn-deployer'),
      status: 'CREATE_COMPLETE',
      terminationProtection: true,
      tags: { team: 'platform' },
    });
    expect(relsFrom(records, deployer?.id ?? '', 'RUNS_AS')).toEqual([role('cfn-deployer')]);
    const roleless = stacks.find((n) => n.properties['name'] === 'plain-0');
    expect(roleless?.properties['roleArn']).toBeUndefined();
    expect(relsFrom(records, roleless?.id ?? '', 'RUNS_AS')).toEqual([]);
  });

  it('collects CodeBuild projects in batches, without secrets', async () => {
    const { records, gaps } = await collect(codeBuildCollector, moto.endpoint, { pageSize: 2 });
    expect(gaps).toEqual([]);
    const projects = nodesOf(records, 'AWSCodeBuildProject');
    expect(projects.map((n) => n.properties['name']).sort()).toEqual([
      'builder',
      'extra-0',
      'extra-1',
      'extra-2',
      'extra-3',
    ]);
    const arn = `arn:aws:codebuild:${REGION}:${ACCOUNT}:project/builder`;
    const builder = projects.find((n) => n.id === arn);
    expect(builder?.properties).toMatchObject({
      roleArn: role('codebuild-builder'),
      sourceType: 'GITHUB',
      sourceLocation: 'https://github.com/acme/app.git',
      environmentType: 'LINUX_CONTAINER',
      environmentImage: 'aws/codebuild/standard:7.0',
      privilegedMode: true,
      environmentVariableNames: ['DB_PASSWORD', 'DEPLOY_TOKEN'],
      environmentVariableTypes: { DEPLOY_TOKEN: 'PLAINTEXT', DB_PASSWORD: 'PARAMETER_STORE' },
      vpcId: 'vpc-0a1b2c3d',
      // moto ignores the key it is given and answers the default alias: kept as it comes.
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/s3`,
    });
    expect(relsFrom(records, arn, 'RUNS_AS')).toEqual([role('codebuild-builder')]);
    expect(relsFrom(records, arn, 'IN_SUBNET')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0a1b2c3d`,
    ]);
    expect(relsFrom(records, arn, 'HAS_SECURITY_GROUP')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0a1b2c3d`,
    ]);
    const text = JSON.stringify(records);
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain(SOURCE_TOKEN);
    expect(text).not.toContain('/prod/db');
  });

  it('collects SageMaker notebooks over several pages, with role, network and key', async () => {
    const { records, gaps } = await collect(sageMakerCollector, moto.endpoint, { pageSize: 2 });
    expect(gaps).toEqual([]);
    const notebooks = nodesOf(records, 'AWSSageMakerNotebook');
    expect(notebooks).toHaveLength(5);
    const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:notebook-instance/analyst`;
    expect(notebooks.find((n) => n.id === arn)?.properties).toMatchObject({
      name: 'analyst',
      roleArn: role('notebook-runner'),
      status: 'InService',
      instanceType: 'ml.t3.medium',
      directInternetAccess: false,
      rootAccess: true,
      subnetId: 'subnet-0a1b2c3d',
      kmsKeyId: KEY_ARN,
    });
    expect(relsFrom(records, arn, 'RUNS_AS')).toEqual([role('notebook-runner')]);
    expect(relsFrom(records, arn, 'ENCRYPTED_WITH')).toEqual([KEY_ARN]);
    expect(relsFrom(records, arn, 'IN_SUBNET')).toHaveLength(1);
    expect(relsFrom(records, arn, 'HAS_SECURITY_GROUP')).toHaveLength(1);
    expect(records.nodes.find((n) => n.id === KEY_ARN)).toMatchObject({ stub: true });
  });

  it('collects Glue dev endpoints over several pages, counting their keys', async () => {
    const { records, gaps } = await collect(glueCollector, moto.endpoint, { pageSize: 2 });
    expect(gaps).toEqual([]);
    const endpoints = nodesOf(records, 'AWSGlueDevEndpoint');
    expect(endpoints).toHaveLength(5);
    const arn = `arn:aws:glue:${REGION}:${ACCOUNT}:devEndpoint/etl`;
    expect(endpoints.find((n) => n.id === arn)?.properties).toMatchObject({
      name: 'etl',
      roleArn: role('glue-etl'),
      subnetId: 'subnet-0a1b2c3d',
      publicKeyCount: 2,
    });
    expect(relsFrom(records, arn, 'RUNS_AS')).toEqual([role('glue-etl')]);
    expect(relsFrom(records, arn, 'HAS_SECURITY_GROUP')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0a1b2c3d`,
    ]);
    expect(
      endpoints.find((n) => n.id.endsWith('devEndpoint/extra-0'))?.properties['publicAddress'],
    ).toBe('extra-0.glue.amazonaws.com');
    expect(JSON.stringify(records)).not.toContain('AAAAB3one');
  });

  it.each([
    { service: 'cloudformation', command: 'DescribeStacksCommand', count: 51 },
    { service: 'codebuild', command: 'ListProjectsCommand', count: 5 },
    { service: 'sagemaker', command: 'ListNotebookInstancesCommand', count: 5 },
    { service: 'glue', command: 'GetDevEndpointsCommand', count: 5 },
  ])(
    '$service: retries a throttled $command and completes',
    async ({ service, command, count }) => {
      const [collector, model] = collectors[service] ?? [];
      if (!collector || !model) throw new Error(`no collector for ${service}`);
      const throttle = failing(command, 2, throttling);
      const { records, gaps } = await collect(collector, moto.endpoint, {
        pageSize: 2,
        configureClient: throttle.configureClient,
      });
      expect(throttle.count.failed).toBe(2);
      expect(gaps).toEqual([]);
      expect(nodesOf(records, model)).toHaveLength(count);
    },
    60_000,
  );

  it('fails SSM cleanly where moto lacks DescribeInstanceInformation', async () => {
    // moto answers an HTML 500 (retried, as an outage would be): the scan of the service stops
    // with an error naming the call rather than recording that no machine is managed.
    const failure = await collect(ssmCollector, moto.endpoint).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CairnError);
    expect((failure as Error).message).toMatch(
      new RegExp(`^AWS ssm:DescribeInstanceInformation failed for account ${ACCOUNT}: `),
    );
  }, 60_000);

  it('records refused calls as coverage gaps while the rest completes', async () => {
    // A second moto that enforces IAM after the setup calls, scanned as a restricted user.
    const strict = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '7' });
    try {
      await createResources(strict.endpoint, false);
      const admin = new IAMClient({ region: REGION, endpoint: strict.endpoint, credentials });
      await admin.send(new CreateUserCommand({ UserName: 'auditor' }));
      await admin.send(
        new PutUserPolicyCommand({
          UserName: 'auditor',
          PolicyName: 'read-some',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: [
                  'cloudformation:DescribeStacks',
                  'codebuild:ListProjects',
                  'sagemaker:ListNotebookInstances',
                ],
                Resource: '*',
              },
            ],
          }),
        }),
      );
      const key = await admin.send(new CreateAccessKeyCommand({ UserName: 'auditor' }));
      admin.destroy();
      process.env['AWS_ACCESS_KEY_ID'] = key.AccessKey?.AccessKeyId;
      process.env['AWS_SECRET_ACCESS_KEY'] = key.AccessKey?.SecretAccessKey;

      const stacks = await collect(cloudFormationCollector, strict.endpoint);
      expect(stacks.gaps).toEqual([]);
      expect(nodesOf(stacks.records, 'AWSCloudFormationStack')).toHaveLength(1);

      const projects = await collect(codeBuildCollector, strict.endpoint);
      expect(projects.gaps).toEqual([
        expect.objectContaining({ service: 'codebuild', operation: 'BatchGetProjects' }),
      ]);
      expect(projects.records.nodes.find((n) => n.model === 'CoverageGap')?.id).toBe(
        `aws:${ACCOUNT}/${REGION}/codebuild/gap/codebuild:BatchGetProjects@${REGION}`,
      );

      // The list is readable, the description is not: the notebook is kept, its role unknown.
      const notebooks = await collect(sageMakerCollector, strict.endpoint);
      expect(notebooks.gaps).toEqual([
        expect.objectContaining({ service: 'sagemaker', operation: 'DescribeNotebookInstance' }),
      ]);
      const notebook = nodesOf(notebooks.records, 'AWSSageMakerNotebook')[0];
      expect(notebook?.properties).toMatchObject({ name: 'analyst', status: 'InService' });
      expect(notebook?.properties['roleArn']).toBeUndefined();

      const endpoints = await collect(glueCollector, strict.endpoint);
      expect(endpoints.gaps).toEqual([
        expect.objectContaining({ service: 'glue', operation: 'GetDevEndpoints' }),
      ]);
      expect(nodesOf(endpoints.records, 'AWSGlueDevEndpoint')).toEqual([]);
      expect(JSON.stringify(endpoints.records)).not.toContain(
        key.AccessKey?.SecretAccessKey ?? 'x',
      );
    } finally {
      process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
      process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
      await strict.stop();
    }
  }, 60_000);
});
