import type { IamModel, IamPrincipal } from '../iam-model.js';
import {
  compilePolicy,
  evaluateRequest,
  type ActionCatalog,
  type CompiledPolicy,
  type Decision,
} from '../policy/index.js';
import { AdminOracle } from './admin-oracle.js';
import { ADMIN_POLICY_ARN } from './technique.js';

/** Shared, memoized facts the techniques ask about while the engine runs. */
export class EscalationEnv {
  readonly oracle: AdminOracle;
  private readonly trusts = new Map<string, Decision>();
  private readonly adminPolicies = new Map<string, readonly string[]>();

  constructor(
    private readonly catalog: ActionCatalog,
    readonly model: IamModel,
  ) {
    this.oracle = new AdminOracle(catalog, model);
  }

  /**
   * Whether the role's trust policy lets a service assume it, for a resource the attacker
   * creates in the role's own account (so aws:SourceAccount is known; the source ARN is not).
   */
  serviceTrust(role: IamPrincipal, service: string): Decision {
    const key = `${role.id}\n${service}`;
    let decision = this.trusts.get(key);
    if (!decision) {
      decision = role.trust
        ? evaluateRequest(
            { identity: [], resource: [role.trust], resourcePolicyKind: 'role-trust' },
            {
              principal: { service },
              action: 'sts:AssumeRole',
              resource: role.id,
              context: { 'aws:SourceAccount': role.account },
            },
          )
        : DENIED;
      this.trusts.set(key, decision);
    }
    return decision;
  }

  /**
   * Policies an attacker could attach to become admin: AdministratorAccess, and the account's
   * customer-managed policies with an unconditional Allow of every action on every resource.
   */
  adminPolicyArns(account: string): readonly string[] {
    let arns = this.adminPolicies.get(account);
    if (!arns) {
      const found = new Set<string>([ADMIN_POLICY_ARN]);
      for (const principal of this.model.principals) {
        if (principal.account !== account) continue;
        principal.policyRefs.forEach((ref, i) => {
          const policy = principal.policies.identity[i];
          if (ref.kind === 'customer-managed' && policy?.id === ref.id && allowsAll(policy)) {
            found.add(ref.id);
          }
        });
      }
      arns = [...found];
      this.adminPolicies.set(account, arns);
    }
    return arns;
  }

  /** The trust policy an attacker writes with iam:UpdateAssumeRolePolicy: it names them. */
  trustNaming(caller: IamPrincipal, role: IamPrincipal): CompiledPolicy {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: caller.id }, Action: 'sts:AssumeRole' }],
    };
    return compilePolicy(document, `${role.id}#trust-rewritten`, this.catalog);
  }
}

const DENIED: Decision = {
  decision: 'denied',
  reason: 'implicit-deny',
  decidedBy: [],
  pending: [],
  missingAllow: undefined,
};

function allowsAll(policy: CompiledPolicy): boolean {
  return policy.statements.some(
    (s) =>
      s.effect === 'Allow' &&
      !s.actions.negated &&
      s.actions.patterns.includes('*') &&
      s.resources?.patterns.includes('*') === true &&
      !s.resources.negated &&
      s.conditions.isEmpty,
  );
}
