import type { AccessTarget } from './access/access-target.js';
import type { IamPrincipal } from './iam-model.js';
import type { CompiledPolicy } from './policy/index.js';

/**
 * Principals whoCan need not evaluate because nothing could allow them: no Allow statement of
 * their identity policies may apply to the action and resource, and no resource policy could
 * grant them on its own (the store's policy names neither them, their account nor everyone;
 * or there is none). An implicit deny needs no evaluation; on a large estate most principals
 * have nothing to do with any one store.
 */
export class WhoCanRelevance {
  private readonly allows = new Map<CompiledPolicy, boolean>();

  constructor(
    private readonly action: string,
    private readonly resource: string,
    private readonly store: AccessTarget | undefined,
    /** A role's trust policy decides (sts actions on a role): it may name anyone. */
    private readonly trustDecides: boolean,
  ) {}

  mayBeAllowed(principal: IamPrincipal): boolean {
    if (this.trustDecides || this.storeMayGrant(principal)) return true;
    return principal.policies.identity.some((policy) => this.mayAllow(policy));
  }

  private storeMayGrant(principal: IamPrincipal): boolean {
    if (!this.store?.policy) return false;
    const facts = this.store.facts;
    if (!facts) return true;
    return (
      facts.allowsEveryone ||
      facts.allowedAccounts.has(principal.account) ||
      facts.allowedArns.has(principal.id) ||
      // Names Cairn cannot tie to a principal's ARN (unique ids, role sessions): anyone might
      // be one of them.
      [...facts.allowedArns].some((name) => !name.startsWith('arn:') || name.includes(':sts:'))
    );
  }

  private mayAllow(policy: CompiledPolicy): boolean {
    let answer = this.allows.get(policy);
    if (answer === undefined) {
      answer = policy.statements.some(
        (s) => s.effect === 'Allow' && s.mayApplyTo(this.action, this.resource),
      );
      this.allows.set(policy, answer);
    }
    return answer;
  }
}
