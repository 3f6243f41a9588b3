import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Account, OrganizationalUnit } from '@aws-sdk/client-organizations';
import {
  orgFilesFromApi,
  type OrgApiOutputs,
} from '../../../src/collectors/aws/organizations/org-api-outputs.js';
import {
  orgToRecords,
  readOrgExports,
} from '../../../src/collectors/aws/organizations/read-org.js';
import type { GraphRecords } from '../../../src/records/graph-records.js';

const ORG = 'o-a1b2c3d4e5';
const FIXTURE = 'test/fixtures/aws-org/acme-org.json';
const arn = (kind: string, id: string): string =>
  `arn:aws:organizations::111111111111:${kind}/${ORG}/${id}`;
const doc = (statement: object): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const account = (id: string, name: string, extra: Partial<Account> = {}): Account => ({
  Id: id,
  Arn: arn('account', id),
  Email: `${name}@acme.example`,
  Name: name,
  Status: 'ACTIVE',
  State: 'ACTIVE',
  ...extra,
});
const unit = (id: string, name: string): OrganizationalUnit => ({
  Id: id,
  Arn: arn('ou', id),
  Name: name,
});

/**
 * What the SDK answers for an organization with a nested OU (Workloads → Prod), an SCP on an OU,
 * the AWS-managed SCP on the root, and an RCP on the nested OU. Dates are Date objects, as the
 * SDK gives them.
 */
function api(): OrgApiOutputs {
  return {
    organization: {
      Id: ORG,
      Arn: `arn:aws:organizations::111111111111:organization/${ORG}`,
      FeatureSet: 'ALL',
      MasterAccountId: '111111111111',
      MasterAccountEmail: 'root@acme.example',
    },
    roots: [{ Id: 'r-ab12', Arn: arn('root', 'r-ab12'), Name: 'Root', PolicyTypes: [] }],
    accounts: [
      account('111111111111', 'management', { JoinedTimestamp: new Date('2020-01-01T00:00:00Z') }),
      account('222222222222', 'prod'),
      account('333333333333', 'old', { Status: 'SUSPENDED', State: 'SUSPENDED' }),
    ],
    unitsByParent: new Map([
      ['r-ab12', [unit('ou-ab12-work0001', 'Workloads')]],
      ['ou-ab12-work0001', [unit('ou-ab12-prod0001', 'Prod')]],
      ['ou-ab12-prod0001', []],
    ]),
    accountsByParent: new Map([
      ['r-ab12', [account('111111111111', 'management'), account('333333333333', 'old')]],
      ['ou-ab12-work0001', []],
      ['ou-ab12-prod0001', [account('222222222222', 'prod')]],
    ]),
    policies: [
      {
        policy: {
          PolicySummary: {
            Id: 'p-FullAWSAccess',
            Name: 'FullAWSAccess',
            Type: 'SERVICE_CONTROL_POLICY',
            AwsManaged: true,
          },
          Content: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
        },
        targets: [{ TargetId: 'r-ab12', Type: 'ROOT', Name: 'Root' }],
      },
      {
        policy: {
          PolicySummary: {
            Id: 'p-denyleave1',
            Name: 'deny-leave',
            Type: 'SERVICE_CONTROL_POLICY',
            AwsManaged: false,
          },
          Content: doc({
            Effect: 'Deny',
            Action: 'organizations:LeaveOrganization',
            Resource: '*',
          }),
        },
        targets: [{ TargetId: 'ou-ab12-work0001', Type: 'ORGANIZATIONAL_UNIT' }],
      },
      {
        policy: {
          PolicySummary: {
            Id: 'p-rcpdata01',
            Name: 'data-perimeter',
            Type: 'RESOURCE_CONTROL_POLICY',
            AwsManaged: false,
          },
          Content: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }),
        },
        targets: [{ TargetId: 'ou-ab12-prod0001', Type: 'ORGANIZATIONAL_UNIT' }],
      },
    ],
  };
}

const rels = (r: GraphRecords, type: string): string[] =>
  r.relationships
    .filter((x) => x.type === type)
    .map((x) => `${x.from} -> ${x.to}`)
    .sort();

