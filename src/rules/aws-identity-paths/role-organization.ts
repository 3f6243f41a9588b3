import type { RuleRow } from '../evaluator.js';
import { accountOfArn } from './principal-account.js';
import { optionalString, stringList } from './row-fields.js';

/** The role's account, organization and the organization's accounts the trust names, from a row. */
export function roleOrganization(row: RuleRow): {
  account: string | undefined;
  organizationId: string | undefined;
  members: Set<string>;
} {
  return {
    account: row.account ?? accountOfArn(row.resource),
    organizationId: optionalString(row, 'organizationId'),
    members: new Set(stringList(row, 'orgAccounts')),
  };
}
