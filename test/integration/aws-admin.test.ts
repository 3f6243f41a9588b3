import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analyze/run-analysis.js';
import type { Database } from '../../src/db/connection.js';
import { readTransaction } from '../../src/db/transactions.js';
import { loadScope } from '../../src/load/load-scope.js';
import type { GraphRecords, NodeRecord, RelRecord } from '../../src/records/graph-records.js';
import { dropScope, openTestGraph, uniqueAccountId } from '../support/graph.js';

const A = uniqueAccountId();
const B = uniqueAccountId();
const ORG = `o-${A}`;
const arn = (account: string, kind: string, name: string): string =>
  `arn:aws:iam::${account}:${kind}/${name}`;
const doc = (...Statement: object[]): object => ({ Version: '2012-10-17', Statement });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
let db: Database;
let analysis: Awaited<ReturnType<typeof runAnalysis>>;

function account(
  id: string,
  principals: {
    kind: 'role' | 'user';
    name: string;
    policy?: object | 'admin';
    boundary?: object;
    group?: object;
  }[],
): GraphRecords {
  const nodes: NodeRecord[] = [
    { model: 'AWSAccount', id, stub: true, properties: {} },
    {
      model: 'AWSManagedPolicy',
      id: ADMIN,
      stub: false,
      properties: {
        name: 'AdministratorAccess',
        document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      },
    },
  ];
  const rels: RelRecord[] = [];
  for (const p of principals) {
    const id_ = arn(id, p.kind, p.name);
    nodes.push({
      model: p.kind === 'role' ? 'AWSRole' : 'AWSUser',
      id: id_,
      stub: false,
      properties: { name: p.name },
    });
    const attach = (policy: object, name: string, from: string): void => {
      const policyId = `${from}#inline/${name}`;
      nodes.push({
        model: 'AWSPolicy',
        id: policyId,
        stub: false,
        properties: { name, policyType: 'inline', document: policy },
      });
      rels.push({ type: 'HAS_POLICY', from, to: policyId, properties: { attachment: 'inline' } });
    };
    if (p.policy === 'admin')
      rels.push({
        type: 'HAS_POLICY',
        from: id_,
        to: ADMIN,
        properties: { attachment: 'managed' },
      });
    else if (p.policy) attach(p.policy, 'main', id_);
    if (p.boundary) {
      const boundaryId = arn(id, 'policy', `${p.name}-boundary`);
      nodes.push({
        model: 'AWSPolicy',
        id: boundaryId,
        stub: false,
        properties: { name: `${p.name}-boundary`, policyType: 'managed', document: p.boundary },
      });
      rels.push({ type: 'HAS_BOUNDARY', from: id_, to: boundaryId, properties: {} });
    }
    if (p.group) {
      const groupId = arn(id, 'group', `${p.name}-group`);
      nodes.push({
        model: 'AWSGroup',
        id: groupId,
        stub: false,
        properties: { name: `${p.name}-group` },
      });
      rels.push({ type: 'MEMBER_OF', from: id_, to: groupId, properties: {} });
      rels.push({
        type: 'HAS_POLICY',
        from: groupId,
        to: ADMIN,
        properties: { attachment: 'managed' },
      });
    }
  }
  return { scope: { provider: 'AWS', id }, nodes, relationships: rels };
}

/** Both accounts under one root; A's root SCPs deny organizations:* to all; B has an s3 allow-list. */
function organization(): GraphRecords {
  const full = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
  const scp = (id: string, document: object): NodeRecord => ({
    model: 'AWSOrgPolicy',
    id,
    stub: false,
    properties: { name: id, policyType: 'SCP', document },
  });
  return {
    scope: { provider: 'AWS', id: `org/${ORG}` },
    nodes: [
      {
        model: 'AWSOrganization',
        id: ORG,
        stub: false,
        properties: { managementAccountId: '000000000000' },
      },
      {
        model: 'AWSOrganizationalUnit',
        id: `r-${A}`,
        stub: false,
        properties: { name: 'Root', isRoot: true },
      },
      { model: 'AWSAccount', id: A, stub: false, properties: { organizationId: ORG } },
      { model: 'AWSAccount', id: B, stub: false, properties: { organizationId: ORG } },
      scp(`p-full-${A}`, full),
      scp(`p-noorg-${A}`, doc({ Effect: 'Deny', Action: 'organizations:*', Resource: '*' })),
      scp(`p-s3only-${A}`, doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })),
    ],
    relationships: [
      { type: 'CHILD_OF', from: A, to: `r-${A}`, properties: {} },
      { type: 'CHILD_OF', from: B, to: `r-${A}`, properties: {} },
      { type: 'APPLIES_TO', from: `p-full-${A}`, to: `r-${A}`, properties: {} },
      { type: 'APPLIES_TO', from: `p-noorg-${A}`, to: `r-${A}`, properties: {} },
      { type: 'APPLIES_TO', from: `p-full-${A}`, to: A, properties: {} },
      { type: 'APPLIES_TO', from: `p-s3only-${A}`, to: B, properties: {} },
    ],
  };
}

