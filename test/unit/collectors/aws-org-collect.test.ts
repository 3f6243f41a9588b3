import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { collectOrganization } from '../../../src/collectors/aws/organizations/collect-org.js';
import type { AwsScanContext } from '../../../src/collectors/aws/scan-context.js';
import { KeyedRateLimiter } from '../../../src/collectors/shared/rate-limiter.js';
import { loggerFor } from '../../../src/logging/logger.js';

type Input = Record<string, string | undefined>;
type Answer = (input: Input) => object;

/** An Organizations client whose answers are given per command; unknown commands fail the test. */
function fakeClient(answers: Record<string, Answer>): {
  client: OrganizationsClient;
  calls: string[];
} {
  const calls: string[] = [];
  const client = {
    send: (command: { constructor: { name: string }; input: Input }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.push(`${name} ${JSON.stringify(command.input)}`);
      const answer = answers[name];
      if (!answer) return Promise.reject(new Error(`unexpected ${name}`));
      // A throwing answer becomes a rejected call, as the SDK reports AWS errors.
      return new Promise<object>((resolve) => resolve({ $metadata: {}, ...answer(command.input) }));
    },
  };
  return { client: client as unknown as OrganizationsClient, calls };
}

const awsError = (name: string): Error =>
  Object.assign(new Error(`${name}: refused`), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
const refuse =
  (name: string): Answer =>
  () => {
    throw awsError(name);
  };

const context = (): AwsScanContext => ({
  account: '111111111111',
  region: 'us-east-1',
  limiter: new KeyedRateLimiter(() => ({ ratePerSecond: 1000, burst: 1000, concurrency: 8 })),
  log: loggerFor({ test: 'aws-org-collect' }),
  gaps: [],
});

const organization = { Organization: { Id: 'o-abc123', MasterAccountId: '111111111111' } };
const policy = (id: string, type: string) => ({
  Policy: { PolicySummary: { Id: id, Name: id, Type: type }, Content: '{"Statement":[]}' },
});

/** An organization Root → ou-1 → ou-2, with accounts in pages of one. */
const organizationAnswers: Record<string, Answer> = {
  DescribeOrganization: () => organization,
  ListRoots: () => ({ Roots: [{ Id: 'r-1', Name: 'Root' }] }),
  ListOrganizationalUnitsForParent: ({ ParentId }) => ({
    OrganizationalUnits:
      ParentId === 'r-1'
        ? [{ Id: 'ou-1', Name: 'one' }]
        : ParentId === 'ou-1'
          ? [{ Id: 'ou-2', Name: 'two' }]
          : [],
  }),
  ListAccountsForParent: ({ ParentId }) => ({
    Accounts: ParentId === 'ou-2' ? [{ Id: '222222222222' }] : [],
  }),
  ListAccounts: ({ NextToken }) =>
    NextToken === undefined
      ? { Accounts: [{ Id: '111111111111', State: 'ACTIVE' }], NextToken: 'page-2' }
      : { Accounts: [{ Id: '222222222222', State: 'ACTIVE' }] },
  ListPolicies: ({ Filter }) => ({
    Policies: Filter === 'SERVICE_CONTROL_POLICY' ? [{ Id: 'p-scp1' }, { Id: 'p-scp2' }] : [],
  }),
  DescribePolicy: ({ PolicyId }) => policy(PolicyId ?? '', 'SERVICE_CONTROL_POLICY'),
  ListTargetsForPolicy: ({ PolicyId, NextToken }) => {
    if (PolicyId === 'p-scp2') throw awsError('AccessDeniedException');
    return NextToken === undefined
      ? { Targets: [{ TargetId: 'r-1', Type: 'ROOT' }], NextToken: 't-2' }
      : { Targets: [{ TargetId: 'ou-2', Type: 'ORGANIZATIONAL_UNIT' }] };
  },
};

describe('aws-org: live collection through the Organizations API', () => {
  it('walks the OUs recursively, follows every page and records a denied policy as a gap', async () => {
    const ctx = context();
    const { client, calls } = fakeClient(organizationAnswers);
    const org = await collectOrganization(ctx, client);
    if (org.kind !== 'collected') throw new Error(`expected the organization, got ${org.kind}`);

    expect([...org.api.unitsByParent.keys()].sort()).toEqual(['ou-1', 'ou-2', 'r-1']);
    expect(org.api.accountsByParent.get('ou-2')).toEqual([{ Id: '222222222222' }]);
    expect(org.api.accounts.map((a) => a.Id)).toEqual(['111111111111', '222222222222']);
    expect(calls).toContain('ListAccounts {"NextToken":"page-2"}');
    // p-scp2's targets were denied: it is left out rather than shown as applying nowhere.
    expect(org.api.policies.map((p) => [p.policy.PolicySummary?.Id, p.targets])).toEqual([
      [
        'p-scp1',
        [
          { TargetId: 'r-1', Type: 'ROOT' },
          { TargetId: 'ou-2', Type: 'ORGANIZATIONAL_UNIT' },
        ],
      ],
    ]);
    expect(ctx.gaps).toEqual([
      expect.objectContaining({
        service: 'organizations',
        operation: 'ListTargetsForPolicy',
        errorCode: 'AccessDeniedException',
      }),
    ]);
    expect(calls.filter((c) => c.startsWith('ListPolicies'))).toEqual([
      'ListPolicies {"Filter":"SERVICE_CONTROL_POLICY"}',
      'ListPolicies {"Filter":"RESOURCE_CONTROL_POLICY"}',
    ]);
  });

  it('skips a policy type the organization has not enabled, without a gap', async () => {
    const ctx = context();
    const { client } = fakeClient({
      ...organizationAnswers,
      ListPolicies: ({ Filter }) => {
        if (Filter === 'RESOURCE_CONTROL_POLICY') throw awsError('PolicyTypeNotEnabledException');
        return { Policies: [{ Id: 'p-scp1' }] };
      },
    });
    const org = await collectOrganization(ctx, client);
    expect(org.kind).toBe('collected');
    expect(ctx.gaps).toEqual([]);
  });

  it('is incomplete when the structure is denied (a member account), keeping the accounts', async () => {
    const ctx = context();
    const { client, calls } = fakeClient({
      ...organizationAnswers,
      ListRoots: refuse('AccessDeniedException'),
    });
    const org = await collectOrganization(ctx, client);
    expect(org).toEqual({
      kind: 'incomplete',
      organizationId: 'o-abc123',
      accounts: [
        { Id: '111111111111', State: 'ACTIVE' },
        { Id: '222222222222', State: 'ACTIVE' },
      ],
    });
    expect(ctx.gaps.map((g) => g.operation)).toEqual(['ListRoots']);
    expect(calls.some((c) => c.startsWith('DescribePolicy'))).toBe(false);
  });

  it('says whether there is no organization or it cannot be described', async () => {
    const none = context();
    const notInUse = await collectOrganization(
      none,
      fakeClient({ DescribeOrganization: refuse('AWSOrganizationsNotInUseException') }).client,
    );
    expect(notInUse).toEqual({ kind: 'none', reason: 'not-in-use' });
    expect(none.gaps).toEqual([]);

    const denied = context();
    const unreadable = await collectOrganization(
      denied,
      fakeClient({ DescribeOrganization: refuse('AccessDeniedException') }).client,
    );
    expect(unreadable).toEqual({ kind: 'none', reason: 'unreadable' });
    expect(denied.gaps.map((g) => g.operation)).toEqual(['DescribeOrganization']);
  });
});
