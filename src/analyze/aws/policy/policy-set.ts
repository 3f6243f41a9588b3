import type { CompiledPolicy } from './compiled-policy.js';

/**
 * How a resource policy combines with identity policies:
 * - `default`: same account, either side may allow;
 * - `kms-key`: the key policy must allow, directly or by delegating to the account;
 * - `role-trust`: a role's trust policy must allow the caller to assume it.
 */
export type ResourcePolicyKind = 'default' | 'kms-key' | 'role-trust';

/** Every compiled policy that applies to one principal (and one resource, if any). */
export interface PolicySet {
  /** Attached, inline and group policies of the principal. */
  readonly identity: readonly CompiledPolicy[];
  readonly permissionsBoundary?: CompiledPolicy;
  /** Session policies (inline and managed); present only for sessions that have them. */
  readonly session?: readonly CompiledPolicy[];
  /** SCPs of the principal's account, one list per level: root, OUs, the account. */
  readonly scps?: readonly (readonly CompiledPolicy[])[];
  /** RCPs of the resource's account, one list per level. */
  readonly rcps?: readonly (readonly CompiledPolicy[])[];
  /** The resource's policy (bucket policy, key policy, trust policy, ...). */
  readonly resource?: readonly CompiledPolicy[];
  /** Overrides the kind detected from the resource ARN and action. */
  readonly resourcePolicyKind?: ResourcePolicyKind;
  /** SCPs do not restrict the management account, nor RCPs its resources. */
  readonly managementAccountId?: string;
}

/** Key policies for KMS keys; trust policies for `sts:*` on an IAM role. */
export function detectResourcePolicyKind(action: string, resource: string): ResourcePolicyKind {
  if (/^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(resource)) return 'kms-key';
  if (/^sts:/i.test(action) && /^arn:[^:]+:iam::[^:]*:role\//.test(resource)) return 'role-trust';
  return 'default';
}
