import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis, type AnalysisResult } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { readTransaction } from '../../src/db/transactions.js';
import { loadScope } from '../../src/load/load-scope.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../src/records/graph-records.js';
import { executeOperation } from '../../src/serve/execute.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';

// One account's IAM and its S3, RDS, KMS and EC2 scopes, another account's role the data bucket
// names, and what `cairn analyze` and whoCan make of them.
const A = uniqueAccountId();
const B = uniqueAccountId();
const UNLOADED = '000011112222';
const iam = (account: string, kind: string, name: string) =>
  `arn:aws:iam::${account}:${kind}/${name}`;
const bucket = (name: string) => `arn:aws:s3:::${name}-${A}`;
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const DB_ON = `arn:aws:rds:us-east-1:${A}:db:orders`;
const DB_OFF = `arn:aws:rds:us-east-1:${A}:db:legacy`;
const SNAPSHOT = `arn:aws:ec2:us-east-1:${A}:snapshot/snap-0a1b2c3d4e5f60718`;
const KEY = `arn:aws:kms:us-east-1:${A}:key/0f0e0d0c-0000-4000-8000-00000000000a`;

function identity(
  account: string,
  principals: { kind: 'user' | 'role'; name: string; policy?: object }[],
): GraphRecords {
  const nodes: NodeRecord[] = [{ model: 'AWSAccount', id: account, stub: true, properties: {} }];
  const relationships: RelRecord[] = [];
  for (const p of principals) {
    const id = iam(account, p.kind, p.name);
    nodes.push({
      model: p.kind === 'role' ? 'AWSRole' : 'AWSUser',
      id,
      stub: false,
      properties: { name: p.name },
    });
    if (!p.policy) continue;
    nodes.push({
      model: 'AWSPolicy',
      id: `${id}#inline/p`,
      stub: false,
      properties: { name: 'p', policyType: 'inline', document: p.policy },
    });
    relationships.push({
      type: 'HAS_POLICY',
      from: id,
      to: `${id}#inline/p`,
      properties: { attachment: 'inline' },
    });
  }
  return { scope: { provider: 'AWS', id: account }, nodes, relationships };
}

function resources(service: string, region: string, nodes: NodeRecord[]): GraphRecords {
  return { scope: { provider: 'AWS', id: `${A}/${region}/${service}` }, nodes, relationships: [] };
}

const at = { account: A };
const s3Bucket = (name: string, props: Record<string, unknown>): NodeRecord => ({
  model: 'AWSS3Bucket',
  id: bucket(name),
  stub: false,
  properties: { ...at, region: 'us-east-1', name: `${name}-${A}`, ...props },
});
const publicRead = (name: string) =>
  doc({
    Sid: 'PublicRead',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `${bucket(name)}/*`,
  });
const ALL_USERS = { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' };

const SCOPES = [
  `aws:${A}`,
  `aws:${B}`,
  `aws:${A}/global/s3`,
  `aws:${A}/us-east-1/rds`,
  `aws:${A}/us-east-1/ec2`,
  `aws:${A}/us-east-1/kms`,
];

let db: Database;
let first: AnalysisResult;
let edges: Map<string, Record<string, unknown>>;

async function accessEdges(): Promise<Map<string, Record<string, unknown>>> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run(
      `MATCH (a)-[r:CAN_ACCESS]->(b) WHERE b.account = $account
       RETURN a.id + ' -> ' + b.id + coalesce(' ' + r.audience, '') AS key, properties(r) AS r`,
      { account: A },
    );
    return new Map(
      result.records.map((rec) => [
        rec.get('key') as string,
        rec.get('r') as Record<string, unknown>,
      ]),
    );
  });
}

