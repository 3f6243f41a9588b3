import { describe, expect, it } from 'vitest';
import { codeBuildCollector } from '../../../../src/collectors/aws/codebuild/collect-codebuild.js';
import { codeBuildToRecords } from '../../../../src/collectors/aws/codebuild/codebuild-to-records.js';
import { sourceLocationWithoutCredentials } from '../../../../src/collectors/aws/codebuild/source-location.js';
import { BadInputError } from '../../../../src/errors/cairn-error.js';
import {
  ACCOUNT,
  REGION,
  awsError,
  collectWith,
  failingFirst,
  fakeAws,
  relsFrom,
  valid,
} from './fake-aws.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/codebuild-app`;
const arn = (name: string): string => `arn:aws:codebuild:${REGION}:${ACCOUNT}:project/${name}`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const PLAINTEXT_SECRET = 'AKIA-looking-plaintext-value-123';
const TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';

// A BatchGetProjects entry as `aws codebuild batch-get-projects` prints it.
const project = {
  name: 'app',
  arn: arn('app'),
  source: {
    type: 'GITHUB',
    location: `https://oauth2:${TOKEN}@github.com/acme/app.git`,
    gitCloneDepth: 1,
    buildspec: `version: 0.2\nenv:\n  variables:\n    LEAKED: "${PLAINTEXT_SECRET}"`,
    auth: { type: 'OAUTH', resource: TOKEN },
  },
  environment: {
    type: 'LINUX_CONTAINER',
    image: 'aws/codebuild/standard:7.0',
    computeType: 'BUILD_GENERAL1_SMALL',
    privilegedMode: true,
    imagePullCredentialsType: 'CODEBUILD',
    environmentVariables: [
      { name: 'AWS_SECRET', value: PLAINTEXT_SECRET, type: 'PLAINTEXT' },
      { name: 'DB_PASSWORD', value: '/prod/db/password', type: 'PARAMETER_STORE' },
      { name: 'API_KEY', value: 'prod/api:key', type: 'SECRETS_MANAGER' },
      { name: 'NO_TYPE', value: 'plain-by-default' },
    ],
  },
  serviceRole: ROLE,
  encryptionKey: KEY,
  vpcConfig: {
    vpcId: 'vpc-0a1b2c3d',
    subnets: ['subnet-0aaa', 'subnet-0bbb'],
    securityGroupIds: ['sg-0ccc'],
  },
  projectVisibility: 'PUBLIC_READ',
  created: '2026-02-02T10:00:00.000Z',
  lastModified: '2026-09-09T10:00:00.000Z',
  tags: [{ key: 'team', value: 'web' }],
};
const at = { account: ACCOUNT, region: REGION };

describe('CodeBuild projects to records', () => {
  it('keeps role, source, environment and network, and no secret', () => {
    const records = valid(codeBuildToRecords({ projects: [project] }, at, 'test'));
    expect(records.scope.id).toBe(`${ACCOUNT}/${REGION}/codebuild`);
    expect(records.nodes.find((n) => n.id === arn('app'))?.properties).toEqual({
      account: ACCOUNT,
      region: REGION,
      name: 'app',
      roleArn: ROLE,
      sourceType: 'GITHUB',
      sourceLocation: 'https://github.com/acme/app.git',
      environmentType: 'LINUX_CONTAINER',
      environmentImage: 'aws/codebuild/standard:7.0',
      computeType: 'BUILD_GENERAL1_SMALL',
      privilegedMode: true,
      environmentVariableNames: ['API_KEY', 'AWS_SECRET', 'DB_PASSWORD', 'NO_TYPE'],
      environmentVariableTypes: {
        AWS_SECRET: 'PLAINTEXT',
        DB_PASSWORD: 'PARAMETER_STORE',
        API_KEY: 'SECRETS_MANAGER',
        NO_TYPE: 'PLAINTEXT',
      },
      vpcId: 'vpc-0a1b2c3d',
      kmsKeyId: KEY,
      projectVisibility: 'PUBLIC_READ',
      created: '2026-02-02T10:00:00.000Z',
      lastModified: '2026-09-09T10:00:00.000Z',
      tags: { team: 'web' },
    });
    expect(relsFrom(records, arn('app'), 'RUNS_AS')).toEqual([ROLE]);
    expect(relsFrom(records, arn('app'), 'IN_SUBNET')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0aaa`,
      `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0bbb`,
    ]);
    expect(relsFrom(records, arn('app'), 'HAS_SECURITY_GROUP')).toEqual([
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0ccc`,
    ]);
    const text = JSON.stringify(records);
    for (const secret of [PLAINTEXT_SECRET, TOKEN, '/prod/db/password', 'prod/api:key', 'oauth2']) {
      expect(text).not.toContain(secret);
    }
  });

  it('takes a variable named __proto__ as a name like any other', () => {
    const hostile = {
      ...project,
      environment: { environmentVariables: [{ name: '__proto__', value: 'x', type: 'PLAINTEXT' }] },
    };
    const node = codeBuildToRecords({ projects: [hostile] }, at, 'test').nodes[0];
    expect(node?.properties['environmentVariableNames']).toEqual(['__proto__']);
    expect(Object.keys(node?.properties['environmentVariableTypes'] as object)).toEqual([
      '__proto__',
    ]);
  });

  it('records a project with no source, role or VPC', () => {
    const bare = { name: 'bare', arn: arn('bare'), source: { type: 'NO_SOURCE' } };
    const records = valid(codeBuildToRecords({ projects: [bare] }, at, 'test'));
    expect(records.nodes).toEqual([
      {
        model: 'AWSCodeBuildProject',
        id: arn('bare'),
        stub: false,
        properties: { account: ACCOUNT, region: REGION, name: 'bare', sourceType: 'NO_SOURCE' },
      },
    ]);
    expect(records.relationships).toEqual([]);
  });

  it.each([
    [{ ...project, serviceRole: 'codebuild-app' }, 'field "serviceRole": expected an IAM role ARN'],
    [{ ...project, arn: 'app' }, 'field "arn"'],
    [{ ...project, vpcConfig: { subnets: ['subnet-0a/../../x'] } }, 'field "vpcConfig.subnets.0"'],
    [
      { ...project, source: { type: 'S3', location: 'b/'.repeat(5000) } },
      'field "source.location"',
    ],
    [
      { ...project, environment: { environmentVariables: [{ value: PLAINTEXT_SECRET }] } },
      'field "environment.environmentVariables.0.name"',
    ],
    [{ ...project, environment: { privilegedMode: 'yes' } }, 'field "environment.privilegedMode"'],
    ['app', 'expected an object'],
  ])('rejects a malformed project without quoting it: %#', (entry, problem) => {
    const convert = () => codeBuildToRecords({ projects: [entry] }, at, 'codebuild');
    expect(convert).toThrow(BadInputError);
    expect(convert).toThrow(`codebuild: projects[0]: ${problem}`);
    expect(convert).not.toThrow(PLAINTEXT_SECRET);
  });
});

