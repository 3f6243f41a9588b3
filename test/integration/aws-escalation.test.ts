import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { readTransaction } from '../../src/db/transactions.js';
import { cairn } from '../support/cli.js';
import { dropScope, openTestGraph } from '../support/graph.js';

// test/fixtures/aws-authz/escalation-account.json: an intern who can mint keys for ops users,
// a developer who can rewrite its own policy, CI that assumes a deploy role able to pass an
// admin role to Lambda, an admin user, and a read-only auditor.
const FIXTURE = 'test/fixtures/aws-authz/escalation-account.json';
const ACCOUNT = '246813579024';
const SCOPE = `aws:${ACCOUNT}`;
const arn = (kind: string, name: string): string => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;

// The contract's operation, exactly as written in ../shared/design/contract.md.
const PRINCIPAL = `query Principal($id: ID!) {
  principal(id: $id) {
    id
    name
    provider
    isAdmin
    escalationPaths(maxHops: 6) {
      target { id }
      steps {
        from { id }
        to { id }
        technique
        actions
      }
    }
  }
}`;

interface PrincipalData {
  principal: {
    id: string;
    name: string;
    provider: string;
    isAdmin: boolean | null;
    escalationPaths: {
      target: { id: string };
      steps: { from: { id: string }; to: { id: string }; technique: string; actions: string[] }[];
    }[];
  } | null;
}

async function principal(id: string, query = PRINCIPAL): Promise<PrincipalData['principal']> {
  const result = await cairn(['query', query, '--vars', JSON.stringify({ id })]);
  expect(result.stderr).toBe('');
  const body = JSON.parse(result.stdout) as { data: PrincipalData; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data.principal;
}

let db: Database;

beforeAll(async () => {
  db = await openTestGraph();
  await dropScope(db, SCOPE);
  expect((await cairn(['import', 'aws-authz', FIXTURE])).code).toBe(0);
  const analysis = await cairn(['analyze']);
  expect(analysis.code).toBe(0);
  expect(analysis.stdout).toMatch(/\d+ CAN_ESCALATE edges/);
}, 120_000);

afterAll(async () => {
  await dropScope(db, SCOPE);
  await db.close();
});

describe('principal { isAdmin escalationPaths } after import aws-authz and analyze', () => {
  it('finds a key-minting path to an admin user', async () => {
    const intern = await principal(arn('user', 'intern'));
    expect(intern).toMatchObject({ name: 'intern', provider: 'AWS', isAdmin: false });
    expect(intern?.escalationPaths).toEqual([
      {
        target: { id: arn('user', 'ops-admin') },
        steps: [
          {
            from: { id: arn('user', 'intern') },
            to: { id: arn('user', 'ops-admin') },
            technique: 'aws.iam.CreateAccessKey',
            actions: ['iam:CreateAccessKey'],
          },
        ],
      },
    ]);
  });

  it('finds a self-grant, whose target is the principal itself', async () => {
    const dev = await principal(arn('user', 'dev'));
    expect(dev?.escalationPaths).toEqual([
      {
        target: { id: arn('user', 'dev') },
        steps: [
          {
            from: { id: arn('user', 'dev') },
            to: { id: arn('user', 'dev') },
            technique: 'aws.iam.CreatePolicyVersion',
            actions: ['iam:CreatePolicyVersion'],
          },
        ],
      },
    ]);
  });

  it('chains role assumption and passing a role to Lambda, and respects maxHops', async () => {
    const ci = await principal(arn('user', 'ci'));
    expect(ci?.escalationPaths.map((p) => p.steps.map((s) => [s.to.id, s.technique]))).toEqual([
      [
        [arn('role', 'deploy'), 'aws.sts.AssumeRole'],
        [arn('role', 'lambda-admin'), 'aws.lambda.PassRoleCreateFunction'],
      ],
    ]);
    const oneHop = await principal(
      arn('user', 'ci'),
      PRINCIPAL.replace('maxHops: 6', 'maxHops: 1'),
    );
    expect(oneHop?.escalationPaths).toEqual([]);
  });

  it('reports admins as admin with no paths, and others with none', async () => {
    expect(await principal(arn('user', 'ops-admin'))).toMatchObject({
      isAdmin: true,
      escalationPaths: [],
    });
    expect(await principal(arn('user', 'auditor'))).toMatchObject({
      isAdmin: false,
      escalationPaths: [],
    });
    expect(await principal(arn('user', 'nobody-here'))).toBeNull();
  });

  it('explains each step with the statements that allow it and what it cannot confirm', async () => {
    const intern = await principal(
      arn('user', 'intern'),
      `query ($id: ID!) { principal(id: $id) { escalationPaths { conditional steps {
         conditional evidence { statements preconditions } } } } }`,
    );
    const [path] = (
      intern as unknown as {
        escalationPaths: {
          conditional: boolean;
          steps: {
            conditional: boolean;
            evidence: { statements: unknown; preconditions: string[] };
          }[];
        }[];
      }
    ).escalationPaths;
    // An authz dump does not list access keys: the edge waits on the key count.
    expect(path?.conditional).toBe(true);
    expect(path?.steps[0]?.evidence.preconditions).toEqual([
      'the user has fewer than two access keys (keys not collected)',
    ]);
    expect(path?.steps[0]?.evidence.statements).toEqual([
      {
        action: 'iam:CreateAccessKey',
        resource: arn('user', 'ops-admin'),
        decidedBy: [
          expect.objectContaining({ policyId: `${arn('user', 'intern')}#inline/inline` }),
        ],
      },
    ]);
  });

  it('stores one CAN_ESCALATE edge per technique with its analysis id', async () => {
    const rows = await readTransaction(db, async (tx) => {
      const result = await tx.run(
        `MATCH (a)-[r:CAN_ESCALATE]->(b) WHERE a.scope = $scope
         RETURN a.id AS from, b.id AS to, r.technique AS technique, r.analysisId AS analysisId`,
        { scope: SCOPE },
      );
      return result.records.map((r) => r.toObject() as Record<string, unknown>);
    });
    expect(rows.map((r) => `${String(r['technique'])} ${String(r['to'])}`).sort()).toEqual(
      [
        `aws.iam.CreateAccessKey ${arn('user', 'ops-admin')}`,
        `aws.iam.CreatePolicyVersion ${arn('user', 'dev')}`,
        `aws.lambda.PassRoleCreateFunction ${arn('role', 'lambda-admin')}`,
      ].sort(),
    );
    expect(new Set(rows.map((r) => r['analysisId'])).size).toBe(1);
  });
});
