import { ALLOW_ALL } from '../admin/admin-results.js';
import { accountCeiling, adminStatus, type AdminStatus } from '../admin/admin-status.js';
import type { IamModel } from '../iam-model.js';
import {
  compilePolicy,
  type ActionBitSet,
  type ActionCatalog,
  type CompiledPolicy,
  type PolicySet,
} from '../policy/index.js';

/** Admin-equivalence of hypothetical policy sets (after a grant, a group join, a lifted boundary). */
export class AdminOracle {
  readonly allowAll: CompiledPolicy;
  private readonly ceilings = new Map<string, ActionBitSet>();

  constructor(
    private readonly catalog: ActionCatalog,
    private readonly model: IamModel,
  ) {
    this.allowAll = compilePolicy(ALLOW_ALL, 'cairn:granted-admin', catalog);
  }

  status(policies: PolicySet, principalArn: string, account: string): AdminStatus {
    return adminStatus(this.catalog, policies, principalArn, this.ceiling(account)).status;
  }

  private ceiling(account: string): ActionBitSet {
    let ceiling = this.ceilings.get(account);
    if (!ceiling) {
      const controls = this.model.accounts.get(account)?.controls ?? {};
      ceiling = accountCeiling(this.catalog, account, controls.scps, controls.managementAccountId, [
        this.allowAll,
      ]);
      this.ceilings.set(account, ceiling);
    }
    return ceiling;
  }
}
