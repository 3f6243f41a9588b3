import type { ResourceKind } from '../estate/resource-estate.js';

/**
 * A privilege-escalation technique as data: what the caller must be allowed to do, on what, and
 * what the technique gives. The engine (find-escalations.ts) interprets these shapes; adding a
 * technique of an existing shape is a catalog entry and its case files, not code.
 */

/** Where a technique is described publicly; `ref` is that catalog's own name or number. */
export interface TechniqueSource {
  readonly catalog: 'rhino' | 'pmapper' | 'iam-vulnerable' | 'pathfinding.cloud';
  readonly ref: string;
}

/** The resource an action is checked on. */
export type ResourceRole =
  /** The principal being escalated to (or the caller itself). */
  | 'target'
  /** A group the target belongs to. */
  | 'target-group'
  /** A customer-managed policy attached to the target, directly or through a group. */
  | 'target-policy'
  /** The group the target joins. */
  | 'joined-group'
  /** A resource the attacker creates and names, so any ARN their policies allow will do. */
  | 'new-resource'
  /** The resource the preceding `new-resource` need created (invoking the new function). */
  | 'created-resource'
  /** The existing resource an `existing-resource` technique acts on (a function, an instance). */
  | 'resource';

export interface ActionNeed {
  readonly action: string;
  readonly on: ResourceRole;
  /**
   * Request context the attacker chooses, e.g. the policy ARN they attach. On an existing
   * resource, {@link RESOURCE_ROLE} stands for the role it runs as.
   */
  readonly context?: Readonly<Record<string, string>>;
  /**
   * Further resources AWS checks the same request on, as ARN templates filled from the existing
   * resource (`{partition}`, `{region}`, `{account}`): the document `ssm:SendCommand` runs.
   */
  readonly alsoOn?: readonly string[];
  /** The technique works without this action if this holds: then it is a precondition. */
  readonly otherwise?: string;
}

/** In an existing-resource need's context: the role the resource runs as (it stays). */
export const RESOURCE_ROLE = '{role}';

/** What the technique does, which decides the targets it applies to and what it yields. */
export type TechniqueShape =
  /** Grants admin-equivalent permissions to a user or role: the caller itself, or one it can become. */
  | { readonly kind: 'grant-admin'; readonly targets: 'user' | 'role' | 'user-or-role' }
  /** The caller joins a group whose policies make it admin-equivalent. */
  | { readonly kind: 'join-group' }
  /** Removes (or replaces) the boundary that is all that stops the target being admin. */
  | { readonly kind: 'lift-boundary'; readonly targets: 'user' | 'role' }
  /** Obtains credentials of another user. */
  | {
      readonly kind: 'user-credentials';
      readonly requires: 'free-key-slot' | 'no-console-password' | 'console-password';
    }
  /** Rewrites a role's trust policy to trust the caller, then assumes it. */
  | { readonly kind: 'rewrite-trust' }
  /** Passes a role that trusts a service to a new resource of that service, which runs as it. */
  | {
      readonly kind: 'pass-role';
      /** The service principals the role's trust policy must let in. */
      readonly services: readonly string[];
      /** EC2-based: the role must be in an instance profile. */
      readonly instanceProfile?: boolean;
    }
  /**
   * Acts on an existing resource that runs as a role (replaces its code, runs a command on it,
   * redeploys it) and gets that role's permissions; no role is passed.
   */
  | {
      readonly kind: 'existing-resource';
      readonly resource: ResourceKind;
      /** What else it must be: an instance Systems Manager manages, or Linux; a .zip function. */
      readonly requires?: {
        readonly ssmManaged?: true;
        readonly linux?: true;
        readonly zipPackage?: true;
      };
    };

export interface Technique {
  readonly id: string;
  readonly title: string;
  readonly shape: TechniqueShape;
  readonly needs: readonly ActionNeed[];
  readonly sources: readonly TechniqueSource[];
  /** A precondition Cairn cannot check from IAM data: every edge stays conditional on it. */
  readonly unverifiable?: string;
}

/** What an attacker attaches or sets as boundary: the broadest AWS-managed policy. */
export const ADMIN_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The actions a technique's edge relies on: its needs, and assuming the role it re-trusts. */
export function techniqueActions(technique: Technique): string[] {
  const actions = technique.needs.map((need) => need.action);
  return technique.shape.kind === 'rewrite-trust' ? [...actions, 'sts:AssumeRole'] : actions;
}
