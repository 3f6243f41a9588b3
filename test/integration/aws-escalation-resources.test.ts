import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEvidence } from '../../src/analyze/aws/action-evidence.js';
import { readResourceEstate } from '../../src/analyze/aws/estate/read-resource-estate.js';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { readTransaction } from '../../src/db/transactions.js';
import { loadScope } from '../../src/load/load-scope.js';
import { Neo4jEscalationGraph } from '../../src/paths/neo4j-escalation-graph.js';
import { escalationPaths } from '../../src/paths/escalation-paths.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../src/records/graph-records.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';

// An IAM scope and three resource scopes of one account, as collectors would load them: a Lambda
// function running as an admin role, an EC2 instance whose instance profile carries another admin
// role, and Systems Manager managing that instance. `dev` may replace the function's code and
// open sessions on instances; `blocked` may do anything to Lambda except update this function's
// code.
const A = uniqueAccountId();
const REGION = 'us-east-1';
const SCOPES = {
  iam: A,
  lambda: `${A}/${REGION}/lambda`,
  ec2: `${A}/${REGION}/ec2`,
  ssm: `${A}/${REGION}/ssm`,
};
const iam = (kind: string, name: string): string => `arn:aws:iam::${A}:${kind}/${name}`;
const FUNCTION = `arn:aws:lambda:${REGION}:${A}:function:app`;
const INSTANCE = `arn:aws:ec2:${REGION}:${A}:instance/i-0abc`;
const PROFILE = iam('instance-profile', 'ops');
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const trusting = (service: string): object =>
  doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });

const node = (model: string, id: string, properties: Record<string, unknown>): NodeRecord => ({
  model,
  id,
  stub: false,
  properties,
});
const stub = (model: string, id: string): NodeRecord => ({ model, id, stub: true, properties: {} });
const rel = (type: string, from: string, to: string, properties = {}): RelRecord => ({
  type,
  from,
  to,
  properties,
});
const records = (id: string, nodes: NodeRecord[], relationships: RelRecord[]): GraphRecords => ({
  scope: { provider: 'AWS', id },
  nodes,
  relationships,
});

function iamScope(): GraphRecords {
  const inline = (user: string, document: object): [NodeRecord, RelRecord] => {
    const id = `${iam('user', user)}#inline/main`;
    return [
      node('AWSPolicy', id, { name: 'main', policyType: 'inline', document }),
      rel('HAS_POLICY', iam('user', user), id, { attachment: 'inline' }),
    ];
  };
  const [devPolicy, devHas] = inline(
    'dev',
    doc(
      {
        Effect: 'Allow',
        Action: ['lambda:UpdateFunctionCode', 'lambda:InvokeFunction'],
        Resource: `arn:aws:lambda:*:${A}:function:*`,
      },
      { Effect: 'Allow', Action: 'ssm:StartSession', Resource: `arn:aws:ec2:*:${A}:instance/*` },
    ),
  );
  const [blockedPolicy, blockedHas] = inline(
    'blocked',
    doc(
      { Effect: 'Allow', Action: 'lambda:*', Resource: '*' },
      { Effect: 'Deny', Action: 'lambda:UpdateFunctionCode', Resource: FUNCTION },
    ),
  );
  return records(
    SCOPES.iam,
    [
      stub('AWSAccount', A),
      node('AWSManagedPolicy', ADMIN, {
        name: 'AdministratorAccess',
        document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      }),
      node('AWSRole', iam('role', 'app-role'), {
        name: 'app-role',
        trustPolicy: trusting('lambda.amazonaws.com'),
      }),
      node('AWSRole', iam('role', 'ops-role'), {
        name: 'ops-role',
        trustPolicy: trusting('ec2.amazonaws.com'),
      }),
      node('AWSInstanceProfile', PROFILE, { name: 'ops' }),
      node('AWSUser', iam('user', 'dev'), { name: 'dev' }),
      node('AWSUser', iam('user', 'blocked'), { name: 'blocked' }),
      devPolicy,
      blockedPolicy,
    ],
    [
      rel('HAS_POLICY', iam('role', 'app-role'), ADMIN, { attachment: 'managed' }),
      rel('HAS_POLICY', iam('role', 'ops-role'), ADMIN, { attachment: 'managed' }),
      rel('HAS_ROLE', PROFILE, iam('role', 'ops-role')),
      devHas,
      blockedHas,
    ],
  );
}

const location = { account: A, region: REGION };
let db: Database;
let analysis: Awaited<ReturnType<typeof runAnalysis>>;

beforeAll(async () => {
  db = await openTestGraph();
  await loadScope(db, iamScope());
  await loadScope(
    db,
    records(
      SCOPES.lambda,
      [
        node('AWSLambdaFunction', FUNCTION, {
          ...location,
          name: 'app',
          roleArn: iam('role', 'app-role'),
          packageType: 'Zip',
        }),
        stub('AWSRole', iam('role', 'app-role')),
      ],
      [rel('RUNS_AS', FUNCTION, iam('role', 'app-role'))],
    ),
  );
  await loadScope(
    db,
    records(
      SCOPES.ec2,
      [
        node('AWSEC2Instance', INSTANCE, {
          ...location,
          instanceId: 'i-0abc',
          state: 'running',
          instanceProfileArn: PROFILE,
        }),
        stub('AWSInstanceProfile', PROFILE),
      ],
      [rel('HAS_INSTANCE_PROFILE', INSTANCE, PROFILE)],
    ),
  );
  const managed = `arn:aws:ssm:${REGION}:${A}:managed-instance/i-0abc`;
  await loadScope(
    db,
    records(
      SCOPES.ssm,
      [
        node('AWSSsmManagedInstance', managed, { ...location, instanceId: 'i-0abc' }),
        stub('AWSEC2Instance', INSTANCE),
      ],
      [rel('SSM_MANAGES', managed, INSTANCE)],
    ),
  );
  analysis = await runAnalysis(db);
}, 120_000);

