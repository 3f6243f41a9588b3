import type { Database } from '../../../db/connection.js';
import { readNamed } from '../../../db/transactions.js';
import type { PolicyCache } from '../policy-cache.js';
import { accessTargetOf, type AccessTarget } from './access-target.js';

export interface AccessEstate {
  readonly targets: readonly AccessTarget[];
  /** Organization id per account, where Organizations reported one. */
  readonly orgs: ReadonlyMap<string, string>;
}

/** Every loaded data store (policies compiled through the model's cache) and account orgs. */
export async function readAccessEstate(db: Database, cache: PolicyCache): Promise<AccessEstate> {
  const targets = (await readNamed(db, 'analyze/aws-data-stores')).flatMap(
    (row) => accessTargetOf(row, cache) ?? [],
  );
  return { targets, orgs: await readAccountOrgs(db) };
}

export async function readAccountOrgs(db: Database): Promise<Map<string, string>> {
  const rows = await readNamed<{ account: unknown; orgId: unknown }>(
    db,
    'analyze/aws-account-orgs',
  );
  const orgs = new Map<string, string>();
  for (const { account, orgId } of rows) {
    if (typeof account === 'string' && typeof orgId === 'string') orgs.set(account, orgId);
  }
  return orgs;
}
