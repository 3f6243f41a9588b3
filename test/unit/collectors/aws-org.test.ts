import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrgExports } from '../../../src/collectors/aws/organizations/read-org.js';
import type { GraphRecords } from '../../../src/records/graph-records.js';

const fixture = 'test/fixtures/aws-org/acme-org.json';
const bundle = (): Record<string, unknown> =>
  JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;
const tmp = mkdtempSync(path.join(tmpdir(), 'cairn-org-'));

function writeDir(name: string, files: Record<string, unknown>): string {
  const dir = path.join(tmp, name);
  for (const [key, json] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    writeFileSync(path.join(dir, key), JSON.stringify(json));
  }
  return dir;
}

const rels = (r: GraphRecords, type: string): string[] =>
  r.relationships
    .filter((x) => x.type === type)
    .map((x) => `${x.from} -> ${x.to}`)
    .sort();

describe('aws-org import', () => {
  it('reads the organization tree, accounts and control policies with their targets', async () => {
    const [records] = await readOrgExports([fixture]);
    if (!records) throw new Error('no records');
    expect(records.scope).toEqual({ provider: 'AWS', id: 'org/o-a1b2c3d4e5' });
    expect(rels(records, 'CHILD_OF')).toEqual([
      '111111111111 -> r-ab12',
      '222222222222 -> ou-ab12-prod0001',
      '333333333333 -> ou-ab12-dev00001',
      'ou-ab12-dev00001 -> r-ab12',
      'ou-ab12-prod0001 -> r-ab12',
    ]);
    expect(rels(records, 'APPLIES_TO')).toContain('p-devallow01 -> 333333333333');
    expect(rels(records, 'MANAGED_BY')).toEqual(['o-a1b2c3d4e5 -> 111111111111']);
    const byId = new Map(records.nodes.map((n) => [n.id, n]));
    expect(byId.get('111111111111')?.properties).toMatchObject({
      name: 'acme-management',
      isManagementAccount: true,
    });
    expect(byId.get('p-rcpdata01')?.properties).toMatchObject({
      policyType: 'RCP',
      document: { Statement: [{ Effect: 'Deny', Principal: '*' }] },
    });
    expect(byId.get('p-devallow01')?.properties['policyType']).toBe('SCP');
  });

  it('reads the same data from a directory of command outputs', async () => {
    const [fromBundle] = await readOrgExports([fixture]);
    const [fromDir] = await readOrgExports([writeDir('org', bundle())]);
    const sorted = (r: GraphRecords | undefined) =>
      [...(r?.nodes ?? [])].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(fromDir)).toEqual(sorted(fromBundle));
  });

  it('refuses missing files, bad policy content and dangling parents, naming them', async () => {
    const noRoots = bundle();
    delete noRoots['list-roots.json'];
    await expect(readOrgExports([writeDir('no-roots', noRoots)])).rejects.toThrow(
      /no-roots: missing list-roots\.json$/,
    );

    const badContent = bundle();
    const policy = badContent['describe-policy/p-denyleave1.json'] as {
      Policy: { Content: string };
    };
    policy.Policy.Content = '{"Version": "2012-10-17", "Statement": [';
    await expect(readOrgExports([writeDir('bad-content', badContent)])).rejects.toThrow(
      /describe-policy\/p-denyleave1\.json: Policy\.Content: truncated JSON/,
    );

    const dangling = bundle();
    dangling['list-accounts-for-parent/ou-ab12-gone0001.json'] = {
      Accounts: [{ Id: '444444444444' }],
    };
    await expect(readOrgExports([writeDir('dangling', dangling)])).rejects.toThrow(
      /ou-ab12-gone0001 is the parent of 444444444444 but is neither a root nor an OU/,
    );

    const wrongType = bundle();
    wrongType['list-accounts.json'] = { Accounts: [{ Id: 'not-an-account' }] };
    await expect(readOrgExports([writeDir('wrong-type', wrongType)])).rejects.toThrow(
      /list-accounts\.json: field "Accounts\.0\.Id"/,
    );
  });
});
