/**
 * The raw IAM facts analysis starts from, as plain data: read from the graph for `cairn analyze`,
 * or written by hand in case files. `buildIamModel` compiles it once for evaluation.
 */

/** How a policy reaches a principal: its own (attached or inline) or through a group. */
export type PolicyKind = 'customer-managed' | 'aws-managed' | 'inline';

export interface StoredPolicy {
  readonly id: string;
  readonly document: unknown;
  readonly kind?: PolicyKind;
  /** The group it comes through, when not the principal's own. */
  readonly via?: string;
}

export interface EstatePrincipal {
  readonly id: string;
  readonly kind: 'user' | 'role';
  readonly account: string;
  readonly scope: string;
  readonly path?: string;
  readonly trustPolicy?: unknown;
  readonly policies: readonly StoredPolicy[];
  readonly boundary?: StoredPolicy;
  /** A boundary is set but its document was not collected. */
  readonly boundaryUnknown?: boolean;
  readonly groups?: readonly string[];
  /** Access keys the user has; undefined when keys were not collected (an authz import). */
  readonly accessKeys?: number;
  /** Whether the user has a console password; undefined when unknown. */
  readonly consolePassword?: boolean;
  /** Instance profiles that carry the role. */
  readonly instanceProfiles?: readonly string[];
}

export interface EstateGroup {
  readonly id: string;
  readonly account: string;
  readonly policies: readonly StoredPolicy[];
}

export interface EstateAccount {
  readonly account: string;
  readonly scope: string;
  readonly managementAccountId?: string;
  /** SCPs per level of the organization path, root first; empty outside an organization. */
  readonly scpLevels: readonly (readonly StoredPolicy[])[];
}

export interface IamEstate {
  readonly accounts: readonly EstateAccount[];
  readonly principals: readonly EstatePrincipal[];
  readonly groups: readonly EstateGroup[];
}
