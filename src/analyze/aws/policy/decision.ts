import type { ConditionEntry, PolicyEffect } from './policy-document.js';

export type PolicyType =
  'identity' | 'permissions-boundary' | 'session' | 'scp' | 'rcp' | 'resource';

/** Evidence: one statement of one policy, by the id the caller gave the policy. */
export interface StatementRef {
  readonly policyType: PolicyType;
  readonly policyId: string;
  readonly statementIndex: number;
  readonly sid: string | undefined;
  readonly effect: PolicyEffect;
  /** For SCPs and RCPs: the level in the organization path, 0 being the root. */
  readonly level: number | undefined;
}

/** A statement that would apply if the listed conditions held: what the decision waits on. */
export interface PendingCondition {
  readonly statement: StatementRef;
  readonly conditions: readonly ConditionEntry[];
}

export type DecisionValue = 'allowed' | 'denied' | 'conditional';

export type DecisionReason =
  | 'identity-policy'
  | 'resource-policy'
  | 'identity-and-resource-policy'
  | 'root-user'
  | 'explicit-deny'
  | 'scp'
  | 'rcp'
  | 'permissions-boundary'
  | 'session-policy'
  | 'resource-policy-required'
  | 'implicit-deny'
  | 'pending-conditions';

/** The policy layer that had no Allow, for implicit denials by an SCP, RCP or boundary. */
export interface MissingAllow {
  readonly policyType: PolicyType;
  readonly level: number | undefined;
}

/**
 * Tri-state answer to one request. `conditional` means the answer depends on request context
 * that was not known; `pending` lists exactly which statements and conditions it depends on.
 */
export interface Decision {
  readonly decision: DecisionValue;
  readonly reason: DecisionReason;
  /** Allows that granted (for allowed), Denies that matched (for explicit deny). */
  readonly decidedBy: readonly StatementRef[];
  readonly pending: readonly PendingCondition[];
  readonly missingAllow: MissingAllow | undefined;
}