describe('aws-org: live API outputs to the import files', () => {
  it('writes the documented file layout, one file per command and per parent or policy', () => {
    const files = orgFilesFromApi(api(), 'live');
    expect([...files.keys()].sort()).toEqual([
      'describe-organization.json',
      'describe-policy/p-FullAWSAccess.json',
      'describe-policy/p-denyleave1.json',
      'describe-policy/p-rcpdata01.json',
      'list-accounts-for-parent/ou-ab12-prod0001.json',
      'list-accounts-for-parent/ou-ab12-work0001.json',
      'list-accounts-for-parent/r-ab12.json',
      'list-accounts.json',
      'list-organizational-units-for-parent/ou-ab12-prod0001.json',
      'list-organizational-units-for-parent/ou-ab12-work0001.json',
      'list-organizational-units-for-parent/r-ab12.json',
      'list-roots.json',
      'list-targets-for-policy/p-FullAWSAccess.json',
      'list-targets-for-policy/p-denyleave1.json',
      'list-targets-for-policy/p-rcpdata01.json',
    ]);
    // The CLI's JSON: dates as ISO strings, each command's own top-level key.
    expect(files.get('list-accounts.json')?.json).toMatchObject({
      Accounts: [{ Id: '111111111111', JoinedTimestamp: '2020-01-01T00:00:00.000Z' }, {}, {}],
    });
    expect(files.get('list-organizational-units-for-parent/ou-ab12-work0001.json')).toEqual({
      source: 'live: list-organizational-units-for-parent/ou-ab12-work0001.json',
      json: {
        OrganizationalUnits: [
          { Id: 'ou-ab12-prod0001', Arn: arn('ou', 'ou-ab12-prod0001'), Name: 'Prod' },
        ],
      },
    });
  });

  it('becomes the organization scope through the import transform: nested OUs, SCPs, RCPs', () => {
    const records = orgToRecords(orgFilesFromApi(api(), 'live'), 'live');
    expect(records.scope).toEqual({ provider: 'AWS', id: `org/${ORG}` });
    expect(rels(records, 'CHILD_OF')).toEqual([
      '111111111111 -> r-ab12',
      '222222222222 -> ou-ab12-prod0001',
      '333333333333 -> r-ab12',
      'ou-ab12-prod0001 -> ou-ab12-work0001',
      'ou-ab12-work0001 -> r-ab12',
    ]);
    expect(rels(records, 'APPLIES_TO')).toEqual([
      'p-FullAWSAccess -> r-ab12',
      'p-denyleave1 -> ou-ab12-work0001',
      'p-rcpdata01 -> ou-ab12-prod0001',
    ]);
    const byId = new Map(records.nodes.map((n) => [n.id, n]));
    expect(byId.get('p-rcpdata01')?.properties).toMatchObject({
      policyType: 'RCP',
      document: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] },
    });
    expect(byId.get('p-denyleave1')?.properties['policyType']).toBe('SCP');
    expect(byId.get('111111111111')?.properties).toMatchObject({
      name: 'management',
      isManagementAccount: true,
      organizationId: ORG,
    });
  });

  it('gives the same records as importing the CLI outputs of the same organization', async () => {
    const [imported] = await readOrgExports([FIXTURE]);
    // The fixture's organization as the SDK would have answered it.
    const bundle = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    const file = <T>(key: string, field: string): T => bundle[key]?.[field] as T;
    const children = <T>(dir: string, field: string): Map<string, T[]> =>
      new Map(
        Object.keys(bundle)
          .filter((key) => key.startsWith(`${dir}/`))
          .map((key) => [key.slice(dir.length + 1, -'.json'.length), file<T[]>(key, field)]),
      );
    const policies = Object.keys(bundle)
      .filter((key) => key.startsWith('describe-policy/'))
      .map((key) => {
        const policy = file<{ PolicySummary: { Id: string } }>(key, 'Policy');
        return {
          policy,
          targets: file<[]>(`list-targets-for-policy/${policy.PolicySummary.Id}.json`, 'Targets'),
        };
      });
    const live = orgToRecords(
      orgFilesFromApi(
        {
          organization: file('describe-organization.json', 'Organization'),
          roots: file('list-roots.json', 'Roots'),
          accounts: file<Account[]>('list-accounts.json', 'Accounts').map((a) =>
            a.JoinedTimestamp ? { ...a, JoinedTimestamp: new Date(a.JoinedTimestamp) } : a,
          ),
          unitsByParent: children('list-organizational-units-for-parent', 'OrganizationalUnits'),
          accountsByParent: children('list-accounts-for-parent', 'Accounts'),
          policies,
        },
        'live',
      ),
      'live',
    );
    const sorted = (r: GraphRecords | undefined) => ({
      scope: r?.scope,
      nodes: [...(r?.nodes ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
      rels: [...(r?.relationships ?? [])].map((x) => `${x.from} ${x.type} ${x.to}`).sort(),
    });
    expect(sorted(live)).toEqual(sorted(imported));
  });
});