describe('sourceLocationWithoutCredentials', () => {
  it.each([
    ['https://user:token@github.com/acme/app.git', 'https://github.com/acme/app.git'],
    [`https://${TOKEN}@github.com/acme/app`, 'https://github.com/acme/app'],
    ['https://x:p@ss/w@rd@bitbucket.org/acme/app.git', 'https://bitbucket.org/acme/app.git'],
    ['https://github.com/acme/app.git?access_token=abc#frag', 'https://github.com/acme/app.git'],
    ['HTTPS://GitHub.com/Acme/App', 'https://GitHub.com/Acme/App'],
    ['git@github.com:acme/app.git', 'github.com:acme/app.git'],
    [
      'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app',
      'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app',
    ],
    ['acme-sources/app/source.zip', 'acme-sources/app/source.zip'],
    [
      'https://ghe.acme.internal/org/AKIAIOSFODNN7EXAMPLE/repo',
      'https://ghe.acme.internal/org/AKIA****************/repo',
    ],
    ['https://user:tok\n@github.com/a', 'https://github.com/a'],
  ])('%s → %s', (location, kept) => {
    expect(sourceLocationWithoutCredentials(location)).toBe(kept);
  });

  it('gives nothing for an empty location', () => {
    expect(sourceLocationWithoutCredentials('  ')).toBeUndefined();
  });
});

describe('codeBuildCollector', () => {
  const names = Array.from({ length: 205 }, (_, i) => `p${String(i).padStart(3, '0')}`);
  const listPages = (input: Record<string, unknown>): object =>
    input['nextToken'] === undefined
      ? { projects: names.slice(0, 150), nextToken: 'more' }
      : { projects: names.slice(150) };
  const batchGet = (input: Record<string, unknown>): object => ({
    projects: (input['names'] as string[]).map((name) => ({
      name,
      arn: arn(name),
      serviceRole: ROLE,
      environment: { environmentVariables: [{ name: 'SECRET', value: PLAINTEXT_SECRET }] },
    })),
  });

  it('follows list pages, then reads projects 100 at a time', async () => {
    const fake = fakeAws({ ListProjectsCommand: listPages, BatchGetProjectsCommand: batchGet });
    const { records, gaps } = await collectWith(codeBuildCollector, fake);
    expect(gaps).toEqual([]);
    const batches = fake.calls
      .filter((call) => call.startsWith('BatchGetProjectsCommand'))
      .map((call) => (JSON.parse(call.slice(call.indexOf(' '))) as { names: string[] }).names);
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 5]);
    expect(batches.flat()).toEqual(names);
    expect(records.nodes.filter((n) => n.model === 'AWSCodeBuildProject')).toHaveLength(205);
    expect(JSON.stringify(records)).not.toContain(PLAINTEXT_SECRET);
  });

  it('retries a throttled batch, and records a refused one as a gap while the rest completes', async () => {
    let batch = 0;
    const fake = fakeAws({
      ListProjectsCommand: listPages,
      BatchGetProjectsCommand: failingFirst(
        2,
        () => awsError('ThrottlingException', 400),
        (input) => {
          batch += 1;
          if (batch === 2) throw awsError('AccessDeniedException', 400);
          return batchGet(input);
        },
      ),
    });
    const { records, gaps } = await collectWith(codeBuildCollector, fake);
    expect(gaps).toEqual([
      expect.objectContaining({ service: 'codebuild', operation: 'BatchGetProjects' }),
    ]);
    expect(records.nodes.filter((n) => n.model === 'AWSCodeBuildProject')).toHaveLength(105);
  });
});