beforeAll(async () => {
  db = await openTestGraph();
  await loadScope(
    db,
    account(A, [
      { kind: 'role', name: 'admin', policy: 'admin' },
      {
        kind: 'role',
        name: 'bounded-admin',
        policy: 'admin',
        boundary: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      },
      { kind: 'user', name: 'grouped', group: {} },
      {
        kind: 'role',
        name: 'mfa-admin',
        policy: doc({
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        }),
      },
      {
        kind: 'role',
        name: 's3-only',
        policy: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      },
    ]),
  );
  await loadScope(
    db,
    account(B, [
      {
        kind: 'role',
        name: 's3-only',
        policy: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      },
    ]),
  );
  await loadScope(db, organization());
  analysis = await runAnalysis(db);
}, 120_000);

afterAll(async () => {
  for (const scope of [`aws:${A}`, `aws:${B}`, `aws:org/${ORG}`]) await dropScope(db, scope);
  await db.close();
});

async function statusOf(id: string): Promise<{
  isAdmin: boolean;
  status: string;
  evidence: { missing?: { action: string; reason: string }[]; grantedBy?: { policyId: string }[] };
}> {
  return readTransaction(db, async (tx) => {
    const result = await tx.run(
      'MATCH (p:Entity {id: $id}) RETURN p.isAdmin AS isAdmin, p.adminStatus AS status, p.adminEvidence AS evidence',
      { id },
    );
    const record = result.records[0];
    return {
      isAdmin: record?.get('isAdmin') as boolean,
      status: record?.get('status') as string,
      evidence: JSON.parse(String(record?.get('evidence'))) as never,
    };
  });
}

describe('isAdmin (AWS)', () => {
  it('computes admin-equivalence for every principal, with evidence', async () => {
    expect(analysis.awsAdmins.find((s) => s.scope === `aws:${A}`)).toMatchObject({
      principals: 5,
      counts: { admin: 2, conditional: 1, 'not-admin': 2 },
    });

    const admin = await statusOf(arn(A, 'role', 'admin'));
    expect(admin).toMatchObject({ isAdmin: true, status: 'admin' });
    expect(admin.evidence.grantedBy?.map((g) => g.policyId)).toContain(ADMIN);
    expect(await statusOf(arn(A, 'user', 'grouped'))).toMatchObject({ isAdmin: true });
  });

  it('is not fooled by AdministratorAccess behind a boundary, or by a condition it cannot know', async () => {
    const bounded = await statusOf(arn(A, 'role', 'bounded-admin'));
    expect(bounded).toMatchObject({ isAdmin: false, status: 'not-admin' });
    expect(bounded.evidence.missing?.[0]).toMatchObject({ reason: 'permissions-boundary' });
    expect(bounded.evidence.missing?.[0]?.action).toMatch(/^iam:/);
    expect(await statusOf(arn(A, 'role', 'mfa-admin'))).toMatchObject({
      isAdmin: false,
      status: 'conditional',
    });
    expect(await statusOf(arn(A, 'role', 's3-only'))).toMatchObject({
      isAdmin: false,
      status: 'not-admin',
    });
  });

  it("measures admin against what the account's SCPs let anyone do", async () => {
    // organizations:* is denied to everyone in A, yet the admin role is still admin.
    expect(await statusOf(arn(A, 'role', 'admin'))).toMatchObject({ isAdmin: true });
    // B's allow-list SCP lets only s3 through: s3:* is everything anyone there can do.
    expect(await statusOf(arn(B, 'role', 's3-only'))).toMatchObject({
      isAdmin: true,
      status: 'admin',
    });
  });
});
