import { ALLOW_ALL } from '../admin/admin-results.js';
import {
  ActionDecisions,
  compilePolicy,
  type ActionCatalog,
  type CompiledPolicy,
} from '../policy/index.js';
import type { KindActions } from './action-levels.js';
import type { AccessTarget } from './access-target.js';
import { without } from './bit-ops.js';
import { callerContext } from './caller-context.js';

/**
 * Whether a KMS key policy lets its account's IAM policies decide every key action (the usual
 * "Enable IAM User Permissions" statement). Only then does being admin-equivalent imply using
 * the key: a key policy that names a few roles keeps everyone else out, admins included.
 * Asked as a role of the key's account whose identity allows everything; keys with the same
 * policy template in one account share the answer.
 */
export class KeyDelegation {
  private readonly answers = new Map<string, boolean>();
  /** Asked once per (principal, key) pair: the key itself remembers its answer. */
  private readonly byKey = new WeakMap<AccessTarget, boolean>();
  private readonly allowAll: CompiledPolicy;

  constructor(
    private readonly catalog: ActionCatalog,
    private readonly actions: KindActions,
  ) {
    this.allowAll = compilePolicy(ALLOW_ALL, 'cairn:allow-all', catalog);
  }

  delegates(key: AccessTarget): boolean {
    let known = this.byKey.get(key);
    if (known === undefined) {
      known = this.decide(key);
      this.byKey.set(key, known);
    }
    return known;
  }

  private decide(key: AccessTarget): boolean {
    if (!key.policy) return false;
    const cacheKey = `${key.account}\n${key.template ?? key.id}`;
    let answer = this.answers.get(cacheKey);
    if (answer === undefined) {
      const partition = key.arn.split(':')[1] ?? 'aws';
      const decisions = new ActionDecisions(
        this.catalog,
        { identity: [this.allowAll], resource: [key.policy] },
        {
          principal: {
            arn: `arn:${partition}:iam::${key.account}:role/cairn-delegation-probe`,
            sessionArn: `arn:${partition}:sts::${key.account}:assumed-role/cairn-delegation-probe/cairn`,
          },
          resource: key.arn,
          resourceAccount: key.account,
          context: callerContext(key.kind, key.account),
        },
      );
      answer = without(this.actions.parent, decisions.allowedSet).isEmpty();
      this.answers.set(cacheKey, answer);
    }
    return answer;
  }
}
