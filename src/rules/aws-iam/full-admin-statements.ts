import type { PolicyDocument, PolicyStatement } from '../../analyze/aws/policy/index.js';

/** A statement that grants every action on every resource. */
export interface FullAdminStatement {
  readonly index: number;
  readonly sid?: string;
  /** It carries a Condition: still "*:*" for whoever meets it. */
  readonly conditional: boolean;
}

// "*:*" is not AWS's documented spelling, but IAM matches it against every service:action.
const EVERY_ACTION = new Set(['*', '*:*']);

function everything(statement: PolicyStatement): boolean {
  return (
    (statement.action ?? []).some((action) => EVERY_ACTION.has(action)) &&
    (statement.resource ?? []).includes('*')
  );
}

/**
 * The Allow statements of the document with Action "*" on Resource "*". NotAction and
 * NotResource are never "*:*" here even when they grant nearly as much (NotAction: iam:PassRole
 * allows every other action): this rule follows the benchmark's literal test, and
 * admin-equivalence analysis is what judges such near-admin grants. An unconditional Deny of
 * everything in the same document cancels the grants; narrower Denies do not.
 */
export function fullAdminStatements(document: PolicyDocument): FullAdminStatement[] {
  const deniesAll = document.statements.some(
    (s) => s.effect === 'Deny' && s.conditions.length === 0 && everything(s),
  );
  if (deniesAll) return [];
  return document.statements
    .filter((s) => s.effect === 'Allow' && everything(s))
    .map((s) => ({
      index: s.index,
      ...(s.sid === undefined ? {} : { sid: s.sid }),
      conditional: s.conditions.length > 0,
    }));
}
