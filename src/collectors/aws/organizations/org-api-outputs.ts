import type {
  Account,
  Organization,
  OrganizationalUnit,
  Policy,
  PolicyTargetSummary,
  Root,
} from '@aws-sdk/client-organizations';
import type { OrgFiles } from './org-files.js';

/** A control policy as DescribePolicy returned it, with the targets it is attached to. */
export interface OrgPolicyOutputs {
  readonly policy: Policy;
  readonly targets: readonly PolicyTargetSummary[];
}

/** What the Organizations API answered for one organization, with each list's pages merged. */
export interface OrgApiOutputs {
  readonly organization: Organization;
  readonly roots: readonly Root[];
  readonly accounts: readonly Account[];
  /** Every parent (the root and each OU) → the OUs directly under it. */
  readonly unitsByParent: ReadonlyMap<string, readonly OrganizationalUnit[]>;
  /** Every parent (the root and each OU) → the accounts directly under it. */
  readonly accountsByParent: ReadonlyMap<string, readonly Account[]>;
  /** The SCPs and RCPs that could be read. */
  readonly policies: readonly OrgPolicyOutputs[];
}

/**
 * The files the `aws organizations` commands would have written for the same answers
 * (docs/formats/aws-org.md), so that live and imported data go through one transform,
 * `orgToRecords`. `source` names where they came from in error messages.
 */
export function orgFilesFromApi(api: OrgApiOutputs, source: string): OrgFiles {
  const files = new Map<string, { source: string; json: unknown }>();
  const put = (key: string, body: object): void => {
    // Dates become ISO strings and undefined fields disappear, as in the CLI's JSON.
    files.set(key, { source: `${source}: ${key}`, json: JSON.parse(JSON.stringify(body)) });
  };
  put('describe-organization.json', { Organization: api.organization });
  put('list-roots.json', { Roots: api.roots });
  put('list-accounts.json', { Accounts: api.accounts });
  for (const [parent, units] of api.unitsByParent)
    put(`list-organizational-units-for-parent/${parent}.json`, { OrganizationalUnits: units });
  for (const [parent, accounts] of api.accountsByParent)
    put(`list-accounts-for-parent/${parent}.json`, { Accounts: accounts });
  for (const { policy, targets } of api.policies) {
    const id = policy.PolicySummary?.Id;
    if (!id) continue;
    put(`describe-policy/${id}.json`, { Policy: policy });
    put(`list-targets-for-policy/${id}.json`, { Targets: targets });
  }
  return files;
}
