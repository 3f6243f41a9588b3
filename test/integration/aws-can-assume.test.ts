import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import { executeOperation } from '../../src/serve/execute.js';
import type { Database } from '../../src/db/connection.js';
import { readTransaction } from '../../src/db/transactions.js';
import { loadScope } from '../../src/load/load-scope.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../src/records/graph-records.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';

const A = uniqueAccountId();
const B = uniqueAccountId();
const arn = (account: string, kind: string, name: string): string =>
  `arn:aws:iam::${account}:${kind}/${name}`;
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const trust = (principal: object, condition?: object): object =>
  doc({
    Effect: 'Allow',
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });
const mayAssume = doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });

interface Spec {
  kind: 'user' | 'role';
  name: string;
  trust?: object;
  policy?: object;
  boundary?: object;
}

function account(id: string, specs: Spec[], services: string[] = []): GraphRecords {
  const nodes: NodeRecord[] = [
    { model: 'AWSAccount', id, stub: true, properties: {} },
    ...services.map((s) => ({
      model: 'AWSServicePrincipal',
      id: s,
      stub: false,
      properties: { name: s },
    })),
  ];
  const rels: RelRecord[] = [];
  for (const spec of specs) {
    const service = (spec.trust as { Statement: { Principal: { Service?: string } }[] } | undefined)
      ?.Statement[0]?.Principal.Service;
    if (service) {
      rels.push({
        type: 'TRUSTS_SERVICE',
        from: arn(id, 'role', spec.name),
        to: service,
        properties: {},
      });
    }
  }
  for (const spec of specs) {
    const principal = arn(id, spec.kind, spec.name);
    nodes.push({
      model: spec.kind === 'role' ? 'AWSRole' : 'AWSUser',
      id: principal,
      stub: false,
      properties: { name: spec.name, ...(spec.trust ? { trustPolicy: spec.trust } : {}) },
    });
    if (spec.policy) {
      nodes.push({
        model: 'AWSPolicy',
        id: `${principal}#inline/p`,
        stub: false,
        properties: { name: 'p', policyType: 'inline', document: spec.policy },
      });
      rels.push({
        type: 'HAS_POLICY',
        from: principal,
        to: `${principal}#inline/p`,
        properties: { attachment: 'inline' },
      });
    }
    if (spec.boundary) {
      nodes.push({
        model: 'AWSPolicy',
        id: `${principal}#inline/b`,
        stub: false,
        properties: { name: 'b', policyType: 'inline', document: spec.boundary },
      });
      rels.push({
        type: 'HAS_BOUNDARY',
        from: principal,
        to: `${principal}#inline/b`,
        properties: {},
      });
    }
  }
  return { scope: { provider: 'AWS', id }, nodes, relationships: rels };
}

let db: Database;
let edges: Map<
  string,
  { conditional: boolean; pending: string; evidence: string; technique: string }
>;

