import type { IamModel } from '../iam-model.js';
import { compilePolicy, type ActionCatalog, type CompiledPolicy } from '../policy/index.js';
import { accountCeiling, adminStatus, type AdminResult } from './admin-status.js';

/** Every action on every resource: the identity side of the account ceiling, or a grant. */
export const ALLOW_ALL = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** Every principal's admin status against its own account's ceiling, by principal id. */
export function adminResults(catalog: ActionCatalog, model: IamModel): Map<string, AdminResult> {
  const allowAll: CompiledPolicy[] = [compilePolicy(ALLOW_ALL, 'cairn:allow-all', catalog)];
  const ceilings = new Map(
    [...model.accounts].map(([account, { controls }]) => [
      account,
      accountCeiling(catalog, account, controls.scps, controls.managementAccountId, allowAll),
    ]),
  );
  const results = new Map<string, AdminResult>();
  for (const principal of model.principals) {
    const ceiling = ceilings.get(principal.account);
    if (!ceiling) continue;
    // A boundary we cannot read could deny anything: never call that principal admin.
    results.set(
      principal.id,
      principal.boundaryUnknown
        ? {
            status: 'conditional',
            evidence: { missing: [{ action: '*', reason: 'boundary-not-collected' }] },
          }
        : adminStatus(catalog, principal.policies, principal.id, ceiling),
    );
  }
  return results;
}

/** The principals whose status is `admin` (not conditional). */
export function adminIds(results: ReadonlyMap<string, AdminResult>): Set<string> {
  return new Set([...results].filter(([, r]) => r.status === 'admin').map(([id]) => id));
}
