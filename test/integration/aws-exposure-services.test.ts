import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import { readEc2Dirs } from '../../src/collectors/aws/ec2/read-ec2-dir.js';
import type { Database } from '../../src/db/connection.js';
import { loadScope } from '../../src/load/load-scope.js';
import { RecordsBuilder } from '../../src/records/records-builder.js';
import { resourceScope } from '../../src/collectors/aws/resources/resource-scope.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { dropScope, openTestGraph } from '../support/graph.js';

// The public subnet of the `public-instance-ports` case (routed to the internet gateway, default
// ACL) with its group sg-0web (tcp 22 and 443 open to the internet), plus databases and functions.
const NETWORK = 'test/cases/aws-reachability/public-instance-ports/ec2';
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const SUBNET = `arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/subnet-0e55e55e55e55e55e`;
const GROUP = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/sg-0web`;
const rds = (name: string) => `arn:aws:rds:${REGION}:${ACCOUNT}:db:${name}`;
const fn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
const located = { account: ACCOUNT, region: REGION };
const publicInvoke = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'FunctionURLAllowPublicAccess',
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:InvokeFunctionUrl',
      Resource: fn('open'),
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
    },
  ],
};

const EXPOSURE = `query Exposure($id: ID!) {
  resource(id: $id) { id exposure { protocol fromPort toPort via } }
}`;

let db: Database;
const scopes = [
  ...['ec2', 'rds', 'lambda'].map((s) => resourceScope(ACCOUNT, REGION, s)),
  resourceScope(ACCOUNT, 'global', 's3'),
];
const bucket = (name: string) => `arn:aws:s3:::${name}`;

async function exposure(id: string): Promise<string[]> {
  const result = await runOperation(createContext(db), { query: EXPOSURE, variables: { id } });
  expect(result.errors).toBeUndefined();
  const resource = (
    result.data as {
      resource: { exposure: { protocol: string; fromPort: number; toPort: number }[] } | null;
    }
  ).resource;
  expect(resource, id).not.toBeNull();
  return (resource?.exposure ?? []).map((e) => `${e.protocol} ${e.fromPort}-${e.toPort}`);
}

beforeAll(async () => {
  db = await openTestGraph();
  for (const scope of scopes) await dropScope(db, `aws:${scope.id}`);
  const [network] = await readEc2Dirs([NETWORK]);
  if (!network) throw new Error('no network records');
  await loadScope(db, network);

  const databases = new RecordsBuilder(resourceScope(ACCOUNT, REGION, 'rds'));
  for (const [name, port, publiclyAccessible] of [
    ['public-on-open-port', 443, true],
    ['public-on-closed-port', 5432, true],
    ['private-on-open-port', 443, false],
  ] as const) {
    const id = databases.node('AWSRdsInstance', rds(name), {
      ...located,
      name,
      endpointPort: port,
      publiclyAccessible,
    });
    databases.rel('IN_SUBNET', id, databases.stub('AWSSubnet', SUBNET));
    databases.rel('HAS_SECURITY_GROUP', id, databases.stub('AWSSecurityGroup', GROUP));
  }
  await loadScope(db, databases.build());

  const functions = new RecordsBuilder(resourceScope(ACCOUNT, REGION, 'lambda'));
  functions.node('AWSLambdaFunction', fn('open'), {
    ...located,
    name: 'open',
    functionUrlAuthType: 'NONE',
    policy: publicInvoke,
  });
  functions.node('AWSLambdaFunction', fn('iam-auth'), {
    ...located,
    name: 'iam-auth',
    functionUrlAuthType: 'AWS_IAM',
    policy: publicInvoke,
  });
  functions.node('AWSLambdaFunction', fn('no-policy'), {
    ...located,
    name: 'no-policy',
    functionUrlAuthType: 'NONE',
  });
  await loadScope(db, functions.build());
  const buckets = new RecordsBuilder(resourceScope(ACCOUNT, 'global', 's3'));
  const readAll = (name: string) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${name}/*`,
      },
    ],
  });
  buckets.node('AWSS3Bucket', bucket('public-site'), {
    ...located,
    name: 'public-site',
    policy: readAll('public-site'),
  });
  buckets.node('AWSS3Bucket', bucket('blocked-site'), {
    ...located,
    name: 'blocked-site',
    policy: readAll('blocked-site'),
    publicAccessBlock: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    },
  });
  await loadScope(db, buckets.build());
  await runAnalysis(db);
});

afterAll(async () => {
  for (const scope of scopes) await dropScope(db, `aws:${scope.id}`);
  await db.close();
});

describe('exposure of databases and function URLs', () => {
  it('a publicly accessible database is reached on its port when its groups and subnet let it', async () => {
    expect(await exposure(rds('public-on-open-port'))).toEqual(['tcp 443-443']);
    expect(await exposure(rds('public-on-closed-port'))).toEqual([]);
    expect(await exposure(rds('private-on-open-port'))).toEqual([]);
  });

  it('a function URL without auth is reached on 443 only when its policy lets everyone invoke it', async () => {
    expect(await exposure(fn('open'))).toEqual(['tcp 443-443']);
    expect(await exposure(fn('iam-auth'))).toEqual([]);
    expect(await exposure(fn('no-policy'))).toEqual([]);
  });

  it('a bucket anyone may read is exposed on HTTPS and HTTP; its public access block closes it', async () => {
    expect(await exposure(bucket('public-site'))).toEqual(['tcp 443-443', 'tcp 80-80']);
    expect(await exposure(bucket('blocked-site'))).toEqual([]);
  });

  it('takes a bare instance id as well as the ARN', async () => {
    expect(await exposure('i-0123456789abcdef0')).toEqual(['tcp 22-22', 'tcp 443-443']);
  });
});