afterAll(async () => {
  for (const scope of Object.values(SCOPES)) await dropScope(db, `aws:${scope}`);
  await db.close();
});

interface StoredEdge {
  to: string;
  technique: string;
  conditional: boolean;
  preconditions: string[] | null;
  evidence: string;
}

async function edgesFrom(user: string): Promise<StoredEdge[]> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run(
      `MATCH (:Entity {id: $id})-[r:CAN_ESCALATE]->(b)
       RETURN b.id AS to, r.technique AS technique, r.conditional AS conditional,
              r.preconditions AS preconditions, r.evidence AS evidence
       ORDER BY technique`,
      { id: iam('user', user) },
    );
    return result.records.map((r) => r.toObject() as StoredEdge);
  });
}

describe('cairn analyze with resources that run as roles', () => {
  it('reads each resource with its role, and whether Systems Manager manages the instance', async () => {
    expect(await readResourceEstate(db, [A])).toEqual([
      {
        id: INSTANCE,
        kind: 'ec2-instance',
        ...location,
        role: iam('role', 'ops-role'),
        state: 'running',
        ssmManaged: true,
      },
      {
        id: FUNCTION,
        kind: 'lambda-function',
        ...location,
        role: iam('role', 'app-role'),
        packageType: 'Zip',
      },
    ]);
  });

  it('derives caller → role edges on the existing function and instance, naming the resource', async () => {
    expect(analysis.escalations.byTechnique['aws.lambda.UpdateFunctionCode']).toBeGreaterThan(0);
    const edges = await edgesFrom('dev');
    expect(edges.map((e) => [e.technique, e.to, e.conditional, e.preconditions])).toEqual([
      ['aws.lambda.UpdateFunctionCode', iam('role', 'app-role'), false, null],
      ['aws.ssm.StartSession', iam('role', 'ops-role'), false, null],
    ]);
    const [update, session] = edges;
    expect(decodeEvidence(update?.evidence ?? '[]', iam('role', 'app-role'))).toEqual([
      expect.objectContaining({ action: 'lambda:UpdateFunctionCode', resource: FUNCTION }),
      expect.objectContaining({ action: 'lambda:InvokeFunction', resource: FUNCTION }),
    ]);
    expect(decodeEvidence(session?.evidence ?? '[]', iam('role', 'ops-role'))).toEqual([
      {
        action: 'ssm:StartSession',
        resource: INSTANCE,
        decidedBy: [expect.objectContaining({ policyId: `${iam('user', 'dev')}#inline/main` })],
      },
    ]);
  });

  it('respects a Deny on the function ARN, which leaves other techniques on it open', async () => {
    // lambda:* still lets `blocked` add a layer to the function.
    expect((await edgesFrom('blocked')).map((e) => [e.technique, e.to])).toEqual([
      ['aws.lambda.UpdateFunctionConfigurationLayer', iam('role', 'app-role')],
    ]);
  });

  it('returns the edges as escalation paths to the admin roles', async () => {
    const paths = await escalationPaths(new Neo4jEscalationGraph(db), iam('user', 'dev'), {
      maxHops: 6,
      limit: 25,
    });
    expect(paths.map((p) => [p.target, p.steps.map((s) => s.technique), p.conditional])).toEqual([
      [iam('role', 'app-role'), ['aws.lambda.UpdateFunctionCode'], false],
      [iam('role', 'ops-role'), ['aws.ssm.StartSession'], false],
    ]);
  });

  it('says SSM is unknown once no SSM scope covers the region', async () => {
    await dropScope(db, `aws:${SCOPES.ssm}`);
    const [instance] = await readResourceEstate(db, [A]);
    expect(instance).toMatchObject({ id: INSTANCE, state: 'running' });
    expect(instance?.ssmManaged).toBeUndefined();
  });

  it('says not managed after a complete SSM scan, unknown when that scan was denied', async () => {
    await loadScope(db, records(SCOPES.ssm, [], []));
    expect((await readResourceEstate(db, [A]))[0]?.ssmManaged).toBe(false);
    const gap = {
      model: 'CoverageGap',
      id: `aws:${SCOPES.ssm}/gap/ssm:DescribeInstanceInformation@${REGION}`,
      stub: false,
      properties: {
        cloud: 'AWS',
        service: 'ssm',
        operation: 'DescribeInstanceInformation',
        region: REGION,
        errorCode: 'AccessDeniedException',
      },
    };
    await loadScope(db, records(SCOPES.ssm, [gap], []));
    expect((await readResourceEstate(db, [A]))[0]?.ssmManaged).toBeUndefined();
    await dropScope(db, `aws:${SCOPES.ssm}`);
  });
});
