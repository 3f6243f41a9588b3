import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  type Account,
  type OrganizationalUnit,
  type OrganizationsClient,
  type PolicyType,
} from '@aws-sdk/client-organizations';
import { awsCall } from '../aws-call.js';
import type { AwsScanContext } from '../scan-context.js';
import { collectPages } from './collect-pages.js';
import type { OrgApiOutputs, OrgPolicyOutputs } from './org-api-outputs.js';

/** The control policies that limit what principals may do (the evaluator's SCP/RCP layers). */
const POLICY_TYPES: readonly PolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];

export type OrgCollection =
  /** The account is in no organization, or the credentials cannot even describe it. */
  | { readonly kind: 'none'; readonly reason: 'not-in-use' | 'unreadable' }
  /**
   * The organization's structure could not be read completely (typically a member account
   * without delegated administration): there is no organization scope to load, since loading
   * part of it would remove the rest. The accounts are there when ListAccounts was allowed.
   */
  | {
      readonly kind: 'incomplete';
      readonly organizationId: string;
      readonly accounts: readonly Account[] | undefined;
    }
  | { readonly kind: 'collected'; readonly api: OrgApiOutputs };

/**
 * Reads an organization through the Organizations API: the organization, its roots, OUs
 * recursively, accounts (with their parents), and every SCP and RCP with its content and
 * targets. Refused calls are recorded in `ctx.gaps`; the caller decides which scope they go to.
 */
export async function collectOrganization(
  ctx: AwsScanContext,
  client: OrganizationsClient,
): Promise<OrgCollection> {
  const described = await awsCall(
    ctx,
    { service: 'organizations', operation: 'DescribeOrganization' },
    () => client.send(new DescribeOrganizationCommand({})),
    ['AWSOrganizationsNotInUseException'],
  );
  const organization = described?.Organization;
  if (!organization?.Id) {
    const denied = ctx.gaps.some((gap) => gap.operation === 'DescribeOrganization');
    return { kind: 'none', reason: denied ? 'unreadable' : 'not-in-use' };
  }

  const roots = await collectPages(
    ctx,
    'ListRoots',
    (NextToken) => client.send(new ListRootsCommand({ NextToken })),
    (page) => page.Roots,
  );
  const unitsByParent = new Map<string, readonly OrganizationalUnit[]>();
  const accountsByParent = new Map<string, readonly Account[]>();
  let complete = roots !== undefined;
  // Breadth first: every parent of one level at once, the rate limiter keeps it within quota.
  const seen = new Set<string>();
  let parents = (roots ?? []).flatMap((root) => (root.Id ? [root.Id] : []));
  while (parents.length) {
    for (const parent of parents) seen.add(parent);
    const children = await Promise.all(
      parents.map(async (ParentId) => {
        const [units, accounts] = await Promise.all([
          collectPages(
            ctx,
            'ListOrganizationalUnitsForParent',
            (NextToken) =>
              client.send(new ListOrganizationalUnitsForParentCommand({ ParentId, NextToken })),
            (page) => page.OrganizationalUnits,
          ),
          collectPages(
            ctx,
            'ListAccountsForParent',
            (NextToken) => client.send(new ListAccountsForParentCommand({ ParentId, NextToken })),
            (page) => page.Accounts,
          ),
        ]);
        if (!units || !accounts) complete = false;
        if (units) unitsByParent.set(ParentId, units);
        if (accounts) accountsByParent.set(ParentId, accounts);
        return (units ?? []).flatMap((unit) => (unit.Id ? [unit.Id] : []));
      }),
    );
    parents = children.flat().filter((id) => !seen.has(id));
  }
  const accounts = await collectPages(
    ctx,
    'ListAccounts',
    (NextToken) => client.send(new ListAccountsCommand({ NextToken })),
    (page) => page.Accounts,
  );
  if (!complete || !roots || !accounts)
    return { kind: 'incomplete', organizationId: organization.Id, accounts };

  const policies = await collectPolicies(ctx, client);
  return {
    kind: 'collected',
    api: { organization, roots, accounts, unitsByParent, accountsByParent, policies },
  };
}

/** SCPs and RCPs with content and targets; a policy that cannot be read fully is left out. */
async function collectPolicies(
  ctx: AwsScanContext,
  client: OrganizationsClient,
): Promise<OrgPolicyOutputs[]> {
  const out: OrgPolicyOutputs[] = [];
  for (const Filter of POLICY_TYPES) {
    const summaries = await collectPages(
      ctx,
      'ListPolicies',
      (NextToken) => client.send(new ListPoliciesCommand({ Filter, NextToken })),
      (page) => page.Policies,
      // An organization with only consolidated billing has no control policies.
      ['PolicyTypeNotEnabledException'],
    );
    const read = await Promise.all(
      (summaries ?? []).map(async ({ Id: PolicyId }): Promise<OrgPolicyOutputs | undefined> => {
        if (!PolicyId) return undefined;
        const described = await awsCall(
          ctx,
          { service: 'organizations', operation: 'DescribePolicy' },
          () => client.send(new DescribePolicyCommand({ PolicyId })),
        );
        if (!described?.Policy) return undefined;
        const targets = await collectPages(
          ctx,
          'ListTargetsForPolicy',
          (NextToken) => client.send(new ListTargetsForPolicyCommand({ PolicyId, NextToken })),
          (page) => page.Targets,
        );
        // Without its targets a policy would seem to apply nowhere; the gap says it is missing.
        return targets ? { policy: described.Policy, targets } : undefined;
      }),
    );
    out.push(...read.filter((policy): policy is OrgPolicyOutputs => policy !== undefined));
  }
  return out;
}
