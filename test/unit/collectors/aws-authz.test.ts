import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthzDumps } from '../../../src/collectors/aws/iam/read-authz.js';
import type { GraphRecords } from '../../../src/records/graph-records.js';

const fixture = (name: string): string => path.join('test/fixtures/aws-authz', name);
const dir = mkdtempSync(path.join(tmpdir(), 'cairn-authz-'));
const acct = '123456789012';

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function dump(): Record<string, unknown[]> {
  return JSON.parse(readFileSync(fixture('small-account.json'), 'utf8')) as Record<
    string,
    unknown[]
  >;
}

const nodeIds = (r: GraphRecords, model: string): string[] =>
  r.nodes
    .filter((n) => n.model === model)
    .map((n) => n.id)
    .sort();
const relKeys = (r: GraphRecords, type: string): string[] =>
  r.relationships
    .filter((x) => x.type === type)
    .map((x) => `${x.from} -> ${x.to}`)
    .sort();

describe('aws-authz import', () => {
  it('turns one dump into one account scope with principals, policies and their links', async () => {
    const [records, ...rest] = await readAuthzDumps([fixture('small-account.json')]);
    expect(rest).toHaveLength(0);
    if (!records) throw new Error('no records');
    expect(records.scope).toEqual({ provider: 'AWS', id: acct });
    expect(nodeIds(records, 'AWSUser')).toEqual([
      `arn:aws:iam::${acct}:user/alice`,
      `arn:aws:iam::${acct}:user/service/ci-bot`,
    ]);
    expect(nodeIds(records, 'AWSManagedPolicy')).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    // ReadOnlyAccess is attached but not described in Policies: a stub.
    expect(records.nodes.find((n) => n.id.endsWith('ReadOnlyAccess'))?.stub).toBe(true);
    // legacy-ops is named by alice's GroupList but not detailed: a stub group.
    expect(relKeys(records, 'MEMBER_OF')).toEqual([
      `arn:aws:iam::${acct}:user/alice -> arn:aws:iam::${acct}:group/developers`,
      `arn:aws:iam::${acct}:user/alice -> arn:aws:iam::${acct}:group/legacy-ops`,
    ]);
    expect(relKeys(records, 'HAS_BOUNDARY')).toHaveLength(2);
    expect(relKeys(records, 'HAS_ROLE')).toEqual([
      `arn:aws:iam::${acct}:instance-profile/web-server -> arn:aws:iam::${acct}:role/web-server`,
    ]);
  });

  it('decodes URL-encoded documents and keeps the default policy version', async () => {
    const [records] = await readAuthzDumps([fixture('small-account.json')]);
    const byId = new Map(records?.nodes.map((n) => [n.id, n]));
    const deploy = byId.get(`arn:aws:iam::${acct}:policy/deploy-tools`);
    expect(deploy?.properties).toMatchObject({
      defaultVersionId: 'v2',
      document: { Statement: [{ Action: 's3:*' }] },
    });
    const web = byId.get(`arn:aws:iam::${acct}:role/web-server`);
    expect(web?.properties['trustPolicy']).toMatchObject({
      Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }],
    });
    expect(web?.properties).toMatchObject({
      lastUsed: '2026-11-01T10:00:00.000Z',
      lastUsedRegion: 'eu-west-1',
    });
    const inline = byId.get(`arn:aws:iam::${acct}:group/developers#inline/pass-deploy`);
    expect(inline?.properties).toMatchObject({
      policyType: 'inline',
      document: { Statement: [{ Action: ['iam:PassRole', 'lambda:CreateFunction'] }] },
    });
  });

  it('names the services role trusts let in, and ignores what is not a service name', async () => {
    const body = dump();
    const role = body['RoleDetailList']?.[0] as Record<string, unknown>;
    role['AssumeRolePolicyDocument'] = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com.cn', 'x"}) DETACH DELETE n //'],
          },
          Action: 'sts:AssumeRole',
        },
        { Effect: 'Allow', Principal: { AWS: acct }, Action: 'sts:AssumeRole' },
      ],
    };
    const [records] = await readAuthzDumps([write('services.json', body)]);
    if (!records) throw new Error('no records');
    const services = nodeIds(records, 'AWSServicePrincipal');
    expect(services).toEqual(['ec2.amazonaws.com.cn', 'lambda.amazonaws.com']);
    expect(relKeys(records, 'TRUSTS_SERVICE')).toContain(
      `${String(role['Arn'])} -> lambda.amazonaws.com`,
    );
  });

  it('references the identity providers role trusts name as stubs, and nothing else', async () => {
    const body = dump();
    const role = body['RoleDetailList']?.[0] as Record<string, unknown>;
    const github = `arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com`;
    const okta = `arn:aws:iam::${acct}:saml-provider/okta`;
    role['AssumeRolePolicyDocument'] = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: [github, okta, 'accounts.google.com', 'x:oidc-provider/evil'] },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
      ],
    };
    const [records] = await readAuthzDumps([write('federated.json', body)]);
    if (!records) throw new Error('no records');
    const stubs = records.nodes.filter((n) => n.model.endsWith('Provider'));
    expect(stubs.map((n) => [n.model, n.id, n.stub]).sort()).toEqual([
      ['AWSOidcProvider', github, true],
      ['AWSSamlProvider', okta, true],
    ]);
  });
  it('reads pages given as a JSON array, or as one file per page, to the same records', async () => {
    const [whole] = await readAuthzDumps([fixture('small-account.json')]);
    const [paged] = await readAuthzDumps([fixture('small-account-pages.json')]);
    const pages = JSON.parse(
      readFileSync(fixture('small-account-pages.json'), 'utf8'),
    ) as unknown[];
    const [files] = await readAuthzDumps([write('p1.json', pages[0]), write('p2.json', pages[1])]);
    const canonical = (r: GraphRecords | undefined) => ({
      nodes: [...(r?.nodes ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
      rels: r?.relationships.map((x) => `${x.type} ${x.from} ${x.to}`).sort(),
    });
    expect(canonical(paged)).toEqual(canonical(whole));
    expect(canonical(files)).toEqual(canonical(whole));
  });

  it('refuses a truncated file, naming it', async () => {
    const text = readFileSync(fixture('small-account.json'), 'utf8');
    const file = write('truncated.json', text.slice(0, text.length / 2));
    await expect(readAuthzDumps([file])).rejects.toThrow(
      /truncated\.json: truncated JSON \(it ends too early\) at line \d+/,
    );
  });

  it('refuses a policy document that is not valid JSON, naming the element', async () => {
    const bad = dump();
    (bad['RoleDetailList']?.[0] as Record<string, unknown>)['AssumeRolePolicyDocument'] =
      '%7B%22Version%22%3A';
    const file = write('bad-policy.json', bad);
    await expect(readAuthzDumps([file])).rejects.toThrow(
      `${file}: RoleDetailList[0] (arn:aws:iam::${acct}:role/web-server): AssumeRolePolicyDocument is neither a JSON object nor URL-encoded JSON`,
    );
  });

  it('refuses a document missing RoleDetailList', async () => {
    const bad = dump();
    delete bad['RoleDetailList'];
    const file = write('no-roles.json', bad);
    await expect(readAuthzDumps([file])).rejects.toThrow(`${file}: missing RoleDetailList`);
  });

  it('refuses a wrong type deep in the dump with its path, and a page it cannot place', async () => {
    const bad = dump();
    (bad['UserDetailList']?.[1] as Record<string, unknown>)['GroupList'] = 'admins';
    await expect(readAuthzDumps([write('bad-type.json', bad)])).rejects.toThrow(
      /bad-type\.json: field "UserDetailList\.1\.GroupList": /,
    );
    const empty = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
    await expect(readAuthzDumps([write('empty.json', empty)])).rejects.toThrow(
      /cannot tell the account/,
    );
  });
});