beforeAll(async () => {
  db = await openTestGraph();
  for (const scope of SCOPES) await dropScope(db, scope);
  await loadScope(
    db,
    identity(A, [
      {
        kind: 'user',
        name: 'reader',
        policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket('data')}/*` }),
      },
      { kind: 'user', name: 'nobody' },
      {
        kind: 'role',
        name: 'app',
        policy: doc({ Effect: 'Allow', Action: 'rds-db:connect', Resource: '*' }),
      },
      { kind: 'role', name: 'admin', policy: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
    ]),
  );
  await loadScope(
    db,
    identity(B, [
      {
        kind: 'role',
        name: 'partner',
        policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      },
    ]),
  );
  await loadScope(
    db,
    resources('s3', 'global', [
      s3Bucket('data', {
        policy: doc({
          Sid: 'Partners',
          Effect: 'Allow',
          Principal: { AWS: [iam(B, 'role', 'partner'), iam(UNLOADED, 'role', 'vendor')] },
          Action: 's3:GetObject',
          Resource: `${bucket('data')}/*`,
        }),
        publicAccessBlock: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
      s3Bucket('website', { policy: publicRead('website') }),
      s3Bucket('blocked', {
        policy: publicRead('blocked'),
        accountPublicAccessBlock: { RestrictPublicBuckets: true },
      }),
      s3Bucket('listing', {
        objectOwnership: 'ObjectWriter',
        aclGrants: [{ Grantee: ALL_USERS, Permission: 'READ' }],
      }),
      s3Bucket('enforced', {
        objectOwnership: 'BucketOwnerEnforced',
        aclGrants: [{ Grantee: ALL_USERS, Permission: 'READ' }],
      }),
    ]),
  );
  await loadScope(
    db,
    resources('rds', 'us-east-1', [
      {
        model: 'AWSRdsInstance',
        id: DB_ON,
        stub: false,
        properties: {
          ...at,
          region: 'us-east-1',
          name: 'orders',
          iamDatabaseAuthentication: true,
          resourceId: 'db-ORDERS0123',
        },
      },
      {
        model: 'AWSRdsInstance',
        id: DB_OFF,
        stub: false,
        properties: {
          ...at,
          region: 'us-east-1',
          name: 'legacy',
          iamDatabaseAuthentication: false,
          resourceId: 'db-LEGACY0123',
        },
      },
    ]),
  );
  await loadScope(
    db,
    resources('ec2', 'us-east-1', [
      {
        model: 'AWSEBSSnapshot',
        id: SNAPSHOT,
        stub: false,
        properties: {
          ...at,
          region: 'us-east-1',
          snapshotId: 'snap-0a1b2c3d4e5f60718',
          encrypted: false,
          public: true,
        },
      },
    ]),
  );
  await loadScope(
    db,
    resources('kms', 'us-east-1', [
      {
        model: 'AWSKmsKey',
        id: KEY,
        stub: false,
        properties: {
          ...at,
          region: 'us-east-1',
          keyId: '0f0e0d0c-0000-4000-8000-00000000000a',
          // Names only the app role: not even an admin of the account may use it.
          policy: doc({
            Sid: 'AppOnly',
            Effect: 'Allow',
            Principal: { AWS: iam(A, 'role', 'app') },
            Action: ['kms:Decrypt', 'kms:DescribeKey'],
            Resource: '*',
          }),
        },
      },
    ]),
  );
  first = await runAnalysis(db, new Date('2026-01-01T00:00:00Z'));
  edges = await accessEdges();
}, 180_000);

afterAll(async () => {
  for (const scope of SCOPES) await dropScope(db, scope);
  await db.close();
});

const edge = (from: string, to: string, audience?: string) =>
  edges.get(`${from} -> ${to}${audience ? ` ${audience}` : ''}`);

describe('CAN_ACCESS after runAnalysis', () => {
  it('reports the stage in the analysis result', () => {
    // Stores of other suites may be loaded too: ours are at least there.
    expect(first.dataAccess.stores['s3-bucket']).toBeGreaterThanOrEqual(5);
    expect(first.dataAccess.stores['rds-db']).toBeGreaterThanOrEqual(1);
    expect(first.dataAccess.stores['ebs-snapshot']).toBeGreaterThanOrEqual(1);
    expect(first.dataAccess.edges).toBeGreaterThanOrEqual(edges.size);
    expect(first.dataAccess.public).toBeGreaterThanOrEqual(3);
  });

  it('writes principal edges from identity policies and from the bucket policy', () => {
    expect(edge(iam(A, 'user', 'reader'), bucket('data'))).toMatchObject({
      levels: ['read'],
      conditional: false,
      analysisId: first.analysisId,
    });
    const partner = edge(iam(B, 'role', 'partner'), bucket('data'));
    expect(partner).toMatchObject({ levels: ['read'], actions: ['s3:GetObject'] });
    expect(JSON.parse(String(partner?.['evidence']))).toEqual([
      expect.objectContaining({
        action: 's3:GetObject',
        by: expect.arrayContaining([
          ['resource', `${bucket('data')}#policy`, 0, 'Allow', 'Partners'],
        ]) as unknown,
      }),
    ]);
    expect(edge(iam(A, 'user', 'nobody'), bucket('data'))).toBeUndefined();
    // An admin's same-account access is implied by isAdmin.
    expect(edge(iam(A, 'role', 'admin'), bucket('data'))).toBeUndefined();
  });

  it('reaches a database only with IAM authentication on', () => {
    expect(edge(iam(A, 'role', 'app'), DB_ON)).toMatchObject({
      levels: ['read', 'write'],
      actions: ['rds-db:connect'],
    });
    expect([...edges.keys()].filter((k) => k.includes(DB_OFF))).toEqual([]);
  });

  it('keeps a key that does not delegate to the account from admins', () => {
    expect(edge(iam(A, 'role', 'app'), KEY)).toMatchObject({ levels: ['read', 'write'] });
    expect(edge(iam(A, 'role', 'admin'), KEY)).toBeUndefined();
  });

  it('writes Internet edges for public policies, ACLs and snapshots, not blocked ones', () => {
    expect(edge('internet', bucket('website'), 'anyone')).toMatchObject({
      levels: ['read'],
      conditional: false,
    });
    expect(edge('internet', bucket('listing'), 'anyone')).toMatchObject({
      levels: ['read'],
      actions: expect.arrayContaining(['s3:ListBucket']) as unknown,
    });
    expect(edge('internet', SNAPSHOT, 'any-aws-account')).toMatchObject({ levels: ['read'] });
    for (const closed of ['blocked', 'enforced', 'data']) {
      expect(
        [...edges.keys()].filter((k) => k.startsWith(`internet -> ${bucket(closed)}`)),
      ).toEqual([]);
    }
  });

  it('replaces the edges of an earlier analysis', async () => {
    const second = await runAnalysis(db, new Date('2026-01-02T00:00:00Z'));
    const now = await accessEdges();
    expect(now.size).toBe(edges.size);
    expect(new Set([...now.values()].map((r) => r['analysisId']))).toEqual(
      new Set([second.analysisId]),
    );
  });
});

describe('whoCan over GraphQL', () => {
  const WHO_CAN = `query WhoCan($action: String!, $resource: ID!) {
    whoCan(action: $action, resource: $resource) {
      principal { id labels }
      via
      conditional
      evidence
    }
  }`;
  type Entry = {
    principal: { id: string; labels: string[] };
    via: string;
    conditional: boolean;
    evidence: { decidedBy: { policyId: string }[]; acl?: unknown };
  };
  const ask = async (action: string, resource: string): Promise<Entry[]> => {
    const result = await executeOperation(db, WHO_CAN, { action, resource });
    expect(result.errors).toBeUndefined();
    return result.data?.['whoCan'] as Entry[];
  };

  it("lists grants through the bucket's own policy and principals of unloaded accounts", async () => {
    const entries = await ask('s3:GetObject', `${bucket('data')}/reports/q1.csv`);
    const byId = new Map(entries.map((e) => [e.principal.id, e]));
    expect(byId.get(iam(A, 'user', 'reader'))).toMatchObject({ via: 'direct' });
    const partner = byId.get(iam(B, 'role', 'partner'));
    expect(partner).toMatchObject({ via: 'direct', conditional: false });
    expect(partner?.evidence.decidedBy.map((r) => r.policyId)).toContain(
      `${bucket('data')}#policy`,
    );
    expect(byId.get(iam(UNLOADED, 'role', 'vendor'))).toMatchObject({
      via: 'external',
      conditional: true,
      principal: { labels: ['AWSRole'] },
    });
    expect(byId.has('internet')).toBe(false);
  });

  it('lists anonymous access as the Internet', async () => {
    const entries = await ask('s3:GetObject', `${bucket('website')}/index.html`);
    expect(entries.find((e) => e.principal.id === 'internet')).toMatchObject({
      principal: { id: 'internet', labels: ['Internet'] },
      via: 'anonymous',
      conditional: false,
    });
    const listing = await ask('s3:ListBucket', bucket('listing'));
    expect(listing.find((e) => e.principal.id === 'internet')).toMatchObject({
      via: 'anonymous',
      evidence: { acl: { group: 'AllUsers', permission: 'READ', index: 0 } },
    });
    const blocked = await ask('s3:GetObject', `${bucket('blocked')}/x`);
    expect(blocked.find((e) => e.principal.id === 'internet')).toBeUndefined();
  });
});