beforeAll(async () => {
  db = await openTestGraph();
  await loadScope(
    db,
    account(
      A,
      [
        { kind: 'user', name: 'alice', policy: mayAssume },
        { kind: 'user', name: 'bob' },
        { kind: 'user', name: 'carol' },
        {
          kind: 'user',
          name: 'dave',
          policy: mayAssume,
          boundary: doc({ Effect: 'Allow', NotAction: 'sts:*', Resource: '*' }),
        },
        {
          kind: 'role',
          name: 'chain-source',
          policy: mayAssume,
          trust: trust({ Service: 'ec2.amazonaws.com' }),
        },
        { kind: 'role', name: 'account-trust', trust: trust({ AWS: `arn:aws:iam::${A}:root` }) },
        { kind: 'role', name: 'carol-only', trust: trust({ AWS: arn(A, 'user', 'carol') }) },
        {
          kind: 'role',
          name: 'chain-target',
          trust: trust({ AWS: arn(A, 'role', 'chain-source') }),
        },
        {
          kind: 'role',
          name: 'reader',
          trust: trust({ AWS: `arn:aws:iam::${A}:root` }),
          policy: doc({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::acme-data/*',
          }),
        },
        {
          kind: 'role',
          name: 'fn-exec',
          trust: trust(
            { Service: 'lambda.amazonaws.com' },
            { StringEquals: { 'aws:SourceAccount': A } },
          ),
          policy: doc({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }),
        },
      ],
      ['ec2.amazonaws.com', 'lambda.amazonaws.com'],
    ),
  );
  await loadScope(
    db,
    account(B, [
      { kind: 'role', name: 'cross', trust: trust({ AWS: A }) },
      {
        kind: 'role',
        name: 'vendor',
        trust: trust({ AWS: A }, { StringEquals: { 'sts:ExternalId': 'x-123' } }),
      },
    ]),
  );
  await runAnalysis(db);
  edges = await readTransaction(db, async (tx) => {
    const result = await tx.run(
      `MATCH (a)-[r:CAN_ASSUME]->(b) WHERE a.scope IN $scopes OR b.scope IN $scopes
       RETURN a.id + ' -> ' + b.id AS key, r {.conditional, .pending, .evidence, .technique} AS r`,
      { scopes: [`aws:${A}`, `aws:${B}`] },
    );
    return new Map(result.records.map((rec) => [rec.get('key') as string, rec.get('r') as never]));
  });
}, 120_000);

afterAll(async () => {
  for (const scope of [`aws:${A}`, `aws:${B}`]) await dropScope(db, scope);
  await db.close();
});

const edge = (from: string, to: string) => edges.get(`${from} -> ${to}`);

describe('CAN_ASSUME (AWS)', () => {
  it('same account: a trust naming the account needs the caller to allow sts:AssumeRole', () => {
    expect(edge(arn(A, 'user', 'alice'), arn(A, 'role', 'account-trust'))).toMatchObject({
      conditional: false,
      technique: 'aws.sts.AssumeRole',
    });
    expect(edge(arn(A, 'user', 'bob'), arn(A, 'role', 'account-trust'))).toBeUndefined();
  });

  it('same account: a trust naming the user is enough on its own', () => {
    expect(edge(arn(A, 'user', 'carol'), arn(A, 'role', 'carol-only'))).toMatchObject({
      conditional: false,
    });
    expect(edge(arn(A, 'user', 'alice'), arn(A, 'role', 'carol-only'))).toBeUndefined();
  });

  it("a boundary that leaves out sts blocks the caller's own allow", () => {
    expect(edge(arn(A, 'user', 'dave'), arn(A, 'role', 'account-trust'))).toBeUndefined();
  });

  it('role chaining: a role trusted by another role becomes reachable from it', () => {
    expect(edge(arn(A, 'role', 'chain-source'), arn(A, 'role', 'chain-target'))).toMatchObject({
      conditional: false,
    });
  });

  it('cross-account needs both the trust and the caller', () => {
    expect(edge(arn(A, 'user', 'alice'), arn(B, 'role', 'cross'))).toMatchObject({
      conditional: false,
    });
    expect(edge(arn(A, 'user', 'bob'), arn(B, 'role', 'cross'))).toBeUndefined();
    expect(edge(arn(A, 'user', 'carol'), arn(B, 'role', 'cross'))).toBeUndefined();
  });

  it('an external-id condition makes the edge conditional, with the condition as evidence', () => {
    const vendor = edge(arn(A, 'user', 'alice'), arn(B, 'role', 'vendor'));
    expect(vendor).toMatchObject({ conditional: true });
    expect(vendor?.pending).toContain('sts:ExternalId');
    expect(JSON.parse(vendor?.evidence ?? '[]')).not.toHaveLength(0);
  });
});

describe('CAN_ASSUME from AWS services', () => {
  it('starts at the service principal, conditional on the source the trust requires', () => {
    expect(edge('ec2.amazonaws.com', arn(A, 'role', 'chain-source'))).toMatchObject({
      conditional: false,
      technique: 'aws.sts.AssumeRole',
    });
    const lambda = edge('lambda.amazonaws.com', arn(A, 'role', 'fn-exec'));
    expect(lambda).toMatchObject({ conditional: true });
    expect(lambda?.pending).toContain('aws:SourceAccount');
    expect(edge('lambda.amazonaws.com', arn(A, 'role', 'chain-source'))).toBeUndefined();
  });

  it('whoCan does not list services, only identities', async () => {
    const result = await executeOperation(
      db,
      `query { whoCan(action: "logs:PutLogEvents", resource: "arn:aws:logs:us-east-1:${A}:log-group:g") { principal { id } } }`,
    );
    const ids = (result.data?.['whoCan'] as { principal: { id: string } }[]).map(
      (e) => e.principal.id,
    );
    expect(ids).toContain(arn(A, 'role', 'fn-exec'));
    expect(ids.filter((id) => id.endsWith('.amazonaws.com'))).toEqual([]);
  });
});

describe('whoCan (contract operation)', () => {
  const WHO_CAN = `query WhoCan($action: String!, $resource: ID!) {
    whoCan(action: $action, resource: $resource) {
      principal { id }
      via
    }
  }`;

  it('lists direct grantees and those who get there by assuming roles, with the path', async () => {
    const result = await executeOperation(db, WHO_CAN, {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::acme-data/reports/q1.csv',
    });
    expect(result.errors).toBeUndefined();
    const mine = (result.data?.['whoCan'] as { principal: { id: string }; via: string }[]).filter(
      (e) => e.principal.id.includes(`::${A}:`),
    );
    expect(mine).toEqual([
      { principal: { id: arn(A, 'role', 'reader') }, via: 'direct' },
      // chain-source may assume any role, and reader trusts its account.
      {
        principal: { id: arn(A, 'role', 'chain-source') },
        via: `assume:${arn(A, 'role', 'reader')}`,
      },
      { principal: { id: arn(A, 'user', 'alice') }, via: `assume:${arn(A, 'role', 'reader')}` },
    ]);
  });

  it('answers nobody for a resource outside every grant', async () => {
    const result = await executeOperation(db, WHO_CAN, {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::other-bucket/x',
    });
    const mine = (result.data?.['whoCan'] as { principal: { id: string } }[]).filter((e) =>
      e.principal.id.includes(`::${A}:`),
    );
    expect(mine).toEqual([]);
  });
});
