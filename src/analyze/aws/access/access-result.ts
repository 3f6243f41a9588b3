import type { PendingCondition, StatementRef } from '../policy/index.js';
import type { AccessLevel } from './access-kind.js';

/** Why one action of a CAN_ACCESS edge is allowed. */
export interface AccessEvidence {
  readonly action: string;
  /** The ARN the request named: the store, or an object/user under it. */
  readonly resource: string;
  /** Statements that allow it (policy grants). */
  readonly decidedBy: readonly StatementRef[];
  /** Allowed only if pending conditions hold. */
  readonly conditional: boolean;
  /** An S3 ACL grant to a public group that allows it (its position in the ACL). */
  readonly acl?: { readonly group: string; readonly permission: string; readonly index: number };
  /** A resource attribute that makes it public (`launchPermission: all`). */
  readonly attribute?: string;
}

/** What one caller gets on one data store. */
export interface AccessResult {
  readonly levels: readonly AccessLevel[];
  /** Levels reached only under pending conditions. */
  readonly conditionalLevels: readonly AccessLevel[];
  /** A few allowed actions per level, the telling ones first. */
  readonly actions: readonly string[];
  readonly evidence: readonly AccessEvidence[];
  readonly pending: readonly PendingCondition[];
}

/** Holds only if pending conditions do: no level is reached outright. */
export function isConditional(result: AccessResult): boolean {
  return result.conditionalLevels.length === result.levels.length;
}

/** The same result with every level conditional (a boundary or policy Cairn could not read). */
export function allConditional(result: AccessResult): AccessResult {
  return { ...result, conditionalLevels: result.levels };
}
