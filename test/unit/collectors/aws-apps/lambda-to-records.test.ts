import { describe, expect, it } from 'vitest';
import {
  lambdaToRecords,
  type LambdaAnswers,
} from '../../../../src/collectors/aws/lambda/lambda-to-records.js';
import { ACCOUNT, at, badInputMessage, expectValid, nodeById, rels } from './helpers.js';

const fnArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`;
const role = `arn:aws:iam::${ACCOUNT}:role/service-role/orders-exec`;
const ownLayer = `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:common:4`;
const foreignLayer = 'arn:aws:lambda:us-east-1:999999999999:layer:vendor-agent:12';
const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const net = (type: string, id: string): string => `arn:aws:ec2:us-east-1:${ACCOUNT}:${type}/${id}`;

function orders(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    FunctionName: 'orders',
    FunctionArn: fnArn,
    Role: role,
    Runtime: 'python3.12',
    Handler: 'app.handler',
    PackageType: 'Zip',
    LastModified: '2024-05-01T10:20:30.123+0000',
    KMSKeyArn: key,
    VpcConfig: { SubnetIds: ['subnet-0a1'], SecurityGroupIds: ['sg-0b2'], VpcId: 'vpc-0c3' },
    Layers: [{ Arn: ownLayer, CodeSize: 10 }, { Arn: foreignLayer }],
    Environment: { Variables: { DB_PASSWORD: 'hunter2-secret', API_URL: 'https://x' } },
    ...overrides,
  };
}

function answers(partial: Partial<LambdaAnswers> = {}): LambdaAnswers {
  return {
    functions: [orders()],
    policies: new Map(),
    urlConfigs: new Map(),
    tags: new Map(),
    ...partial,
  };
}

describe('lambdaToRecords', () => {
  it('records a function with its role, placement, key, layers, policy, URL and tags', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl' }],
    };
    const records = lambdaToRecords(
      answers({
        policies: new Map([[fnArn, { Policy: JSON.stringify(policy), RevisionId: 'r1' }]]),
        urlConfigs: new Map([
          [
            fnArn,
            [
              {
                FunctionUrl: 'https://alias.lambda-url',
                FunctionArn: `${fnArn}:live`,
                AuthType: 'AWS_IAM',
              },
              {
                FunctionUrl: 'https://open.lambda-url',
                FunctionArn: `${fnArn}:beta`,
                AuthType: 'NONE',
              },
            ],
          ],
        ]),
        tags: new Map([[fnArn, { Tags: { team: 'payments' } }]]),
      }),
      at,
      'test',
    );
    expect(records.scope).toEqual({ provider: 'AWS', id: `${ACCOUNT}/us-east-1/lambda` });
    expect(nodeById(records, fnArn)).toMatchObject({
      model: 'AWSLambdaFunction',
      stub: false,
      properties: {
        account: ACCOUNT,
        region: 'us-east-1',
        name: 'orders',
        roleArn: role,
        runtime: 'python3.12',
        handler: 'app.handler',
        packageType: 'Zip',
        lastModified: '2024-05-01T10:20:30.123Z',
        environmentVariableNames: ['API_URL', 'DB_PASSWORD'],
        kmsKeyId: key,
        vpcId: 'vpc-0c3',
        policy,
        functionUrl: 'https://open.lambda-url',
        functionUrlAuthType: 'NONE',
        tags: { team: 'payments' },
      },
    });
    expect(rels(records, 'RUNS_AS')).toEqual([`${fnArn} -> ${role}`]);
    expect(nodeById(records, role)).toMatchObject({ model: 'AWSRole', stub: true, properties: {} });
    expect(rels(records, 'IN_SUBNET')).toEqual([`${fnArn} -> ${net('subnet', 'subnet-0a1')}`]);
    expect(rels(records, 'HAS_SECURITY_GROUP')).toEqual([
      `${fnArn} -> ${net('security-group', 'sg-0b2')}`,
    ]);
    expect(rels(records, 'IN_VPC')).toEqual([`${fnArn} -> ${net('vpc', 'vpc-0c3')}`]);
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([`${fnArn} -> ${key}`]);
    expect(rels(records, 'USES_LAYER')).toEqual([
      `${fnArn} -> ${ownLayer}`,
      `${fnArn} -> ${foreignLayer}`,
    ]);
    expect(nodeById(records, foreignLayer)).toMatchObject({
      model: 'AWSLambdaLayer',
      stub: false,
      properties: {
        account: '999999999999',
        region: 'us-east-1',
        name: 'vendor-agent',
        version: 12,
      },
    });
    expectValid(records);
  });

  it('never puts environment variable values in the records', () => {
    const text = JSON.stringify(lambdaToRecords(answers(), at, 'test'));
    expect(text).toContain('DB_PASSWORD');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('https://x');
  });

  it('prefers the function own URL when no URL is open, and leaves unknowns unset', () => {
    const records = lambdaToRecords(
      answers({
        functions: [
          orders({
            VpcConfig: { SubnetIds: [], SecurityGroupIds: [], VpcId: '' },
            KMSKeyArn: undefined,
            Layers: undefined,
            Environment: undefined,
          }),
        ],
        urlConfigs: new Map([
          [
            fnArn,
            [
              { FunctionUrl: 'https://alias', FunctionArn: `${fnArn}:live`, AuthType: 'AWS_IAM' },
              { FunctionUrl: 'https://own', FunctionArn: fnArn, AuthType: 'AWS_IAM' },
            ],
          ],
        ]),
      }),
      at,
      'test',
    );
    const fn = nodeById(records, fnArn);
    expect(fn?.properties).toMatchObject({
      functionUrl: 'https://own',
      functionUrlAuthType: 'AWS_IAM',
    });
    expect(fn?.properties).not.toHaveProperty('vpcId');
    expect(fn?.properties).not.toHaveProperty('policy');
    expect(fn?.properties).not.toHaveProperty('environmentVariableNames');
    expect(rels(records, 'IN_VPC')).toEqual([]);
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([]);
    expectValid(records);
  });

  it('links only key ARNs, not aliases', () => {
    const alias = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app`;
    const records = lambdaToRecords(
      answers({ functions: [orders({ KMSKeyArn: alias })] }),
      at,
      't',
    );
    expect(nodeById(records, fnArn)?.properties['kmsKeyId']).toBe(alias);
    expect(rels(records, 'ENCRYPTED_WITH')).toEqual([]);
  });

  it.each([
    ['a function that is not an object', ['oops'], 'test: Functions[0]: expected an object'],
    [
      'a function ARN of another service',
      [orders({ FunctionArn: 'arn:aws:s3:::bucket' })],
      'field "FunctionArn": expected a \'lambda\' ARN',
    ],
    [
      'a role that is not a role ARN',
      [orders({ Role: 'admin' })],
      'field "Role": expected an IAM role ARN',
    ],
    [
      'a malformed layer ARN',
      [orders({ Layers: [{ Arn: 'arn:aws:lambda:x' }] })],
      'field "Layers.0.Arn": expected a layer version ARN',
    ],
    [
      'a date that is not one',
      [orders({ LastModified: 'yesterday' })],
      'field "LastModified": expected a date and time',
    ],
    [
      'a subnet id that is not one',
      [orders({ VpcConfig: { SubnetIds: ['../x'] } })],
      'field "VpcConfig.SubnetIds.0": expected a subnet-... id',
    ],
  ])('rejects %s with a BadInputError naming where', (_what, functions, expected) => {
    const message = badInputMessage(() => lambdaToRecords(answers({ functions }), at, 'test'));
    expect(message).toContain(expected);
  });

  it('rejects a policy that is not JSON, naming the function, without echoing it', () => {
    const message = badInputMessage(() =>
      lambdaToRecords(
        answers({ policies: new Map([[fnArn, { Policy: '{not json' }]]) }),
        at,
        'test',
      ),
    );
    expect(message).toBe(
      `test: function ${fnArn}: GetPolicy: Policy is neither a JSON object nor URL-encoded JSON`,
    );
  });

  it('accepts any environment variable value without reading it', () => {
    // Values are never validated: a number value is not an error, and never shows up anywhere.
    const records = lambdaToRecords(
      answers({ functions: [orders({ Environment: { Variables: { PORT: 5432 } } })] }),
      at,
      'test',
    );
    expect(nodeById(records, fnArn)?.properties['environmentVariableNames']).toEqual(['PORT']);
    expect(JSON.stringify(records)).not.toContain('5432');
  });
});
