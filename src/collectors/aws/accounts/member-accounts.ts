import type { Account } from '@aws-sdk/client-organizations';

/**
 * The accounts a scan assumes a role into: every active account of the organization except the
 * caller's own (collected with the ambient credentials). Suspended or closing accounts are
 * skipped since AWS refuses to issue credentials in them.
 */
export function memberAccountsToScan(accounts: readonly Account[], caller: string): string[] {
  const ids = new Set<string>();
  for (const account of accounts) {
    const state = account.State ?? account.Status;
    if (account.Id && account.Id !== caller && state === 'ACTIVE') ids.add(account.Id);
  }
  return [...ids].sort();
}
