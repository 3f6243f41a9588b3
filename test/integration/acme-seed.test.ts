import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { resetGraph } from '../../src/db/reset-graph.js';
import { readTransaction } from '../../src/db/transactions.js';
import { createContext } from '../../src/serve/context.js';
import { runOperation } from '../../src/serve/execute.js';
import { Counter } from '../../src/serve/ops/counter.js';
import { countingDatabase } from '../../src/serve/ops/counting-database.js';
import { startHttpServer } from '../../src/serve/http-server.js';
import { cairn } from '../support/cli.js';
import { openTestGraph } from '../support/graph.js';

// The Acme demo estate (seed/acme/README.md), loaded through the real CLI imports exactly as
// seed/acme/load.sh does, then analyzed: every planted path shows its hops, every decoy does not.
const SEED = 'seed/acme';
const PROD = '731924568013';
const DEV = '295841736020';
const DATA = '618273940516';
const MGMT = '480617392015';
const REGION = 'eu-west-1';

const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const user = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
const STOREFRONT = `arn:aws:ec2:${REGION}:${PROD}:instance/i-0a7c3e5f9b1d24680`;
const BASTION = `arn:aws:ec2:${REGION}:${DEV}:instance/i-0d4f6b8a0c2e4a913`;
const PII = 'arn:aws:s3:::acme-prod-customer-pii';
const LEDGER = 'arn:aws:s3:::acme-prod-orders-ledger';
const PARTNER = 'arn:aws:s3:::acme-data-partner-exports';
const WAREHOUSE = 'arn:aws:s3:::acme-data-warehouse-curated';
const RECONCILE = `arn:aws:lambda:${REGION}:${PROD}:function:nightly-ledger-reconcile`;

let db: Database;

async function query(
  text: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const result = await runOperation(createContext(db), { query: text, variables });
  expect(result.errors).toBeUndefined();
  return result.data ?? {};
}

async function run(args: string[]): Promise<void> {
  const result = await cairn(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

interface Principal {
  isAdmin: boolean | null;
  escalationPaths: {
    target: { id: string };
    steps: { from: { id: string }; to: { id: string }; technique: string; grantsAdmin: boolean }[];
  }[];
}

async function principal(id: string): Promise<Principal> {
  const data = await query(
    `query P($id: ID!) { principal(id: $id) { isAdmin
      escalationPaths(maxHops: 6) { target { id } steps { from { id } to { id } technique grantsAdmin } } } }`,
    { id },
  );
  return data['principal'] as Principal;
}

interface WhoCan {
  principal: { id: string };
  via: string;
  path: string[];
}

async function whoCan(action: string, resource: string): Promise<WhoCan[]> {
  const data = await query(
    `query W($action: String!, $resource: ID!) { whoCan(action: $action, resource: $resource) {
      principal { id } via path } }`,
    { action, resource },
  );
  return data['whoCan'] as WhoCan[];
}

async function exposure(
  id: string,
): Promise<{ protocol: string; fromPort: number; toPort: number }[]> {
  const data = await query(
    `query E($id: ID!) { resource(id: $id) { exposure { protocol fromPort toPort via } } }`,
    { id },
  );
  const resource = data['resource'] as {
    exposure: { protocol: string; fromPort: number; toPort: number }[];
  };
  return resource.exposure;
}

async function ruleIdsOn(resourceId: string): Promise<string[]> {
  const data = await query(
    `query F($ids: [ID!]) { findings(first: 200, filter: { resourceIds: $ids, statuses: [OPEN] }) {
      edges { node { ruleId } } } }`,
    { ids: [resourceId] },
  );
  const findings = data['findings'] as { edges: { node: { ruleId: string } }[] };
  return findings.edges.map((e) => e.node.ruleId);
}

/** The derived CAN_ASSUME edge itself (the API shows it only folded into whoCan paths). */
async function canAssume(from: string, to: string): Promise<boolean> {
  const count = await readTransaction(db, async (tx) => {
    const result = await tx.run(
      'MATCH (:Entity {id: $from})-[r:CAN_ASSUME]->(:Entity {id: $to}) RETURN count(r) AS n',
      { from, to },
    );
    return Number(result.records[0]?.get('n'));
  });
  return count > 0;
}

const ids = (list: WhoCan[]) => list.map((w) => w.principal.id);

beforeAll(async () => {
  db = await openTestGraph();
  await resetGraph(db);
  await run(['import', 'aws-org', `${SEED}/org`]);
  await run(['import', 'aws-authz', `${SEED}/iam`]);
  await run([
    'import',
    'aws-ec2',
    `${SEED}/ec2/acme-prod-${REGION}`,
    `${SEED}/ec2/acme-dev-${REGION}`,
  ]);
  await run(['import', 'aws-snapshot', `${SEED}/snapshots`]);
  await run(['analyze']);
}, 240_000);

afterAll(async () => {
  await db.close();
});

describe('planted path 1: internet -> IMDSv1 instance -> role -> escalation -> admin -> PII', () => {
  it('exposes the storefront instance on tcp 443', async () => {
    expect(await exposure(STOREFRONT)).toContainEqual(
      expect.objectContaining({ protocol: 'tcp', fromPort: 443, toPort: 443 }),
    );
  });

  it('lets the instance role attach a policy to itself and become admin', async () => {
    const web = await principal(role(PROD, 'storefront-web'));
    expect(web.isAdmin).toBe(false);
    const steps = web.escalationPaths.flatMap((p) => p.steps);
    expect(steps).toContainEqual(
      expect.objectContaining({ technique: 'aws.iam.AttachRolePolicy', grantsAdmin: true }),
    );
  });

  it('leaves the customer PII readable to prod admins', async () => {
    expect(ids(await whoCan('s3:GetObject', `${PII}/export.csv`))).toContain(
      role(PROD, 'OrganizationAccountAccessRole'),
    );
  });

  it('reports IMDSv1 on an internet-reachable instance with an escalating role', async () => {
    expect(await ruleIdsOn(STOREFRONT)).toEqual(
      expect.arrayContaining(['aws-ec2-imdsv1-internet-reachable']),
    );
    expect(await ruleIdsOn(role(PROD, 'storefront-web'))).toContain(
      'aws-iam-principal-can-escalate',
    );
  });
});

describe('planted path 2: a leaked, old access key that can escalate', () => {
  it('lets jenkins-legacy rewrite its own managed policy to admin', async () => {
    const jenkins = await principal(user(DEV, 'jenkins-legacy'));
    expect(jenkins.isAdmin).toBe(false);
    expect(jenkins.escalationPaths.flatMap((p) => p.steps)).toContainEqual(
      expect.objectContaining({ technique: 'aws.iam.CreatePolicyVersion', grantsAdmin: true }),
    );
  });

  it('flags the old key and the escalation', async () => {
    expect(await ruleIdsOn(user(DEV, 'jenkins-legacy'))).toEqual(
      expect.arrayContaining(['aws-iam-principal-can-escalate']),
    );
    expect(await ruleIdsOn('AKIAUX7QJ3LEGACY5JNK')).toContain('aws-iam-key-rotation');
    expect(await ruleIdsOn(user(MGMT, 'breakglass-admin'))).toContain(
      'aws-iam-admin-user-old-access-key',
    );
  });
});

describe('planted path 3: acme-dev role -> acme-prod role -> customer PII', () => {
  it('draws CAN_ASSUME across accounts', async () => {
    expect(await canAssume(role(DEV, 'dev-analytics'), role(PROD, 'prod-data-reader'))).toBe(true);
  });

  it('lists the dev role and the prod reader among who can read the PII', async () => {
    const readers = await whoCan('s3:GetObject', `${PII}/export.csv`);
    expect(ids(readers)).toEqual(
      expect.arrayContaining([role(PROD, 'prod-data-reader'), role(DEV, 'dev-analytics')]),
    );
    const viaDev = readers.find((w) => w.principal.id === role(DEV, 'dev-analytics'));
    expect(viaDev?.via).toContain(role(PROD, 'prod-data-reader'));
  });
});

describe('planted path 4: any GitHub repository -> github-deploy -> prod ledger', () => {
  it('flags the trust without a repository condition', async () => {
    expect(await ruleIdsOn(role(PROD, 'github-deploy'))).toContain(
      'aws-iam-oidc-github-no-repo-condition',
    );
  });

  it('lets github-deploy write the orders ledger', async () => {
    expect(ids(await whoCan('s3:PutObject', `${LEDGER}/2026/11/ledger.parquet`))).toContain(
      role(PROD, 'github-deploy'),
    );
  });
});

describe('planted path 5: existing-Lambda takeover', () => {
  it('lets release-manager become the admin execution role through UpdateFunctionCode', async () => {
    const release = await principal(role(PROD, 'release-manager'));
    expect(release.isAdmin).toBe(false);
    expect(release.escalationPaths.flatMap((p) => p.steps)).toContainEqual(
      expect.objectContaining({
        technique: 'aws.lambda.UpdateFunctionCode',
        to: { id: role(PROD, 'ledger-reconcile-lambda') },
      }),
    );
    expect((await principal(role(PROD, 'ledger-reconcile-lambda'))).isAdmin).toBe(true);
  });

  it('flags the function running as an admin role', async () => {
    expect(await ruleIdsOn(RECONCILE)).toContain('aws-lambda-privileged-role');
  });
});

describe('planted path 6: a public bucket of sensitive data', () => {
  it('lets the internet read it', async () => {
    const readers = await whoCan('s3:GetObject', `${PARTNER}/partners/q3.csv`);
    expect(ids(readers)).toContain('internet');
    expect(await ruleIdsOn(PARTNER)).toContain('aws-s3-public-read');
  });
});

describe('decoys', () => {
  it('an explicit Deny: qa-automation has no escalation and is not admin', async () => {
    const qa = await principal(user(DEV, 'qa-automation'));
    expect(qa.isAdmin).toBe(false);
    expect(qa.escalationPaths).toEqual([]);
  });

  it('a permissions boundary: contractor-ops holds AdministratorAccess but is not admin', async () => {
    const contractor = await principal(role(DEV, 'contractor-ops'));
    expect(contractor.isAdmin).toBe(false);
    expect(contractor.escalationPaths).toEqual([]);
  });

  it('an SCP: data-steward may read the warehouse but not change its policy', async () => {
    expect(ids(await whoCan('s3:GetObject', `${WAREHOUSE}/orders/part-0.parquet`))).toContain(
      role(DATA, 'data-steward'),
    );
    expect(ids(await whoCan('s3:PutBucketPolicy', WAREHOUSE))).not.toContain(
      role(DATA, 'data-steward'),
    );
  });

  it('a network ACL: the bastion open on 22 in its security group is not reachable', async () => {
    const lines = await exposure(BASTION);
    expect(lines.filter((l) => l.fromPort <= 22 && l.toPort >= 22)).toEqual([]);
    expect(await ruleIdsOn(BASTION)).not.toContain('aws-ec2-admin-port-internet-reachable');
  });
});

// The attack paths of the same analysis: every planted path ranked and explained, no decoy on any.
const VENDOR = '902716354488';
const GITHUB = `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`;
const CI_RELEASE = `arn:aws:iam::${PROD}:user/ci/ci-release`;

interface PathNode {
  id: string;
  score: number;
  band: string;
  sourceReason: string;
  similarCount: number;
  source: { id: string };
  target: { id: string };
  steps: {
    technique: string;
    from: { id: string };
    to: { id: string };
    fixes: { summary: string; fix: Record<string, unknown> }[];
  }[];
}

const PATH_FIELDS = `id score band sourceReason similarCount source { id } target { id }
  steps { technique from { id } to { id } fixes { summary fix {
    removeHop { from to technique } closePorts { resource ports } dropTrust { role principal } } } }`;

async function attackPaths(
  filter: Record<string, unknown> = {},
  orderBy = 'SCORE',
): Promise<{ totalCount: number; paths: PathNode[] }> {
  const data = await query(
    `query A($filter: AttackPathFilter, $orderBy: AttackPathOrder) {
      attackPaths(first: 500, filter: $filter, orderBy: $orderBy) {
        totalCount edges { node { ${PATH_FIELDS} } } } }`,
    { filter, orderBy },
  );
  const page = data['attackPaths'] as { totalCount: number; edges: { node: PathNode }[] };
  return { totalCount: page.totalCount, paths: page.edges.map((e) => e.node) };
}

const techniques = (path: PathNode): string[] => path.steps.map((s) => s.technique);
const between = (paths: PathNode[], source: string, target: string): PathNode[] =>
  paths.filter((p) => p.source.id === source && p.target.id === target);

describe('attack paths', () => {
  it('ranks path 1: internet -> web server -> role -> escalation -> admin -> customer PII', async () => {
    const { paths } = await attackPaths();
    expect(between(paths, 'internet', PII).map(techniques)).toContainEqual([
      'network.Reach',
      'aws.ec2.InstanceRoleCredentials',
      'aws.iam.AttachRolePolicy',
      'aws.iam.AdministerAccount',
      'aws.account.Holds',
    ]);
  });

  it('ranks path 2: the old jenkins key that makes itself admin', async () => {
    const { paths } = await attackPaths({ source: user(DEV, 'jenkins-legacy') });
    const [path] = between(paths, user(DEV, 'jenkins-legacy'), user(DEV, 'jenkins-legacy'));
    expect(path && techniques(path)).toEqual(['aws.iam.CreatePolicyVersion']);
    expect(path?.sourceReason).toContain('old-access-key');
  });

  it('ranks path 3: an outside vendor through dev-analytics and prod-data-reader to the PII', async () => {
    const { paths } = await attackPaths({ source: VENDOR });
    const [path] = between(paths, VENDOR, PII);
    expect(path?.sourceReason).toBe('external-trust');
    expect(path?.steps.map((s) => s.to.id)).toEqual([
      role(DEV, 'dev-analytics'),
      role(PROD, 'prod-data-reader'),
      PII,
    ]);
  });

  it('ranks path 4: any GitHub repository writing the ledger, halved for its unknown claims', async () => {
    const [path] = between((await attackPaths({ source: GITHUB })).paths, GITHUB, LEDGER);
    expect(path && techniques(path)).toEqual(['aws.sts.AssumeRoleWithWebIdentity', 'data.Write']);
    expect(path?.sourceReason).toBe('federation');
    expect(path?.band).toBe('medium');
  });

  it('ranks path 5: an old CI key -> release-manager -> the admin Lambda role', async () => {
    const { paths } = await attackPaths({ source: CI_RELEASE });
    expect(
      between(paths, CI_RELEASE, role(PROD, 'ledger-reconcile-lambda')).map(techniques),
    ).toContainEqual(['aws.sts.AssumeRole', 'aws.lambda.UpdateFunctionCode']);
  });

  it('ranks path 6: the internet reading the public partner exports in one hop, critical', async () => {
    const [path] = between((await attackPaths()).paths, 'internet', PARTNER);
    expect(path && techniques(path)).toEqual(['data.Read']);
    expect(path?.band).toBe('critical');
  });

  it('puts no decoy on any path', async () => {
    for (const decoy of [
      user(DEV, 'qa-automation'),
      role(DEV, 'contractor-ops'),
      role(DATA, 'data-steward'),
      BASTION,
    ]) {
      expect((await attackPaths({ through: decoy })).totalCount, decoy).toBe(0);
    }
  });

  it('filters, groups and orders', async () => {
    const all = await attackPaths();
    const grouped = await attackPaths({ grouped: true });
    expect(grouped.totalCount).toBeLessThanOrEqual(all.totalCount);
    expect(
      new Set(
        grouped.paths.map((p) => `${p.source.id} ${p.target.id} ${techniques(p).join(' > ')}`),
      ).size,
    ).toBe(grouped.totalCount);
    const critical = await attackPaths({ bands: ['critical'] });
    expect(critical.paths.every((p) => p.band === 'critical')).toBe(true);
    const lambda = await attackPaths({ technique: 'aws.lambda.UpdateFunctionCode' });
    expect(lambda.totalCount).toBeGreaterThan(0);
    expect(lambda.paths.every((p) => techniques(p).includes('aws.lambda.UpdateFunctionCode'))).toBe(
      true,
    );
    const data = await attackPaths({ account: DATA });
    expect(data.paths.map((p) => p.target.id)).toContain(PARTNER);
    expect(data.paths.every((p) => p.target.id !== LEDGER)).toBe(true);
    const byHops = await attackPaths({}, 'HOPS');
    const hops = byHops.paths.map((p) => p.steps.length);
    expect(hops).toEqual([...hops].sort((a, b) => a - b));
  });

  it('suggests fixes per step; the vendor trust fix removes exactly the vendor paths', async () => {
    const before = await attackPaths();
    const [vendorPath] = between(before.paths, VENDOR, PII);
    const fix = vendorPath?.steps[0]?.fixes[0];
    expect(fix?.fix['dropTrust']).toEqual({ role: role(DEV, 'dev-analytics'), principal: VENDOR });
    const data = await query(
      `query S($fixes: [FixInput!]!) { simulateFix(fixes: $fixes) {
        removed { id source { id } } remaining { id } surfaced { id } } }`,
      { fixes: [{ dropTrust: fix?.fix['dropTrust'] }] },
    );
    const result = data['simulateFix'] as {
      removed: { id: string; source: { id: string } }[];
      remaining: { id: string }[];
      surfaced: { id: string }[];
    };
    const vendorPaths = before.paths.filter((p) => p.source.id === VENDOR);
    expect(result.removed.map((p) => p.source.id)).toEqual(vendorPaths.map(() => VENDOR));
    expect(result.removed).toHaveLength(vendorPaths.length);
    expect(result.remaining).toHaveLength(before.totalCount - vendorPaths.length);
    expect(result.surfaced).toEqual([]);
    // Nothing stored changed.
    expect((await attackPaths()).totalCount).toBe(before.totalCount);
  });

  it('answers a page of explained paths in three database round-trips, whatever its size', async () => {
    const lookups = { queries: 0 };
    const queries = new Counter('test_queries', 'every Cypher query of the request');
    const result = await runOperation(
      createContext(countingDatabase(db, queries), { counter: lookups }),
      {
        query: `{ attackPaths(first: 50) { totalCount edges { node {
          source { id ... on Entity { name labels } } target { id }
          steps { from { id ... on Entity { name } } to { id } fixes { summary } } } } } }`,
      },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data?.['attackPaths'] as { edges: { node: { steps: unknown[] } }[] };
    const nodes = page.edges.reduce((n, e) => n + 2 + 2 * e.node.steps.length, 0);
    expect(nodes).toBeGreaterThan(50);
    // Every node of every path in one batched lookup; then the run record and the page itself.
    expect(lookups.queries).toBe(1);
    expect(queries.value()).toBe(3);
  });

  it('suggests closing the storefront port for the internet hop', async () => {
    const [path] = between((await attackPaths()).paths, 'internet', PII);
    expect(path?.steps[0]?.fixes[0]?.fix['closePorts']).toEqual({
      resource: STOREFRONT,
      ports: ['tcp:443'],
    });
  });
});

describe('the analyst examples in docs/examples', () => {
  it.each([
    ['node', 'docs/examples/top-attack-paths.mjs'],
    ['python3', 'docs/examples/top_attack_paths.py'],
  ])('%s %s explains the worst paths and tries a fix over plain HTTP', async (command, file) => {
    const server = await startHttpServer({ db, port: 0, host: '127.0.0.1' });
    try {
      const { stdout } = await promisify(execFile)(command, [file], {
        env: { ...process.env, CAIRN_URL: server.url },
      });
      expect(stdout).toMatch(/^\d+ groups of attack paths; the worst 5:/);
      expect(stdout).toContain(`internet (internet) -> ${PARTNER}`);
      expect(stdout).toContain('fix: ');
      expect(stdout).toMatch(/would remove [1-9]\d* paths; \d+ would remain\./);
    } finally {
      await server.close();
    }
  });
});

describe('risk export and crown-jewel marking', () => {
  it('exports every path with the accounts it touches', async () => {
    const result = await cairn(['export', 'risk', '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      paths: { entry: string; jewel: string; accounts: string[]; change: string }[];
      accounts: { account: string; paths: number }[];
    };
    const { totalCount } = await attackPaths();
    expect(doc.paths.filter((p) => p.change !== 'GONE')).toHaveLength(totalCount);
    const vendor = doc.paths.find((p) => p.entry === VENDOR && p.jewel === PII);
    expect(vendor?.accounts).toEqual([DEV, PROD, VENDOR]);
    expect(doc.accounts.map((a) => a.account)).toEqual(expect.arrayContaining([PROD, DEV, DATA]));
  });

  it('finds paths to a bucket once it is marked a crown jewel, and exports them as new', async () => {
    const CATALOGUE = 'arn:aws:s3:::acme-prod-catalogue-assets';
    expect((await attackPaths({ target: CATALOGUE })).totalCount).toBe(0);
    await query(
      `mutation { markCrownJewel(input: { id: "${CATALOGUE}", reason: "holds unreleased product images", by: "ana" }, impact: store) { id } }`,
    );
    await run(['analyze']);
    const marked = await attackPaths({ target: CATALOGUE });
    expect(marked.totalCount).toBeGreaterThan(0);
    expect(marked.paths.map((p) => p.source.id)).toContain('internet');
    const result = await cairn(['export', 'risk', '--format', 'ndjson', '--level', 'path']);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { jewel: string; change: string });
    const toCatalogue = records.filter((r) => r.jewel === CATALOGUE);
    expect(toCatalogue.length).toBe(marked.totalCount);
    expect(toCatalogue.every((r) => r.change === 'NEW')).toBe(true);
    expect(
      records.filter((r) => r.jewel !== CATALOGUE).every((r) => r.change === 'UNCHANGED'),
    ).toBe(true);
  }, 240_000);
});
